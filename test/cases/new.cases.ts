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
  /** The project to copy (default fixtures/cli/new/project). */
  project?: string;
}

/** A project whose config knows the startups (`references`: mes-aides, aides-jeunes, ma-cantine-egalim). */
const STARTUPS = "fixtures/cli/new/startups";
const STARTUP_FILES = ["site/content/_jobs/.gitkeep", "site/content/_startups/aides-jeunes.md", "site/content/_startups/ma-cantine-egalim.md", "site/content/_startups/mes-aides.md"];

const D = ["new", "--date", "2026-11-20"];

// Run with stdin closed: none of these may wait for input.
const ROWS: Row[] = [
  { name: "nothing given", spawn: true, args: ["new"], exitCode: 2, stderr: /champs obligatoires manquants\s: roles \(Poste\(s\) recherché\(s\)\), open \(L'annonce est-elle ouverte\s\?\).*--yes/ },
  { name: "open missing, no --yes", args: [...D, "--roles", "Dev"], exitCode: 2, stderr: /champ obligatoire manquant\s: open .*--open\/--closed.*--yes pour accepter les valeurs par défaut/ },
  { name: "--yes takes the defaults of the asked fields only", args: ["new", "--roles", "Dev", "--yes", "--dry-run"], exitCode: 0, jobs: [], stdout: /^---\nroles: Dev\nopen: true\ndate: \d{4}-\d{2}-\d{2}\n---\n/ },
  { name: "--yes writes", args: [...D, "--roles", "Dev", "--yes"], exitCode: 0, jobs: ["2026-11-20-dev.md"] },
  { name: "--yes still needs roles", args: ["new", "--yes"], exitCode: 2, stderr: /champ obligatoire manquant\s: roles/ },
  { name: "usage errors in English with --lang en", args: ["new", "--yes", "--lang", "en"], exitCode: 2, stderr: /missing required field: roles .*Standard input is not a terminal/ },
  { name: "shortcuts", args: [...D, "--title", "Été 2026", "--roles", "Dev", "--startup", "ma-cantine", "--closed"], exitCode: 0, jobs: ["2026-11-20-ete-2026.md"], stdout: /^Créé site\/content\/_jobs\/2026-11-20-ete-2026\.md\nSections à compléter\s: Contexte, Mission, Profil recherché, Informations pratiques, Pour candidater\n/ },
  { name: "--set with aliases, lists and synonyms", args: [...D, "--set", "role=Dev", "--set", "open=non", "--set", "domaine=dev, ux", "--set", "techno=React,Vue", "--set", "junior=oui"], exitCode: 0, jobs: ["2026-11-20-dev.md"] },
  { name: "--set unknown key", args: [...D, "--set", "contrats=CDI"], exitCode: 2, stderr: /--set\s: «\scontrats\s» n'est pas une clé connue\s; vouliez-vous dire «\scontrat\s»\s\?/ },
  { name: "--set without =", args: [...D, "--set", "roles"], exitCode: 2, stderr: /écrivez clé=valeur/ },
  { name: "--set bad e-mail", args: [...D, "--roles", "Dev", "--open", "--set", "contact=nope"], exitCode: 2, stderr: /--set contact\s: une adresse e-mail est attendue/ },
  { name: "--date not a date", args: ["new", "--roles", "Dev", "--open", "--date", "2026-02-30"], exitCode: 2, stderr: /--date\s: une date JJ\/MM\/AAAA ou AAAA-MM-JJ est attendue \(2026-02-30 n'existe pas\)/ },
  { name: "reasons in English with --lang en", args: ["new", "--roles", "Dev", "--open", "--date", "2026-02-30", "--lang", "en"], exitCode: 2, stderr: /--date: expected a date YYYY-MM-DD \(2026-02-30 is not a real date\)/ },
  { name: "--date day first", args: ["new", "--roles", "Dev", "--open", "--date", "20/11/2026"], exitCode: 0, jobs: ["2026-11-20-dev.md"] },
  { name: "--open and --closed", args: [...D, "--roles", "Dev", "--open", "--closed"], exitCode: 2, stderr: /--open et --closed ne peuvent pas être utilisés ensemble/ },
  { name: "--lang de", args: [...D, "--lang", "de"], exitCode: 2, stderr: /accepte pas «\u00a0de\u00a0»\u202f; valeurs possibles\u00a0: fr, en/ },
  { name: "--from-json -", args: [...D, "--from-json", "-"], stdin: '{"roles": "Dev", "open": true, "domaines": ["dev"], "titles": "Offre"}', exitCode: 0, jobs: ["2026-11-20-offre.md"] },
  { name: "--from-json not an object", args: [...D, "--from-json", "-"], stdin: "[1]", exitCode: 2, stderr: /un objet JSON est attendu/ },
  { name: "--from-json broken", args: [...D, "--from-json", "-"], stdin: "{", exitCode: 2, stderr: /l'entrée standard n'est pas du JSON valide$/m },
  { name: "--from-json wrong type", args: [...D, "--from-json", "-"], stdin: '{"roles": "Dev", "open": 3}', exitCode: 2, stderr: /--from-json open\s: attendu\s: oui ou non/ },
  { name: "flags beat --from-json", args: [...D, "--from-json", "-", "--closed", "--title", "B"], stdin: '{"roles": "Dev", "open": true, "title": "A"}', exitCode: 0, jobs: ["2026-11-20-b.md"] },
  { name: "--dry-run prints and writes nothing", spawn: true, args: [...D, "--roles", "Dev", "--open", "--dry-run"], exitCode: 0, jobs: [], stdout: /^---\nroles: Dev\nopen: true\ndate: 2026-11-20\n---\n\n<!-- Remplacez/ },
  { name: "--dry-run --lang en", args: [...D, "--roles", "Dev", "--open", "--dry-run", "--lang", "en"], exitCode: 0, jobs: [], stdout: /## Practical details/ },
  // Dates typed day first (one rule: core/words/typed-date.ts), in French; refused in English.
  { name: "--date 05/06/2026 is 5 June", args: ["new", "--roles", "Dev", "--open", "--date", "05/06/2026"], exitCode: 0, jobs: ["2026-06-05-dev.md"] },
  { name: "--date 15/12/2026", args: ["new", "--roles", "Dev", "--open", "--date", "15/12/2026"], exitCode: 0, jobs: ["2026-12-15-dev.md"] },
  { name: "--set date=5.6.2026", args: ["new", "--roles", "Dev", "--open", "--set", "date=5.6.2026", "--dry-run"], exitCode: 0, jobs: [], stdout: /^---\nroles: Dev\nopen: true\ndate: 2026-06-05\n---\n/ },
  { name: "--from-json date day first", args: ["new", "--from-json", "-"], stdin: '{"roles": "Dev", "open": true, "date": "05/06/2026"}', exitCode: 0, jobs: ["2026-06-05-dev.md"] },
  { name: "--date 31/02/2026 does not exist", args: ["new", "--roles", "Dev", "--open", "--date", "31/02/2026"], exitCode: 2, stderr: /--date\s: une date JJ\/MM\/AAAA ou AAAA-MM-JJ est attendue \(31\/02\/2026, 2026-02-31 n'existe pas\)/ },
  { name: "--date 05/06/2026 refused in English", args: ["new", "--roles", "Dev", "--open", "--date", "05/06/2026", "--lang", "en"], exitCode: 2, stderr: /--date: expected a date YYYY-MM-DD \(05\/06\/2026: a date with slashes reads day first in French, month first in English\)/ },
  { name: "--date 15/12/2026 refused in English too", args: ["new", "--roles", "Dev", "--open", "--date", "15/12/2026", "--lang", "en"], exitCode: 2, stderr: /--date: expected a date YYYY-MM-DD \(15\/12\/2026: a date with slashes/ },
  // Yes and no in words (core/words/yes-no.ts), as the flags and the JSON give them.
  { name: "--set open=vrai", args: [...D, "--roles", "Dev", "--set", "open=vrai", "--set", "junior=faux", "--dry-run"], exitCode: 0, jobs: [], stdout: /^---\nroles: Dev\nopen: true\ndate: 2026-11-20\njunior: false\n---\n/ },
  { name: "--from-json open \"non\"", args: [...D, "--from-json", "-", "--dry-run"], stdin: '{"roles": "Dev", "open": "non"}', exitCode: 0, jobs: [], stdout: /^---\nroles: Dev\nopen: false\n/ },
  { name: "--set open=peut-être", args: [...D, "--roles", "Dev", "--set", "open=peut-être"], exitCode: 2, stderr: /--set open\s: répondez oui ou non \(oui\/non, true\/false\)/ },
  // The startup is one of the config's references: a near miss is refused with what was meant.
  { name: "--startup known", project: STARTUPS, args: [...D, "--roles", "Dev", "--open", "--startup", "mes-aides"], exitCode: 0, tree: ["posting.config.json", ...STARTUP_FILES, "site/content/_jobs/2026-11-20-dev.md"].sort() },
  { name: "--startup near miss", project: STARTUPS, args: [...D, "--roles", "Dev", "--open", "--startup", "mes-aide"], exitCode: 2, stderr: /^posting: startup\s: «\smes-aide\s» est inconnu \(site\/content\/_startups\/mes-aide\.md n'existe pas\)\s; vouliez-vous dire «\smes-aides\s»\s\?\n$/, tree: ["posting.config.json", ...STARTUP_FILES].sort() },
  { name: "--set startup near miss, in English", project: STARTUPS, args: [...D, "--roles", "Dev", "--open", "--set", "startup=aides-jeune", "--lang", "en"], exitCode: 2, stderr: /^posting: startup: "aides-jeune" is unknown \(there is no site\/content\/_startups\/aides-jeune\.md\); did you mean "aides-jeunes"\?\n$/, tree: ["posting.config.json", ...STARTUP_FILES].sort() },
  { name: "--from-json startup unknown, no near miss", project: STARTUPS, args: [...D, "--from-json", "-"], stdin: '{"roles": "Dev", "open": true, "startup": "tout-autre-chose"}', exitCode: 2, stderr: /startup\s: «\stout-autre-chose\s» est inconnu \(site\/content\/_startups\/tout-autre-chose\.md n'existe pas\)\n$/, tree: ["posting.config.json", ...STARTUP_FILES].sort() },
  { name: "--startup ../x cannot name a file", project: STARTUPS, args: [...D, "--roles", "Dev", "--open", "--startup", "../mes-aides"], exitCode: 2, stderr: /--startup\s: attendu\s: un identifiant de startup\s: lettres, chiffres/, tree: ["posting.config.json", ...STARTUP_FILES].sort() },
  { name: "--dir", args: [...D, "--roles", "Dev", "--open", "--dir", "elsewhere"], exitCode: 0, tree: ["elsewhere/2026-11-20-dev.md", "posting.config.json"], stdout: /Créé elsewhere\/2026-11-20-dev\.md/ },
];

/** A failed run writes nothing; a successful one prints nothing on stderr. */
export const NEW_CASES: CliCase[] = ROWS.map(({ jobs, stdout, stderr, tree, project, ...row }): CliCase => {
  const written = row.exitCode !== 0 ? [] : jobs?.map((name) => `site/content/_jobs/${name}`);
  return {
    ...row,
    cwd: project ?? "fixtures/cli/new/project",
    copy: true,
    ...(stdout ? { stdout: { matches: [stdout] } } : {}),
    stderr: row.exitCode === 0 ? { equals: "" } : { matches: stderr ? [stderr] : [] },
    ...(tree ? { tree } : written ? { tree: ["posting.config.json", ...written].sort() } : {}),
  };
});
