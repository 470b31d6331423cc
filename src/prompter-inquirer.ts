// The real Prompter: @inquirer/prompts on the given terminal streams. Loaded only by `posting new`
// when standard input is a terminal.
import { checkbox, input, select } from "@inquirer/prompts";
import type { CheckboxQuestion, ConfirmQuestion, InputQuestion, Prompter, SelectQuestion } from "./prompter.js";
import { PromptInterrupted } from "./prompter.js";
import { escapeInline } from "./core/sanitize.js";
import { confirmAnswer } from "./core/words/yes-no.js";

interface Streams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export interface InquirerOptions {
  color: boolean;
  lang: "fr" | "en";
}


// inquirer's key tips, in the language of the questions.
const KEY_ACTIONS_FR: Record<string, string> = { navigate: "naviguer", select: "cocher", submit: "valider", all: "tout", invert: "inverser" };

export function inquirerPrompter(streams: Streams, options: InquirerOptions): Prompter {
  const context = { input: streams.input, output: streams.output, clearPromptOnDone: false };
  const fr = options.lang === "fr";
  const dim = (text: string) => (options.color ? `\u001b[2m${text}\u001b[22m` : text);
  const showHelp = (help: string | undefined) => {
    if (help) streams.output.write(`${dim(`  ${escapeInline(help, "new-prompt")}`)}\n`);
  };
  const theme = {
    style: {
      keysHelpTip: (keys: [string, string][]) =>
        dim(keys.map(([key, action]) => `${key} ${fr ? (KEY_ACTIONS_FR[action] ?? action) : action}`).join(" • ")),
    },
  };
  return {
    input: (q: InputQuestion) =>
      guard(() => {
        showHelp(q.help);
        return input({ message: q.message, ...(q.default !== undefined ? { default: q.default } : {}), validate: (text) => q.validate?.(text) ?? true }, context);
      }),
    // inquirer's confirm only understands y/n; French recruiters answer o/oui/n/non.
    confirm: async (q: ConfirmQuestion) => {
      const hint = q.default === false ? (fr ? "o/N" : "y/N") : fr ? "O/n" : "Y/n";
      const answer = await guard(() => {
        showHelp(q.help);
        return input(
          {
            message: `${q.message} (${hint})`,
            validate: (text) => confirmAnswer(text, true) !== undefined || (fr ? "répondez oui ou non" : "answer yes or no"),
          },
          context,
        );
      });
      return confirmAnswer(answer, q.default !== false) ?? false;
    },
    select: <T>(q: SelectQuestion<T>) =>
      guard(() => {
        showHelp(q.help);
        return select<T>({ message: q.message, choices: q.choices, theme, ...(q.default !== undefined ? { default: q.default } : {}) }, context);
      }),
    checkbox: <T>(q: CheckboxQuestion<T>) =>
      guard(() => {
        showHelp(q.help);
        return checkbox<T>({ message: q.message, choices: q.choices, theme }, context);
      }),
  };
}

// Ctrl-C surfaces from inquirer as ExitPromptError; the command turns it into exit 130.
async function guard<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError")) throw new PromptInterrupted();
    throw error;
  }
}
