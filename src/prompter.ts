// The seam around the prompt library: `posting new` asks its questions through this interface, so
// tests answer them programmatically and only the real implementation loads @inquirer/prompts.

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  checked?: boolean;
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
}

export interface ConfirmQuestion extends Question {
  default?: boolean;
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
}

/** The person pressed Ctrl-C (or closed the terminal): nothing is written, exit 130. */
export class PromptInterrupted extends Error {
  override name = "PromptInterrupted";
  constructor() {
    super("interrupted");
  }
}
