// Yes and no as people write them, in French and English: the one list behind `posting new`
// (`--set junior=oui`, `--from-json`, the prompt), normalize (text in a boolean field) and
// `posting list --where junior=non`. How Psych reads a plain `yes` is another question (yaml11.ts).

const YES_WORDS = ["true", "yes", "y", "on", "oui", "o", "vrai", "1"] as const;
const NO_WORDS = ["false", "no", "n", "off", "non", "faux", "0"] as const;

const WORDS = new Map<string, boolean>([...YES_WORDS.map((w) => [w, true] as const), ...NO_WORDS.map((w) => [w, false] as const)]);
const LONGEST = Math.max(...[...WORDS.keys()].map((w) => w.length));

/** The boolean a yes/no word stands for (`oui`, `Non`, ` VRAI `, `off`, `1`…), else undefined. Case, accents and surrounding white space do not count. */
export function yesNo(text: string): boolean | undefined {
  const word = text.trim();
  if (word.length === 0 || word.length > LONGEST * 2) return undefined;
  return WORDS.get(word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase());
}

/** A yes/no question's answer as typed: the default when nothing is typed, undefined when it is no yes/no word. */
export function confirmAnswer(text: string, defaultAnswer: boolean): boolean | undefined {
  return text.trim() === "" ? defaultAnswer : yesNo(text);
}
