// Fast paths of the findings' wording and counting, each checked against the slow way it replaces
// over many inputs: they must give the same text, byte for byte.
import { describe, expect, it } from "vitest";
import { distance as levenshtein } from "fastest-levenshtein";
import { foldForMatch, loadSchema, withoutMarks } from "../src/core/schema/schema.js";
import type { PostingSchema } from "../src/core/schema/schema.js";
import { readPointer, suggestKey } from "../src/core/schema/validate.js";
import { wholeNumber } from "../src/core/messages/numbers.js";
import { fr, frenchSpacing } from "../src/core/messages/typography.js";

/** Whole numbers of every length, with and without zeros and nines at each place. */
function wholeNumbers(): number[] {
  const out = [0, 1, 9, 10, 99, 100, 999, 1000, 20_000, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, -1, -1234, 0.5, 1234.5678, Number.NaN, Infinity];
  let seed = 7;
  for (let digits = 1; digits <= 16; digits++) {
    for (let i = 0; i < 20; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      out.push(Math.floor((seed / 2 ** 31) * 10 ** digits));
    }
    out.push(10 ** digits, 10 ** digits - 1);
  }
  return out;
}

describe("wholeNumber", () => {
  it.each(["en-US", "fr-FR"] as const)("writes numbers as toLocaleString(%s) does", (locale) => {
    for (const n of wholeNumbers()) expect(wholeNumber(n, locale), String(n)).toBe(n.toLocaleString(locale));
  });
});

/** A template's literal parts as a tag receives them: one frozen array, with its `raw`. */
function template(parts: string[]): TemplateStringsArray {
  return Object.freeze(Object.assign([...parts], { raw: Object.freeze([...parts]) })) as unknown as TemplateStringsArray;
}

/** The `fr` tag as it was: every literal part spaced at every call. */
function frEveryTime(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = frenchSpacing(strings[0] ?? "");
  for (let i = 0; i < values.length; i++) out += String(values[i]) + frenchSpacing(strings[i + 1] ?? "");
  return out;
}

describe("the fr tag, which spaces each template once", () => {
  it("words every template as spacing every part at every call does, the first call and the later ones", () => {
    const pieces = ["", " :", " : ", "a ;", " ?", "!", " !x", "« ", " »", "clé : valeur", "(vouliez-vous dire « x » ?)", "9:00", " ;)", "texte"];
    const values = ["", " :", "x", 3, true, "« v »", null];
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const templates: TemplateStringsArray[] = [];
    for (let t = 0; t < 300; t++) {
      const parts = Array.from({ length: 1 + next(4) }, () => pieces[next(pieces.length)]! + pieces[next(pieces.length)]!);
      templates.push(template(parts));
      // Templates that begin alike and differ after: each keeps its own parts.
      templates.push(template([parts[0]!, ...parts.slice(1).map((p) => `${p} ?`)]));
    }
    for (let round = 0; round < 3; round++) {
      for (const strings of templates) {
        const args = Array.from({ length: strings.length - 1 }, () => values[next(values.length)]);
        expect(fr(strings, ...args)).toBe(frEveryTime(strings, ...args));
      }
    }
  });
});

/** suggestKey as it was: every key and alias lower-cased and measured, at every call. */
function suggestKeyMeasuringAll(unknown: string, schema: PostingSchema): string | undefined {
  const alias = schema.aliasToKey.get(unknown);
  if (alias) return alias;
  const lower = unknown.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const field of schema.fields) {
    for (const candidate of [field.key, ...field.aliases]) {
      const name = candidate.toLowerCase();
      const d = levenshtein(lower, name);
      if (d < bestDistance && d <= Math.max(1, Math.round(Math.min(lower.length, name.length) / 3))) {
        bestDistance = d;
        best = field.key;
      }
    }
  }
  return best;
}

describe("suggestKey, which skips names too long or too short to be close", () => {
  it("suggests what measuring every name suggests, for near misses of every key and alias and for other words", () => {
    const schema = loadSchema();
    const names = schema.fields.flatMap((f) => [f.key, ...f.aliases]);
    let seed = 5;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const letters = "abcdeéilmnorstuxyz_-AEZ";
    const typed: string[] = ["", "x", "ab", "zzzzzzzzzzzzzzzzzzzzzzzz"];
    for (const name of names) {
      typed.push(name, name.toUpperCase(), name.slice(1), `${name}s`, name.slice(0, -2));
      for (let i = 0; i < 60; i++) {
        let word = name;
        for (let edits = 1 + next(4); edits > 0; edits--) {
          const at = next(word.length + 1);
          const kind = next(3);
          const letter = letters[next(letters.length)]!;
          word = kind === 0 ? word.slice(0, at) + letter + word.slice(at) : kind === 1 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + letter + word.slice(at + 1);
        }
        typed.push(word);
      }
    }
    for (let i = 0; i < 400; i++) typed.push(Array.from({ length: 2 + next(12) }, () => letters[next(letters.length)]).join(""));
    expect(typed.length).toBeGreaterThan(1000);
    let suggested = 0;
    for (const word of typed) {
      const expected = suggestKeyMeasuringAll(word, schema);
      if (expected !== undefined) suggested++;
      expect(suggestKey(word, schema), word).toBe(expected);
    }
    // Both outcomes are exercised.
    expect(suggested).toBeGreaterThan(100);
    expect(suggested).toBeLessThan(typed.length - 100);
  });
});

describe("withoutMarks, which drops the marks of Latin letters without the Unicode class", () => {
  const everyMark = (text: string) => text.replace(/\p{M}/gu, "");

  it("drops what \\p{M} matches, for every UTF-16 code unit alone and after a letter", () => {
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      expect(withoutMarks(ch), code.toString(16)).toBe(everyMark(ch));
      expect(withoutMarks(`a${ch}b`), code.toString(16)).toBe(everyMark(`a${ch}b`));
    }
  });

  it("drops what \\p{M} matches in decomposed text of many scripts, astral marks included", () => {
    const alphabet = [..."aeiouAEIOU çÇñÑœßøÅ-_.'’éèêëàâäîïôöùûüÿÉÈÊÀ", "\u0301", "\u0327", "\u036f", "\u0370", "ΆέήίΰϊϋόύώΩ", "ёйЁЙ", "ạảấầẩẫậắằẳẵặ", "\u1dc0", "\u20d0", "\ufe20", "\u{1d167}", "\u{1f600}", "\ud800", "\udc00", "\u093f"];
    let seed = 3;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: next(16) }, () => alphabet[next(alphabet.length)]).join("");
      for (const form of [text, text.normalize("NFD"), text.normalize("NFKD")]) expect(withoutMarks(form), JSON.stringify(form)).toBe(everyMark(form));
    }
  });
});

describe("foldForMatch, which keeps the folds of short texts", () => {
  it("folds as normalizing and dropping every mark does, for texts seen once, again and past what it keeps", () => {
    const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
    const alphabet = [..."aeiouAEIOU éÉèàçÇœŒßñ -_.'", "ΆΈ", "ё", "ạ", "\u0301", "\u20d0", "\u{1d167}", "ﬁ", "Ⅻ", "İ", "\u00a0"];
    let seed = 9;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    // Texts that begin alike and differ at any place, of every length up to past the longest
    // kept, and more of them than are kept.
    const texts: string[] = [];
    while (texts.length < 6000) {
      const base = `Dévelop${Array.from({ length: next(70) }, () => alphabet[next(alphabet.length)]).join("")}`;
      texts.push(base, `${base}É`, `${base}e\u0301 `, base.slice(0, -1), `${base.slice(0, -1)}ß`);
    }
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < texts.length; i += 1 + round) expect(foldForMatch(texts[i]!), texts[i]).toBe(fold(texts[i]!));
    }
  });
});

describe("readPointer, which keeps the instance paths it has read", () => {
  /** The pointer read as it was for every error: split, unescaped, digits made indexes, then worded. */
  function readEveryTime(pointer: string): { path: (string | number)[]; key: string } {
    const path =
      pointer === ""
        ? []
        : pointer
            .slice(1)
            .split("/")
            .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
            .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    return { path, key: path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") };
  }

  it("reads every pointer as reading it anew does, the first time, again, and past what it keeps", () => {
    const segments = ["roles", "open", "contacts", "0", "7", "12", "007", "", "a~0b", "a~1b", "~01", "~10", "x.y", "1e3", "-1", "é"];
    let seed = 13;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pointers = [""];
    for (let i = 0; i < 3000; i++) pointers.push(Array.from({ length: 1 + next(3) }, () => `/${next(4) === 0 ? String(next(2000)) : segments[next(segments.length)]}`).join(""));
    for (let round = 0; round < 3; round++) {
      for (let i = round; i < pointers.length; i += 1 + round) {
        const { path, key } = readPointer(pointers[i]!);
        expect({ path: [...path], key }, pointers[i]).toEqual(readEveryTime(pointers[i]!));
      }
    }
  });
});
