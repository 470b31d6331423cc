// Text folding fast paths. nfc() skips normalize() for text below U+0300; that is safe only if every such character is its
// own NFC form and none composes with the character before it.
import { describe, expect, it } from "vitest";
import { nfc } from "../src/core/normalize/value-rules.js";

describe("nfc", () => {
  it("characters below U+0300 neither change nor compose, alone or after any of them", () => {
    const below = Array.from({ length: 0x300 }, (_, i) => String.fromCharCode(i));
    for (const a of below) {
      expect(a.normalize("NFC")).toBe(a);
      for (const b of ["a", "e", "A", "O", "u", "\u00e9", "\u01b0", "\u02ff"]) expect((b + a).normalize("NFC")).toBe(b + a);
    }
  });

  it("normalizes text with combining marks and leaves other text as it is", () => {
    expect(nfc("De\u0301veloppeur")).toBe("D\u00e9veloppeur");
    expect(nfc("e\u0301")).toBe("\u00e9");
    expect(nfc("\u1100\u1161")).toBe("\uac00"); // Hangul jamo compose too
    expect(nfc("D\u00e9veloppeur Paris")).toBe("D\u00e9veloppeur Paris");
    expect(nfc("")).toBe("");
  });
});

describe("foldForMatch", () => {
  it("folds ASCII as the full fold does (case, outer spaces) and drops marks from other text", async () => {
    const { foldForMatch } = await import("../src/core/schema/schema.js");
    const full = (t: string) => t.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
    for (let i = 0; i < 128; i++) for (const w of [String.fromCharCode(i), `a${String.fromCharCode(i)}B `, ` X${String.fromCharCode(i)}`]) expect(foldForMatch(w)).toBe(full(w));
    expect(foldForMatch(" Développeur ")).toBe("developpeur");
    expect(foldForMatch("E\u0301COLE")).toBe("ecole");
  });
});
