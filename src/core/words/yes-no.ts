// Yes and no as people write them, in French and English: the one list behind `posting new`
// (`--set junior=oui`, `--from-json`, the prompt), normalize (text in a boolean field) and
// `posting list --where junior=non`. How Psych reads a plain `yes` is another question (yaml11.ts).

const YES_WORDS = ["true", "yes", "y", "on", "oui", "o", "vrai", "1"] as const;
const NO_WORDS = ["false", "no", "n", "off", "non", "faux", "0"] as const;

const WORDS = new Map<string, boolean>([...YES_WORDS.map((w) => [w, true] as const), ...NO_WORDS.map((w) => [w, false] as const)]);
const LONGEST = Math.max(...[...WORDS.keys()].map((w) => w.length));

/**
 * The boolean a yes/no word stands for (`oui`, `Non`, ` VRAI `, `off`, `1`…), else undefined. Case
 * and surrounding spaces and tabs do not count; nothing else is folded: none of the words has an
 * accent, so `ô` or `nö` is a typo or another word, not a yes or a no, and an invisible character
 * (U+2028, U+FEFF) around a word leaves it text.
 */
export function yesNo(text: string): boolean | undefined {
  const word = text.replace(/^[ \t]+|[ \t]+$/g, "");
  if (word.length === 0 || word.length > LONGEST) return undefined;
  return WORDS.get(word.toLowerCase());
}

/** A yes/no question's answer as typed: the default when nothing is typed, undefined when it is no yes/no word. */
export function confirmAnswer(text: string, defaultAnswer: boolean): boolean | undefined {
  return text.replace(/^[ \t]+|[ \t]+$/g, "") === "" ? defaultAnswer : yesNo(text);
}
