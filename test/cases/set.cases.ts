// `posting set` from the command line, on fixtures/edit/styles (postings in varied authors' styles,
// and files it must refuse): arguments → exit code, output and the files afterwards.
import { readFileSync } from "node:fs";
import type { CliCase } from "./case.js";

const STYLES = "fixtures/edit/styles";
const text = (name: string) => readFileSync(new URL(`../../${STYLES}/${name}`, import.meta.url), "utf8");
const COMMENTED = text("2026-01-10-commentee.md");
const FLOW = text("2026-02-01-flow.md");
const CRLF = text("2025-11-02-crlf.md");
const BLOCK = text("2025-03-01-bloc.md");

export const SET_CASES: CliCase[] = [
  {
    name: "a date typed day first is read in French and refused in English, with the reason",
    args: ["set", "date=24/06/2026", "--lang", "fr", "2026-01-10-commentee.md"],
    cwd: STYLES,
    exitCode: 0,
    stdout: { includes: ["# date: 2026-01-10 → 2026-06-24\n", "+date: 2026-06-24\n"] },
  },
  {
    name: "a slash date in English is refused, nothing written",
    args: ["set", "date=24/06/2026", "--lang", "en", "--write", "2026-01-10-commentee.md"],
    cwd: STYLES,
    copy: true,
    exitCode: 2,
    stderr: { includes: ["a date with slashes reads day first in French, month first in English"] },
    files: { "2026-01-10-commentee.md": { equals: COMMENTED } },
  },
  {
    name: "a diff by default, nothing written; refused files named, exit 1",
    args: ["set", "open=false", "."],
    cwd: STYLES,
    copy: true,
    exitCode: 1,
    spawn: true,
    stdout: { includes: ["# open: true → false\n", "-open: true # à fermer fin février\n+open: false # à fermer fin février\n", "+open: false\n"] },
    stderr: { includes: ["EDIT_REFUSED", "YAML_DUPLICATE_KEY", "8 postings selected: 6 would change, 0 already so, 2 left untouched (see above)\n"] },
    files: { "2026-01-10-commentee.md": { equals: COMMENTED } },
  },
  {
    name: "--write --startup changes the one line of the key in the selected files, comments and CRLF kept",
    args: ["set", "open=false", "--startup", "MA-CANTINE-EGALIM", "--write", "."],
    cwd: STYLES,
    copy: true,
    exitCode: 0,
    stdout: { equals: "set 2025-11-02-crlf.md: open: true → false\nset 2026-01-10-commentee.md: open: true → false\n" },
    stderr: { equals: "2 postings selected: 2 changed, 0 already so\n" },
    files: {
      "2026-01-10-commentee.md": { equals: COMMENTED.replace("open: true # à fermer", "open: false # à fermer") },
      "2025-11-02-crlf.md": { equals: CRLF.replace("open: true\r\n", "open: false\r\n") },
      "2026-02-01-flow.md": { equals: FLOW },
    },
  },
  {
    name: "a list field takes comma text; a flow list stays a flow list; a missing key is added in schema order",
    args: ["set", "techno=Vue, TypeScript", "junior=oui", "--write", "2026-02-01-flow.md"],
    cwd: STYLES,
    copy: true,
    exitCode: 0,
    stdout: { equals: "set 2026-02-01-flow.md: techno: [Scrum, Kanban] → [Vue, TypeScript]; junior: added true\n" },
    files: { "2026-02-01-flow.md": { equals: FLOW.replace("techno: [Scrum, Kanban]\n", "junior: true\ntechno: [Vue, TypeScript]\n") } },
  },
  {
    name: "a block list keeps its indentation",
    args: ["set", "techno=Vue", "--write", "2026-01-10-commentee.md"],
    cwd: STYLES,
    copy: true,
    exitCode: 0,
    files: { "2026-01-10-commentee.md": { equals: COMMENTED.replace("    - React\n    - Django\n", "    - Vue\n") } },
  },
  {
    name: "--unset removes the key's lines (a block list's items too)",
    args: ["set", "--unset", "techno", "--write", "2026-01-10-commentee.md"],
    cwd: STYLES,
    copy: true,
    exitCode: 0,
    stdout: { equals: "set 2026-01-10-commentee.md: techno: removed\n" },
    files: { "2026-01-10-commentee.md": { equals: COMMENTED.replace("techno:\n    - React\n    - Django\n", "") } },
  },
  {
    name: "a quoted value keeps its quotes; an alias the file writes is edited where it is",
    args: ["set", "title=Coach agile", "--write", "2026-02-01-flow.md"],
    cwd: STYLES,
    copy: true,
    exitCode: 0,
    files: { "2026-02-01-flow.md": { equals: FLOW.replace("titles: 'Coach agile chez Aides-Jeunes'", "titles: 'Coach agile'") } },
  },
  {
    name: "a multi-line value is refused, the file untouched",
    args: ["set", "title=Data", "--write", "2025-03-01-bloc.md"],
    cwd: STYLES,
    copy: true,
    exitCode: 1,
    stderr: { includes: ["not edited: the value spans several lines", "EDIT_REFUSED"] },
    files: { "2025-03-01-bloc.md": { equals: BLOCK } },
  },
  {
    name: "--check lists the files that would change, exit 1",
    args: ["set", "contrat=CDI", "--check", "--where", "startup=Aides-Jeunes", "--where", "roles~coach", "."],
    cwd: STYLES,
    exitCode: 0,
    stdout: { equals: "" },
    stderr: { equals: "1 posting selected: 0 would change, 1 already so\n" },
  },
  {
    name: "--check exits 1 when something would change",
    args: ["set", "contrat=CDD", "--check", "--startup", "aides-jeunes", "."],
    cwd: STYLES,
    exitCode: 1,
    stdout: { equals: "2026-02-01-flow.md\n" },
  },
  { name: "a value the schema refuses is a usage error", args: ["set", "open=peut-être", "."], cwd: STYLES, exitCode: 2, stderr: { includes: ["open=peut-être: answer yes or no"] } },
  { name: "an unknown key is a usage error with the closest key", args: ["set", "titel=X", "."], cwd: STYLES, exitCode: 2, stderr: { includes: ["has no key `titel`; did you mean `title`?"] } },
  {
    name: "--unset takes a key the schema does not know (what UNKNOWN_KEY asks to remove); a comment after `key:` stays",
    args: ["set", "--unset", "vieille_cle", "techno=A,B", "--write", "a.md"],
    layout: { "a.md": "---\nroles: Designer\nopen: true\ntechno: # à compléter\nvieille_cle: 1\n---\nx\n" },
    exitCode: 0,
    stdout: { equals: "set a.md: vieille_cle: removed; techno: null → [A, B]\n" },
    files: { "a.md": { equals: "---\nroles: Designer\nopen: true\ntechno: # à compléter\n  - A\n  - B\n---\nx\n" } },
  },
  { name: "nothing to set is a usage error", args: ["set", "."], cwd: STYLES, exitCode: 2, stderr: { includes: ["nothing to set"] } },
  { name: "--check with --write is a usage error", args: ["set", "open=true", "--check", "--write", "."], cwd: STYLES, exitCode: 2 },
];
