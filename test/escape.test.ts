// The unsafe-output check over the full escape set (src/core/sanitize.ts), every command and
// every format, and its meta-test: the check must fail when any one output path stops escaping
// (a broken escaper injected for that path alone), and when the escaper lets any one character
// of the set through.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { capText, escapeInline, escapeJsonText, escapeUnsafe, setEscaperHookForTests } from "../src/core/sanitize.js";
import type { EscapeContext } from "../src/core/sanitize.js";
import { runCli } from "./helpers/cli.js";
import { ESCAPED_SET, hex, NEVER_RAW, NEVER_RAW_PATTERN } from "./helpers/unsafe.js";

/** Follows a LF in file names, keys and values: it must never start a line of output. */
const MARKER = "INJECTED";

/** Every character of the set, as YAML double-quoted escapes, with a line break before the marker. */
const YAML_ALL = `${ESCAPED_SET.map((ch) => `\\u${hex(ch)}`).join("")}\\n${MARKER}`;

let dir: string;
let writeDir: string;

/** File names carrying the set (all but NUL, which no name can hold), in three parts to fit 255 bytes. */
const NAME_CHARS = ESCAPED_SET.filter((ch) => ch !== "\u0000");
const NAME_PARTS = [0, 1, 2].map((k) => NAME_CHARS.filter((_, i) => i % 3 === k).join(""));

function postingText(i: number): string {
  return [
    "---",
    `titles: "Titre ${i} ${YAML_ALL}"`,
    `roles: "Dev ${YAML_ALL}"`,
    "open: yes",
    `contrat: "${YAML_ALL}"`,
    `"k${YAML_ALL}": 1`,
    "---",
    "",
    "Texte.",
    "",
  ].join("\n");
}

function fill(folder: string): void {
  mkdirSync(folder, { recursive: true });
  NAME_PARTS.forEach((part, i) => writeFileSync(join(folder, `p${i}-${part}\n${MARKER}.md`), postingText(i)));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "posting-escape-"));
  fill(join(dir, "jobs"));
  writeDir = mkdtempSync(join(tmpdir(), "posting-escape-write-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(writeDir, { recursive: true, force: true });
});
afterEach(() => setEscaperHookForTests(undefined));

const WEIRD = `x${ESCAPED_SET.filter((ch) => ch !== "\u0000").join("")}\n${MARKER}`;

/** Every command and format, on the corpus; `write` runs go to a fresh copy each time. */
const RUNS: { name: string; args: string[]; write?: boolean }[] = [
  ...["stylish", "json", "github", "sarif", "junit"].map((f) => ({ name: `lint -f ${f}`, args: ["lint", "-f", f, "jobs"] })),
  ...["table", "csv", "json", "ndjson"].map((f) => ({ name: `list -f ${f}`, args: ["list", "-f", f, "--fields", "title,roles,contrat,file", "jobs"] })),
  { name: "list, unknown key note", args: ["list", "--where", `${WEIRD}=1`, "jobs"] },
  { name: "normalize (diff)", args: ["normalize", "jobs"] },
  { name: "normalize --check", args: ["normalize", "--check", "jobs"] },
  { name: "normalize --write", args: ["normalize", "--write", "jobs"], write: true },
  { name: "new, unknown key", args: ["new", "--roles", "Dev", "--open", "--dir", "jobs", "--yes", "--set", `${WEIRD}=1`] },
  { name: "new, summary", args: ["new", "--title", WEIRD, "--roles", WEIRD, "--open", "--date", "2026-11-20", "--dir", "out", "--stdout"] },
  { name: "config error naming the file", args: ["lint", "--config", `${WEIRD}.json`, "jobs"] },
  { name: "usage error (commander)", args: ["lint", `--${WEIRD}`] },
];

interface Violation {
  run: string;
  what: string;
}

/** The check: over every run, no character of the set raw, and no line started by the marker. */
async function unsafeOutputs(): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const run of RUNS) {
    let cwd = dir;
    if (run.write) {
      cwd = mkdtempSync(join(writeDir, "run-"));
      fill(join(cwd, "jobs"));
    }
    const result = await runCli(run.args, cwd);
    // CSV rows end in CRLF (RFC 4180), and a line break inside a quoted cell is data there.
    const csv = run.args.includes("csv");
    for (const [stream, raw] of [["stdout", result.stdout], ["stderr", result.stderr]] as const) {
      const text = csv && stream === "stdout" ? raw.replace(/\r\n/g, "\n").replace(new RegExp(`\n${MARKER}`, "g"), `\\n${MARKER}`) : raw;
      const unsafe = NEVER_RAW_PATTERN.exec(text);
      if (unsafe) violations.push({ run: run.name, what: `${stream}: raw U+${hex(unsafe[0]).toUpperCase()}` });
      if (new RegExp(`(^|[\\n\\r])${MARKER}`).test(text)) violations.push({ run: run.name, what: `${stream}: a line break from the input started a line` });
      if (/internal error/.test(text)) violations.push({ run: run.name, what: `${stream}: internal error` });
    }
  }
  return violations;
}

describe("the escaper", () => {
  it.each(ESCAPED_SET.map((ch) => [hex(ch), ch]))("U+%s is never left raw on one line", (_, ch) => {
    expect(escapeInline(`a${ch}b`)).not.toContain(ch);
    expect(escapeJsonText(JSON.stringify(`a${ch}b`))).not.toContain(ch);
    expect(JSON.parse(escapeJsonText(JSON.stringify(`a${ch}b`)))).toBe(`a${ch}b`);
  });

  it("keeps tab and line feed in multi-line text, escapes CR there", () => {
    expect(escapeUnsafe("a\tb\nc\rd", "text")).toBe("a\tb\nc\\rd");
    expect(escapeUnsafe("a\tb\nc\rd", "inline")).toBe("a\\tb\\nc\\rd");
  });

  it("caps quoted values at 200 characters with an ellipsis, never splitting a surrogate pair", () => {
    expect(capText("x".repeat(1000))).toHaveLength(200);
    expect(capText("😀".repeat(300)).endsWith("😀…")).toBe(true);
    expect(capText("court")).toBe("court");
  });
});

describe("unsafe-output check over every command and format", () => {
  it("finds nothing: the full set is escaped everywhere", async () => {
    const found = await unsafeOutputs();
    expect(found).toEqual([]);
  });

  it("a 535-byte input cannot produce a long message line (quoted values are capped)", async () => {
    const long = mkdtempSync(join(tmpdir(), "posting-escape-long-"));
    try {
      const key = `k${"\u009b".repeat(256)}`;
      writeFileSync(join(long, "p.md"), `---\nroles: Dev\nopen: true\n"${key.replace(/\u009b/g, "\\x9b")}": 1\n---\n`);
      for (const format of ["stylish", "json", "github"]) {
        const r = await runCli(["lint", "-f", format, "."], long);
        const longest = Math.max(...r.stdout.split("\n").map((l) => l.length));
        expect(longest, format).toBeLessThan(1200);
      }
    } finally {
      rmSync(long, { recursive: true, force: true });
    }
  });
});

// Output paths, by the name each gives the escaper (src/core/sanitize.ts callers). The prompts
// of `posting new` ("new-prompt") and `posting init` need a terminal; test/new-bin.test.ts and
// test/init.test.ts cover them.
const JSON_CALLERS = ["json", "sarif", "list-json"];
// `posting new` escapes what it prints ("new") after cleanText has already dropped control
// characters from the answers, and its errors go through "cli-error" too: breaking "new" alone
// shows nothing, so it is only in the coverage test.
const CALLERS = ["stylish", "json", "github", "sarif", "junit", "list-table", "list-csv", "list-json", "list-notes", "diff", "normalize", "cli-error"];
const COVERED = [...CALLERS, "new"];

describe("meta-test: the check fails when escaping breaks", () => {
  it.each(CALLERS)("the check catches %s printing raw text", async (caller) => {
    setEscaperHookForTests((text, _context, who) => (who === caller ? text : undefined));
    const violations = await unsafeOutputs();
    setEscaperHookForTests(undefined);
    expect(violations.length, `nothing caught with a broken escaper in ${caller}`).toBeGreaterThan(0);
  });

  it("every character of the set reaches every output path (so leaving any one raw would show)", async () => {
    const seen = new Map<string, Set<string>>(COVERED.map((c) => [c, new Set()]));
    const wholeSet = new RegExp(`[${ESCAPED_SET.map((ch) => `\\u${hex(ch)}`).join("")}]`, "gu");
    setEscaperHookForTests((text, _context, who) => {
      for (const m of text.matchAll(wholeSet)) seen.get(who)?.add(m[0]);
      return undefined;
    });
    await unsafeOutputs();
    setEscaperHookForTests(undefined);
    for (const caller of COVERED) {
      // File names and arguments cannot hold NUL, and they are all some paths print (normalize --check).
      // JSON.stringify has already escaped the C0 controls by the time JSON text is escaped.
      const missing = ESCAPED_SET.filter((ch) => !seen.get(caller)!.has(ch) && !(ch === "\u0000" && ["normalize", "diff", "cli-error", "new", "list-notes"].includes(caller)) && !(ch < " " && JSON_CALLERS.includes(caller)));
      expect({ caller, missing: missing.map(hex) }).toEqual({ caller, missing: [] });
    }
  });

  it.each(NEVER_RAW.map((ch) => [hex(ch), ch]))("the check catches U+%s left raw by the escaper", async (_, ch) => {
    const leak = (text: string, context: EscapeContext, caller: string): string => {
      setEscaperHookForTests(undefined);
      try {
        return escapeUnsafe(text.split(ch).join("\ue000"), context, caller).split("\ue000").join(ch);
      } finally {
        setEscaperHookForTests(leak);
      }
    };
    setEscaperHookForTests(leak);
    // One run per character is enough here: the test above shows each one reaches every path.
    const result = await runCli(["lint", "jobs"], dir);
    setEscaperHookForTests(undefined);
    expect(NEVER_RAW_PATTERN.test(result.stdout)).toBe(true);
  });

  it("the check catches a LF left raw in a file name (line injection)", async () => {
    const leak = (text: string, context: EscapeContext, caller: string): string => {
      setEscaperHookForTests(undefined);
      try {
        return escapeUnsafe(text.split("\n").join("\ue000"), context, caller).split("\ue000").join("\n");
      } finally {
        setEscaperHookForTests(leak);
      }
    };
    setEscaperHookForTests(leak);
    const violations = await unsafeOutputs();
    setEscaperHookForTests(undefined);
    expect(violations.some((v) => v.what.includes("started a line"))).toBe(true);
  });
});
