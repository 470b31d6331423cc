// Shared by the `posting new` tests: a Prompter that answers from a script, `posting new` run
// in-process (on test/helpers/cli.ts's memory io) and temp folders.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newCommand } from "../../src/commands/new.js";
import type { NewCommandOptions } from "../../src/commands/new.js";
import type { CheckboxQuestion, ConfirmQuestion, InputQuestion, Prompter, SearchQuestion, SelectQuestion } from "../../src/prompter.js";
import { PromptInterrupted } from "../../src/prompter.js";
import { memoryIO } from "./cli.js";
import type { RunResult } from "./cli.js";

export const TODAY = "2026-05-04";

/** Titles that try to escape the folder, break the name, or reach the terminal raw. */
export const HOSTILE_TITLES = [
  "../../etc/x",
  "/abs",
  "/etc/passwd",
  "..\\..\\windows\\system32",
  "C:\\Windows\\x",
  "a\u0000b",
  "line1\nline2\r\n",
  ".",
  "..",
  "...",
  "....//....//",
  "CON",
  "nul",
  "COM1",
  "lpt9",
  "con.txt",
  "~",
  "$(rm -rf /)",
  "\u202Eevil\u202C",
  "🙂🙂",
  "",
  "   ",
  "x".repeat(5000),
];

/** An answer: a value, or INTERRUPT to act like Ctrl-C at that question. */
export const INTERRUPT = Symbol("interrupt");
type Answer = string | boolean | string[] | typeof INTERRUPT;

/** Successive answers to one question: the first ones are rejected and retyped. */
export class Attempts {
  readonly answers: Answer[];
  constructor(...answers: Answer[]) {
    this.answers = answers;
  }
}

export interface Asked {
  kind: "input" | "confirm" | "select" | "checkbox" | "search";
  name: string;
  message: string;
  help?: string;
  /** Reasons shown for rejected answers (input only). */
  rejected: string[];
  /** The answer as shown once given (input and confirm). */
  shown?: string;
  /** What a search offered for the typed text: the choices' names, or its note. */
  offered?: string[];
}

/**
 * Answers by field name. An input gets successive answers until one passes `validate`, the way a
 * person retypes after seeing the reason; an unscripted question takes its default.
 */
export class ScriptedPrompter implements Prompter {
  readonly asked: Asked[] = [];
  private readonly script: Map<string, Answer[]>;

  constructor(script: Record<string, Answer | Attempts>) {
    this.script = new Map(Object.entries(script).map(([k, v]) => [k, v instanceof Attempts ? [...v.answers] : [v]]));
  }

  private next(name: string): Answer | undefined {
    const queue = this.script.get(name);
    if (!queue || queue.length === 0) return undefined;
    const answer = queue.shift()!;
    if (answer === INTERRUPT) throw new PromptInterrupted();
    return answer;
  }

  async input(q: InputQuestion): Promise<string> {
    const record: Asked = { kind: "input", name: q.name, message: q.message, rejected: [], ...(q.help ? { help: q.help } : {}) };
    this.asked.push(record);
    for (;;) {
      const answer = this.next(q.name);
      const text = answer === undefined ? (q.default ?? "") : Array.isArray(answer) ? answer.join(", ") : String(answer);
      const verdict = q.validate ? q.validate(text) : true;
      if (verdict === true) {
        if (q.shown) record.shown = q.shown(text);
        return text;
      }
      record.rejected.push(verdict);
      if (answer === undefined) throw new Error(`question ${q.name} rejected its default and has no scripted answer left: ${verdict}`);
    }
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    const record: Asked = { kind: "confirm", name: q.name, message: q.message, rejected: [] };
    this.asked.push(record);
    const answer = this.next(q.name);
    const value = answer === undefined ? (q.default ?? false) : answer === true;
    if (q.shown) record.shown = q.shown(value);
    return value;
  }

  /** The scripted answer is the text typed: the choice of that value, else the first one offered. */
  async search<T>(q: SearchQuestion<T>): Promise<T> {
    const record: Asked = { kind: "search", name: q.name, message: q.message, rejected: [], ...(q.help ? { help: q.help } : {}) };
    this.asked.push(record);
    const answer = this.next(q.name);
    const { choices, note } = q.source(typeof answer === "string" ? answer : "");
    record.offered = choices.length > 0 ? choices.map((c) => c.name) : note !== undefined ? [note] : [];
    const choice = choices.find((c) => c.value === answer) ?? choices[0];
    if (!choice) throw new Error(`search ${q.name} offered nothing for ${JSON.stringify(answer)}: ${note ?? ""}`);
    return choice.value;
  }

  async select<T>(q: SelectQuestion<T>): Promise<T> {
    this.asked.push({ kind: "select", name: q.name, message: q.message, rejected: [] });
    const answer = this.next(q.name);
    const choice = q.choices.find((c) => c.value === answer) ?? q.choices.find((c) => c.value === q.default) ?? q.choices[0]!;
    return choice.value;
  }

  async checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
    this.asked.push({ kind: "checkbox", name: q.name, message: q.message, rejected: [] });
    const answer = this.next(q.name);
    const wanted = Array.isArray(answer) ? answer : [];
    return q.choices.filter((c) => wanted.includes(c.value as unknown as string)).map((c) => c.value);
  }
}

/** Run `posting new` in-process; stdin is closed (or the given text) and not a TTY. */
export async function runNew(options: NewCommandOptions, cwd: string, extra: { prompter?: Prompter; stdin?: string } = {}): Promise<RunResult> {
  const { io, output } = memoryIO(cwd, extra.stdin === undefined ? {} : { stdin: extra.stdin });
  const exitCode = await newCommand({ lang: "fr", ...options }, io, { today: TODAY, ...(extra.prompter ? { prompter: extra.prompter } : {}) });
  return { exitCode, ...output() };
}

/** A temp project: `root/posting.config.json` pointing at `root/site/content/_jobs`. */
export function makeProject(config: Record<string, unknown> = { content: ["site/content/_jobs"] }): { root: string; jobs: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), "posting-new-"));
  writeFileSync(join(root, "posting.config.json"), JSON.stringify(config));
  return { root, jobs: join(root, "site", "content", "_jobs"), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every file under `dir`, relative, sorted (to prove nothing was written elsewhere). */
export function listTree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? (d as unknown as { path: string }).path, d.name).slice(dir.length + 1))
    .sort();
}
