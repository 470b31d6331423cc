// The editor's own words: what a schema field says about itself (hover, completion) and the
// titles of the code actions, in the configured language. Findings are worded by the catalogs
// (core/messages); only what no catalog holds is here.
import type { Lang } from "../core/messages/lang.js";
import type { FieldSpec, PostingSchema } from "../core/schema/schema.js";
import { fieldText, isObject } from "../core/schema/schema.js";
import { fr } from "../core/messages/typography.js";

export interface FieldWords {
  /** A short name: the label in that language, else the schema's title, else the key. */
  title: string;
  description?: string;
  examples: unknown[];
}

/**
 * The one place the editor reads a field's text in a language: hover and completion call it.
 * The schema's texts per language (core/schema/schema.ts fieldText: `x-label`, `x-description`),
 * else its prompt help (`x-help`) in that language.
 */
export function fieldWords(field: FieldSpec, schema: PostingSchema, lang: Lang): FieldWords {
  const spec = isObject(schema.json.properties) ? schema.json.properties[field.key] : undefined;
  const help = isObject(spec) && isObject(spec["x-help"]) ? spec["x-help"][lang] : undefined;
  const title = fieldText(field, "title", lang) ?? field.key;
  const description = fieldText(field, "description", lang) ?? (typeof help === "string" ? help : undefined);
  return { title, ...(description ? { description } : {}), examples: field.examples };
}

const TITLES = {
  en: {
    rename: (from: string, to: string) => `Rename \`${from}\` to \`${to}\``,
    fix: (message: string) => `Fix: ${message}`,
    fixWithNormalize: "Fix with posting normalize (whole file)",
    quote: (literal: string) => `Write ${literal} (what Jekyll reads as text)`,
    renameFile: (name: string) => `Rename the file to ${name}`,
    normalize: "Normalize this file (posting normalize)",
    fixAll: "Fix all in this file (posting)",
    required: "required",
    examples: "Examples:",
    today: "today",
  },
  fr: {
    rename: (from: string, to: string) => `Renommer \`${from}\` en \`${to}\``,
    fix: (message: string) => fr`Corriger : ${message}`,
    fixWithNormalize: "Corriger avec posting normalize (tout le fichier)",
    quote: (literal: string) => `Écrire ${literal} (ce que Jekyll lit comme du texte)`,
    renameFile: (name: string) => `Renommer le fichier en ${name}`,
    normalize: "Normaliser ce fichier (posting normalize)",
    fixAll: "Tout corriger dans ce fichier (posting)",
    required: "obligatoire",
    examples: fr`Exemples :`,
    today: "aujourd'hui",
  },
} satisfies Record<Lang, unknown>;

export type EditorWords = (typeof TITLES)["en"];

export function editorWords(lang: Lang): EditorWords {
  return TITLES[lang];
}
