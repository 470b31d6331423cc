// src/core/schema/formats.ts writes ajv-formats' email pattern without the /i flag (letters in
// both cases): it must match exactly the strings ajv-formats' own pattern matches, as custom
// schemas (compiled at run time by ajv with ajv-formats) and the bundled one must agree.
import { fullFormats } from "ajv-formats/dist/formats.js";
import { describe, expect, it } from "vitest";
import { EMAIL_FORMAT } from "../src/core/schema/formats.js";

describe("EMAIL_FORMAT", () => {
  it("has no flags and matches what ajv-formats' email matches, over every character and generated addresses", () => {
    expect(EMAIL_FORMAT.flags).toBe("");
    const theirs = fullFormats.email as RegExp;
    const same = (text: string) => expect(EMAIL_FORMAT.test(text), JSON.stringify(text)).toBe(theirs.test(text));
    // Every BMP code unit in each position of an address (case folding is per character).
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      same(`${ch}@example.org`);
      same(`a${ch}b@example.org`);
      same(`jean@${ch}xample.org`);
      same(`jean@example.o${ch}g`);
    }
    // Generated addresses over a mixed alphabet, valid and not.
    const alphabet = "aZz09.-_+@KkSsİıſK!#~ é";
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % alphabet.length;
    let matched = 0;
    for (let i = 0; i < 20000; i++) {
      const text = Array.from({ length: 3 + (i % 17) }, () => alphabet[next()]).join("");
      same(text);
      if (theirs.test(text)) matched++;
    }
    for (const text of ["Jean.Dupont@Beta.Gouv.FR", "x@y.z", "a..b@c.d", "@b.c", "a@b", "A@B.C"]) same(text);
    expect(matched).toBeGreaterThan(0);
  });
});
