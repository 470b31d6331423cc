// The real Prompter: @inquirer/prompts on the given terminal streams. Loaded only by `posting new`
// when standard input is a terminal.
import { checkbox, input, search, select, Separator } from "@inquirer/prompts";
import type { CheckboxQuestion, ConfirmQuestion, InputQuestion, Prompter, SearchQuestion, SelectQuestion } from "./prompter.js";
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

// inquirer's key tips, in the language of the questions: `select` ticks a box in a checkbox list
// and picks the line in a list or a search.
const KEY_ACTIONS_FR: Record<string, string> = { navigate: "naviguer", select: "choisir", submit: "valider", all: "tout", invert: "inverser" };
const CHECKBOX_ACTIONS_FR: Record<string, string> = { ...KEY_ACTIONS_FR, select: "cocher" };
const KEY_NAMES_FR: Record<string, string> = { space: "espace", "⏎": "entrée" };

export function inquirerPrompter(streams: Streams, options: InquirerOptions): Prompter {
  const context = { input: streams.input, output: streams.output, clearPromptOnDone: false };
  const fr = options.lang === "fr";
  const dim = (text: string) => (options.color ? `\u001b[2m${text}\u001b[22m` : text);
  const showHelp = (help: string | undefined) => {
    if (help) streams.output.write(`${dim(`  ${escapeInline(help, "new-prompt")}`)}\n`);
  };
  const themeWith = (actions: Record<string, string>) => ({
    style: {
      keysHelpTip: (keys: [string, string][]) =>
        dim(keys.map(([key, action]) => (fr ? `${KEY_NAMES_FR[key] ?? key} ${actions[action] ?? action}` : `${key} ${action}`)).join(" • ")),
    },
  });
  const theme = themeWith(KEY_ACTIONS_FR);
  const checkboxTheme = themeWith(CHECKBOX_ACTIONS_FR);
  return {
    input: (q: InputQuestion) =>
      guard(() => {
        showHelp(q.help);
        const shown = q.shown;
        return input(
          {
            message: q.message,
            ...(q.default !== undefined ? { default: q.default } : {}),
            validate: (text) => q.validate?.(text) ?? true,
            // The answer as kept once given: a date typed day first is shown back in ISO.
            ...(shown ? { transformer: (text: string, { isFinal }: { isFinal: boolean }) => (isFinal ? shown(text) : text) } : {}),
          },
          context,
        );
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
            // Enter alone takes the default: the answer is shown all the same (`oui`, not nothing).
            transformer: (text: string, { isFinal }: { isFinal: boolean }) => {
              if (!isFinal) return text;
              const answer = confirmAnswer(text, q.default !== false) ?? false;
              return q.shown ? q.shown(answer) : answer ? (fr ? "oui" : "yes") : fr ? "non" : "no";
            },
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
        return checkbox<T>({ message: q.message, choices: q.choices, theme: checkboxTheme }, context);
      }),
    search: <T>(q: SearchQuestion<T>) =>
      guard(() => {
        showHelp(q.help);
        return search<T>(
          {
            message: q.message,
            theme,
            // inquirer says "No results found" for an empty list: a line of ours instead.
            source: (term) => {
              const { choices, note } = q.source(term ?? "");
              // Names come from file names: escaped like any text shown on the terminal.
              const shown = choices.map((c) => ({ ...c, name: escapeInline(c.name, "new-prompt"), ...(c.short !== undefined ? { short: escapeInline(c.short, "new-prompt") } : {}) }));
              return shown.length > 0 || note === undefined ? shown : [new Separator(escapeInline(note, "new-prompt"))];
            },
          },
          context,
        );
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
