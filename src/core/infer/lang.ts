// Whether a collection is written in French or English, from its keys, its short values, the start
// of its bodies and its CMS labels: the language of the labels and prompts init --infer writes.
import type { Lang } from "../scaffold/scaffold.js";
import { foldToAscii } from "../words/slug.js";

// Common words that appear in one language and hardly in the other (accents folded).
const FRENCH = new Set(
  "le la les des du de et est une un pour avec dans sur au aux vous nous tu ton ta tes votre nos notre ou qui que sont etre poste postes annonce candidature candidat equipe contrat lieu salaire ouvert ouverte date limite missions profil recrutement ferme pourvu publie titre entreprise chez nous".split(" "),
);
const ENGLISH = new Set(
  "the and is are for with in on to of you we your our or who that be job jobs role apply application candidate team contract location salary closing expired posted published title company about requirements responsibilities hiring remote".split(" "),
);
const ACCENTED = /[àâçéèêëîïôûùüÿœ]/i;

/** Characters of body read per posting, and postings read, for the language. */
const BODY_SAMPLE = 2000;
const MAX_SAMPLED = 500;

export interface LangGuess {
  lang: Lang;
  french: number;
  english: number;
}

export function guessLanguage(texts: Iterable<string>): LangGuess {
  let french = 0;
  let english = 0;
  let sampled = 0;
  for (const text of texts) {
    if (sampled++ >= MAX_SAMPLED * 4) break;
    for (const word of text.slice(0, BODY_SAMPLE).split(/[^\p{L}]+/u)) {
      if (word.length === 0) continue;
      if (ACCENTED.test(word)) french++;
      const folded = foldToAscii(word);
      if (FRENCH.has(folded)) french++;
      if (ENGLISH.has(folded)) english++;
    }
  }
  return { lang: english > french ? "en" : "fr", french, english };
}

/** Texts of a key name as words (`date_limite` → `date limite`, `closingDate` → `closing Date`). */
export function keyWords(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_\-.\s]+/g, " ").trim();
}
