// The CI formats: SARIF 2.1.0 checked against the official JSON Schema, JUnit XML checked for
// well-formedness and escaping. Both run through `posting lint --format …` in-process.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FINDING_CODES } from "../src/core/findings.js";
import { en } from "../src/core/messages/en.js";
import { fileUri } from "../src/reporters/sarif.js";
import { xmlAttribute, xmlText } from "../src/reporters/junit.js";
import { runCli } from "./helpers/cli.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ESC = /[\x1b\x07\x9b\u202e]/;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

const sarifSchema = JSON.parse(readFileSync(join(ROOT, "test", "schemas", "sarif-2.1.0.json"), "utf8")) as object;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version?: string; rules: { id: string; shortDescription: { text: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
    }[];
  }[];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "posting-ci-formats-"));
  writeFileSync(join(dir, "2026-01-01 avec espace.md"), "---\ntitles: Offre\nroles: Dev\nopen: yes\n---\n");
  writeFileSync(join(dir, "2026-01-02-propre.md"), "---\nroles: Dev\nopen: true\n---\n\nTexte.\n");
  // Raw control characters, an XML-illegal character and markup in keys and the file name.
  writeFileSync(join(dir, "offre-<&>\"'-\x1b[2J.md"), `---\nroles: Dev\nopen: true\n"cl\x1b[2Je\x01<x>": x\n"c\u009b2J\u202eabc&amp;": y\n---\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SARIF_CASES: { name: string; args: string[]; cwd?: string; exitCode: number; results: number }[] = [
  { name: "the fixture postings", args: ["fixtures/postings"], exitCode: 1, results: 8 },
  { name: "a clean file: no results", args: ["fixtures/postings/2026-01-12-developpeur-fullstack-aides-territoires.md"], exitCode: 0, results: 0 },
  { name: "escape sequences in values and keys", args: ["fixtures/cli/escape/posting.md"], exitCode: 1, results: 3 },
  { name: "every lint fixture", args: ["fixtures/lint"], exitCode: 1, results: -1 },
  { name: "odd file names", args: ["."], cwd: "<tmp>", exitCode: 1, results: -1 },
];

describe("--format sarif", () => {
  it.each(SARIF_CASES)("$name: valid SARIF 2.1.0", async (c) => {
    const r = await runCli(["lint", "--format", "sarif", ...c.args], c.cwd === "<tmp>" ? dir : ROOT);
    expect(r.exitCode, r.stderr).toBe(c.exitCode);
    expect(r.stdout).not.toMatch(ESC);
    const log = JSON.parse(r.stdout) as SarifLog;
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? [], JSON.stringify(validateSarif.errors?.slice(0, 3))).toEqual([]);
    expect(valid).toBe(true);
    const results = log.runs[0]!.results;
    if (c.results >= 0) expect(results).toHaveLength(c.results);
    const rules = log.runs[0]!.tool.driver.rules;
    for (const result of results) {
      expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
      const uri = result.locations[0]!.physicalLocation.artifactLocation.uri;
      expect(uri).not.toMatch(/[\\ ]|^\//);
    }
  });

  it("names the tool and its version, one rule per finding code with a summary", async () => {
    const r = await runCli(["lint", "-f", "sarif", "fixtures/postings"], ROOT);
    const log = JSON.parse(r.stdout) as SarifLog;
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe("posting");
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.rules.map((rule) => rule.id)).toEqual([...FINDING_CODES]);
    for (const rule of driver.rules) expect(rule.shortDescription.text).toBe(en.codes[rule.id as keyof typeof en.codes].summary);
  });

  it("locates a result by relative URI, line and column", async () => {
    const r = await runCli(["lint", "-f", "sarif", "fixtures/postings"], ROOT);
    const log = JSON.parse(r.stdout) as SarifLog;
    const titles = log.runs[0]!.results.find((x) => x.ruleId === "UNKNOWN_KEY")!;
    expect(titles).toMatchObject({
      level: "error",
      message: { text: expect.stringMatching(/^`titles` is not a known key; did you mean `title`\? \(/) as unknown },
      locations: [{ physicalLocation: { artifactLocation: { uri: "fixtures/postings/2026-03-09-coach-agile.md" }, region: { startLine: 2, startColumn: 1 } } }],
    });
    const warning = log.runs[0]!.results.find((x) => x.ruleId === "YAML11_BOOLEAN")!;
    expect(warning.level).toBe("warning");
  });

  it.each([
    ["content/_jobs/2026-01-01-dev.md", "content/_jobs/2026-01-01-dev.md"],
    ["a b/c#d?.md", "a%20b/c%23d%3F.md"],
    ["<stdin>", "%3Cstdin%3E"],
    ["/tmp/x y.md", "file:///tmp/x%20y.md"],
    ["caf\u00e9.md", "caf%C3%A9.md"],
    ["bad\uD800.md", "bad%EF%BF%BD.md"],
  ])("fileUri(%j) = %j", (file, uri) => {
    expect(fileUri(file)).toBe(uri);
  });
});

/** A small XML 1.0 well-formedness check: legal characters, known entities, balanced tags. */
function checkWellFormed(xml: string): void {
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  expect(xml.replace(/&(?:amp|lt|gt|quot|apos|#x[0-9A-F]+|#\d+);/g, "")).not.toMatch(/&/);
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\n/, "");
  for (const m of body.matchAll(/<(\/?)([A-Za-z-]+)((?:\s+[a-z]+="[^"<]*")*)\s*(\/?)>|<|>/g)) {
    if (m[0] === "<") throw new Error(`stray < at ${m.index}`);
    if (m[0] === ">") throw new Error(`stray > at ${m.index}`);
    if (m[4] === "/") continue;
    if (m[1] === "/") expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
}

describe("--format junit", () => {
  it("one testsuite, one testcase per file, one failure per error, warnings in system-out", async () => {
    const r = await runCli(["lint", "--format", "junit", "fixtures/postings"], ROOT);
    expect(r.exitCode).toBe(1);
    checkWellFormed(r.stdout);
    expect(r.stdout.match(/<testsuite /g)).toHaveLength(1);
    expect(r.stdout.match(/<testcase /g)).toHaveLength(8);
    expect(r.stdout.match(/<failure /g)).toHaveLength(4);
    expect(r.stdout).toMatch(/<testsuite name="posting lint" tests="8" failures="\d" errors="0" skipped="0">/);
    expect(r.stdout).toMatch(
      /<testcase classname="posting" name="fixtures\/postings\/2026-03-09-coach-agile\.md" file="fixtures\/postings\/2026-03-09-coach-agile\.md">\n {6}<failure type="UNKNOWN_KEY" message="`titles` is not a known key; did you mean `title`\?">fixtures\/postings\/2026-03-09-coach-agile\.md:2:1 error UNKNOWN_KEY:/,
    );
    expect(r.stdout).toMatch(/<system-out>[^<]*\nfixtures\/postings\/2026-03-23-data-scientist\.md:5:7 warning YAML11_BOOLEAN:[^<]*<\/system-out>/);
    expect(r.stdout).toMatch(/<testcase classname="posting" name="fixtures\/postings\/2026-01-12-developpeur-fullstack-aides-territoires\.md" file="[^"]+"\/>/);
  });

  it("escapes markup and drops characters XML 1.0 forbids, in names, messages and text", async () => {
    const r = await runCli(["lint", "-f", "junit", "."], dir);
    expect(r.exitCode).toBe(1);
    checkWellFormed(r.stdout);
    expect(r.stdout).not.toMatch(ESC);
    expect(r.stdout).toMatch(/name="offre-&lt;&amp;&gt;&quot;&apos;-\[2J\.md"/);
    expect(r.stdout).toMatch(/&#x9B;2J&#x202E;abc&amp;amp;/);
  });

  it("an empty run (--allow-empty) is still a valid report", async () => {
    const empty = mkdtempSync(join(tmpdir(), "posting-ci-empty-"));
    try {
      const r = await runCli(["lint", "-f", "junit", "--allow-empty", "."], empty);
      expect(r.exitCode).toBe(0);
      checkWellFormed(r.stdout);
      expect(r.stdout).toMatch(/tests="0" failures="0"/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it.each([
    ["a<b>&c", "a&lt;b&gt;&amp;c"],
    ["nul\u0000 bell\u0007 ok", "nul bell ok"],
    ["lone \uDC00 surrogate \uD83D\uDE00", "lone  surrogate \uD83D\uDE00"],
    ["csi \u009b bidi \u202e", "csi &#x9B; bidi &#x202E;"],
    ["keep\ttab\nline", "keep\ttab\nline"],
  ])("xmlText(%j)", (input, output) => {
    expect(xmlText(input)).toBe(output);
  });

  it("xmlAttribute keeps quotes and line breaks as references", () => {
    expect(xmlAttribute(`say "hi"\n'there'\t`)).toBe("say &quot;hi&quot;&#xA;&apos;there&apos;&#x9;");
  });
});
