// `posting init --infer` on collections generated from known schemas (test/helpers/infer-gen.ts):
// the inferred schema is the generating one (types, formats, enums, required keys, old spellings),
// and lint with it flags exactly the planted outliers. Then the Decap CMS case, --dry-run,
// --force, `posting new` and `posting list` with the inferred schema, and the bounds.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { inferSchema } from "../src/core/infer/infer.js";
import { MAX_DISTINCT_VALUES, MAX_KEYS } from "../src/core/infer/stats.js";
import { reportText } from "../src/core/infer/report.js";
import { initCommand } from "../src/commands/init.js";
import { memoryIO, runCli } from "./helpers/cli.js";
import { ScriptedPrompter } from "./helpers/new-helpers.js";
import { ENGLISH, expectedShape, FRENCH, generateCollection, generateNoisy } from "./helpers/infer-gen.js";
import type { GenCollection } from "./helpers/infer-gen.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "infer");
const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "posting-infer-"));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface LintFinding {
  code: string;
  severity: string;
  file: string;
  path: string;
  message: string;
  hint?: string;
  fixable?: boolean;
}

async function lintFindings(cwd: string): Promise<LintFinding[]> {
  const lint = await runCli(["lint", "--format", "json", "--lang", "en"], cwd);
  expect(lint.exitCode, lint.stderr).toBeLessThanOrEqual(1);
  const report = JSON.parse(lint.stdout) as { files: { findings: LintFinding[] }[] };
  return report.files.flatMap((f) => f.findings);
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

type Property = { type?: unknown; format?: string; enum?: string[]; items?: { enum?: string[] }; "x-aliases"?: string[] };

describe.each([
  [ENGLISH, 18, "en"],
  [FRENCH, 7, "fr"],
] as [GenCollection, number, string][])("init --infer on a generated $name collection", (spec, seed, lang) => {
  it("recovers the generating schema, and lint then flags exactly the planted outliers", async () => {
    const cwd = tempDir();
    const planted = generateCollection(cwd, spec, seed);
    const init = await runCli(["init", "--infer", "--content", spec.folder], cwd);
    expect(init.exitCode, init.stderr).toBe(0);
    const schemaFile = join(cwd, "schemas", `${spec.folder.split("/").at(-1)!.replace(/^_/, "")}.schema.json`);
    const schema = readJson(schemaFile);
    const properties = schema.properties as Record<string, Property>;

    // The schema: the generating one, key by key.
    const wanted = expectedShape(spec);
    expect(Object.keys(properties).sort()).toEqual(Object.keys(wanted).sort());
    for (const [key, shape] of Object.entries(wanted)) {
      const p = properties[key]!;
      const found = {
        type: p.type,
        ...(p.format ? { format: p.format } : {}),
        ...(p.enum ? { enum: [...p.enum].sort() } : {}),
        ...(p.items?.enum ? { itemsEnum: [...p.items.enum].sort() } : {}),
        required: (schema.required as string[]).includes(key),
        ...(p["x-aliases"] ? { aliases: [...p["x-aliases"]].sort() } : {}),
      };
      expect(found, key).toEqual(shape);
    }
    expect(schema.additionalProperties).toBe(false);
    // Labels and prompts in the collection's language, and the config says it: posting speaks it.
    for (const p of Object.values(properties)) expect(Object.keys(p["x-label" as keyof Property] as object)).toEqual([lang]);
    expect(readJson(join(cwd, "posting.config.json"))).toMatchObject({ lang });

    // Lint: the planted outliers, nothing else.
    const findings = await lintFindings(cwd);
    const got = new Map<string, string[]>();
    for (const f of findings) {
      const name = f.file.split("/").at(-1)!;
      if (f.severity === "warning") {
        // Comma text in a list field is a warning normalize fixes; nothing else may warn.
        expect(`${f.code} ${f.path}`).toMatch(/^NORMALIZE_VALUE /);
        got.set(name, [...(got.get(name) ?? []), `~${f.code} ${f.path}`].sort());
        continue;
      }
      const suggestion = f.code === "SCHEMA_ENUM" && f.fixable ? spec.outliers.find((o) => o.key === f.path && o.suggestion !== undefined && `${f.message} ${f.hint ?? ""}`.includes(JSON.stringify(o.suggestion)))?.suggestion : undefined;
      const what = f.code === "FILE_NAME_PATTERN" ? "FILE_NAME_PATTERN" : `${f.code} ${f.path}${suggestion ? ` → ${suggestion}` : ""}`;
      got.set(name, [...(got.get(name) ?? []), what].sort());
    }
    expect(Object.fromEntries([...got].sort())).toEqual(Object.fromEntries([...planted].sort()));
    // What init's report said lint would flag is what lint flags (errors).
    const errorFiles = new Set(findings.filter((f) => f.severity === "error").map((f) => f.file));
    expect(init.stdout).toContain(`in ${errorFiles.size} of ${spec.postings} files`);
  });
});

describe("init --infer on a noisy collection (a French CMS's years of postings)", () => {
  it("lint then runs with errors in at most 15% of the files, and the misspellings get the right suggestion", async () => {
    const cwd = tempDir();
    const misspelt = generateNoisy(cwd, "content/_offres", 400, 9);
    const init = await runCli(["init", "--infer", "--content", "content/_offres"], cwd);
    expect(init.exitCode, init.stderr).toBe(0);
    const findings = await lintFindings(cwd);
    const errorFiles = new Set(findings.filter((f) => f.severity === "error").map((f) => f.file));
    expect(errorFiles.size / 400).toBeLessThanOrEqual(0.15);
    // Every misspelt key is flagged, with the key it stands for.
    const unknown = findings.filter((f) => f.code === "UNKNOWN_KEY");
    expect(new Set(unknown.map((f) => f.path))).toEqual(new Set(misspelt.keys.keys()));
    for (const f of unknown) expect(f.message, f.path).toContain(`did you mean \`${misspelt.keys.get(f.path)}\``);
    for (const [value, suggestion] of misspelt.values) {
      const f = findings.find((x) => x.code === "SCHEMA_ENUM" && x.message.includes(JSON.stringify(value)));
      expect(f?.hint, value).toContain(`"${suggestion}"`);
    }
    // Free text that repeats (cities with one-off variants) is not made a choice; mixed dates are dates.
    const properties = readJson(join(cwd, "schemas", "offres.schema.json")).properties as Record<string, Property>;
    expect(properties.lieu!.enum).toBeUndefined();
    expect(properties.date!.format).toBe("jekyll-date");
    expect([...properties.contrat!.enum!].sort()).toEqual(["CDD", "CDI", "Freelance", "Stage"]);
    // Numbers and words ("selon profil"): both allowed, neither flagged.
    expect(properties.salaire!.type).toEqual(["number", "string"]);
  });
});

describe("init --infer, the command", () => {
  it("--dry-run prints the schema, the config and the report, and writes nothing", async () => {
    const cwd = tempDir();
    generateCollection(cwd, FRENCH, 3);
    const result = await runCli(["init", "--infer", "--content", FRENCH.folder, "--dry-run"], cwd);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^schemas\/offres\.schema\.json \(not written: --dry-run\):$/m);
    expect(result.stdout).toMatch(/^posting\.config\.json \(not written: --dry-run\):$/m);
    expect(result.stdout).toContain("Rules and why:");
    expect(result.stdout).toMatch(/With this schema, lint will flag \d+ things in \d+ of 80 files/);
    expect(existsSync(join(cwd, "schemas"))).toBe(false);
    expect(existsSync(join(cwd, "posting.config.json"))).toBe(false);
    expect(existsSync(join(cwd, ".gitignore"))).toBe(false);
  });

  it("leaves an existing schema (and config) as they are without --force, and replaces them with it", async () => {
    const cwd = tempDir();
    generateCollection(cwd, ENGLISH, 5);
    writeFileSync(join(cwd, "keep.txt"), "");
    cpSync(join(FIXTURES, "existing-schema"), cwd, { recursive: true });
    const before = readFileSync(join(cwd, "schemas", "jobs.schema.json"), "utf8");
    const refused = await runCli(["init", "--infer", "--content", "_jobs"], cwd);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/^posting: schemas\/jobs\.schema\.json already exists; it was left as is, and so was posting\.config\.json \(use --force to replace them\)$/m);
    expect(readFileSync(join(cwd, "schemas", "jobs.schema.json"), "utf8")).toBe(before);
    expect(existsSync(join(cwd, "posting.config.json"))).toBe(false);
    const forced = await runCli(["init", "--infer", "--content", "_jobs", "--force"], cwd);
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/^Replaced schemas\/jobs\.schema\.json \(11 keys\)\.$/m);
    expect(readJson(join(cwd, "schemas", "jobs.schema.json")).additionalProperties).toBe(false);
  });

  it("`posting new --from-json --dry-run` and `posting list` work with the inferred schema", async () => {
    for (const spec of [ENGLISH, FRENCH]) {
      const cwd = tempDir();
      generateCollection(cwd, spec, 11);
      expect((await runCli(["init", "--infer", "--content", spec.folder], cwd)).exitCode).toBe(0);
      const answers =
        spec === ENGLISH
          ? { title: "Data engineer", company: "acme", location: "Paris", date: "2026-11-20T10:00:00.000Z", open: true }
          : { titre: "Développeur·se", startup: "ma-startup", contrat: "CDI", ouvert: true, date: "2026-11-20" };
      writeFileSync(join(cwd, "answers.json"), JSON.stringify(answers));
      const made = await runCli(["new", "--from-json", "answers.json", "--dry-run", "--lang", spec.lang], cwd);
      expect(made.exitCode, made.stderr).toBe(0);
      expect(made.stdout).toMatch(/^---\n/);
      const list = await runCli(["list", "--format", "json"], cwd);
      expect(list.exitCode, list.stderr).toBe(0);
      expect((JSON.parse(list.stdout) as unknown[]).length).toBe(spec.postings);
      const open = await runCli(["list", "--open", "--format", "json"], cwd);
      expect(open.exitCode, open.stderr).toBe(0);
    }
  });

  it("takes a Decap CMS config's fields, labels, widgets and options as its starting point", async () => {
    const cwd = tempDir();
    cpSync(join(FIXTURES, "decap"), cwd, { recursive: true });
    const result = await runCli(["init", "--infer"], cwd);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain("and the CMS fields of static/admin/config.yml");
    const config = readJson(join(cwd, "posting.config.json"));
    expect(config).toMatchObject({ content: ["content/jobs"], schema: "schemas/jobs.schema.json", fileName: "YYYY-MM-DD-slug.md" });
    const schema = readJson(join(cwd, "schemas", "jobs.schema.json"));
    const p = schema.properties as Record<string, Record<string, unknown>>;
    expect(p.title).toMatchObject({ type: "string", "x-label": { en: "Job title" } });
    expect(p.published).toMatchObject({ type: "boolean", "x-role": "open" });
    expect(p.date).toMatchObject({ type: "string", format: "date-time", "x-role": "date" });
    expect(p.team).toMatchObject({ type: "string", enum: ["Platform", "Data", "Design"], "x-synonyms": { Data: ["data"] } });
    expect(p.tags).toMatchObject({ type: "array", "x-list": true });
    // A CMS field no posting has yet is declared; `required: false` makes it optional.
    expect(p.salary).toMatchObject({ type: "number" });
    expect(schema.required).toEqual(expect.arrayContaining(["title", "published", "date", "team"]));
    expect(schema.required).not.toContain("notes");
    const findings = await lintFindings(cwd);
    expect(findings.map((f) => `${f.file.split("/").at(-1)} ${f.code} ${f.path}`)).toEqual(["2024-03-09-typo.md SCHEMA_ENUM team"]);
  });

  it("on a terminal, plain `posting init` offers inference when the content folder holds postings", async () => {
    const cwd = tempDir();
    generateCollection(cwd, ENGLISH, 2);
    const prompter = new ScriptedPrompter({ content: "_jobs", infer: true });
    const { io, output } = memoryIO(cwd);
    expect(await initCommand({}, io, { prompter })).toBe(0);
    expect(prompter.asked.map((q) => `${q.name}: ${q.message}`)).toEqual(["content: Folder of the postings", "infer: _jobs holds 100 postings: write a schema inferred from them (as posting init --infer does)?"]);
    expect(output().stdout).toMatch(/^Created schemas\/jobs\.schema\.json/m);
    expect(readJson(join(cwd, "posting.config.json")).schema).toBe("schemas/jobs.schema.json");
  });

  it("declining the offer asks the usual questions and writes the usual config", async () => {
    const cwd = tempDir();
    generateCollection(cwd, ENGLISH, 2);
    const prompter = new ScriptedPrompter({ content: "_jobs", infer: false, fileName: "slug.md" });
    const { io } = memoryIO(cwd);
    expect(await initCommand({}, io, { prompter })).toBe(0);
    expect(prompter.asked.map((q) => q.name)).toEqual(["content", "infer", "fileName", "schema", "template"]);
    expect(existsSync(join(cwd, "schemas"))).toBe(false);
    expect(readJson(join(cwd, "posting.config.json"))).toEqual({ content: ["_jobs"], fileName: "slug.md" });
  });

  it("no offer for an empty content folder", async () => {
    const cwd = tempDir();
    const prompter = new ScriptedPrompter({ content: "content/_jobs" });
    const { io } = memoryIO(cwd);
    expect(await initCommand({}, io, { prompter })).toBe(0);
    expect(prompter.asked.map((q) => q.name)).not.toContain("infer");
  });

  it("a key whose values name the files of a folder next to the postings becomes a reference", async () => {
    const cwd = tempDir();
    generateCollection(cwd, FRENCH, 4);
    // A page for every startup id the postings use (the planted "Ma Startup" has none).
    mkdirSync(join(cwd, "content", "_startups"));
    for (let i = 0; i < 23; i++) writeFileSync(join(cwd, "content", "_startups", `org-${i}.md`), "---\ntitle: x\n---\n");
    const result = await runCli(["init", "--infer", "--content", FRENCH.folder], cwd);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readJson(join(cwd, "posting.config.json")).references).toEqual({ startup: "content/_startups/{value}.md" });
    expect(result.stdout).toMatch(/`startup`: no content\/_startups\/Ma Startup\.md/);
    const findings = await lintFindings(cwd);
    expect(findings.filter((f) => f.code === "REFERENCE_MISSING").map((f) => `${f.file.split("/").at(-1)} ${f.path}`)).toEqual(["2024-04-04-fr-3.md startup"]);
  });

  it("file names that follow no pattern: fileName false; no open or date key: no roles, and list and new still work", async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "_jobs"));
    ["Backend Engineer", "data analyst", "UX designer (senior)", "Site reliability"].forEach((name, i) => {
      writeFileSync(join(cwd, "_jobs", `${name}.md`), `---\nname: ${name}\nteam: ${["Platform", "Data"][i % 2]}\n---\n\nWe are hiring for the team.\n`);
    });
    const init = await runCli(["init", "--infer", "--content", "_jobs"], cwd);
    expect(init.exitCode, init.stderr).toBe(0);
    expect(init.stdout).toContain("no file name pattern (fileName: false)");
    expect(init.stdout).toContain('no x-role "open"');
    expect(readJson(join(cwd, "posting.config.json"))).toMatchObject({ content: ["_jobs"], fileName: false });
    const properties = readJson(join(cwd, "schemas", "jobs.schema.json")).properties as Record<string, Record<string, unknown>>;
    expect(Object.values(properties).some((p) => "x-role" in p)).toBe(false);
    const lint = await runCli(["lint", "--lang", "en"], cwd);
    expect(lint.exitCode, lint.stdout).toBe(0);
    const list = await runCli(["list", "--format", "json"], cwd);
    expect(list.exitCode, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(4);
    writeFileSync(join(cwd, "answers.json"), JSON.stringify({ name: "Security engineer", team: "Platform" }));
    const made = await runCli(["new", "--from-json", "answers.json", "--dry-run", "--lang", "en"], cwd);
    expect(made.exitCode, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^name: Security engineer$/m);
  });

  it("exits 2 when the content folder holds no postings", async () => {
    const cwd = tempDir();
    const result = await runCli(["init", "--infer", "--content", "_jobs"], cwd);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^posting: --infer: no postings under _jobs to infer a schema from/m);
  });
});

describe("inferSchema, bounded and escaped", () => {
  it("tracks at most MAX_KEYS keys and skips huge keys, whatever the postings hold", () => {
    const postings = Array.from({ length: 3 }, (_, i) => {
      const data: Record<string, unknown> = { ["x".repeat(100_000) + String(i)]: "huge" };
      for (let j = 0; j < 5000; j++) data[`key_${i}_${j}`] = j;
      return { file: `p${i}.md`, name: `p${i}.md`, data };
    });
    const result = inferSchema(postings);
    expect(Object.keys(result.schema.properties as object).length).toBe(MAX_KEYS);
    const limits = result.report.limits.join("\n");
    expect(limits).toMatch(/keys past the first 300 were not described/);
    expect(limits).toMatch(/3 keys longer than 100 characters were not described/);
    expect(limits).toMatch(/3 postings have more than 200 keys/);
  });

  it("remembers at most MAX_DISTINCT_VALUES distinct values per key", () => {
    const postings = Array.from({ length: 1000 }, (_, i) => ({ file: `p${i}.md`, name: `p${i}.md`, data: { ref: `value-${i}`, kind: ["a", "b"][i % 2] } }));
    const result = inferSchema(postings);
    expect(result.report.limits).toEqual([`values past the first ${MAX_DISTINCT_VALUES} distinct ones were not remembered for \`ref\` (no enum there)`]);
    expect((result.schema.properties as Record<string, Property>).kind!.enum).toEqual(["a", "b"]);
  });

  it("rules that hold one by one but add up to flagging more than 10% of the files are relaxed, the worst first", () => {
    // Five e-mail keys, each broken in two postings of 40 (95% hold): 10 files flagged in all.
    const postings = Array.from({ length: 40 }, (_, i) => {
      const data: Record<string, unknown> = {};
      for (let j = 0; j < 5; j++) data[`mail_${j}`] = Math.floor(i / 2) === j ? `nobody ${i}` : `team${j}@example.org`;
      return { file: `p${i}.md`, name: `p${i}.md`, data };
    });
    const result = inferSchema(postings);
    const relaxed = result.report.rules.filter((r) => r.rule.startsWith("relaxed"));
    expect(relaxed.map((r) => `${r.key} ${r.rule}`)).toEqual(["mail_0 relaxed: no format", "mail_1 relaxed: no format", "mail_2 relaxed: no format"]);
    expect(result.report.flaggedFiles).toBe(4);
    const properties = result.schema.properties as Record<string, Property & { description: string }>;
    expect(properties.mail_0!.format).toBeUndefined();
    expect(properties.mail_0!.description).toMatch(/^Text, required\. .*relaxed: no format: that rule would flag 2 of 40 files \(5%\)/);
    expect(properties.mail_4!.format).toBe("email");
  });

  it("a key with one value throughout gets it as its default (posting new --yes writes it)", () => {
    const postings = [1, 2, 3, 4].map((i) => ({ file: `p${i}.md`, name: `p${i}.md`, data: { layout: "job", title: `Job ${i}` } }));
    expect((inferSchema(postings).schema.properties as Record<string, Record<string, unknown>>).layout).toMatchObject({ enum: ["job"], "x-default": "job" });
  });

  it("who recruits and the headline are never made a list of choices, however often their values repeat", () => {
    const postings = Array.from({ length: 30 }, (_, i) => ({ file: `p${i}.md`, name: `p${i}.md`, data: { title: `Job ${i % 3}`, company: `Acme ${i % 5}`, team: `Team ${i % 5}` } }));
    const properties = inferSchema(postings).schema.properties as Record<string, Property>;
    expect(properties.company!.enum).toBeUndefined();
    expect(properties.title!.enum).toBeUndefined();
    expect(properties.team!.enum).toHaveLength(5);
  });

  it("keeps a key named __proto__ an ordinary property", () => {
    const data = JSON.parse('{"__proto__": "x", "title": "a"}') as Record<string, unknown>;
    const result = inferSchema([1, 2, 3].map((i) => ({ file: `p${i}.md`, name: `p${i}.md`, data })));
    expect(Object.hasOwn(result.schema.properties as object, "__proto__")).toBe(true);
  });

  it("the command escapes control and bidi characters of keys and values in what it prints", async () => {
    const cwd = tempDir();
    cpSync(join(FIXTURES, "hostile"), cwd, { recursive: true });
    const result = await runCli(["init", "--infer", "--content", "_jobs", "--dry-run"], cwd);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(result.stdout).toContain("\\u202e");
  });

  it("words what lint will flag", () => {
    const postings = [1, 2, 3, 4, 5].map((i) => ({ file: `p${i}.md`, name: `2024-01-0${i}-p.md`, data: { open: i !== 5 ? true : "maybe" } }));
    const text = reportText(inferSchema(postings).report);
    expect(text).toContain('p5.md: `open`: "maybe" is not boolean');
  });
});
