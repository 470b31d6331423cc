import { existsSync, readdirSync, readFileSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { findMojibake, mayHoldMojibakeUtf8, repairMojibake, type MojibakeRepair } from "../src/core/read/mojibake.js";
import { parsePosting } from "../src/core/read/posting.js";
import { applySpanEdits, editsExplain } from "../src/core/read/edits.js";
import { mulberry32 as random } from "../bench/generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(here, "..", "fixtures", "encoding");
const CORPUS_DOUBLE_ENCODED = join(here, "..", "fixtures", "corpus", "double-encodee.md");
const NBSP = "\u00A0";

const read = (...parts: string[]): string => readFileSync(join(FIXTURES, ...parts), "utf8");
const repairCases = readdirSync(FIXTURES).filter((d) => existsSync(join(FIXTURES, d, "input.md")));
const mustNotRepair = readdirSync(join(FIXTURES, "must-not-repair")).filter((f) => f.endsWith(".md"));

/** What a sloppy decoder does: bytes Windows-1252 leaves undefined become the C1 control. */
function decodeSloppy(bytes: Uint8Array, encoding: "windows-1252" | "windows-1254"): string {
  const decoded = iconv.decode(Buffer.from(bytes), encoding);
  let out = "";
  let i = 0;
  for (const ch of decoded) {
    out += ch === "\uFFFD" ? String.fromCharCode(bytes[i] ?? 0) : ch;
    i++;
  }
  return out;
}

const garble = (text: string): string => decodeSloppy(Buffer.from(text, "utf8"), "windows-1252");

type Row = [line: number, column: number, found: string, repaired: string, via: string];
const rows = (repairs: MojibakeRepair[]): Row[] => repairs.map((r) => [r.line, r.column, r.found, r.repaired, r.via]);

describe("repair fixtures", () => {
  it("has the expected cases on disk", () => {
    expect(repairCases.sort()).toEqual([
      "double-encoded",
      "latin-1",
      "lost-byte-quote",
      "mixed-line",
      "nbsp",
      "other-scripts",
      "overlapping-passes",
      "twice-over",
      "whole-file",
      "windows-1254-emoji",
    ]);
  });

  it.each(repairCases)("%s: repairs to expected.md, and the result is clean", (name) => {
    const input = read(name, "input.md");
    const { text, repairs } = repairMojibake(input);
    expect(text).toBe(read(name, "expected.md"));
    expect(repairs.length).toBeGreaterThan(0);
    expect(findMojibake(text)).toEqual([]);
    expect(repairMojibake(text).text).toBe(text);
  });

  it.each(repairCases)("%s: each repair points at its run", (name) => {
    const input = read(name, "input.md");
    const lines = input.split("\n");
    for (const r of findMojibake(input)) {
      expect(input.slice(r.start, r.end)).toBe(r.found);
      expect(lines[r.line - 1]?.slice(r.column - 1, r.column - 1 + r.found.length)).toBe(r.found);
      expect(r.repaired).not.toContain("\uFFFD");
    }
  });

  it("mixed-line: only the garbled runs, with their line and column", () => {
    expect(rows(findMojibake(read("mixed-line", "input.md")))).toEqual([
      [1, 29, "Ã©", "é", "Windows-1252"],
      [1, 50, "Ã¨", "è", "Windows-1252"],
      [2, 9, "â€™", "’", "Windows-1252"],
      [2, 20, "Ã©", "é", "Windows-1252"],
    ]);
  });

  it("lost-byte-quote: `â€` before a space, a line end, the end of text or U+FFFD is `”`", () => {
    const closing = rows(findMojibake(read("lost-byte-quote", "input.md"))).filter((r) => r[3] === "”");
    expect(closing).toEqual([
      [1, 29, "â€", "”", "Windows-1252"],
      [2, 18, "â€", "”", "Windows-1252"],
      [3, 7, "â€", "”", "Windows-1252"],
      [4, 14, "â€\uFFFD", "”", "Windows-1252"],
    ]);
  });

  it("nbsp: `Ã` + no-break space is `à`, `Â` + no-break space is a no-break space", () => {
    const found = rows(findMojibake(read("nbsp", "input.md")));
    expect(found).toContainEqual([1, 13, `Ã${NBSP}`, "à", "Windows-1252"]);
    expect(found).toContainEqual([2, 15, `Â«Â${NBSP}`, `«${NBSP}`, "Windows-1252"]);
    expect(found).toContainEqual([2, 42, `Â${NBSP}â‚¬`, `${NBSP}€`, "Windows-1252"]);
  });

  it("twice-over: read back twice, reported once per run", () => {
    const found = rows(findMojibake(read("twice-over", "input.md")));
    expect(found[0]).toEqual([1, 4, "Ã¢â‚¬â„¢ÃƒÂ©", "’é", "Windows-1252 twice"]);
    expect(found).toContainEqual([4, 1, "Ãƒâ€°", "É", "Windows-1252 twice"]);
    expect(found.every((r) => r[4] === "Windows-1252 twice")).toBe(true);
  });

  it("windows-1254-emoji: emoji read as Windows-1254 (ğ = 0xF0), even with an undefined byte", () => {
    const emoji = rows(findMojibake(read("windows-1254-emoji", "input.md"))).filter((r) => r[4] === "Windows-1254");
    expect(emoji).toEqual([
      [1, 9, "ğŸ\u008E‰", "🎉", "Windows-1254"],
      [3, 28, "ğŸ‘‹", "👋", "Windows-1254"],
      [3, 53, "ğŸ˜€", "😀", "Windows-1254"],
      [4, 30, "ğŸ’Œ", "💌", "Windows-1254"],
    ]);
  });

  it("whole-file: weak runs are repaired when nothing in the text was correctly encoded", () => {
    const found = rows(findMojibake(read("whole-file", "input.md")));
    expect(found).toContainEqual([1, 1, "Ã”", "Ô", "Windows-1252"]);
    expect(found).toContainEqual([2, 10, "Ã²", "ò", "Windows-1252"]);
    expect(found).toContainEqual([2, 24, "Ã”", "Ô", "Windows-1252"]);
  });

  it("…but not when the text also has correctly encoded accents", () => {
    const text = "Ã” surprise : lâ€™Ã©quipe a gagné !\nSoit x = Ã² + 1.\n";
    expect(rows(findMojibake(text))).toEqual([
      [1, 16, "â€™Ã©", "’é", "Windows-1252"],
    ]);
  });

  it("overlapping-passes: runs garbled 2-3 times whose inner reading is a modifier letter lose no line and no character", () => {
    const input = read("overlapping-passes", "input.md");
    const { text, repairs } = repairMojibake(input);
    expect(text.split("\n")).toHaveLength(input.split("\n").length);
    expect(rebuild(input, repairs)).toBe(text);
    expect(rows(repairs).filter((r) => r[0] === 4)).toEqual([
      [4, 11, "Ã¢Ë\u0153ÂºÃ\u2039â\u20ACºÃ¢Ë\u0153Âº", "☺˛☺", "Windows-1252 twice"],
      [4, 35, "Ã\u0192Â¢Ã\u2026â\u20AC\u2122Ã\u2026Â¡Ã\u0192â\u20AC¹Ã\u2039â\u20AC\u00A0Ã\u0192Â¢Ã\u2026â\u20AC\u2122Ã\u2026Â¡", "⌚ˈ⌚", "Windows-1252 3 times"],
    ]);
  });

  it("latin-1: C1 controls stand for Windows-1252 punctuation", () => {
    const found = findMojibake(read("latin-1", "input.md"));
    expect(found.map((r) => [r.column, r.repaired, r.via])).toEqual([
      [2, "’é", "Latin-1"],
      [13, "“É", "Latin-1"],
      [19, "é”", "Latin-1"],
      [31, "ê", "Windows-1252"],
    ]);
  });
});

describe("must not repair", () => {
  it.each(mustNotRepair)("%s: no repair", (file) => {
    const text = read("must-not-repair", file);
    expect(findMojibake(text)).toEqual([]);
    expect(repairMojibake(text).text).toBe(text);
  });

  it.each([
    "SÃO PAULO",
    "Â",
    "x = Ã² + 1",
    "Doğu, ağaç",
    "naïve",
    "Ørsted",
    "ÀÉÎ",
    "Œuvre",
    `café${NBSP}»`,
    "IRMÃ” disse",
    "DAĞ’DA",
    "ï¿½",
    "\u009B31m C1 \u009Ctexte\u009D",
  ])("%j", (text) => {
    expect(findMojibake(text)).toEqual([]);
  });
});

describe("examples", () => {
  it.each([
    ["chargÃ©e", "chargée"],
    ["Lâ€™Ã©quipe", "L’équipe"],
    ["â€œElles font la cultureâ€ cherche", "“Elles font la culture” cherche"],
    [`jusqu'Ã${NBSP}60%`, "jusqu'à60%"],
    ["Ã€ propos", "À propos"],
    ["Ã‰galitÃ©", "Égalité"],
    ["ğŸ’Œ", "💌"],
    ["ÃƒÂ©tÃƒÂ©", "été"],
    ["HÃ”TEL", "HÔTEL"],
    ["cÅ“ur", "cœur"],
    ["designerÂ·euseÂ·s", "designer·euse·s"],
    ["25Â°C", "25°C"],
    ["Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет"],
    ["e\u00CC\u0081cole", "e\u0301cole"],
    ["â€œ", "“"],
    ["fin â€", "fin ”"],
  ])("%s → %s", (input, expected) => {
    expect(repairMojibake(input).text).toBe(expected);
  });

  it("counts columns in UTF-16 code units and lines by line feeds", () => {
    const text = "😀 ok\r\n\nx 💌 Ã©";
    expect(rows(findMojibake(text))).toEqual([[3, 6, "Ã©", "é", "Windows-1252"]]);
  });

  it("finds nothing in clean French text or an empty string", () => {
    expect(findMojibake("Le café est prêt. Déjà là ! À bientôt, Noël, œuvre, “citation”.")).toEqual([]);
    expect(findMojibake("")).toEqual([]);
  });
});

/** Re-encodes a whole mojibake file the way it was made, as an oracle independent of the heuristic. */
function reencodeWholeFile(text: string): string {
  const byteOfChar = new Map<string, number>();
  for (const encoding of ["windows-1254", "windows-1252"] as const) {
    for (let b = 0x80; b <= 0xff; b++) {
      const ch = decodeSloppy(Uint8Array.of(b), encoding);
      byteOfChar.set(ch, b);
    }
  }
  const bytes: number[] = [];
  const restored = text.replace(/â€(?=[ \n]|$)/g, "â€\u009D");
  for (const ch of restored) {
    const code = ch.codePointAt(0) ?? 0;
    const byte = code < 0x80 ? code : byteOfChar.get(ch);
    if (byte === undefined) throw new Error(`no byte for ${ch}`);
    bytes.push(byte);
  }
  const buffer = Buffer.from(bytes);
  expect(isUtf8(buffer)).toBe(true);
  return buffer.toString("utf8");
}

describe("a double-encoded posting (fixtures/corpus/double-encodee.md)", () => {
  it("reads as the author wrote it", () => {
    const garbled = readFileSync(CORPUS_DOUBLE_ENCODED, "utf8");
    const { text, repairs } = repairMojibake(garbled);
    expect(text).not.toMatch(/Ã|â€|ğŸ/);
    expect(text).toContain("chargée");
    expect(text).toContain("’");
    expect(text).toContain("“Empruntez une liseuse près de chez vous”");
    expect(text).toContain("💌");
    expect(text).not.toContain("\uFFFD");
    expect(text).toBe(reencodeWholeFile(garbled));
    expect(text).toBe(readFileSync(CORPUS_DOUBLE_ENCODED.replace(/\.md$/, ".expected"), "utf8"));
    expect(repairs.find((r) => r.repaired === "💌")?.via).toBe("Windows-1254");
    expect(findMojibake(text)).toEqual([]);
  });
});


const WORDS = [
  "été", "élève", "chargée", "déjà", "où", "à", "ça", "garçon", "naïve", "Noël", "cœur", "œuvre",
  "île", "maître", "fête", "sûr", "août", "Ça", "École", "Égalité", "À", "ÉTÉ", "CÔTE", "HÔTEL",
  "développeur·euse·s", "l’équipe", "aujourd’hui", "“citation”", `«${NBSP}guillemets${NBSP}»`,
  `100${NBSP}€`, `25${NBSP}°C`, "m²", "…", "—", "–", "💌", "🎉", "😀", "👋", "✓", "►", "Привет",
  "Ελλάδα", "東京", "Straße", "Ørsted", "façade", "Besançon", "crème brûlée", "déçu", "plutôt",
  "Zoë", "São Paulo", "ÑANDÚ", "Ñandú", "Øresund", "Ångström", "Čapek", "Łódź", "Dvořák", "ﬁn",
  "le", "la", "de", "et", "poste", "2021", "équipe", "!", "?", "(voir)", "x",
];
const SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", " : ", NBSP, ""];

function frenchText(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const count = 1 + Math.floor(next() * 12);
  let out = "";
  for (let i = 0; i < count; i++) out += pick(WORDS) + (i < count - 1 ? pick(SEPARATORS) : "");
  return out;
}

describe("properties", () => {
  it("correct text → UTF-8 → Windows-1252 → repair gives back the original (500 seeded cases)", () => {
    const next = random(20210624);
    for (let n = 0; n < 500; n++) {
      const original = frenchText(next);
      expect(findMojibake(original), original).toEqual([]);
      const garbled = garble(original);
      const { text, repairs } = repairMojibake(garbled);
      expect(text, JSON.stringify(garbled)).toBe(original);
      expect(repairMojibake(text).repairs).toEqual([]);
      for (const r of repairs) expect(garbled.slice(r.start, r.end)).toBe(r.found);
    }
  });

  it("twice over also comes back (200 seeded cases)", () => {
    const next = random(42);
    for (let n = 0; n < 200; n++) {
      const original = frenchText(next);
      expect(repairMojibake(garble(garble(original))).text).toBe(original);
    }
  });

  it("never produces U+FFFD, and positions hold, on random code-page soup (2000 cases)", () => {
    const next = random(7);
    const alphabet = [
      ...decodeSloppy(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i), "windows-1252"),
      "ğ", "Ğ", "a", "e", " ", "\n", "\uFFFD",
    ];
    for (let n = 0; n < 2000; n++) {
      let soup = "";
      const length = 1 + Math.floor(next() * 16);
      for (let i = 0; i < length; i++) soup += alphabet[Math.floor(next() * alphabet.length)];
      const { text, repairs } = repairMojibake(soup);
      for (const r of repairs) {
        expect(r.repaired).not.toContain("\uFFFD");
        expect(soup.slice(r.start, r.end)).toBe(r.found);
      }
      expect(text.split("\uFFFD").length).toBeLessThanOrEqual(soup.split("\uFFFD").length);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzz: random mixed-script texts, garbled 0-3 times, whole or partly. Seeded, bounded by count.

const TOKENS = [
  // French, with its typography
  "été", "déjà", "garçon", "cœur", "Noël", "À", "PRÉCIS", "Ça", "l’équipe", `«${NBSP}oui${NBSP}»`, `Note${NBSP}:`,
  // Czech, Polish
  "Šťastný", "příliš", "žluťoučký", "kůň", "Dvořák", "ČR", "Łódź", "Šå",
  // Nordic, Icelandic
  "Ål", "Åsa", "ÅSA", "ÅÆ", "Ærø", "Øst", "smørrebrød", "Ångström", "på", "Þór", "ðæ",
  // Greek, Cyrillic, CJK, Hangul
  "Ελλάδα", "αβγ", "λόγος", "Привет", "ёж", "東京", "日本語", "한국어", "カタカナ",
  // emoji
  "💌", "🎉", "👍🏽", "❤️", "🇫🇷",
  // symbols, Latin-1 symbols next to each other
  "×", "£", "¤", "€", "°", "÷", "±", "5×£3", "¤£", "§", "©", "®", "™", "µ", "½", "¬", "¦", "25°C",
  // modifier letters, IPA
  "ʼ", "ʻ", "ˈ", "ˌ", "Hawaiʻi", "ˈsɪlɪ", "naʼvi",
  // NFD combining marks, after quotes too
  "e\u0301te\u0301", "a\u0300", "'e\u0301", "n\u0303", "\"o\u0308\"",
  // quotes
  "“x”", "‘y’", "«", "»", "\"a\"", "'s",
  // plain
  "le", "job", "x", "2021", "CV", "Paris", "SÃO",
];
const FUZZ_SEPARATORS = [" ", " ", ", ", "\n", NBSP, ". ", " - ", "\u202F"];

function mixedText(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const count = 1 + Math.floor(next() * 8);
  let out = "";
  for (let i = 0; i < count; i++) out += pick(TOKENS) + (i < count - 1 ? pick(FUZZ_SEPARATORS) : "");
  return out;
}

type Codec = (text: string) => string;
const viaCp1252: Codec = garble;
const viaLatin1: Codec = (text) => Buffer.from(text, "utf8").toString("latin1");

/** Splits on code points, so a garbled slice never starts inside a surrogate pair. */
function codePointOffsets(text: string): number[] {
  const offsets = [0];
  let at = 0;
  for (const ch of text) offsets.push((at += ch.length));
  return offsets;
}

/** The output rebuilt from the input and the reported repairs alone. */
function rebuild(input: string, repairs: readonly MojibakeRepair[]): string {
  let out = "";
  let at = 0;
  for (const r of repairs) {
    expect(r.start).toBeGreaterThanOrEqual(at);
    expect(r.end).toBeGreaterThan(r.start);
    expect(input.slice(r.start, r.end)).toBe(r.found);
    out += input.slice(at, r.start) + r.repaired;
    at = r.end;
  }
  return out + input.slice(at);
}

const asciiOf = (text: string): string => text.replace(/[^\u0000-\u007F]/g, "");

/** (a) output = input outside the spans, (b) no line or word lost inside one, (c) idempotent. */
function expectSafeRepair(input: string): string {
  const { text, repairs } = repairMojibake(input);
  expect(rebuild(input, repairs), JSON.stringify(input)).toBe(text);
  // (b) a span swallows no line and no word: at most the space that stood for a lost byte.
  for (const r of repairs) expect(["", " "], JSON.stringify(input)).toContain(asciiOf(r.found));
  expect(findMojibake(text), JSON.stringify({ input, text })).toEqual([]);
  expect(repairMojibake(text).text).toBe(text);
  return text;
}

describe("fuzz", () => {
  const CASES = 3000;

  it(`clean mixed-script text is never changed (${CASES} seeded cases)`, () => {
    const next = random(1212);
    for (let n = 0; n < CASES; n++) {
      const clean = mixedText(next);
      expect(findMojibake(clean), JSON.stringify(clean)).toEqual([]);
    }
  });

  it(`text garbled 0-3 times, whole or partly: changes only inside spans, loses nothing, idempotent (${CASES} cases)`, () => {
    const next = random(31337);
    for (let n = 0; n < CASES; n++) {
      let text = mixedText(next);
      const times = Math.floor(next() * 4);
      for (let t = 0; t < times; t++) {
        const codec = next() < 0.7 ? viaCp1252 : viaLatin1;
        const offsets = codePointOffsets(text);
        const a = offsets[Math.floor(next() * offsets.length)]!;
        const b = offsets[Math.floor(next() * offsets.length)]!;
        const [from, to] = next() < 0.4 ? [0, text.length] : [Math.min(a, b), Math.max(a, b)];
        text = text.slice(0, from) + codec(text.slice(from, to)) + text.slice(to);
      }
      expectSafeRepair(text);
    }
  });

  it(`recall: whole tokens garbled 1-3 times inside clean text are restored (${CASES} cases)`, () => {
    const next = random(4242);
    let restored = 0;
    let clear = 0;
    let clearRestored = 0;
    for (let n = 0; n < CASES; n++) {
      const tokens = Array.from({ length: 1 + Math.floor(next() * 6) }, () => TOKENS[Math.floor(next() * TOKENS.length)]!);
      const from = Math.floor(next() * tokens.length);
      const to = from + 1 + Math.floor(next() * (tokens.length - from));
      const codec = next() < 0.75 ? viaCp1252 : viaLatin1;
      const times = 1 + Math.floor(next() * 3);
      let middle = tokens.slice(from, to).join(" ");
      for (let t = 0; t < times; t++) middle = codec(middle);
      const original = tokens.join(" ");
      const input = [...tokens.slice(0, from), middle, ...tokens.slice(to)].join(" ");
      const ok = expectSafeRepair(input) === original;
      if (ok) restored++;
      if (!tokens.slice(from, to).some((t) => AMBIGUOUS_WHEN_GARBLED.test(t))) {
        clear++;
        if (ok) clearRestored++;
      }
    }
    // Measured: printed with MOJIBAKE_STATS=1 (see notes/mojibake.md); the floors sit just below.
    if (process.env.MOJIBAKE_STATS) console.log(`recall ${restored}/${CASES}, unambiguous ${clearRestored}/${clear}`);
    expect(restored / CASES).toBeGreaterThanOrEqual(0.88);
    expect(clearRestored / clear).toBeGreaterThanOrEqual(0.99);
  });
});

/**
 * Tokens whose garbled form is also legitimate text, left as written on purpose: a modifier
 * letter read once (`Ê»` is Portuguese `Ê` + `»`), `×` (`Ã—`), `÷` and `µ` standing alone
 * (`Ã·` in a formula, `Âµ`).
 */
const AMBIGUOUS_WHEN_GARBLED = /[\u02B0-\u02FF\u0250-\u02AF×÷µ]/u;

// ---------------------------------------------------------------------------------------------
// Case table: ftfy-like classes (written for this project), repairs and look-alikes.

interface TableCase {
  class: string;
  in: string;
  out: string;
  note: string;
}
const TABLE = JSON.parse(read("mojibake-cases.json")) as TableCase[];

describe("case table (fixtures/encoding/mojibake-cases.json)", () => {
  it("holds both repairs and legitimate look-alikes", () => {
    expect(TABLE.filter((c) => c.in !== c.out).length).toBeGreaterThanOrEqual(50);
    expect(TABLE.filter((c) => c.in === c.out).length).toBeGreaterThanOrEqual(40);
  });

  it.each(TABLE.map((c) => [c.class, c] as const))("%s: %j", (_, c) => {
    const text = expectSafeRepair(c.in);
    expect(text).toBe(c.out);
    if (c.in === c.out) expect(findMojibake(c.in)).toEqual([]);
  });
});

describe("ambiguous runs", () => {
  it("are left as written and reported with what they would be", () => {
    const text = "Soit x = Ã² + Ã·2 ; PRÉCISÂ\u00A0: lu";
    const result = repairMojibake(text);
    expect(result.text).toBe(text);
    expect(result.repairs).toEqual([]);
    expect(rows(result.ambiguous)).toEqual([
      [1, 10, "Ã²", "ò", "Windows-1252"],
      [1, 15, "Ã·", "÷", "Windows-1252"],
      [1, 27, "Â\u00A0", "\u00A0", "Windows-1252"],
    ]);
  });

  it("are repaired when nothing else in the text was correctly encoded", () => {
    expect(repairMojibake("x = Ã² et lâ€™Ã©tÃ©").text).toBe("x = ò et l’été");
  });
});

describe("the write invariant (edits.ts)", () => {
  const input = "a Ã© b â€™ c";
  const { text, repairs } = repairMojibake(input);

  it("holds for what repairMojibake returns", () => {
    expect(text).toBe("a é b ’ c");
    expect(editsExplain(input, text, repairs)).toBe(true);
  });

  it("fails when the output differs outside the spans, or the spans are not a valid set", () => {
    expect(editsExplain(input, `${text}x`, repairs)).toBe(false);
    expect(editsExplain(input, text.replace("b", ""), repairs)).toBe(false);
    expect(editsExplain(input, text, [...repairs].reverse())).toBe(false);
    const [first] = repairs;
    if (!first) throw new Error("expected a repair");
    expect(applySpanEdits(input, [first, first])).toBeUndefined();
    expect(applySpanEdits(input, [{ ...first, found: "Ã¨" }])).toBeUndefined();
    expect(applySpanEdits(input, [{ ...first, end: first.start }])).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// lint's byte pre-test (mayHoldMojibakeUtf8): it may let through text that has no mojibake, but
// must never skip text in which the full scan finds anything, repaired or left as ambiguous.

describe("the byte pre-test before the scan (mayHoldMojibakeUtf8)", () => {
  const scanFinds = (text: string) => {
    const { repairs, ambiguous } = repairMojibake(text);
    return repairs.length + ambiguous.length > 0;
  };
  /** Fails for text the pre-test would skip although the scan finds something in it; counts the skipped. */
  const check = (text: string, skipped: { n: number }) => {
    if (mayHoldMojibakeUtf8(Buffer.from(text, "utf8"))) return;
    skipped.n++;
    expect(scanFinds(text), JSON.stringify(text)).toBe(false);
  };

  it("skips no fixture file whose text the scan flags (every file under fixtures/, as lint decodes it)", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile()) files.push(path);
      }
    };
    walk(join(here, "..", "fixtures"));
    let flagged = 0;
    let skipped = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      const { decoded, text } = parsePosting(file, bytes);
      if (!decoded || decoded.encoding !== "utf-8" || decoded.firstInvalidUtf8 || decoded.truncatedUtf8) continue;
      if (scanFinds(text)) flagged++;
      if (mayHoldMojibakeUtf8(bytes)) continue;
      skipped++;
      expect(scanFinds(text), file).toBe(false);
    }
    expect(flagged).toBeGreaterThan(10); // the encoding fixtures are garbled on purpose
    expect(skipped).toBeGreaterThan(100); // most postings are not, and are skipped
  });

  it("skips no generated text the scan flags: French, mixed scripts, garbled 0-3 times, code-page soup (6000 cases)", () => {
    const next = random(2026);
    const skipped = { n: 0 };
    const soupAlphabet = [...decodeSloppy(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i), "windows-1252"), "ğ", "Ğ", "Ã", "a", "z", " ", "\n"];
    for (let n = 0; n < 2000; n++) {
      const french = frenchText(next);
      check(french, skipped);
      check(garble(french), skipped);
      let text = mixedText(next);
      for (let t = Math.floor(next() * 4); t > 0; t--) text = (next() < 0.7 ? viaCp1252 : viaLatin1)(text);
      check(text, skipped);
      let soup = "";
      for (let i = 1 + Math.floor(next() * 12); i > 0; i--) soup += soupAlphabet[Math.floor(next() * soupAlphabet.length)];
      check(soup, skipped);
    }
    expect(skipped.n).toBeGreaterThan(1000);
  });

  it("lets through each kind of start: a C1 control, a lead + continuation (C2, C5, C6, CB, E2 bytes), `Ã` + space or a-z", () => {
    for (const text of ["x\u0085y", "chargÃ©e", "Å“uvre", "Ã¢â‚¬", "Ã\u0192", "Ã\u02C6", "voilÃ le", "antÃgeno", "Ä\u009F", "ğ\u00A7"]) {
      expect(mayHoldMojibakeUtf8(Buffer.from(text, "utf8")), text).toBe(true);
    }
    for (const text of ["", "Ã", "plain ASCII", "déjà été, là-bas", "Développeur·se", "«\u00A0citation\u00A0»", "l’équipe — 5 €"]) {
      expect(mayHoldMojibakeUtf8(Buffer.from(text, "utf8")), text).toBe(false);
    }
  });
});
