// Output formats: JSON and NDJSON parse back to the front matter, CSV parses back to the same
// cells (RFC 4180, formula guard), and nothing from a file reaches the terminal as a control sequence.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { csvCell } from "../src/reporters/list-csv.js";
import { runCli } from "./helpers/cli.js";
import { parseCsv } from "./list-helpers.js";

const BASIC = fileURLToPath(new URL("../fixtures/list/basic/", import.meta.url));
const HOSTILE = fileURLToPath(new URL("../fixtures/list/hostile/", import.meta.url));

// ESC, BEL, C1 controls (CSI 0x9b among them) and bidi overrides: none may reach a terminal raw.
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

async function frontMatterOf(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8");
  return parseYaml(text.split("\n---\n")[0]!.replace(/^---\n/, ""));
}

describe("printed as read (unsorted, unlimited) or after reading (sorted or limited)", () => {
  it("gives the same bytes either way, for every format, filtered or not, with a count too", async () => {
    // --limit far above the count keeps every posting but turns the streaming off.
    for (const dir of [BASIC, HOSTILE]) {
      for (const format of ["json", "ndjson", "csv", "table"]) {
        for (const filter of [[], ["--open"], ["--search", "zzz-nothing"], ["--fields", "title,date"], ["--count"]]) {
          const args = ["list", ".", "--format", format, ...filter];
          const streamed = await runCli(args, dir);
          const held = await runCli([...args, "--limit", "100000"], dir);
          expect(streamed, `${dir} ${args.join(" ")}`).toEqual(held);
        }
      }
    }
  });
});

describe("JSON and NDJSON", () => {
  it("JSON is an array of { file, date, open, data } with the front matter as Jekyll reads it", async () => {
    const { stdout, exitCode: code } = await runCli(["list", ".", "--format", "json"], BASIC);
    expect(code).toBe(0);
    const records = JSON.parse(stdout) as { file: string; date: string | null; open: boolean; data: unknown }[];
    expect(records.map((r) => r.file)).toHaveLength(6);
    const designer = records.find((r) => r.file === "2026-02-14-designer.md")!;
    // YAML 1.2 reads the same as Jekyll here, but for the designer's `open: yes` (true for Jekyll).
    for (const r of records) {
      const parsed = (await frontMatterOf(join(BASIC, r.file))) as Record<string, unknown>;
      expect(r.data).toEqual(r === designer ? { ...parsed, open: true } : parsed);
    }
    // Keys as written (`titles`), values as the site reads them.
    expect(designer).toMatchObject({ date: "2026-02-10", open: true, data: { open: true, titles: "Designer UX pour le simulateur d'aides" } });
    expect(records.find((r) => r.file === "produit-sans-date.md")!.date).toBeNull();
  });

  it("NDJSON carries the same records, one per line", async () => {
    const json = JSON.parse((await runCli(["list", ".", "--format", "json"], BASIC)).stdout) as unknown[];
    const { stdout } = await runCli(["list", ".", "--format", "ndjson"], BASIC);
    expect(stdout.endsWith("\n")).toBe(true);
    expect(stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as unknown)).toEqual(json);
  });

  it("--fields gives flat records with exactly those keys (null when missing)", async () => {
    const { stdout } = await runCli(["list", ".", "--format", "json", "--fields", "file,techno,contrat", "--startup", "ma-cantine-egalim"], BASIC);
    expect(JSON.parse(stdout)).toEqual([
      { file: "2026-01-05-developpeur-react.md", techno: ["React", "NodeJS", "PostgreSQL"], contrat: "indépendant" },
      { file: "2026-13-01-mauvaise-date.md", techno: ["Python", "Django"], contrat: null },
    ]);
  });

  it("hostile values parse back unchanged but print no control character", async () => {
    for (const format of ["json", "ndjson"]) {
      const { stdout } = await runCli(["list", ".", "--format", format], HOSTILE);
      expect(stdout).not.toMatch(TERMINAL_UNSAFE);
      const first = (format === "json" ? (JSON.parse(stdout) as unknown[])[0] : JSON.parse(stdout.split("\n")[0]!)) as { data: unknown };
      expect(first.data).toEqual(await frontMatterOf(join(HOSTILE, "2026-03-01-hostile.md")));
    }
  });
});

describe("CSV", () => {
  const FIELDS = "file,title,roles,startup,contrat,equipe,domaines,techno,status,open";

  it("parses back (RFC 4180) to the expected cells, formulas guarded, lists joined with '; '", async () => {
    const { stdout, exitCode: code } = await runCli(["list", ".", "--format", "csv", "--fields", FIELDS], HOSTILE);
    expect(code).toBe(0);
    // Tabs and line breaks are data in CSV; escapes, bells, C1 controls and bidi overrides are not.
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(parseCsv(stdout)).toEqual([
      FIELDS.split(","),
      [
        "2026-03-01-hostile.md",
        "\\e[2J\\e[31mEffacé et rouge\\e[0m \\e]0;titre piégé\\x07 fin",
        `'=HYPERLINK("http://exemple.invalid","cliquer")`,
        "'@evil",
        "'+33 6 00 00 00 00",
        "'-2+3",
        "Développement; \\u202egnp.exe",
        'a, b; guillemet " dedans; ligne\nsuivante; \\x9b31m C1',
        "'\ttabulation en tête",
        "true",
      ],
      ["2026-03-02-virgules.md", 'Une annonce, avec des virgules; et des "guillemets"', "Développeur·se\nsur deux lignes\n", "tranquille", "'@mention", "", "", "", "", "false"],
    ]);
  });

  it("every cell of the basic fixtures round-trips", async () => {
    const fields = "file,date,title,roles,startup,open,contrat,domaines,techno,type";
    const csv = parseCsv((await runCli(["list", ".", "--format", "csv", "--fields", fields], BASIC)).stdout);
    const json = JSON.parse((await runCli(["list", ".", "--format", "json", "--fields", fields], BASIC)).stdout) as Record<string, unknown>[];
    expect(csv[0]).toEqual(fields.split(","));
    expect(csv.slice(1)).toEqual(json.map((r) => fields.split(",").map((k) => csvCell(r[k]))));
    expect(csv.find((row) => row[0] === "2025-11-20-chargee-deploiement.md")).toContain("Metabase, Python");
    expect(csv.find((row) => row[0] === "2026-01-05-developpeur-react.md")).toContain("React; NodeJS; PostgreSQL");
  });

  it("guards each formula trigger, leaves plain numbers alone", () => {
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "\\rx"]);
    // A carriage return is shown as the text \r, so the cell starts with a backslash: nothing to guard.
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("1-2")).toBe("1-2");
  });
});

describe("table layout", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "posting-list-long-"));
    for (let i = 0; i < 130; i++) {
      const roles = i % 7 === 0 ? "Développeur·se full-stack très expérimenté·e en accessibilité numérique" : `Poste ${i}`;
      await writeFile(join(dir, `2026-01-${String(1 + (i % 28)).padStart(2, "0")}-poste-${i}.md`), `---\nroles: ${roles}\nopen: ${i % 2 === 0}\n---\n`);
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("a long table (rendered in chunks) has one header and aligned columns", async () => {
    const { stdout } = await runCli(["list", "."], dir, { columns: 70 });
    const lines = stdout.split("\n");
    expect(lines.filter((l) => l.startsWith("date "))).toHaveLength(1);
    expect(lines).toHaveLength(2 + 130 + 3);
    const fileAt = lines[0]!.indexOf("file");
    for (const line of lines.slice(2, 132)) {
      expect([...line].length).toBeLessThanOrEqual(70);
      expect(line.slice(fileAt - 2, fileAt)).toBe("  ");
    }
    expect(lines.at(-2)).toBe("130 postings, 65 open");
  });
});

describe("table with hostile values", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "posting-list-hostile-"));
    // A hostile file name, a hostile readable posting, and an unreadable one with a hostile reason.
    await writeFile(join(dir, "2026-03-03-\u001b[31mrouge\u0007.md"), "---\nroles: \"\\e]52;c;Y29waWU=\\a presse-papiers\"\nopen: true\n---\n");
    await writeFile(join(dir, "\u001b[2Jcasse.md"), "---\nroles: [\n---\n");
    await writeFile(join(dir, "ok.md"), await readFile(join(HOSTILE, "2026-03-01-hostile.md")));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("prints no escape sequence on stdout or stderr, in any column", async () => {
    for (const args of [[], ["--fields", "file,title,roles,startup,domaines,techno,status"]]) {
      const { stdout, stderr, exitCode: code } = await runCli(["list", ".", ...args], dir, { columns: 200 });
      expect(code).toBe(0);
      expect(stdout).not.toMatch(TERMINAL_UNSAFE);
      expect(stderr).not.toMatch(TERMINAL_UNSAFE);
      expect(stdout).toContain("\\e[31mrouge\\x07.md");
      expect(stderr).toMatch(/\\e\[2Jcasse\.md:\d+:\d+: could not read/);
    }
  });

  it("every line stays one line: newlines and tabs in values are shown escaped", async () => {
    const { stdout } = await runCli(["list", ".", "--fields", "techno,status"], HOSTILE, { columns: 200 });
    expect(stdout.split("\n")).toHaveLength(2 + 2 + 2 + 1); // head, rule, 2 rows, blank, summary, final newline
    expect(stdout).toContain("ligne\\nsuivante");
    expect(stdout).toContain("\\ttabulation");
  });

  it("forced colour styles the header only", async () => {
    const { stdout } = await runCli(["list", ".", "--color"], HOSTILE, { columns: 200 });
    const plain = (await runCli(["list", "."], HOSTILE, { columns: 200 })).stdout;
    const [head, rule, ...rest] = stdout.split("\n");
    // Bold column names, a dim rule; the rows and the summary carry no escape at all.
    expect(head).toMatch(/^\u001b\[1mdate\u001b\[22m +\u001b\[1mstartup\u001b\[22m/);
    expect(rule).toMatch(/^\u001b\[2m─+\u001b\[22m/);
    for (const line of rest) expect(line).not.toMatch(/\u001b/);
    // Colour adds styling and nothing else.
    expect(stdout.replace(/\u001b\[[0-9;]*m/g, "")).toBe(plain);
    expect(plain).not.toMatch(TERMINAL_UNSAFE);
  });
});
