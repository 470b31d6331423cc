// Every phrase (phrases.ts) exists in both languages: the type says so at compile time, this at
// run time (a phrase object built by hand, or cast, cannot drop one unseen).
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../src/core/messages/word.js";
import { enPhrases } from "../src/core/messages/phrases-en.js";
import { frPhrases } from "../src/core/messages/phrases-fr.js";
import { helpFr } from "../src/core/messages/help-fr.js";

/** Every key path of a phrase object, with the kind of what it holds. */
function shape(value: unknown, at = ""): string[] {
  if (typeof value !== "object" || value === null) return [`${at}: ${typeof value}`];
  return Object.entries(value).flatMap(([k, v]) => (k === "texts" ? [`${at}.texts: object`] : shape(v, `${at}.${k}`)));
}

describe("the phrase catalogs", () => {
  it("have the same phrases in English and French, of the same kinds", () => {
    expect(shape(frPhrases())).toEqual(shape(enPhrases));
  });

  it("are the ones each finding catalog carries", () => {
    expect(CATALOGS.en.phrases).toBe(enPhrases);
    expect(CATALOGS.fr.phrases).toBe(frPhrases());
  });

  it("word the same facts in both languages, and French with French typography", () => {
    const samples = (p: typeof enPhrases) => [
      p.noProblems(1),
      p.problems({ total: 3, errors: 2, warnings: 1, files: 2 }),
      p.fixable(2),
      p.noInput("lint"),
      p.noPostings('"x"', 1),
      p.normalizeSummary({ files: 2, changed: 1, unchanged: 1, refused: 1, write: true, canonical: false }),
      p.editSummary({ selected: 2, changed: 1, unchanged: 1, refused: 0, write: false, verb: "closed" }),
      p.listSummary({ shown: 3, open: 2, matched: 5, total: 12, unreadable: 1 }),
      p.config.unknownSetting("posting.config.json", "lnag", "content, lang"),
      p.commander.unknownOption("--bogus", "--bogu"),
    ];
    const en = samples(enPhrases);
    const fr = samples(frPhrases());
    for (const [i, text] of fr.entries()) {
      expect(text).not.toBe(en[i]);
      expect(text).not.toMatch(/ [:;!?](?=\s|$)/);
    }
    expect(fr[1]).toBe("3 problèmes (2 erreurs, 1 avertissement) dans 2 fichiers vérifiés");
    expect(fr[7]).toBe("3 annonces, 2 ouvertes (5 retenues, sur 12 lues)\u202f; 1 fichier illisible");
  });

  it("give the French help its typography and keep every English text a key", () => {
    for (const [english, french] of Object.entries(helpFr())) {
      expect(english).not.toBe(french);
      expect(french).not.toMatch(/ [:;!?](?=\s|$)/);
    }
  });
});
