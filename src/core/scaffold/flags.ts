// `posting new`'s shortcut flags come from the schema (`x-flag`), so the command line knows them
// only once the schema is read: the tokens commander could not place are matched here.
import type { FlagSpec, PostingSchema } from "../schema/schema.js";

/** A shortcut given on the command line: its flag as typed (`--open`), the field, and the value (true/false for a boolean). */
export interface GivenFlag {
  flag: string;
  spec: FlagSpec;
  value: string | boolean;
}

export type FlagTokens =
  | { ok: true; given: GivenFlag[] }
  /** `unknown`: a token that is no flag of the schema; `missing`: a value flag at the end; `operands`: words that are not options. */
  | { ok: false; unknown: string }
  | { ok: false; missing: string }
  | { ok: false; operands: number };

/** The schema flag a name stands for, and whether it is the "off" flag of a boolean (`--closed`). */
export function findFlag(schema: PostingSchema, name: string): { spec: FlagSpec; off: boolean } | undefined {
  for (const spec of schema.roles.flags) {
    if (spec.flag === name) return { spec, off: false };
    if (spec.off === name) return { spec, off: true };
  }
  return undefined;
}

/**
 * `--name value`, `--name=value` and boolean `--name` for the schema's flags, in order. The first
 * token that is not one wins the error (an unknown option before stray words, as commander does).
 */
export function readFlagTokens(tokens: readonly string[], schema: PostingSchema): FlagTokens {
  const given: GivenFlag[] = [];
  let operands = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === "--") {
      operands += tokens.length - i - 1;
      break;
    }
    if (!token.startsWith("-") || token === "-") {
      operands++;
      continue;
    }
    const eq = token.indexOf("=");
    const name = token.startsWith("--") ? token.slice(2, eq > 0 ? eq : undefined) : "";
    const found = name !== "" ? findFlag(schema, name) : undefined;
    if (!found) return { ok: false, unknown: token };
    const flag = `--${name}`;
    if (found.spec.boolean) {
      if (eq > 0) return { ok: false, unknown: token };
      given.push({ flag, spec: found.spec, value: !found.off });
      continue;
    }
    const value = eq > 0 ? token.slice(eq + 1) : tokens[++i];
    if (value === undefined) return { ok: false, missing: flag };
    given.push({ flag, spec: found.spec, value });
  }
  if (operands > 0) return { ok: false, operands };
  return { ok: true, given };
}
