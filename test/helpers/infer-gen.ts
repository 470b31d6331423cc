// Collections generated from KNOWN schemas, for `posting init --infer`: varied keys, old spellings
// (aliases), enums with rare case variants, dates, CMS timestamps, e-mails, web addresses, lists
// written sometimes as comma text, an English and a French collection, and planted outliers, each
// with the lint finding it must produce. Seeded: the same seed gives the same files.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { mulberry32 as rng } from "../../bench/generate.mjs";

export type GenKind = "text" | "id" | "boolean" | "date" | "datetime" | "email" | "url" | "enum" | "list" | "number";

export interface GenField {
  key: string;
  kind: GenKind;
  /** Present in every posting (but a planted missing one); else in `every` postings out of… */
  required?: boolean;
  /** Optional keys: present in postings i where i % every[1] < every[0]. */
  every?: [number, number];
  /** Enum values, or list items. */
  values?: string[];
  /** Old spellings: each used instead of the key in `uses` postings that have the key. */
  aliases?: { alias: string; uses: number }[];
  /** Lists: every third one written as comma-separated text. */
  commaText?: boolean;
}

/** One planted outlier: what is written, and the lint error it must bring. */
export interface Planted {
  key: string;
  /** The value written instead (undefined: the key is left out). */
  value?: unknown;
  code: "SCHEMA_ENUM" | "SCHEMA_FORMAT" | "SCHEMA_PATTERN" | "SCHEMA_REQUIRED" | "SCHEMA_TYPE";
  /** The suggestion lint must make (SCHEMA_ENUM). */
  suggestion?: string;
}

export interface GenCollection {
  name: string;
  lang: "fr" | "en";
  folder: string;
  postings: number;
  fields: GenField[];
  outliers: Planted[];
  /** A file whose name breaks the YYYY-MM-DD-slug.md pattern (FILE_NAME_PATTERN). */
  badFileName?: string;
}

/** What lint must report with the inferred schema: file → "CODE key" (sorted). */
export type Expected = Map<string, string[]>;

const WORDS = {
  en: "senior junior data product platform backend frontend mobile design research growth security cloud payments search".split(" "),
  fr: "données produit plateforme déploiement accompagnement numérique santé emploi écologie territoires éducation culture".split(" "),
};

/** Write the collection under `root`; returns the lint errors it must produce once the schema is inferred. */
export function generateCollection(root: string, spec: GenCollection, seed: number): Expected {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const folder = join(root, spec.folder);
  mkdirSync(folder, { recursive: true });
  const expected: Expected = new Map();
  const expect = (file: string, what: string) => expected.set(file, [...(expected.get(file) ?? []), what].sort());
  // Postings 0..k-1 hold the outliers (one each); aliases go to the last postings.
  const aliasAt = new Map<number, Map<string, string>>();
  let next = spec.postings - 1;
  for (const field of spec.fields) {
    for (const { alias, uses } of field.aliases ?? []) {
      let placed = 0;
      while (placed < uses) {
        const i = next--;
        if (!present(field, i)) continue;
        const m = aliasAt.get(i) ?? new Map<string, string>();
        m.set(field.key, alias);
        aliasAt.set(i, m);
        placed++;
      }
    }
  }
  for (let i = 0; i < spec.postings; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (i % 12);
    const date = `2024-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const title = `${pick(WORDS[spec.lang])} ${pick(WORDS[spec.lang])} ${i}`;
    const name = i === 1 && spec.badFileName ? spec.badFileName : `${date}-${spec.lang}-${i}.md`;
    const data: Record<string, unknown> = {};
    const outlier = spec.outliers[i];
    for (const field of spec.fields) {
      if (!present(field, i)) continue;
      if (outlier?.key === field.key && outlier.value === undefined) continue;
      const key = aliasAt.get(i)?.get(field.key) ?? field.key;
      if (key !== field.key) expect(name, `UNKNOWN_KEY ${key}`);
      data[key] = outlier?.key === field.key ? outlier.value : valueOf(field, i, date, title, pick);
      if (field.kind === "list" && typeof data[key] === "string") expect(name, `~NORMALIZE_VALUE ${key}`);
    }
    if (outlier) expect(name, `${outlier.code} ${outlier.key}${outlier.suggestion ? ` → ${outlier.suggestion}` : ""}`);
    if (i === 1 && spec.badFileName) expect(name, "FILE_NAME_PATTERN");
    const body = spec.lang === "fr" ? `\n## La mission\n\nNous recherchons une personne pour ${title}, dans une équipe de la plateforme.\n` : `\n## The role\n\nWe are looking for someone to join the team as ${title}, with the platform group.\n`;
    writeFileSync(join(folder, name), `---\n${stringify(data, { lineWidth: 0 })}---\n${body}`);
  }
  return expected;
}

export function present(field: GenField, i: number): boolean {
  if (field.required) return true;
  const [k, n] = field.every ?? [1, 2];
  return i % n < k;
}

function valueOf(field: GenField, i: number, date: string, title: string, pick: <T>(list: readonly T[]) => T): unknown {
  const values = field.values ?? [];
  switch (field.kind) {
    case "text":
      return `${title} (${field.key})`;
    case "id":
      // More distinct ids than an enum holds: an id, not a choice.
      return `org-${i % 23}`;
    case "boolean":
      return i % 3 !== 0;
    case "number":
      return 30000 + (i % 7) * 1000;
    case "date":
      return date;
    case "datetime":
      return `${date}T10:00:00.000Z`;
    case "email":
      return `jobs${i % 5}@example.org`;
    case "url":
      return `https://example.org/jobs/${i}`;
    case "enum":
      return values[i % values.length];
    case "list": {
      const items = [values[i % values.length]!, values[(i + 3) % values.length]!];
      if (pick([0, 1, 2]) === 0) items.push(values[(i + 5) % values.length]!);
      const unique = [...new Set(items)];
      return field.commaText && i % 3 === 0 ? unique.join(", ") : unique;
    }
  }
}

/** The generating schema as the inference must find it: per key, type, format, enum, required, aliases. */
export function expectedShape(spec: GenCollection): Record<string, { type: unknown; format?: string; enum?: string[]; itemsEnum?: string[]; required: boolean; aliases?: string[] }> {
  const out: ReturnType<typeof expectedShape> = {};
  for (const f of spec.fields) {
    const type = { text: "string", id: "string", boolean: "boolean", date: "string", datetime: "string", email: "string", url: "string", enum: "string", number: "integer", list: f.commaText ? ["array", "string"] : "array" }[f.kind];
    const format = { date: "date", datetime: "date-time", email: "email", url: "uri" }[f.kind as string];
    out[f.key] = {
      type,
      ...(format ? { format } : {}),
      ...(f.kind === "enum" ? { enum: [...f.values!].sort() } : {}),
      ...(f.kind === "list" && f.values ? { itemsEnum: [...f.values].sort() } : {}),
      required: f.required === true,
      ...(f.aliases ? { aliases: f.aliases.map((a) => a.alias).sort() } : {}),
    };
  }
  return out;
}

export const ENGLISH: GenCollection = {
  name: "english",
  lang: "en",
  folder: "_jobs",
  postings: 100,
  fields: [
    { key: "title", kind: "text", required: true },
    { key: "company", kind: "id", required: true },
    { key: "location", kind: "enum", required: true, values: ["Remote", "Paris", "London", "Berlin"] },
    { key: "contract", kind: "enum", every: [3, 4], values: ["Full-time", "Part-time", "Internship"] },
    { key: "date", kind: "datetime", required: true },
    { key: "closing_date", kind: "date", every: [1, 2], aliases: [{ alias: "Closing Date", uses: 3 }] },
    { key: "open", kind: "boolean", required: true },
    { key: "contact_email", kind: "email", every: [4, 5], aliases: [{ alias: "contact_emial", uses: 2 }] },
    { key: "apply_url", kind: "url", every: [2, 5] },
    { key: "skills", kind: "list", every: [9, 10], commaText: true, values: ["Python", "TypeScript", "SQL", "Go", "React", "Kubernetes", "Figma", "Rust"] },
    { key: "salary", kind: "number", every: [1, 3] },
  ],
  outliers: [
    { key: "location", value: "Lyon", code: "SCHEMA_ENUM" },
    { key: "date", value: "next week", code: "SCHEMA_FORMAT" },
    { key: "contact_email", value: "jobs at example", code: "SCHEMA_FORMAT" },
    { key: "open", code: "SCHEMA_REQUIRED" },
    { key: "location", value: "remote", code: "SCHEMA_ENUM", suggestion: "Remote" },
    { key: "company", value: "Acme Labs", code: "SCHEMA_PATTERN" },
  ],
  badFileName: "Senior Engineer.md",
};

export const FRENCH: GenCollection = {
  name: "french",
  lang: "fr",
  folder: "content/_offres",
  postings: 80,
  fields: [
    { key: "titre", kind: "text", required: true },
    { key: "startup", kind: "id", required: true },
    { key: "contrat", kind: "enum", required: true, values: ["CDI", "CDD", "Freelance", "Stage"] },
    { key: "ouvert", kind: "boolean", required: true },
    { key: "date", kind: "date", required: true },
    { key: "date_limite", kind: "date", every: [3, 5], aliases: [{ alias: "Date Limite", uses: 3 }] },
    { key: "expire_le", kind: "date", every: [1, 3], aliases: [{ alias: "expire le", uses: 2 }] },
    { key: "contact", kind: "email", every: [3, 4] },
    { key: "domaines", kind: "list", every: [4, 5], commaText: true, values: ["Développement", "Design", "Produit", "Données", "Déploiement"] },
    { key: "lieu", kind: "text", every: [1, 2] },
  ],
  outliers: [
    { key: "contrat", value: "Alternance", code: "SCHEMA_ENUM" },
    { key: "contrat", value: "cdd", code: "SCHEMA_ENUM", suggestion: "CDD" },
    { key: "date", value: "bientôt", code: "SCHEMA_FORMAT" },
    { key: "startup", value: "Ma Startup", code: "SCHEMA_PATTERN" },
    { key: "ouvert", value: "peut-être", code: "SCHEMA_TYPE" },
    { key: "titre", code: "SCHEMA_REQUIRED" },
  ],
};

/**
 * A noisier collection, like one a French CMS wrote over the years: keys in changing order, an
 * old CMS's key names (`Date Limite`, `expired on`), rare misspellings (`contact_emial`,
 * `Startup`), dates and CMS timestamps mixed, enum values with case variants and a typo, free
 * text that repeats (cities) without being a choice, salaries as numbers or words, multi-line
 * descriptions. Returns the misspellings written: key or value → what lint must suggest.
 */
export function generateNoisy(root: string, folder: string, postings: number, seed: number): { keys: Map<string, string>; values: Map<string, string> } {
  const random = rng(seed);
  const chance = (p: number) => random() < p;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const dir = join(root, folder);
  mkdirSync(dir, { recursive: true });
  const keys = new Map<string, string>();
  const values = new Map<string, string>();
  const cities = ["Paris", "Lyon", "Nantes", "Lille", "Bordeaux", "Toulouse", "Rennes", "Marseille", "Strasbourg", "Grenoble", "Montpellier", "Nice", "Dijon", "Brest", "Tours"];
  for (let i = 0; i < postings; i++) {
    const date = `20${22 + (i % 3)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    const entries: [string, unknown][] = [];
    entries.push(["titre", `${pick(WORDS.fr)} ${pick(WORDS.fr)} (${i})`]);
    if (i % 97 === 5) {
      entries.push(["Startup", `startup-${i % 40}`]);
      keys.set("Startup", "startup");
    } else entries.push(["startup", `startup-${i % 40}`]);
    entries.push(["publie", i % 4 !== 0]);
    entries.push(["date", i % 5 < 3 ? date : `${date}T${String(8 + (i % 10)).padStart(2, "0")}:30:00.000Z`]);
    const contract = ["CDI", "CDD", "Stage", "Freelance"][i % 4]!;
    entries.push(["contrat", i === 17 ? "Freelnce" : i % 61 === 3 ? contract.toLowerCase() : contract]);
    if (i === 17) values.set("Freelnce", "Freelance");
    if (i % 2 === 0) entries.push([i % 25 === 0 ? "Date Limite" : "date_limite", date]);
    if (i % 25 === 0) keys.set("Date Limite", "date_limite");
    if (i % 10 < 7) {
      const k = i % 113 === 9 ? "contact_emial" : "contact_email";
      if (k !== "contact_email") keys.set(k, "contact_email");
      entries.push([k, `recrutement${i % 7}@example.fr`]);
    }
    if (i % 3 === 0) entries.push([i % 33 === 0 ? "expired on" : "expired_on", date]);
    if (i % 33 === 0) keys.set("expired on", "expired_on");
    entries.push(["lieu", i % 7 === 0 ? `${pick(cities)} ou télétravail` : pick(cities)]);
    // Misspellings next to the key they misspell (a second field a CMS added, a copy-paste).
    if (i === 11) entries.push(["contact_emaill", "recrutement@example.fr"]);
    if (i === 13) entries.push(["Lieu", "Paris"]);
    if (i === 11) keys.set("contact_emaill", "contact_email");
    if (i === 13) keys.set("Lieu", "lieu");
    if (i % 3 !== 2) entries.push(["salaire", i % 10 === 0 ? "selon profil" : 38000 + (i % 9) * 2000]);
    const domains = ["Développement", "Design", "Produit", "Données"];
    if (i % 4 !== 3) entries.push(["domaines", i % 3 === 0 ? `${domains[i % 4]}, ${domains[(i + 1) % 4]}` : [domains[i % 4], domains[(i + 2) % 4]]]);
    if (i % 5 < 2) entries.push(["description", `Une mission de ${pick(WORDS.fr)}.\nAu sein de l'équipe ${pick(WORDS.fr)}.\n`]);
    // Keys in an order that drifts: the CMS changed its field order twice.
    if (i % 3 === 1) entries.reverse();
    const name = `${date}-offre-${i}.md`;
    writeFileSync(join(dir, name), `---\n${stringify(Object.fromEntries(entries), { lineWidth: 0 })}---\n\nNous recherchons une personne pour rejoindre l'équipe. Le poste est ouvert à toutes et à tous.\n`);
  }
  return { keys, values };
}
