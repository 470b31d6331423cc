// The seam around the prompt library: `posting new` asks its questions through this interface, so
// tests answer them programmatically and only the real implementation loads @inquirer/prompts.

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  checked?: boolean;
  /** What is shown once chosen, when not the name (a "did you mean" line shows only its value). */
  short?: string;
}

interface Question {
  /** The field asked about (lets scripted prompters answer by key). */
  name: string;
  message: string;
  /** One line shown under the question: the field's description. */
  help?: string;
}

export interface InputQuestion extends Question {
  default?: string;
  /** `true` to accept, or the reason to show before asking again. */
  validate?: (text: string) => true | string;
  /** The accepted answer as it is kept (`05/06/2026` → `2026-06-05`), shown once it is given. */
  shown?: (text: string) => string;
}

export interface ConfirmQuestion extends Question {
  default?: boolean;
  /** The answer shown once it is given (`oui`, `non`), Enter for the default included. */
  shown?: (answer: boolean) => string;
}

/** What a search shows for the text typed so far: the choices, and a line when there is none. */
export interface SearchResults<T> {
  choices: Choice<T>[];
  /** Shown (not selectable) when `choices` is empty: why, in the language of the questions. */
  note?: string;
}

export interface SearchQuestion<T> extends Question {
  /** The choices for the text typed so far ("" before anything is typed). */
  source: (term: string) => SearchResults<T>;
}

export interface SelectQuestion<T> extends Question {
  choices: Choice<T>[];
  default?: T;
}

export interface CheckboxQuestion<T> extends Question {
  choices: Choice<T>[];
}

export interface Prompter {
  input(question: InputQuestion): Promise<string>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
  select<T>(question: SelectQuestion<T>): Promise<T>;
  checkbox<T>(question: CheckboxQuestion<T>): Promise<T[]>;
  /** One of many values, narrowed as the person types (the startups of config `references`). */
  search<T>(question: SearchQuestion<T>): Promise<T>;
}

/** The person pressed Ctrl-C (or closed the terminal): nothing is written, exit 130. */
export class PromptInterrupted extends Error {
  override name = "PromptInterrupted";
  constructor() {
    super("interrupted");
  }
}
