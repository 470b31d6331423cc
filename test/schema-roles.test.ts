// Field roles live in the schema (x-role, x-column, x-search, x-identity, x-flag): the bundled
// schema gives today's behaviour, another collection's schema gives its own, one new property is
// one edit that every command picks up, and a bad annotation stops the run naming file and key.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../src/core/errors.js";
import { compileSchema, loadSchema } from "../src/core/schema/schema.js";
import { runCli } from "./helpers/cli.js";
import { ScriptedPrompter, runNew } from "./helpers/new-helpers.js";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/schema-roles");
let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

/** A temp copy of fixtures/schema-roles/<name>. */
function copyOf(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `posting-roles-${name}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The one edit: the `team` property inserted after `position` (key order is the canonical order). */
function addTeam(dir: string): void {
  const path = join(dir, "offer.schema.json");
  const schema = JSON.parse(readFileSync(path, "utf8")) as { properties: Record<string, unknown> };
  const team = JSON.parse(readFileSync(join(FIXTURES, "team.property.json"), "utf8")) as unknown;
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema.properties)) {
    properties[key] = value;
    if (key === "position") properties.team = team;
  }
  writeFileSync(path, JSON.stringify({ ...schema, properties }, null, 2));
}

describe("the bundled schema's roles", () => {
  it("are today's: columns, search fields, duplicate identity, open/date/startup keys and new's flags", () => {
    const { roles } = loadSchema();
    expect(roles.columns).toEqual([{ key: "date" }, { key: "startup" }, { key: "roles", fallback: "title" }, { key: "open" }, { key: "contrat" }, { key: "file" }]);
    expect(roles.search).toEqual(["title", "roles"]);
    expect(roles.identity).toEqual(["startup", "roles", "date"]);
    expect(roles.identityInKeyOrder).toEqual(["roles", "startup", "date"]);
    expect(roles.identityBare).toEqual([true, false, true]);
    expect(roles.keys).toEqual({ startup: "startup", open: "open", date: "date" });
    expect(roles.flags.map((f) => [f.flag, f.off, f.key])).toEqual([
      ["title", undefined, "title"],
      ["roles", undefined, "roles"],
      ["startup", undefined, "startup"],
      ["open", "closed", "open"],
      ["date", undefined, "date"],
    ]);
  });
});

describe("another collection's schema (fixtures/schema-roles/offers)", () => {
  it("lists its own columns, with the date's day and the fallback, and filters on its own open and startup keys", async () => {
    const dir = copyOf("offers");
    const r = await runCli(["list"], dir);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^posted {6}company {2}position {10}listed {2}file\s*$/);
    expect(r.stdout).toContain("2026-04-01  globex   Product designer");
    expect(r.stdout).toContain("3 postings, 2 open");
    const open = await runCli(["list", "--startup", "ACME", "--open", "--format", "json"], dir);
    expect(JSON.parse(open.stdout).map((p: { file: string; date: string }) => [p.file, p.date])).toEqual([["offers/2026-03-02-data-engineer.md", "2026-03-02"]]);
    const closed = await runCli(["list", "--closed", "--fields", "posted,file", "--format", "csv"], dir);
    // The copy has no `posted`: its date comes from the file name, as for the bundled schema's `date`.
    expect(closed.stdout).toBe("posted,file\r\n2026-03-02,offers/2026-03-02-data-engineer-copy.md\r\n");
  });

  it("searches the x-search keys and the body, not the other keys", async () => {
    const dir = copyOf("offers");
    const count = async (text: string) => (await runCli(["list", "--search", text, "--count"], dir)).stdout;
    expect(await count("hiring")).toBe("1\n"); // headline
    expect(await count("ENGINEER")).toBe("2\n"); // position
    expect(await count("mobile squad")).toBe("1\n"); // body
    expect(await count("50k")).toBe("0\n"); // pay: not a search key
  });

  it("reports duplicates by its own identity, worded with its keys", async () => {
    const dir = copyOf("offers");
    const r = await runCli(["lint", "--format", "json"], dir);
    const findings = (JSON.parse(r.stdout) as { files: { findings: { code: string; path: string; line: number; message: string; hint: string }[] }[] }).files.flatMap((f) => f.findings);
    const duplicate = findings.find((f) => f.code === "DUPLICATE_POSTING");
    expect(duplicate).toMatchObject({
      path: "position",
      line: 2,
      message: 'same company, position and posted as offers/2026-03-02-data-engineer-copy.md (acme, "Data engineer", 2026-03-02)',
      hint: "remove one of the two files, or change the position if they are different postings",
    });
  });

  it("gives new its flags: values, a boolean's two flags, errors worded as for any option", async () => {
    const dir = copyOf("offers");
    const r = await runCli(["new", "--position", "Data analyst", "--org", "acme", "--unlisted", "--posted-on=2026-05-01", "--dry-run"], dir);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^---\nposition: Data analyst\ncompany: acme\nlisted: false\nposted: 2026-05-01\n---\n/);
    const both = await runCli(["new", "--position", "x", "--listed", "--unlisted", "--dry-run"], dir);
    expect([both.exitCode, both.stderr]).toEqual([2, "posting: --listed et --unlisted ne peuvent pas être utilisés ensemble\n"]);
    const unknown = await runCli(["new", "--lang", "en", "--positon", "x", "--dry-run"], dir);
    expect([unknown.exitCode, unknown.stderr]).toEqual([2, "posting: unknown option '--positon'\n"]);
    const missing = await runCli(["new", "--lang", "en", "--dry-run", "--position"], dir);
    expect([missing.exitCode, missing.stderr]).toEqual([2, "posting: option '--position <value>' argument missing\n"]);
    const stray = await runCli(["new", "--lang", "en", "--position", "x", "stray", "--dry-run"], dir);
    expect([stray.exitCode, stray.stderr]).toEqual([2, "posting: too many arguments for 'new'. Expected 0 arguments but got 1.\n"]);
    // A flag of the bundled schema that this one does not give.
    const title = await runCli(["new", "--title", "x", "--dry-run"], dir);
    expect(title.exitCode).toBe(2);
    expect(title.stderr).toMatch(/^posting: --title\s: le schéma .*offer\.schema\.json n'a pas ce raccourci \(ajoutez "x-flag" à la clé qu'il renseigne\)\s; donnez la valeur avec --set clé=valeur\n$/);
    const titleEn = await runCli(["new", "--title", "x", "--dry-run", "--lang", "en"], dir);
    expect(titleEn.stderr).toMatch(/^posting: --title: the schema .*offer\.schema\.json has no such shortcut \(add "x-flag" to the key it sets\), so give the value with --set key=value\n$/);
  });

  it("names the file after its date and its first search key", async () => {
    const dir = copyOf("offers");
    const r = await runCli(["new", "--position", "Data analyst", "--listed", "--posted-on", "2026-05-01", "--yes"], dir);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("offers/2026-05-01-data-analyst.md");
  });
});

describe("one new property is one edit of the schema, and every command picks it up", () => {
  it("lint, normalize, list, list --search and new (flag and prompt) all know `team`", async () => {
    // Two copies, the schema edited in one: a process compiles a schema file once.
    const dir = copyOf("offers");
    const unedited = copyOf("offers");
    addTeam(dir);
    const before = {
      lint: await runCli(["lint"], unedited),
      list: await runCli(["list"], unedited),
      search: await runCli(["list", "--search", "orbit", "--count"], unedited),
      flag: await runCli(["new", "--lang", "en", "--position", "x", "--team", "Orbit", "--dry-run"], unedited),
    };
    expect(before.lint.stdout).toContain("`squad` is not a known key  UNKNOWN_KEY");
    expect(before.list.stdout.split("\n")[0]).not.toContain("team");
    expect(before.search.stdout).toBe("0\n");
    expect([before.flag.exitCode, before.flag.stderr]).toEqual([2, "posting: unknown option '--team'\n"]);

    const lint = await runCli(["lint"], dir);
    expect(lint.stdout).toContain("`squad` is an old spelling of `team`");
    const list = await runCli(["list"], dir);
    expect(list.stdout.split("\n")[0]).toMatch(/^posted {6}company {2}position {10}team {3}listed {2}file\s*$/);
    expect(list.stdout).toMatch(/2026-03-02 {2}acme {5}Data engineer {5}Orbit {2}true/);
    expect((await runCli(["list", "--search", "orbit", "--count"], dir)).stdout).toBe("1\n");
    const flag = await runCli(["new", "--position", "x", "--team", "Orbit", "--listed", "--dry-run"], dir);
    expect(flag.stderr).toBe("");
    expect(flag.stdout).toMatch(/^---\nposition: x\nteam: Orbit\nlisted: true\n/);
    const prompter = new ScriptedPrompter({ position: "Data analyst", listed: true, posted: "2026-05-02", optional: true, team: "Orbit", confirm: true });
    const asked = await runNew({ lang: "en", dryRun: true }, dir, { prompter });
    expect(asked.exitCode).toBe(0);
    expect(prompter.asked.map((q) => q.name)).toEqual(["position", "listed", "posted", "optional", "headline", "team", "company"]);
    expect(asked.stdout).toContain("team: Orbit\n");
    const normalized = await runCli(["normalize", "--write"], dir);
    expect(normalized.stdout).toContain("key `squad` renamed to `team`");
  });
});

describe("a schema without role annotations (fixtures/schema-roles/plain)", () => {
  it("lists its first keys and the file, without an open count", async () => {
    const dir = copyOf("plain");
    const r = await runCli(["list"], dir);
    expect(r.stdout.split("\n")[0]).toMatch(/^title {3}place {2}date {8}open {2}speaker {2}file\s*$/);
    expect(r.stdout).toMatch(/\n2 postings\n$/);
  });

  it("takes its `date` key as the date (Jekyll's own) for the columns, --since/--until and JSON alike; open is unknown, not false", async () => {
    const dir = copyOf("plain");
    const json = JSON.parse((await runCli(["list", "-f", "json"], dir)).stdout) as { file: string; date: string; open: unknown; data: { date?: string } }[];
    for (const record of json) {
      expect(record.date).toBe(record.data.date);
      expect(record.open).toBeNull();
    }
    const dates = json.map((r) => r.date).sort();
    const until = await runCli(["list", "--until", dates[0]!, "-f", "json"], dir);
    expect((JSON.parse(until.stdout) as { date: string }[]).every((r) => r.date <= dates[0]!)).toBe(true);
    // Nothing matches: still no open count, the schema has no open key.
    const none = await runCli(["list", "--since", "2999-01-01"], dir);
    expect(none.stdout).toMatch(/^0 postings \(of 2 read\)\n$/m);
  });

  it("refuses --open, --closed, --stale and --startup, naming the annotation", async () => {
    const dir = copyOf("plain");
    for (const [args, flag, role] of [
      [["--open"], "--open", "open"],
      [["--closed"], "--closed", "open"],
      [["--stale", "3"], "--stale", "open"],
      [["--startup", "x"], "--startup", "startup"],
    ] as const) {
      const r = await runCli(["list", ...args], dir);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^posting: ${flag}: the schema .*event\\.schema\\.json marks no key as the ${role} one \\(add "x-role": "${role}" to it\\)\\n$`));
    }
  });

  it("searches every text value, has no duplicate check and no shortcut flags", async () => {
    const dir = copyOf("plain");
    expect((await runCli(["list", "--search", "camille", "--count"], dir)).stdout).toBe("2\n");
    const lint = await runCli(["lint"], dir);
    expect([lint.exitCode, lint.stdout]).toEqual([0, "✔ no problems (2 files checked)\n"]);
    const flag = await runCli(["new", "--title", "Talk", "--dry-run"], dir);
    expect(flag.exitCode).toBe(2);
    const set = await runCli(["new", "--set", "title=Talk", "--set", "place=Paris", "--dry-run"], dir);
    expect(set.stdout).toMatch(/^---\ntitle: Talk\nplace: Paris\n---\n/);
  });
});

describe("a posting schema copied from before roles were annotations", () => {
  // The bundled schema without any x-role/x-column/x-search/x-identity/x-flag: what a site that
  // copied an older bundled schema has. It keeps the roles posting gave those keys by name.
  const bundled = loadSchema();
  const ROLE_ANNOTATIONS = ["x-role", "x-column", "x-search", "x-identity", "x-flag"];
  const stripped = (json: Record<string, unknown>) => {
    const copy = structuredClone(json) as { properties: Record<string, Record<string, unknown>> };
    for (const spec of Object.values(copy.properties)) for (const a of ROLE_ANNOTATIONS) delete spec[a];
    return copy;
  };
  const json = JSON.parse(readFileSync(bundled.source, "utf8")) as Record<string, unknown>;

  it("gets the bundled schema's columns, search, identity, open/date/startup keys and flags", () => {
    const old = compileSchema(stripped(json), "/site/old-posting.schema.json");
    expect(JSON.stringify(stripped(json))).not.toMatch(/"x-(role|column|search|identity|flag)"/);
    expect(old.roles).toEqual(bundled.roles);
  });

  it("gives them only to the keys it declares, and not to another collection's schema", () => {
    const copy = stripped(json) as { properties: Record<string, unknown> };
    delete copy.properties.startup;
    const old = compileSchema(copy, "/site/old-posting.schema.json");
    expect(old.roles.keys).toEqual({ open: "open", date: "date" });
    expect(old.roles.identity).toEqual([]);
    expect(old.roles.flags.map((f) => f.flag)).not.toContain("startup");
    const events = compileSchema({ type: "object", properties: { title: { type: "string" }, date: { type: "string" }, open: { type: "boolean" } } }, "/site/events.schema.json");
    expect(events.roles.keys).toEqual({ date: "date" }); // Jekyll's own date key, nothing else
    expect(events.roles.flags).toEqual([]);
  });
});

describe("a bad role annotation", () => {
  const base = { type: "object", properties: { a: { type: "string" }, b: { type: "boolean" }, c: { type: "string" } } };
  const withProperty = (key: "a" | "b" | "c", extra: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
    ...base,
    properties: { ...base.properties, ...more, [key]: { ...base.properties[key], ...extra } },
  });
  const cases: { name: string; json: unknown; key: string; reason: RegExp }[] = [
    { name: "an unknown role", json: withProperty("a", { "x-role": "closed" }), key: "a", reason: /"x-role": expected one of "open", "date", "startup"/ },
    { name: "a role given twice", json: withProperty("c", { "x-role": "date" }, { a: { type: "string", "x-role": "date" } }), key: "c", reason: /`a` has the role "date" already/ },
    { name: "a column place of 0", json: withProperty("a", { "x-column": 0 }), key: "a", reason: /"x-column": expected true, a whole number from 1 to 1000/ },
    { name: "a column place as text", json: withProperty("a", { "x-column": "1" }), key: "a", reason: /"x-column"/ },
    { name: "an unknown column setting", json: withProperty("a", { "x-column": { order: 1, width: 3 } }), key: "a", reason: /unknown setting "width"/ },
    { name: "a fallback that is no key", json: withProperty("a", { "x-column": { fallback: "zzz" } }), key: "a", reason: /"fallback" must name another key/ },
    { name: "a fallback to itself", json: withProperty("a", { "x-column": { fallback: "a" } }), key: "a", reason: /"fallback" must name another key/ },
    { name: "x-search not a boolean", json: withProperty("a", { "x-search": "yes" }), key: "a", reason: /"x-search": expected true or false/ },
    { name: "an identity place that is not whole", json: withProperty("a", { "x-identity": 1.5 }), key: "a", reason: /"x-identity"/ },
    { name: "a flag new has already", json: withProperty("a", { "x-flag": "dry-run" }), key: "a", reason: /--dry-run is an option of `posting new` already/ },
    { name: "a flag that is not a flag name", json: withProperty("a", { "x-flag": "Bad_Name" }), key: "a", reason: /lower-case letters, digits and single dashes/ },
    { name: "a flag name too long", json: withProperty("a", { "x-flag": "x".repeat(41) }), key: "a", reason: /at most 40 characters/ },
    { name: "a flag given twice", json: withProperty("c", { "x-flag": "a" }, { a: { type: "string", "x-flag": true } }), key: "c", reason: /--a is the flag of `a` already/ },
    { name: "two flags on a text", json: withProperty("a", { "x-flag": ["on", "off"] }), key: "a", reason: /"x-flag": expected true or a flag name/ },
    { name: "three flags on a boolean", json: withProperty("b", { "x-flag": ["on", "off", "maybe"] }), key: "b", reason: /two names \[on, off\]/ },
    {
      name: "more than 50 columns",
      json: { type: "object", properties: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, { type: "string", "x-column": true }])) },
      key: "k50",
      reason: /at most 50 columns/,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: a ConfigError naming the schema and the key`, () => {
      let error: unknown;
      try {
        compileSchema(c.json, "/site/bad.schema.json");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const e = error as ConfigError;
      expect([e.file, e.key]).toEqual(["/site/bad.schema.json", c.key]);
      expect(e.message).toMatch(new RegExp(`^the schema /site/bad\\.schema\\.json: \`${c.key}\` has a bad `));
      expect(e.message).toMatch(c.reason);
    });
  }

  it("exits 2 from the command line, with one line naming the file and the key", async () => {
    const dir = copyOf("plain");
    writeFileSync(join(dir, "bad.schema.json"), JSON.stringify(withProperty("a", { "x-role": "closed" })));
    const r = await runCli(["list", "--schema", "bad.schema.json"], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^posting: the schema .*bad\.schema\.json: `a` has a bad "x-role": expected one of "open", "date", "startup"; the schema was not used\n$/);
  });
});
