// The bundled schemas' validators, compiled by ajv at build time (ajv standalone code in
// src/generated/posting-validator.js), so a run never loads or runs the ajv compiler. Each is used
// only when the schema text is byte for byte the one it was generated from.
import type { ValidateFunction } from "ajv/dist/2020.js";
import { createValidators, SOURCE_TEXTS } from "../../generated/posting-validator.js";
import { SCHEMA_FORMATS } from "./formats.js";

let validators: ReturnType<typeof createValidators> | undefined;

function precompiled(name: "posting" | "config", text: string): ValidateFunction | undefined {
  if (text !== SOURCE_TEXTS[name]) return undefined;
  validators ??= createValidators(SCHEMA_FORMATS);
  return validators[name] as ValidateFunction;
}

export const precompiledPostingValidator = (text: string) => precompiled("posting", text);
export const precompiledConfigValidator = (text: string) => precompiled("config", text);
