// `posting new` from the command line, in a copy of fixtures/cli/new/project (its posting.config.json
// points at site/content/_jobs): arguments → exit code, output and the files written.
import type { CliCase } from "./case.js";

interface Row {
  name: string;
  args: string[];
  stdin?: string;
  /** Files written to the jobs folder (undefined: not checked, unless the command fails). */
  jobs?: string[];
  /** Every file of the project after the run (instead of `jobs`). */
  tree?: string[];
  exitCode: number;
  stdout?: RegExp;
  stderr?: RegExp;
  spawn?: boolean;
}

const D = ["new", "--date", "2026-11-20"];

// Run with stdin closed: none of these may wait for input.
const ROWS: Row[] = [
  { name: "nothing given", spawn: true, args: ["new"], exitCode: 2, stderr: /missing required fields: roles \(Poste\(s\) recherché\(s\)\), open \(L'annonce est-elle ouverte \?\).*--yes/ },
  { name: "open missing, no --yes", args: [...D, "--roles", "Dev"], exitCode: 2, stderr: /missing required field: open .*--open\/--closed.*--yes to accept the defaults/ },
  { name: "--yes takes the defaults of the asked fields only", args: ["new", "--roles", "Dev", "--yes", "--dry-run"], exitCode: 0, jobs: [], stdout: /^---\nroles: Dev\nopen: true\ndate: \d{4}-\d{2}-\d{2}\n---\n/ },
  { name: "--yes writes", args: [...D, "--roles", "Dev", "--yes"], exitCode: 0, jobs: ["2026-11-20-dev.md"] },
  { name: "--yes still needs roles", args: ["new", "--yes"], exitCode: 2, stderr: /missing required field: roles/ },
  { name: "shortcuts", args: [...D, "--title", "Été 2026", "--roles", "Dev", "--startup", "ma-cantine", "--closed"], exitCode: 0, jobs: ["2026-11-20-ete-2026.md"], stdout: /^Créé site\/content\/_jobs\/2026-11-20-ete-2026\.md\n/ },
  { name: "--set with aliases, lists and synonyms", args: [...D, "--set", "role=Dev", "--set", "open=non", "--set", "domaine=dev, ux", "--set", "techno=React,Vue", "--set", "junior=oui"], exitCode: 0, jobs: ["2026-11-20-dev.md"] },
  { name: "--set unknown key", args: [...D, "--set", "contrats=CDI"], exitCode: 2, stderr: /--set: "contrats" is not a known key; did you mean "contrat"\?/ },
  { name: "--set without =", args: [...D, "--set", "roles"], exitCode: 2, stderr: /write it key=value/ },
  { name: "--set bad e-mail", args: [...D, "--roles", "Dev", "--open", "--set", "contact=nope"], exitCode: 2, stderr: /--set contact: une adresse e-mail est attendue/ },
  { name: "--date not a date", args: ["new", "--roles", "Dev", "--open", "--date", "2026-02-30"], exitCode: 2, stderr: /--date: une date AAAA-MM-JJ est attendue \(2026-02-30 is not a real date\)/ },
  { name: "reasons in English with --lang en", args: ["new", "--roles", "Dev", "--open", "--date", "2026-02-30", "--lang", "en"], exitCode: 2, stderr: /--date: expected a date YYYY-MM-DD/ },
  { name: "--date day first", args: ["new", "--roles", "Dev", "--open", "--date", "20/11/2026"], exitCode: 0, jobs: ["2026-11-20-dev.md"] },
  { name: "--open and --closed", args: [...D, "--roles", "Dev", "--open", "--closed"], exitCode: 2, stderr: /cannot be used together/ },
  { name: "--lang de", args: [...D, "--lang", "de"], exitCode: 2, stderr: /accepte pas «\u00a0de\u00a0»\u202f; valeurs possibles\u00a0: fr, en/ },
  { name: "--from-json -", args: [...D, "--from-json", "-"], stdin: '{"roles": "Dev", "open": true, "domaines": ["dev"], "titles": "Offre"}', exitCode: 0, jobs: ["2026-11-20-offre.md"] },
  { name: "--from-json not an object", args: [...D, "--from-json", "-"], stdin: "[1]", exitCode: 2, stderr: /expected a JSON object/ },
  { name: "--from-json broken", args: [...D, "--from-json", "-"], stdin: "{", exitCode: 2, stderr: /standard input is not valid JSON/ },
  { name: "--from-json wrong type", args: [...D, "--from-json", "-"], stdin: '{"roles": "Dev", "open": 3}', exitCode: 2, stderr: /--from-json: open: attendu : oui ou non/ },
  { name: "flags beat --from-json", args: [...D, "--from-json", "-", "--closed", "--title", "B"], stdin: '{"roles": "Dev", "open": true, "title": "A"}', exitCode: 0, jobs: ["2026-11-20-b.md"] },
  { name: "--dry-run prints and writes nothing", spawn: true, args: [...D, "--roles", "Dev", "--open", "--dry-run"], exitCode: 0, jobs: [], stdout: /^---\nroles: Dev\nopen: true\ndate: 2026-11-20\n---\n\n<!-- Remplacez/ },
  { name: "--dry-run --lang en", args: [...D, "--roles", "Dev", "--open", "--dry-run", "--lang", "en"], exitCode: 0, jobs: [], stdout: /## Practical details/ },
  { name: "--dir", args: [...D, "--roles", "Dev", "--open", "--dir", "elsewhere"], exitCode: 0, tree: ["elsewhere/2026-11-20-dev.md", "posting.config.json"], stdout: /Créé elsewhere\/2026-11-20-dev\.md/ },
];

/** A failed run writes nothing; a successful one prints nothing on stderr. */
export const NEW_CASES: CliCase[] = ROWS.map(({ jobs, stdout, stderr, tree, ...row }): CliCase => {
  const written = row.exitCode !== 0 ? [] : jobs?.map((name) => `site/content/_jobs/${name}`);
  return {
    ...row,
    cwd: "fixtures/cli/new/project",
    copy: true,
    ...(stdout ? { stdout: { matches: [stdout] } } : {}),
    stderr: row.exitCode === 0 ? { equals: "" } : { matches: stderr ? [stderr] : [] },
    ...(tree ? { tree } : written ? { tree: ["posting.config.json", ...written].sort() } : {}),
  };
});
