// `posting list` from the command line: arguments → exit code and output (test/cli-cases.test.ts).
import type { CliCase } from "./case.js";

const BASIC = "fixtures/list/basic";
const EMPTY = "fixtures/list/empty";
const CONFIG = "fixtures/list/config";
const R = "2026-01-05-developpeur-react.md"; // open, ma-cantine-egalim
const M = "2026-13-01-mauvaise-date.md"; // closed, ma-cantine-egalim, impossible date in the name

export const LIST_CASES: CliCase[] = [
  {
    name: 'config "ignore": list walks the files lint walks (the ignored folder is skipped)',
    args: ["list", "-f", "csv"],
    cwd: "fixtures/rules/ignore",
    exitCode: 0,
    stdout: { matches: [/2026-04-01-dev\.md/, /2026-04-03-old-ux\.md/], notMatches: [/drafts/] },
  },
  {
    name: "table with a summary; unreadable files on stderr with their reason",
    args: ["list", "."],
    cwd: BASIC,
    exitCode: 0,
    spawn: true,
    stdout: { matches: [/^6 postings, 4 open; 2 files could not be read$/m] },
    stderr: { matches: [/casse\.md:\d+:\d+: could not read: YAML syntax error[\s\S]*sans-front-matter\.md:1:1: could not read: no front matter/] },
  },
  { name: "summary of a filtered list", args: ["list", ".", "--open"], cwd: BASIC, exitCode: 0, stdout: { matches: [/^4 postings, 4 open \(of 6 read\); 2 files could not be read$/m] } },
  { name: "summary with --limit", args: ["list", ".", "--limit", "1"], cwd: BASIC, exitCode: 0, stdout: { matches: [/^1 posting, 1 open \(6 matched, of 6 read\)/m] } },
  { name: "--count prints the number only", spawn: true, args: ["list", ".", "--count", "--open"], cwd: BASIC, exitCode: 0, stdout: { matches: [/^4\n$/] } },
  { name: "--strict fails when a file could not be read", args: ["list", ".", "--strict"], cwd: BASIC, exitCode: 1, stderr: { matches: [/2 files could not be read \(--strict\)/] } },
  { name: "--strict passes when all files are read", args: ["list", R, M, "--strict"], cwd: BASIC, exitCode: 0, stdout: { matches: [/^2 postings, 1 open$/m] } },
  { name: "without paths, the config's content folders are listed", args: ["list", "--fields", "file,startup"], cwd: CONFIG, exitCode: 0, stdout: { matches: [/^content\/_jobs\/2026-04-01-animatrice\.md\s+itou$/m] } },
  { name: "without paths or config, says what to do", args: ["list"], cwd: "<empty>", exitCode: 2, stderr: { matches: [/no postings to list: pass files or folders/] } },
  { name: "an empty folder with --allow-empty lists nothing, successfully", args: ["list", "--allow-empty", "."], cwd: EMPTY, exitCode: 0, stdout: { matches: [/^0 postings, 0 open\n$/] } },
  { name: "unknown --where operator", args: ["list", ".", "--where", "date=<2026-01-01"], cwd: BASIC, exitCode: 2, stderr: { matches: [/--where "date=<2026-01-01": unknown operator "=<"/] } },
  { name: "-w is not --where (it is normalize's --write): a usage error saying so", args: ["list", ".", "-w", "open=true"], cwd: BASIC, exitCode: 2, stderr: { matches: [/there is no -w here: write --where \(-w is normalize's --write\)/] } },
  { name: "--where without an operator", args: ["list", ".", "--where", "startup"], cwd: BASIC, exitCode: 2, stderr: { matches: [/--where "startup": no operator/] } },
  { name: "--where without a key", args: ["list", ".", "--where", "=x"], cwd: BASIC, exitCode: 2, stderr: { matches: [/the key is missing/] } },
  { name: "--where with an impossible date", args: ["list", ".", "--where", "date>2026-02-30"], cwd: BASIC, exitCode: 2, stderr: { matches: [/"2026-02-30" is not a valid date \(2026-02-30 is not a real date\)/] } },
  { name: "--where < with text", args: ["list", ".", "--where", "date>demain"], cwd: BASIC, exitCode: 2, stderr: { matches: [/compares dates \(YYYY-MM-DD\) or numbers, and "demain" is neither/] } },
  { name: "--since with a day-first date", args: ["list", ".", "--since", "31/12/2025"], cwd: BASIC, exitCode: 2, stderr: { matches: [/--since "31\/12\/2025" is not a valid date \(write it YYYY-MM-DD\)/] } },
  { name: "--since after --until", args: ["list", ".", "--since", "2026-01-02", "--until", "2026-01-01"], cwd: BASIC, exitCode: 2, stderr: { matches: [/is after --until/] } },
  { name: "--open with --closed", args: ["list", ".", "--open", "--closed"], cwd: BASIC, exitCode: 2, stderr: { matches: [/cannot be used with/] } },
  { name: "unknown format", args: ["list", ".", "--format", "xml"], cwd: BASIC, exitCode: 2, stderr: { matches: [/xml/] } },
  { name: "--stale needs a number", args: ["list", ".", "--stale", "trois"], cwd: BASIC, exitCode: 2, stderr: { matches: [/whole number/] } },
  { name: "empty sort key", args: ["list", ".", "--sort", "date,,startup"], cwd: BASIC, exitCode: 2, stderr: { matches: [/--sort "date,,startup": empty key/] } },
  { name: "empty field", args: ["list", ".", "--fields", "date,,file"], cwd: BASIC, exitCode: 2, stderr: { matches: [/--fields "date,,file": empty field name/] } },
  { name: "standard input is refused", spawn: true, args: ["list", "-"], cwd: BASIC, exitCode: 2, stderr: { matches: [/not standard input/] } },
  { name: "a missing path is reported, not fatal", args: ["list", "absent.md"], cwd: BASIC, exitCode: 0, stderr: { matches: [/absent\.md:1:1: could not read: cannot read the file: no such file or folder/] } },
  {
    name: "a folder with no posting is exit 2 (issue 16)",
    args: ["list", "empty"],
    layout: { "empty/": "" },
    exitCode: 2,
    stderr: { matches: [/^posting: no posting found in "empty": check the path/] },
  },
  {
    name: "--allow-empty: a folder with no posting lists nothing, exit 0",
    args: ["list", "--count", "--allow-empty", "empty"],
    layout: { "empty/": "" },
    exitCode: 0,
    stdout: { equals: "0\n" },
  },
  // CSV for a spreadsheet set to French: a byte order mark, `;` between fields, CRLF.
  {
    name: "--excel: UTF-8 BOM and ; between fields",
    args: ["list", ".", "--excel", "--fields", "file,roles,contrat", "--where", "startup=aides-jeunes"],
    cwd: BASIC,
    exitCode: 0,
    stdout: { equals: "\uFEFFfile;roles;contrat\r\n2025-11-20-chargee-deploiement.md;Chargé·e de déploiement;CDD 3 ans\r\n" },
  },
  { name: "--excel with --format csv is the same", args: ["list", ".", "--excel", "-f", "csv", "--fields", "file", "--limit", "1"], cwd: BASIC, exitCode: 0, stdout: { equals: "\uFEFFfile\r\n2024-06-30-partenaire.md\r\n" } },
  { name: "plain CSV keeps no BOM and commas", args: ["list", ".", "-f", "csv", "--fields", "file,roles", "--limit", "1"], cwd: BASIC, exitCode: 0, stdout: { equals: "file,roles\r\n2024-06-30-partenaire.md,Chef·fe de projet données\r\n" } },
  { name: "--excel with --format json is refused", args: ["list", ".", "--excel", "-f", "json"], cwd: BASIC, exitCode: 2, stderr: { matches: [/--excel writes CSV; it cannot be used with --format json/] } },
  {
    name: "--excel quotes a cell holding ;",
    args: ["list", "--excel", "--fields", "roles"],
    layout: { "posting.config.json": '{"content": ["jobs"]}', "jobs/2026-01-01-a.md": "---\nroles: Dev; Ops\nopen: true\n---\n" },
    exitCode: 0,
    stdout: { equals: '\uFEFFroles\r\n"Dev; Ops"\r\n' },
  },
  // Yes and no in words, as everywhere (core/words/yes-no.ts): --where open=oui is open=true.
  { name: "--where open=oui", args: ["list", ".", "--where", "open=oui", "--count"], cwd: BASIC, exitCode: 0, stdout: { equals: "4\n" } },
  { name: "--where open=vrai", args: ["list", ".", "--where", "open=vrai", "--count"], cwd: BASIC, exitCode: 0, stdout: { equals: "4\n" } },
  { name: "--where open=non", args: ["list", ".", "--where", "open=non", "--count"], cwd: BASIC, exitCode: 0, stdout: { equals: "2\n" } },
  { name: "--where open=faux", args: ["list", ".", "--where", "open=FAUX", "--count"], cwd: BASIC, exitCode: 0, stdout: { equals: "2\n" } },
];
