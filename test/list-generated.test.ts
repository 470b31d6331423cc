// Every filter on a few thousand generated postings (seeded) returns exactly the set an
// independent reading of the generator's own model says it should.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildQuery } from "../src/core/list/list-query.js";
import type { ListQueryInput, Posting } from "../src/core/list/list-query.js";
import { readPostings, selectPostings } from "../src/core/list/list.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { runCli } from "./helpers/cli.js";
import { mulberry32 } from "../bench/generate.mjs";

const COUNT = 3000;
const STARTUPS = ["ma-cantine-egalim", "aides-jeunes", "pass-culture", "mon-suivi-justice", "domifa"];
const DOMAINES = ["Développement", "Déploiement", "Produit", "Design", "Animation", "Autre"];
const TECHNO = ["React", "Vue.js", "Python", "Django", "NodeJS", "Ruby on Rails", "PostgreSQL"];
const CONTRATS = ["indépendant", "CDI", "CDD 18 mois", "stage"];
const WORDS = ["développeur·se", "Déploiement", "intrapreneur", "Données", "Sécurité", "accessibilité", "santé", "écologie"];

/** What the generator wrote, kept apart from anything the tool reads back. */
interface Model {
  file: string;
  startup?: string;
  open: "true" | "false" | "yes" | "no" | undefined;
  /** The posting date: front matter date if written, else the file name's. */
  day?: string;
  /** The posting date as written (a date-time when the front matter has one). */
  dateText?: string;
  domaines?: string[];
  techno?: string[] | string;
  contrat?: string;
  title?: string;
  roles: string;
  body: string;
}


const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
const pad = (n: number) => String(n).padStart(2, "0");

function generate(seed: number): { models: Model[]; files: Map<string, string> } {
  const rnd = mulberry32(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const randomDay = () => `${2023 + Math.floor(rnd() * 4)}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
  const models: Model[] = [];
  const files = new Map<string, string>();
  for (let i = 0; i < COUNT; i++) {
    const lines: string[] = [];
    const r = rnd();
    const model: Model = { file: "", open: undefined, roles: `${pick(WORDS)} ${pick(WORDS)}`, body: "" };
    if (r < 0.85) {
      const id = pick(STARTUPS);
      model.startup = rnd() < 0.1 ? id.toUpperCase() : id;
      lines.push(`startup: ${model.startup}`);
    }
    model.open = pick(["true", "true", "true", "false", "false", "false", "yes", "no", undefined] as const);
    if (model.open !== undefined) lines.push(`open: ${model.open}`);
    const dateMode = rnd();
    const nameDay = randomDay();
    let prefix = "";
    if (dateMode < 0.4) {
      const day = randomDay();
      model.day = day;
      model.dateText = rnd() < 0.3 ? `${day}T${pad(Math.floor(rnd() * 24))}:15:00Z` : day;
      lines.push(`date: ${model.dateText}`);
      if (rnd() < 0.5) prefix = `${nameDay}-`; // the front matter date wins over the name's
    } else if (dateMode < 0.85) {
      model.day = nameDay;
      model.dateText = nameDay;
      prefix = `${nameDay}-`;
    }
    if (rnd() < 0.8) {
      model.domaines = DOMAINES.filter(() => rnd() < 0.3);
      lines.push(`domaines: ${JSON.stringify(model.domaines)}`);
    }
    const t = rnd();
    if (t < 0.5) {
      model.techno = TECHNO.filter(() => rnd() < 0.3);
      lines.push(`techno: ${JSON.stringify(model.techno)}`);
    } else if (t < 0.75) {
      model.techno = TECHNO.filter(() => rnd() < 0.3).join(", ");
      lines.push(`techno: ${JSON.stringify(model.techno)}`);
    }
    if (rnd() < 0.8) {
      model.contrat = pick(CONTRATS);
      lines.push(`contrat: ${JSON.stringify(model.contrat)}`);
    }
    if (rnd() < 0.7) {
      model.title = `Recrutement ${pick(WORDS)} et ${pick(WORDS)}`;
      lines.push(`title: ${JSON.stringify(model.title)}`);
    }
    lines.push(`roles: ${JSON.stringify(model.roles)}`);
    model.body = `Une mission autour de ${pick(WORDS)}.\n`;
    model.file = `${prefix}poste-${String(i).padStart(4, "0")}.md`;
    files.set(model.file, `---\n${lines.join("\n")}\n---\n\n${model.body}`);
    models.push(model);
  }
  return { models, files };
}

const isOpen = (m: Model) => m.open === "true" || m.open === "yes";
// techno is a list field: a comma text counts item by item, as normalize would split it.
const technoList = (m: Model) => (m.techno === undefined ? [] : typeof m.techno === "string" ? m.techno.split(", ").filter(Boolean) : m.techno);

interface GeneratedCase {
  name: string;
  input: ListQueryInput;
  expected: (m: Model) => boolean;
}

const NOW = new Date(2026, 5, 15, 12, 0); // 2026-06-15
const daysBefore = (day: string) => (Date.UTC(2026, 5, 15) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;

const CASES: GeneratedCase[] = [
  { name: "--open", input: { open: true }, expected: isOpen },
  { name: "--closed", input: { closed: true }, expected: (m) => !isOpen(m) },
  { name: "--startup (case-insensitive)", input: { startup: ["Aides-Jeunes"] }, expected: (m) => m.startup?.toLowerCase() === "aides-jeunes" },
  { name: "--startup twice", input: { startup: ["domifa", "pass-culture"] }, expected: (m) => ["domifa", "pass-culture"].includes(m.startup?.toLowerCase() ?? "") },
  { name: "domaines=Design", input: { where: ["domaines=Design"] }, expected: (m) => (m.domaines ?? []).includes("Design") },
  { name: "domaines!=Design", input: { where: ["domaines!=Design"] }, expected: (m) => !(m.domaines ?? []).includes("Design") },
  { name: "domaines~deploi", input: { where: ["domaines~deploi"] }, expected: (m) => (m.domaines ?? []).some((d) => fold(d).includes("deploi")) },
  { name: "techno~REACT (list or text)", input: { where: ["techno~REACT"] }, expected: (m) => technoList(m).some((t) => fold(t).includes("react")) },
  { name: "techno=Python (exact element)", input: { where: ["techno=Python"] }, expected: (m) => technoList(m).includes("Python") },
  { name: "contrat= (missing)", input: { where: ["contrat="] }, expected: (m) => m.contrat === undefined },
  { name: "contrat!=CDI", input: { where: ["contrat!=CDI"] }, expected: (m) => m.contrat !== "CDI" },
  { name: "contrat~independant", input: { where: ["contrat~independant"] }, expected: (m) => m.contrat === "indépendant" },
  { name: "title~donnees", input: { where: ["title~donnees"] }, expected: (m) => m.title !== undefined && fold(m.title).includes("donnees") },
  { name: "date>=2025-06-01", input: { where: ["date>=2025-06-01"] }, expected: (m) => m.day !== undefined && m.day >= "2025-06-01" },
  { name: "date<2024-01-01", input: { where: ["date<2024-01-01"] }, expected: (m) => m.day !== undefined && m.day < "2024-01-01" },
  { name: "date=2025-03-14", input: { where: ["date=2025-03-14"] }, expected: (m) => m.day === "2025-03-14" },
  { name: "--since/--until", input: { since: "2024-02-01", until: "2024-08-31" }, expected: (m) => m.day !== undefined && m.day >= "2024-02-01" && m.day <= "2024-08-31" },
  { name: "--search securite", input: { search: "SECURITE" }, expected: (m) => [m.title ?? "", m.roles, m.body].some((t) => fold(t).includes("securite")) },
  { name: "--stale 200", input: { stale: 200, now: NOW }, expected: (m) => isOpen(m) && m.day !== undefined && daysBefore(m.day) > 200 },
  {
    name: "open + startup + since + where",
    input: { open: true, startup: ["ma-cantine-egalim"], since: "2025-01-01", where: ["domaines!=Autre"] },
    expected: (m) => isOpen(m) && m.startup?.toLowerCase() === "ma-cantine-egalim" && m.day !== undefined && m.day >= "2025-01-01" && !(m.domaines ?? []).includes("Autre"),
  },
];

describe(`list on ${COUNT} generated postings`, () => {
  let dir: string;
  let models: Model[];
  let postings: Posting[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "posting-list-generated-"));
    const generated = generate(20261122);
    models = generated.models;
    await Promise.all([...generated.files].map(([name, text]) => writeFile(join(dir, name), text)));
    const read = await readPostings(["."], { cwd: dir, schema: loadSchema() });
    expect(read.unreadable).toEqual([]);
    postings = read.postings;
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads every posting", () => {
    expect(postings).toHaveLength(COUNT);
  });

  for (const c of CASES) {
    it(`${c.name} returns exactly the expected set`, () => {
      const expected = models.filter(c.expected).map((m) => m.file).sort();
      const got = selectPostings(postings, buildQuery(c.input, loadSchema())).postings.map((p) => p.file).sort();
      expect(expected.length).toBeGreaterThan(0); // a filter that matches nothing proves little
      expect(expected.length).toBeLessThan(COUNT);
      expect(got).toEqual(expected);
    });
  }

  it("--sort -date,startup orders by date descending, then startup, undated last", () => {
    const sorted = selectPostings(postings, buildQuery({ sort: "-date,startup" })).postings;
    const byFile = new Map(models.map((m) => [m.file, m]));
    const rows = sorted.map((p) => byFile.get(p.file)!);
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      const pair = `${a.file} then ${b.file}`;
      if (a.dateText === undefined) expect(b.dateText, pair).toBeUndefined();
      else if (b.dateText !== undefined) {
        expect(a.dateText >= b.dateText, pair).toBe(true);
        if (a.dateText === b.dateText && a.startup && b.startup) expect(a.startup.toLowerCase() <= b.startup.toLowerCase(), pair).toBe(true);
        if (a.dateText === b.dateText && !a.startup) expect(b.startup, pair).toBeUndefined();
      }
    }
  });

  it("JSON and NDJSON, written a posting at a time, are what JSON.stringify prints for them all", async () => {
    const json = await runCli(["list", ".", "--format", "json", "--sort", "file"], dir);
    const records = JSON.parse(json.stdout) as unknown[];
    expect(records).toHaveLength(COUNT);
    expect(json.stdout).toBe(`${JSON.stringify(records, null, 2)}\n`);
    const ndjson = await runCli(["list", ".", "--format", "ndjson", "--sort", "file"], dir);
    expect(ndjson.stdout).toBe(records.map((r) => `${JSON.stringify(r)}\n`).join(""));
    const none = await runCli(["list", ".", "--format", "json", "--where", "startup=nothing-has-this"], dir);
    expect(none.stdout).toBe("[]\n");
  });

  it("the CLI counts the same", async () => {
    for (const [args, c] of [
      [["--open"], CASES[0]!],
      [["--where", "techno~REACT"], CASES[7]!],
      [["--since", "2024-02-01", "--until", "2024-08-31"], CASES[16]!],
    ] as const) {
      const result = await runCli(["list", ".", "--count", ...args], dir);
      expect(result.exitCode).toBe(0);
      expect(Number(result.stdout)).toBe(models.filter(c.expected).length);
    }
  });
});
