// What `posting close` does, as the schema declares it: the top-level `x-close` annotation
// (`{ "set": { "open": false }, "date": "closed_on" }`): the values closing sets and, optionally,
// a date key set to the day of closing. The schema is untrusted: checked here, with bounds; a bad
// annotation stops the run with a ConfigError naming the schema file and the key.
import { ConfigError, phrasedError } from "../errors.js";
import type { PostingSchema } from "./schema.js";
import { isObject } from "./schema.js";

export interface CloseSpec {
  /** Key → the value closing gives it (JSON scalars or lists of them), in the annotation's order. */
  set: [string, unknown][];
  /** A key set to the closing day (YYYY-MM-DD), when the schema names one. */
  date?: string;
  /** Whether the spec comes from the annotation (else from the `x-role: "open"` key). */
  declared: boolean;
}

const MAX_CLOSE_KEYS = 20;
const specs = new WeakMap<PostingSchema, CloseSpec>();

/**
 * The schema's `x-close`; without one, a boolean key with `x-role: "open"` set to false (what
 * closing means for the bundled schema and its older copies); else a UserError saying what to add.
 */
export function closeSpecOf(schema: PostingSchema): CloseSpec {
  let spec = specs.get(schema);
  if (!spec) {
    spec = readCloseSpec(schema);
    specs.set(schema, spec);
  }
  return spec;
}

function readCloseSpec(schema: PostingSchema): CloseSpec {
  const source = schema.source;
  const bad = (why: string): never => {
    throw new ConfigError(`the schema ${source}: a bad "x-close": ${why}; the schema was not used`, source, "x-close");
  };
  const annotation = schema.json["x-close"];
  if (annotation === undefined) {
    const open = schema.roles.keys.open;
    const field = open !== undefined ? schema.fieldsByKey.get(open) : undefined;
    if (!field || field.types.length !== 1 || field.types[0] !== "boolean") {
      throw phrasedError((p) => p.closeNeedsXClose(source));
    }
    return { set: [[field.key, false]], declared: false };
  }
  if (!isObject(annotation)) bad('expected an object such as { "set": { "open": false }, "date": "closed_on" }');
  const a = annotation as Record<string, unknown>;
  const extra = Object.keys(a).find((k) => k !== "set" && k !== "date");
  if (extra !== undefined) bad(`unknown setting "${shown(extra)}" (known: set, date)`);
  if (!isObject(a.set) || Object.keys(a.set).length === 0) bad('"set" must be an object with at least one key, such as { "open": false }');
  const entries = Object.entries(a.set as Record<string, unknown>);
  if (entries.length > MAX_CLOSE_KEYS) bad(`"set" has more than ${MAX_CLOSE_KEYS} keys`);
  for (const [key, value] of entries) {
    if (!schema.fieldsByKey.has(key)) bad(`"set" names \`${shown(key)}\`, which is not a property of the schema`);
    const scalar = (v: unknown) => typeof v === "string" || typeof v === "number" || typeof v === "boolean";
    if (!(scalar(value) || (Array.isArray(value) && value.length <= 100 && value.every(scalar)))) bad(`"set"."${shown(key)}" must be a text, number, boolean or a list of them`);
    if (!schema.validate({ [key]: value }) && (schema.validate.errors ?? []).some((e) => e.instancePath === `/${key}` || e.instancePath.startsWith(`/${key}/`))) {
      bad(`"set"."${shown(key)}" is not a valid value for \`${shown(key)}\``);
    }
  }
  const spec: CloseSpec = { set: entries, declared: true };
  if (a.date !== undefined) {
    const field = typeof a.date === "string" ? schema.fieldsByKey.get(a.date) : undefined;
    if (!field || !field.format?.includes("date")) bad('"date" must name a property of the schema with a date format');
    if (Object.hasOwn(a.set as object, a.date as string)) bad(`"date" names \`${shown(a.date as string)}\`, which "set" sets already`);
    spec.date = a.date as string;
  }
  return spec;
}

function shown(key: string): string {
  return key.length > 80 ? `${key.slice(0, 80)}…` : key;
}
