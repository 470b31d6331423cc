// The one ajv set-up, shared by runtime compilation (`--schema other.json`, a custom config schema)
// and the build-time standalone validator, so both validate the same way.
import type { Ajv2020, Options as AjvOptions } from "ajv/dist/2020.js";
import { EMAIL_FORMAT, JEKYLL_DATE_FORMAT } from "./formats.js";
import { requireLazily } from "../require-lazily.js";

/** Annotations posting reads; registered with ajv so strict mode accepts them. */
export const ANNOTATION_KEYWORDS = [
  "x-aliases",
  "x-list",
  "x-synonyms",
  "x-label",
  "x-prompt",
  "x-default",
  "x-pattern-description",
  "x-description",
  "x-help",
  // Field roles (schema.ts, roles): which key is open/date/startup, list columns, search fields,
  // the duplicate identity and `posting new`'s shortcut flags.
  "x-role",
  "x-column",
  "x-search",
  "x-identity",
  "x-flag",
  // What `posting close` sets (top level; schema/close.ts).
  "x-close",
] as const;

// ownProperties: a posting without a `constructor` or `toString` key must not be read as having the
// Object.prototype function of that name (a schema may declare such keys; init --infer can write them).
export const AJV_OPTIONS = { strict: true, allErrors: true, allowUnionTypes: true, ownProperties: true } as const satisfies AjvOptions;

// Loading ajv and compiling a schema costs ~120 ms, so ajv is loaded only when a schema was not
// precompiled at build time. requireLazily keeps loadSchema synchronous; in the CLI bundle it
// loads ajv from node_modules instead of bundling it.

export function createAjv(extra: AjvOptions = {}): Ajv2020 {
  const { Ajv2020: AjvClass } = requireLazily("ajv/dist/2020") as typeof import("ajv/dist/2020.js");
  const addFormats = requireLazily("ajv-formats") as { default: (a: Ajv2020) => void };
  const ajv = new AjvClass({ ...AJV_OPTIONS, ...extra });
  addFormats.default(ajv);
  // ajv-formats' email as formats.ts writes it (the same strings, no /i): the build-time
  // validator inlines a format's pattern, so this is the one it runs.
  ajv.addFormat("email", EMAIL_FORMAT);
  ajv.addFormat("jekyll-date", JEKYLL_DATE_FORMAT);
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ["string", "boolean", "array", "object", "number"] });
  return ajv;
}
