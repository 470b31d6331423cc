// The real Prompter: @inquirer/prompts on the given terminal streams. Loaded only by `posting new`
// when standard input is a terminal.
import { checkbox, confirm, input, select } from "@inquirer/prompts";
import type { CheckboxQuestion, ConfirmQuestion, InputQuestion, Prompter, SelectQuestion } from "./prompter.js";
import { PromptInterrupted } from "./prompter.js";
import { escapeInline } from "./core/sanitize.js";

interface Streams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export function inquirerPrompter(streams: Streams, options: { color: boolean }): Prompter {
  const context = { input: streams.input, output: streams.output, clearPromptOnDone: false };
  const dim = (text: string) => (options.color ? `\u001b[2m${text}\u001b[22m` : text);
  const showHelp = (help: string | undefined) => {
    if (help) streams.output.write(`${dim(`  ${escapeInline(help)}`)}\n`);
  };
  return {
    input: (q: InputQuestion) =>
      guard(() => {
        showHelp(q.help);
        return input({ message: q.message, ...(q.default !== undefined ? { default: q.default } : {}), validate: (text) => q.validate?.(text) ?? true }, context);
      }),
    confirm: (q: ConfirmQuestion) =>
      guard(() => {
        showHelp(q.help);
        return confirm({ message: q.message, ...(q.default !== undefined ? { default: q.default } : {}) }, context);
      }),
    select: <T>(q: SelectQuestion<T>) =>
      guard(() => {
        showHelp(q.help);
        return select<T>({ message: q.message, choices: q.choices, ...(q.default !== undefined ? { default: q.default } : {}) }, context);
      }),
    checkbox: <T>(q: CheckboxQuestion<T>) =>
      guard(() => {
        showHelp(q.help);
        return checkbox<T>({ message: q.message, choices: q.choices }, context);
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
