// Patterns of a user schema (issue 13) are matched in linear time by RE2 (re2js), with the meaning
// they have in JavaScript with the u flag, or refused naming their JSON pointer. The bundled
// schema keeps its build-time validator and never loads re2js.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPattern, findUnsafePattern } from "../src/core/schema/safe-pattern.js";
import { compileSchema } from "../src/core/schema/schema.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "posting.js");
const SLOW = join(ROOT, "fixtures", "schema-patterns", "slow");
const POSTING = join(ROOT, "fixtures", "postings", "2026-03-09-coach-agile.md");

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "posting-patterns-"));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The built bin in a child, killed after `timeout` ms (SIGKILL: the CLI handles SIGTERM, and a child busy in a
 * regular expression would not stop on it); a hang fails the test, not the suite. */
function run(args: string[], cwd: string, nodeArgs: string[] = [], timeout = 20_000) {
  const child = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], { cwd, encoding: "utf8", timeout, killSignal: "SIGKILL", env: { ...process.env, NO_COLOR: "1" } });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, error: child.error };
}

describe("user-schema patterns run in linear time", () => {
  it("^a*a*a*b$ and ^(a+)+$ on 16,000 characters: lint finishes and reports both values", () => {
    // With native RegExp the first is cubic (27 s at 2,000 characters) and the second exponential.
    const r = run(["lint", "--schema", "schema.json", "polynomial.md", "exponential.md"], SLOW);
    expect(r.error, "lint must finish (it hung with native RegExp)").toBeUndefined();
    expect(r.status).toBe(1);
    expect(r.stdout.match(/SCHEMA_PATTERN/g)).toHaveLength(2);
    expect(r.stdout).toMatch(/polynomial\.md\n\s+\d+:\d+\s+error\s+`startup` must be text matching \^a\*a\*a\*b\$/);
    expect(r.stdout).toMatch(/exponential\.md\n\s+\d+:\d+\s+error\s+`code` must be text matching \^\(a\+\)\+\$/);
  }, 30_000);

  it("the bundled schema never loads re2js; a user schema does", () => {
    // A preload reports every module the process requires by the name "re2js".
    const hook = join(work, "hook.cjs");
    writeFileSync(hook, `const M = require("module"); const load = M._load; M._load = function (request, ...rest) { if (request === "re2js") process.stderr.write("LOADED re2js\\n"); return load.call(this, request, ...rest); };\n`);
    const bundled = run(["lint", POSTING], ROOT, ["-r", hook]);
    expect(bundled.status).toBe(1); // the fixture has an old spelling (`titles`)
    expect(bundled.stderr).not.toContain("LOADED re2js");
    const user = run(["lint", "--schema", "schema.json", "polynomial.md"], SLOW, ["-r", hook]);
    expect(user.status).toBe(1);
    expect(user.stderr).toContain("LOADED re2js");
  });

  it("ajv's compile-time check of properties against patternProperties uses the linear matcher", () => {
    // ajv tests each name of `properties` with a native RegExp; a 20,000-character name and a
    // cubic pattern would hang the compilation.
    const schema = { type: "object", properties: { ["a".repeat(20_000)]: { type: "string" } }, patternProperties: { "^a*a*a*b$": { type: "string" } } };
    expect(findUnsafePattern(schema)).toBeUndefined();
    const compiled = compileSchema(schema, "long-name.json");
    expect(compiled.validate({ ["a".repeat(20_000)]: "x", aab: "y" })).toBe(true);
    expect(compiled.validate({ aab: 1 })).toBe(false);
    // And a name that a pattern does match is still refused, as ajv's strict mode does.
    expect(findUnsafePattern({ properties: { xy: {} }, patternProperties: { "^x": {} } })).toEqual({
      pointer: "/patternProperties/^x",
      reason: "matches the property at /properties/xy (ajv's strict mode refuses a property that a pattern property also covers)",
    });
  });

  it("each pattern of a schema keeps its own matcher", () => {
    const compiled = compileSchema({ type: "object", properties: { a: { type: "string", pattern: "^x+$" }, b: { type: "string", pattern: "^y+$" } }, patternProperties: { "^z\\d$": { type: "integer" } } }, "two.json");
    expect(compiled.validate({ a: "xx", b: "yy", z1: 3 })).toBe(true);
    expect(compiled.validate({ a: "yy" })).toBe(false);
    expect(compiled.validate({ b: "xx" })).toBe(false);
    expect(compiled.validate({ z1: "text" })).toBe(false);
    expect(compiled.validate({ zz: "text" })).toBe(true);
  });
});

describe("re2js gives the verdict of native RegExp with the u flag", () => {
  const TABLE: [string, string[]][] = [
    ["^a*a*a*b$", ["aab", "b", "aaa", "ab\n"]],
    ["^(a+)+$", ["a", "aaaa", "aab", ""]],
    ["^[a-z0-9]+(?:-[a-z0-9]+)*$", ["ma-cantine-egalim", "ab--cd", "-ab", "ab-", "abc"]],
    ["^[A-Za-z0-9][A-Za-z0-9._-]*$", ["a.b_c-d", ".a", "a b", "é"]],
    ["^\\d{4}-\\d{2}-\\d{2}$", ["2026-03-09", "2026-3-09", "２０２６-03-09", "2026-03-09\n"]],
    ["^https?://", ["https://x", "http://", "ftp://", "xhttps://"]],
    ["\\.fr$", ["beta.gouv.fr", "beta.gouv.fr\n", "frfr"]],
    ["^$", ["", "\n"]],
    ["^\\s+$", [" ", "\u00a0", "\t\r\n\v\f", "\u2028\u2029", "\ufeff", "\u3000", "\u200b", "\u180e", "a"]],
    ["^\\S+$", ["abc", "a\u00a0b", "é😀", "\u200b"]],
    ["^[\\s\\d]+$", ["1 2\u00a03", "1a"]],
    ["^[^\\s]+$", ["abc", "a\u2003b"]],
    ["^[^\\S]$", [" ", "a", "\u00a0"]],
    ["^.$", ["a", "é", "😀", "\n", "\r", "\u2028", "\u2029", "\u0085", ""]],
    ["^.{3}$", ["é😀a", "😀😀", "abc", "a\nb"]],
    ["^[^]$", ["\n", "😀", ""]],
    ["[]", ["", "a"]],
    ["^[^a]$", ["😀", "a", "b"]],
    ["^[😀-😂]$", ["😁", "😃", "\uD83D"]],
    ["^\\p{L}+$", ["Société", "Socie\u0301te\u0301", "日本語", "abc1", "😀"]],
    ["^\\p{Lu}\\P{Lu}*$", ["École", "école", "ÉCOLE"]],
    ["^[\\p{L}\\p{N} '-]+$", ["Jean-Luc O'Neil 3", "x_y"]],
    ["^\\w+$", ["abc_1", "é", "ab-c"]],
    ["^\\W$", ["é", "a", "-"]],
    ["\\bfoo\\b", ["a foo b", "afoo", "é foo", "foo_"]],
    ["\\Bx\\B", ["axb", "x", "éxé"]],
    ["^\\u00e9$", ["é", "e\u0301"]],
    ["^\\uD83D\\uDE00$", ["😀", "\uD83D"]],
    ["^\\u{1F600}+$", ["😀😀", "😀a"]],
    ["^\\x41\\cJ\\0\\t$", ["A\n\0\t", "A\n0\t"]],
    ["^[\\b]$", ["\b", "b"]],
    ["^[[:a]+$", ["[:", "a:", "b"]],
    ["^[\\]\\\\^-]+$", ["]\\^-", "a"]],
    ["^[a\\-z]+$", ["a-z", "b"]],
    ["^\\/\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$$", ["/.*+?()[]{}|^$", "x"]],
    ["^a{2,3}$", ["a", "aa", "aaa", "aaaa"]],
    ["^a{2,}?$", ["a", "aaaaa"]],
    ["^(?<year>\\d{4})(?:-(?<month>\\d\\d))?$", ["2026", "2026-03", "2026-3"]],
    ["CDI|CDD", ["un CDI", "cdd", "CD"]],
    ["^(?:CDI|CDD)?$", ["", "CDI", "CDIx"]],
    ["^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", ["a.b@beta.gouv.fr", "a b@c.d", "@c.d", "é@é.é"]],
    ["^[A-Z]", ["Éa", "Ab", "a"]],
    ["^\\d+$", ["٣", "123"]],
    ["a", ["A"]],
    ["^ +$", ["  ", "\u00a0"]],
  ];
  const cases = TABLE.flatMap(([pattern, strings]) => strings.map((s) => [pattern, s] as const));

  it.each(cases)("%s on %j", (pattern, s) => {
    const verdict = checkPattern(pattern);
    if (!verdict.ok) throw new Error(`refused: ${verdict.reason}`);
    expect(verdict.regExp.test(s)).toBe(new RegExp(pattern, "u").test(s));
  });

  it("\\s, \\S and . agree with native RegExp on every code point", () => {
    const mismatches: string[] = [];
    for (const pattern of ["\\s", "\\S", ".", "[\\s]", "[^\\s]", "[\\S]"]) {
      const linear = checkPattern(`^${pattern}$`);
      if (!linear.ok) throw new Error(linear.reason);
      const native = new RegExp(`^${pattern}$`, "u");
      for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x3100 ? 1 : cp < 0x10000 ? 7 : 1031) {
        const s = String.fromCodePoint(cp);
        if (linear.regExp.test(s) !== native.test(s)) mismatches.push(`${pattern} U+${cp.toString(16)}`);
      }
      for (const cp of [0xfeff, 0xfffe, 0xffff, 0x10ffff]) {
        const s = String.fromCodePoint(cp);
        if (linear.regExp.test(s) !== native.test(s)) mismatches.push(`${pattern} U+${cp.toString(16)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe("one check decides whether a pattern is accepted", () => {
  it.each([
    ["(a)\\1", /uses a backreference/],
    ["(?<n>a)\\k<n>", /uses a backreference/],
    ["a(?=b)", /uses a lookahead or lookbehind/],
    ["(?<!a)b", /uses a lookahead or lookbehind/],
    ["(a", /is not a valid regular expression \(JavaScript syntax with the u flag\)/],
    ["a{,2}", /is not a valid regular expression/],
    ["\\p{Letter}", /cannot be matched in linear time by RE2 \(invalid character class range\)/],
    ["\\p{Script=Greek}", /cannot be matched in linear time by RE2/],
    ["a{1001}", /cannot be matched in linear time by RE2 \(invalid repeat count\)/],
    ["x".repeat(1001), /is longer than 1000 characters/],
  ])("refuses %s", (pattern, reason) => {
    const verdict = checkPattern(pattern);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(reason);
  });

  it("a refused pattern is an exit-2 error naming the schema file and the pattern's JSON pointer", () => {
    const dir = join(work, "refused");
    mkdirSync(dir);
    writeFileSync(join(dir, "letter.json"), JSON.stringify({ type: "object", properties: { city: { type: "string", pattern: "^\\p{Letter}+$" } } }));
    writeFileSync(join(dir, "posting.md"), "---\ncity: Lyon\n---\n\nText.\n");
    const r = run(["lint", "--schema", "letter.json", "posting.md"], dir);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`posting: the schema ${join(dir, "letter.json")}: the pattern at /properties/city/pattern cannot be matched in linear time by RE2 (invalid character class range); the schema was not used\n`);
  });
});
