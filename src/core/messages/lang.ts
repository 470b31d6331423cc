// Which language posting speaks: `--lang` first, then the config's "lang", then the environment's
// locale (LC_ALL, LC_MESSAGES, LANG, as gettext reads them), then the command's own fallback
// (English for lint and the other checks, French for `posting new`, whose template is French).
// A locale that names no language we have ("C", "POSIX", "de_DE") does not decide.
import { CATALOGS } from "./word.js";
import type { Catalog } from "./types.js";

export const LANGS = ["fr", "en"] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** The language a locale string names (`fr_FR.UTF-8` → fr, `en_GB` → en), if one we speak. */
export function langOfLocale(locale: string | undefined): Lang | undefined {
  // Letters spelled out rather than /i: a case-insensitive expression costs V8 a case-folding table when first compiled.
  const match = /^([A-Za-z]{2})(?:[_.@-]|$)/.exec(locale ?? "");
  const code = match?.[1]?.toLowerCase();
  return isLang(code) ? code : undefined;
}

/** The environment's language: the first locale variable set (gettext's order), if it names one we speak. */
export function langOfEnv(env: Record<string, string | undefined>): Lang | undefined {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name];
    if (value) return langOfLocale(value);
  }
  return undefined;
}

export interface LangSources {
  /** `--lang`, when given. */
  flag?: string | undefined;
  /** The config's "lang", when set. */
  config?: Lang | undefined;
  env: Record<string, string | undefined>;
  /** When nothing above decides. */
  fallback: Lang;
}

export function resolveLang({ flag, config, env, fallback }: LangSources): Lang {
  if (isLang(flag)) return flag;
  return config ?? langOfEnv(env) ?? fallback;
}

// Every language has its catalog: a Lang missing from CATALOGS does not compile.
const BY_LANG: Record<Lang, Catalog> = CATALOGS;

/** The catalog of `lang`. */
export function catalogFor(lang: Lang): Catalog {
  return BY_LANG[lang];
}
