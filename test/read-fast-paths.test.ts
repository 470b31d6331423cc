// The read path's shortcuts (issue 20) each skip a slower test when a cheap one proves it would
// fail. Each is held here to the slower test it stands before, over every UTF-16 unit where a
// character decides, and over many generated inputs elsewhere.
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../bench/generate.mjs";
import { CLOSE, CLOSE_WITH_TEXT, mayStartDelimiter } from "../src/core/read/frontmatter.js";
import { decodeBytes, sniffUtf16WithoutBom } from "../src/core/read/encoding.js";
import { mayHoldBlankOrTrailing, readPostingText } from "../src/core/read/posting.js";
import type { FrontMatterEntry, ScalarView } from "../src/core/read/read-posting.js";
import { coreMayReadAsNonText, coreReadsAsNonText, coreValue } from "../src/core/read/scalars.js";
import { detectEntryChanges, noChanges, planAliases, planValue } from "../src/core/normalize/value-rules.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { mayBeWhiteSpace } from "../src/core/words/white-space.js";

const EVERY_UNIT = Array.from({ length: 0x10000 }, (_, c) => c);

/** Every string of up to `length` characters from `alphabet`. */
function allStrings(alphabet: readonly string[], length: number): string[] {
  const out = [""];
  let last = [""];
  for (let n = 0; n < length; n++) {
    last = last.flatMap((s) => alphabet.map((ch) => s + ch));
    out.push(...last);
  }
  return out;
}

function randomString(random: () => number, alphabet: readonly string[], maxLength: number): string {
  let s = "";
  const length = Math.floor(random() * (maxLength + 1));
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)]!;
  return s;
}

describe("mayBeWhiteSpace", () => {
  it("is true for every UTF-16 unit that trim() or \\s takes as white space", () => {
    const missed = EVERY_UNIT.filter((c) => !mayBeWhiteSpace(c) && (/\s/.test(String.fromCharCode(c)) || String.fromCharCode(c).trim() === ""));
    expect(missed).toEqual([]);
    expect(EVERY_UNIT.filter((c) => !mayBeWhiteSpace(c))).toHaveLength(0x7e - 0x20);
    expect(mayBeWhiteSpace(Number.NaN)).toBe(true); // past the end: the slow test decides
  });
});

describe("mayHoldBlankOrTrailing", () => {
  const REGEX = /(?:^|\n)\s*(?:\n|$)|[ \t](?:\n|$)/;
  const ALPHABET = ["a", " ", "\t", "\n", "\u00a0", "\u3000", "\ufeff", "\r", "\v", ":", "-", "#"];

  it("answers as the regular expression it replaces, on every short string", () => {
    let both = 0;
    for (const s of allStrings(ALPHABET, 4)) {
      const want = REGEX.test(s);
      if (want) both++;
      expect(mayHoldBlankOrTrailing(s), JSON.stringify(s)).toBe(want);
    }
    expect(both).toBeGreaterThan(1000);
  });

  it("answers as the regular expression on 20,000 generated front matters", () => {
    const random = mulberry32(2020);
    const pieces = ["title: x", "a: b", " ", "\t", "", "\u00a0", "- item", "  - item ", "# note", "x\u3000", "\ufeff"];
    let both = 0;
    for (let n = 0; n < 20_000; n++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 8) }, () => (random() < 0.8 ? pieces[Math.floor(random() * pieces.length)]! : randomString(random, ALPHABET, 6)));
      const s = lines.join("\n");
      const want = REGEX.test(s);
      if (want) both++;
      expect(mayHoldBlankOrTrailing(s), JSON.stringify(s)).toBe(want);
    }
    expect(both).toBeGreaterThan(1000);
    expect(both).toBeLessThan(19_000);
  });
});

describe("mayStartDelimiter", () => {
  it("is true for the first unit of every line CLOSE or CLOSE_WITH_TEXT takes", () => {
    const rests = ["--", "---", "-- x", "--x", "..", "...", ".. ", "-- \t", ""];
    const taken: string[] = [];
    for (const c of EVERY_UNIT) {
      if (mayStartDelimiter(c)) continue;
      for (const rest of rests) {
        const line = String.fromCharCode(c) + rest;
        if (CLOSE.test(line) || CLOSE_WITH_TEXT.test(line)) taken.push(line);
      }
    }
    expect(taken).toEqual([]);
    expect(CLOSE.test("---") && CLOSE_WITH_TEXT.test("--- x") && mayStartDelimiter(0x2d)).toBe(true);
    expect(CLOSE.test("")).toBe(false); // an empty line (NaN) is no delimiter either
    expect(mayStartDelimiter(Number.NaN)).toBe(false);
  });
});

describe("coreReadsAsNonText", () => {
  /** The core schema's reading, in full: not text when coreValue makes it something else. */
  const slow = (text: string) => text !== "" && typeof coreValue(text) !== "string";
  const ALPHABET = ["0", "1", "9", "-", "+", ".", "e", "E", "x", "o", "a", "f", "n", "i", "N", "~", "t", "r", "u", "l", "s", "_", ":"];

  it("answers as the core schema on every short string and on numbers, words and nulls", () => {
    const words = ["true", "True", "TRUE", "false", "FALSE", "null", "Null", "NULL", "~", ".inf", "-.Inf", ".NaN", "0o17", "0x1F", "1e3", "-1.5", "+.5", "Nope", "trueish"];
    for (const s of [...allStrings(ALPHABET, 3), ...words]) expect(coreReadsAsNonText(s), JSON.stringify(s)).toBe(slow(s));
  });

  it("answers as the core schema whatever the first unit", () => {
    const wrong: string[] = [];
    let nonText = 0;
    for (const c of EVERY_UNIT) {
      for (const rest of ["", "1", "rue", "ull", "alse", ".5", "e3", "x1F", "inf", "nan"]) {
        const s = String.fromCharCode(c) + rest;
        if (slow(s)) nonText++;
        if (coreReadsAsNonText(s) !== slow(s) || (slow(s) && !coreMayReadAsNonText(s))) wrong.push(s);
      }
    }
    expect(wrong).toEqual([]);
    expect(nonText).toBeGreaterThan(20);
  });
});

describe("detectEntryChanges without alias keys", () => {
  const schema = loadSchema();
  /** The rules as they ran before the shortcut: every key through planAliases, then planValue. */
  const slow = (entries: readonly FrontMatterEntry[]) => {
    const changes = noChanges();
    for (const [i, key] of planAliases(entries, (i) => entries[i]!.value, schema, changes)) {
      const field = key === undefined ? undefined : schema.fieldsByKey.get(key);
      if (field) planValue(entries[i]!.view, field, changes);
    }
    return changes;
  };
  const VALUES: unknown[] = ["Design", "design", "DESIGN ", "yes", "oui", "Non", "true", "CDI", "cdi", "a, b", "Dev, (A, B)", "(a, b", "24/06/2021", "06/07/2021", "31/02/2021", "2021-06-24", "e\u0301t\u00e9", "x ", "x\n", "", "0612345678", "12:30", "1e3", 12, true, null];
  const keys = [...schema.fields.map((f) => f.key), "inconnu", undefined];

  it("reports what the full path reports, on 5,000 generated front matters without aliases", () => {
    const random = mulberry32(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const scalar = (offset: number): ScalarView => ({ value: pick(VALUES), plain: random() < 0.6, offset });
    let changed = 0;
    for (let n = 0; n < 5000; n++) {
      const entries: FrontMatterEntry[] = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, i) => {
        const offset = i * 10;
        if (random() < 0.25) {
          const items = Array.from({ length: Math.floor(random() * 4) }, (_, k) => (random() < 0.9 ? scalar(offset + k) : undefined));
          return { key: pick(keys), offset, value: items.map((item) => item?.value), view: { items } };
        }
        const view = scalar(offset);
        return { key: pick(keys), offset, value: view.value, view };
      });
      const want = slow(entries);
      if (want.values.length + want.ambiguities.length + want.unsplit.length > 0) changed++;
      expect(detectEntryChanges(entries, schema)).toEqual(want);
    }
    expect(changed).toBeGreaterThan(1000);
  });
});

describe("decodeBytes without zero bytes", () => {
  it("skips a UTF-16 sniffing that could only say no: no zero byte, no UTF-16 without a BOM", () => {
    const random = mulberry32(16);
    for (let n = 0; n < 3000; n++) {
      const bytes = Buffer.from(Array.from({ length: Math.floor(random() * 64) }, () => 1 + Math.floor(random() * 255)));
      expect(sniffUtf16WithoutBom(bytes)).toBeUndefined();
    }
    // With zero bytes it still finds UTF-16 (the shortcut does not hide it).
    expect(decodeBytes(Buffer.from("title: Développeur\n", "utf16le"))).toMatchObject({ encoding: "utf-16le", detectedBy: "utf-16-heuristic" });
  });
});

describe("readPostingText: empty front matter", () => {
  it("is FRONT_MATTER_EMPTY exactly when every line is blank or a comment (3,000 generated front matters)", () => {
    const random = mulberry32(17);
    const lines = ["", " ", "\t", "# note", "  # note", "\u00a0# note", "#", "a: b", "x", "-", " a: b", "\u3000"];
    let empty = 0;
    for (let n = 0; n < 3000; n++) {
      const yaml = Array.from({ length: 1 + Math.floor(random() * 4) }, () => lines[Math.floor(random() * lines.length)]!).join("\n");
      const { parsed } = readPostingText("x.md", Buffer.from(`---\n${yaml}\n---\nbody\n`));
      // After a blank line, a line the split takes for prose ends the front matter first.
      if (parsed.findings.some((f) => f.code === "FRONT_MATTER_UNTERMINATED")) continue;
      const want = yaml.split("\n").every((line) => line.trim() === "" || line.trimStart().startsWith("#"));
      if (want) empty++;
      expect(parsed.findings.some((f) => f.code === "FRONT_MATTER_EMPTY"), JSON.stringify(yaml)).toBe(want);
    }
    expect(empty).toBeGreaterThan(300);
  });
});
