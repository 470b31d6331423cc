// `posting list` through run(argv, io): filters, sort, limits, exit codes, on fixtures/list/*.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { listPostings } from "../src/core/list/list.js";
import { runCli } from "./helpers/cli.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BASIC = fileURLToPath(new URL("../fixtures/list/basic/", import.meta.url));
const EMPTY = fileURLToPath(new URL("../fixtures/list/empty/", import.meta.url));
const CONFIG = fileURLToPath(new URL("../fixtures/list/config/", import.meta.url));

// The readable postings of fixtures/list/basic, by a short name.
const F = "2024-06-30-partenaire.md"; // open, no startup, date from the file name, type friend
const C = "2025-11-20-chargee-deploiement.md"; // closed, aides-jeunes, techno as a comma text
const R = "2026-01-05-developpeur-react.md"; // open, ma-cantine-egalim, lists, accents in title
const D = "2026-02-14-designer.md"; // open: yes, Aides-Jeunes, `titles` alias, front matter date 2026-02-10
const M = "2026-13-01-mauvaise-date.md"; // closed, ma-cantine-egalim, impossible date in the name, no contrat
const P = "produit-sans-date.md"; // open, pass-culture, no date at all, empty techno list

interface FilterCase {
  name: string;
  args: string[];
  files: string[];
}

const FILTER_CASES: FilterCase[] = [
  { name: "no filter: every readable posting, in file order", args: [], files: [F, C, R, D, M, P] },
  { name: "--open (open: yes counts, as for Jekyll)", args: ["--open"], files: [F, R, D, P] },
  { name: "--closed", args: ["--closed"], files: [C, M] },
  { name: "--where open=true reads open as the site does (yes is true)", args: ["--where", "open=true"], files: [F, R, D, P] },
  { name: "--where open=yes asks the same", args: ["--where", "open=yes"], files: [F, R, D, P] },
  { name: "--where open=false", args: ["--where", "open=false"], files: [C, M] },
  { name: "--startup is case-insensitive", args: ["--startup", "aides-jeunes"], files: [C, D] },
  { name: "--startup repeated is OR", args: ["--startup", "pass-culture", "--startup", "ma-cantine-egalim"], files: [R, M, P] },
  { name: "list field: any element equals", args: ["--where", "domaines=Produit"], files: [R, P] },
  { name: "!= is the negation of = (missing key included)", args: ["--where", "domaines!=Produit"], files: [F, C, D, M] },
  { name: "~ on a list and on a comma text", args: ["--where", "techno~PYTHON"], files: [C, M] },
  { name: "= on a list field written as comma text matches an item", args: ["--where", "techno=Python"], files: [C, M] },
  { name: "~ ignores accents and case", args: ["--where", "title~EQUIPE"], files: [R] },
  { name: "title finds the `titles` alias", args: ["--where", "title~simulateur"], files: [D] },
  { name: "KEY= matches missing or empty", args: ["--where", "contrat="], files: [D, M] },
  { name: "= with accents is exact", args: ["--where", "contrat=indépendant"], files: [R, P] },
  { name: "open=true reads yes as true", args: ["--where", "open=true"], files: [F, R, D, P] },
  { name: "date >= (front matter date, else file name)", args: ["--where", "date>=2026-01-01"], files: [R, D] },
  { name: "date <", args: ["--where", "date<2025-12-31"], files: [F, C] },
  { name: "date = a day", args: ["--where", "date=2026-02-10"], files: [D] },
  { name: "--since and --until are inclusive", args: ["--since", "2025-11-20", "--until", "2026-01-05"], files: [C, R] },
  { name: "--search looks in roles and body, accent-insensitive", args: ["--search", "DONNEES"], files: [F] },
  { name: "--search looks in the body", args: ["--search", "accessibilite"], files: [R] },
  { name: "filters combine with AND", args: ["--open", "--where", "domaines=Produit", "--where", "techno~react"], files: [R] },
  { name: "any front matter key", args: ["--where", "type=friend"], files: [F] },
  { name: "--sort -date: missing dates last", args: ["--sort", "-date"], files: [D, R, C, F, M, P] },
  { name: "--sort date", args: ["--sort", "date"], files: [F, C, R, D, M, P] },
  { name: "--sort on two keys, case-insensitive", args: ["--sort", "startup,-date"], files: [D, C, R, M, P, F] },
  { name: "--limit after --sort", args: ["--sort", "-date", "--limit", "2"], files: [D, R] },
  { name: "nothing matches", args: ["--startup", "inconnue"], files: [] },
];

async function listedFiles(args: string[]): Promise<string[]> {
  const result = await runCli(["list", ".", "--format", "ndjson", "--fields", "file", ...args], BASIC);
  expect(result.exitCode).toBe(0);
  return result.stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => (JSON.parse(line) as { file: string }).file);
}

describe("posting list: filters and sort (fixtures/list/basic)", () => {
  for (const c of FILTER_CASES) {
    it(c.name, async () => {
      expect(await listedFiles(c.args)).toEqual(c.files);
    });
  }
});

describe("posting list: --stale with an injected today", () => {
  // 2026-11-22: R (2026-01-05) is 321 days old, D (2026-02-10) 285, F (2024-06-30) 875.
  const now = new Date(2026, 10, 22, 9, 0);
  const stale = async (days: number) => (await listPostings(["."], { cwd: BASIC, stale: days, now })).postings.map((p) => p.file);
  it("lists open postings strictly older than the days given", async () => {
    expect(await stale(320)).toEqual([F, R]);
    expect(await stale(321)).toEqual([F]);
    expect(await stale(284)).toEqual([F, R, D]);
    expect(await stale(1000)).toEqual([]);
  });
  it("never lists closed or undated postings", async () => {
    expect(await stale(0)).toEqual([F, R, D]);
  });
});

describe("posting list: keys that match nothing, and counts", () => {
  it("says when a --where key exists in no posting and suggests the closest one", async () => {
    const r = await runCli(["list", ".", "--where", "titre~cantine", "--count"], BASIC);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe("0\n");
    expect(r.stderr).toContain("posting: no posting has the key `titre`; did you mean `title`?");
    const known = await runCli(["list", ".", "--where", "title~cantine", "--count"], BASIC);
    expect(known.stderr).not.toContain("no posting has the key");
  });

  it("--count follows --format json", async () => {
    const r = await runCli(["list", ".", "--open", "--count", "--format", "json"], BASIC);
    expect(JSON.parse(r.stdout)).toEqual({ count: 4 });
  });
});

describe("posting list: the table", () => {
  it("fits the width it is given, truncating with an ellipsis", async () => {
    for (const columns of [60, 80, 100]) {
      const { stdout } = await runCli(["list", "."], BASIC, { columns });
      for (const line of stdout.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(columns);
      expect(stdout).toContain("…");
    }
  });
  it("does not truncate when there is room; roles falls back to the title", async () => {
    const { stdout } = await runCli(["list", "."], BASIC, { columns: 200 });
    expect(stdout).not.toContain("…");
    expect(stdout).toMatch(/^date\s+startup\s+roles\s+open\s+contrat\s+file$/m);
    expect(stdout).toMatch(/^2026-02-10\s+Aides-Jeunes\s+Designer·euse\s+true\s+2026-02-14-designer\.md$/m);
  });
  it("--fields picks and orders the columns", async () => {
    const { stdout } = await runCli(["list", ".", "--fields", "file,domaines,title", "--startup", "ma-cantine-egalim"], BASIC, { columns: 200 });
    expect(stdout).toMatch(/^file\s+domaines\s+title$/m);
    expect(stdout).toMatch(/^2026-01-05-developpeur-react\.md\s+Développement; Produit\s+L'équipe Ma Cantine/m);
  });
});

describe("posting list: the built binary", () => {
  const bin = (args: string[]) => spawnSync(process.execPath, [`${ROOT}bin/posting.js`, "list", ...args], { cwd: BASIC, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  it("exits 0, 1 with --strict, 2 on a bad filter", () => {
    const ok = bin([".", "--count"]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toBe("6\n");
    expect(bin([".", "--strict", "--count"]).status).toBe(1);
    const bad = bin([".", "--where", "date>>2026"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown operator ">>"/);
  });
});
