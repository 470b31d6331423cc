// Seeded front matters built from scalars YAML reads in surprising ways, mostly in the simple
// reader's subset and sometimes just outside it: shared by the tests that hold the simple reader
// (and what is built on it) to the same answers as the \`yaml\` package.
import { lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";

export function markdownFixtures(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFixtures(path));
    else if (entry.name.endsWith(".md") && lstatSync(path).isFile()) out.push(path);
  }
  return out.sort();
}

export const pick = <T,>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)]!;

export const TRICKY_SCALARS = [
  "yes", "No", "ON", "off", "y", "n", "~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "false", "FALSE",
  "0o17", "017", "0", "-0", "-0.0", "0.0", "1e3", "1E3", ".inf", "-.inf", ".NaN", "-.5", ".5", "5.", "0x1F", "0x", "1_000", "+1", "-1", "12",
  "123456789012345678901", "3.14", "1.50", "12:30", "2021-06-24", "2021-06-24T10:00:00Z", "24/06/2021", "06/07/2021", "24.06.2021",
  '"a\\"b"', "'it''s'", '"\\u00e9"', '"\\x41"', '"tab\\there"', '"a\\/b"', '"\\\\"', '""', "''", '"yes"', "'true'", '"12"', '"a: b"', "'#x'",
  "a: b", "a:b", "a #b", "a#b", "C#", "#x", "a:", "[a, b]", "[a, [b]]", "[]", "[ a , b ]", "[a, b,]", "[a,b]", '["a", \'b\']', "[yes, 1]", "[a: b]",
  "{a: 1}", "{}", "- x", "-x", "-", "*x", "&x y", "!tag x", "!!str 1", "@x", "`x`", "%x", "|", ">", "? x", "a, b", "Développement, Produit",
  "Cafe\u0301", "Café", "日本語", "😀 emoji", "a\u00a0b", "x\u2028y", "https://example.org/a?b=c#d", "user@example.org", "(x)", "$x", "./x", "a ]", "a }", "a,",
  "Produit", "produit", "Design", "ux", "dev", "React", "NodeJS", "friend", "ma-cantine-egalim", "Développeur·se", "CDD 3 ans", "  lead", "trail  ",
  '"09"', '"0o17"', '"01.5"', '"01e3"', "'019'", '"1e3"', '".inf"', '"Null"', '"TRUE"',
];
export const KEYS = ["title", "roles", "role", "startup", "open", "date", "contrat", "junior", "domaines", "domaine", "techno", "equipe", "contact", "contacts", "externalURL", "type", "friend", "post_ouvert", "depublication_date", "poste_pourvu", "other", "a.b", "x-y", "_k", "true", "null", "1", "__proto__", "é", "Key With Space"];
export const GOOD: Record<string, string[]> = {
  title: ["Un titre", "'Quoted: title'", '"Double"'],
  roles: ["Développeur·se", "Product owner", "'Coach, agile'"],
  startup: ["ma-cantine-egalim", "aides-territoires"],
  open: ["true", "false", "yes", "'true'", "True"],
  junior: ["false", "true", "no"],
  date: ["2021-06-24", "2026-01-12", "24/06/2021", "2021-06-24T10:00:00Z", "'2021-06-24'"],
  domaines: ["[Produit, Design]", "[Développement]", "[produit]", "Produit, Design", "[]"],
  techno: ["[React, NodeJS]", "React, NodeJS", "[Python]"],
  contact: ["contact@example.gouv.fr", "not an email"],
  externalURL: ["https://example.org/job", "ftp://x"],
  friend: ["true", "Incubateur partenaire"],
  post_ouvert: ["2026-09-01"],
};

/** One front matter of `lines` entries, mostly in the simple subset, sometimes just outside it. */
export function frontMatter(rnd: () => number, goodRate = 0.6): string {
  const lines: string[] = [];
  const count = 1 + Math.floor(rnd() * 8);
  for (let i = 0; i < count; i++) {
    const key = rnd() < goodRate ? pick(Object.keys(GOOD), rnd) : pick(KEYS, rnd);
    const value = () => (GOOD[key] && rnd() < goodRate ? pick(GOOD[key]!, rnd) : pick(TRICKY_SCALARS, rnd));
    const roll = rnd();
    if (roll < 0.08) lines.push(`# ${pick(TRICKY_SCALARS, rnd)}`);
    if (roll < 0.6) lines.push(`${key}: ${value()}`);
    else if (roll < 0.7) lines.push(`${key}:`);
    else if (roll < 0.85) {
      const indent = pick(["", "  ", "  ", "    ", " "], rnd);
      lines.push(`${key}:`);
      const items = Math.floor(rnd() * 4);
      for (let j = 0; j < items; j++) lines.push(`${rnd() < 0.05 ? pick(["", " ", "   "], rnd) : indent}- ${value()}`);
    } else if (roll < 0.93) {
      const items = Array.from({ length: Math.floor(rnd() * 4) }, () => pick(TRICKY_SCALARS, rnd).replace(/^\[|\]$/g, ""));
      lines.push(`${key}: [${items.join(pick([", ", ",", " , "], rnd))}]`);
    } else {
      // Just outside the subset: indentation, tabs, trailing space, extra spaces, continuation lines.
      const odd = pick([` ${key}: ${value()}`, `${key}:\t${value()}`, `${key}: ${value()} `, `${key}:  ${value()}`, `${key}: ${value()}\n  more`, `${key}:\n  sub: 1`, `${key}: >\n  folded`, `"${key}": ${value()}`, `${key} : x`], rnd);
      lines.push(odd);
    }
  }
  return lines.join("\n");
}

