// `posting new` as users run it: the built binary, in a pseudo-terminal (under `script`) answering
// the questions, and with standard input closed, where it must exit at once instead of waiting.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { lintBytes } from "../src/core/lint/lint.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { listTree, makeProject } from "./helpers/new-helpers.js";
import { runInPty } from "./helpers/pty.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "posting.js");
const schema = loadSchema();
const hasScript = spawnSync("script", ["--version"]).status === 0;

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
function project(config?: Record<string, unknown>) {
  const p = makeProject(config);
  cleanups.push(p.cleanup);
  return p;
}

beforeAll(() => {
  // `npm test` builds first; build here too when running vitest alone on a fresh clone.
  if (!existsSync(join(ROOT, "dist", "commands", "new.js"))) {
    spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT });
  }
});

describe("closed standard input", () => {
  it("exits 2 at once with the missing fields instead of waiting", () => {
    const { root } = project();
    const r = spawnSync(process.execPath, [BIN, "new", "--title", "x"], { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^posting: champs obligatoires manquants\s: roles \(.*\), open \(/);
    expect(listTree(root)).toEqual(["posting.config.json"]);
  });

  it("writes from flags alone", () => {
    const { root, jobs } = project();
    const r = spawnSync(process.execPath, [BIN, "new", "--roles", "Dev", "--open", "--date", "2026-11-20"], { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(readdirSync(jobs)).toEqual(["2026-11-20-dev.md"]);
  });
});

describe("in a pseudo-terminal", () => {
  // Required, as ruby is for psych.test.ts: util-linux's `script` (Debian's essential bsdutils).
  beforeAll(() => {
    if (!hasScript) throw new Error("the pseudo-terminal tests need util-linux's `script` (apt-get install bsdutils)");
  });

  it("asks the questions, re-asks after a wrong answer, and writes a file that lints clean", async () => {
    const { root, jobs } = project();
    const r = await runInPty(`node ${BIN} new --date 2026-11-20`, {
      cwd: root,
      steps: [
        { expect: "Poste(s) recherché(s) (obligatoire)", send: "Développeur·se full-stack\r" },
        { expect: "Identifiant de la startup", send: "ma cantine\r" },
        { expect: /attendu\s+:\s+un\s+identifiant\s+de\s+startup/, send: "\u0015ma-cantine-egalim\r" }, // Ctrl-U clears the line
        { expect: "L'annonce est-elle ouverte", send: "\r" },
        { expect: "Renseigner aussi les champs facultatifs", send: "oui\r" },
        { expect: "Titre de l'annonce", send: "Ma cantine recrute\r" },
        { expect: "Type de contrat", send: "CDD 3 ans\r" },
        { expect: "Ouvert aux profils juniors", send: "non\r" },
        { expect: "Domaines", send: " \u001b[B\u001b[B \r" }, // tick the first and the third
        { expect: "Technologies", send: "React, NodeJS\r" },
        { expect: "E-mail de contact", send: "pas-un-mail\r" },
        { expect: "une adresse e-mail est attendue", send: "\u0015contact@example.gouv.fr\r" },
        { expect: "Lien vers l'annonce externe", send: "\r" },
        { expect: "Créer ce fichier", send: "\r" },
      ],
    });
    expect(r.exitCode).toBe(0);
    expect(r.screen).toContain("Récapitulatif");
    expect(r.screen).toMatch(/Fichier\s: site\/content\/_jobs\/2026-11-20-ma-cantine-recrute\.md/);
    expect(r.screen).toContain("Créé site/content/_jobs/2026-11-20-ma-cantine-recrute.md");
    const file = join(jobs, "2026-11-20-ma-cantine-recrute.md");
    const text = readFileSync(file, "utf8");
    expect(text.slice(0, text.indexOf("\n---\n") + 5)).toBe(
      [
        "---",
        "title: Ma cantine recrute",
        "roles: Développeur·se full-stack",
        "startup: ma-cantine-egalim",
        "open: true",
        "date: 2026-11-20",
        "contrat: CDD 3 ans",
        "junior: false",
        "domaines:",
        "  - Développement",
        "  - Produit",
        "techno:",
        "  - React",
        "  - NodeJS",
        "contact: contact@example.gouv.fr",
        "---",
        "",
      ].join("\n"),
    );
    expect(lintBytes(file, readFileSync(file), schema).filter((f) => f.code !== "TEMPLATE_PLACEHOLDER")).toEqual([]);
  });

  it("in French: the startups of the config to choose from, a near miss caught, dates day first, every answer shown", async () => {
    const { root, jobs } = project({ content: ["site/content/_jobs"], references: { startup: "site/content/_startups/{value}.md" } });
    mkdirSync(join(root, "site", "content", "_startups"), { recursive: true });
    for (const name of ["aides-jeunes", "ma-cantine-egalim", "mes-aides"]) writeFileSync(join(root, "site", "content", "_startups", `${name}.md`), `---\ntitle: ${name}\n---\n`);
    const r = await runInPty(`node ${BIN} new`, {
      cwd: root,
      steps: [
        { expect: "Poste(s) recherché(s) (obligatoire)", send: "Chargé·e de déploiement\r" },
        // The startups there are, to choose from; then what was typed narrows them.
        { expect: /❯ aides-jeunes\s+ma-cantine-egalim\s+mes-aides\s+aucune \(laisser vide\)\s+↑↓ naviguer • entrée choisir/, send: "mes-aids" },
        { expect: /❯ mes-aides \(vouliez-vous dire «\smes-aides\s»\s\?\)/, send: "\r" },
        { expect: /✔ Identifiant de la startup mes-aides\n/, send: "" },
        { expect: "L'annonce est-elle ouverte", send: "\r" },
        { expect: /✔ L'annonce est-elle ouverte\s\? \(O\/n\) oui/, send: "" },
        { expect: "Date de publication", send: "05/06/2026\r" },
        { expect: "✔ Date de publication 2026-06-05", send: "" },
        { expect: "Renseigner aussi les champs facultatifs", send: "oui\r" },
        { expect: "Titre de l'annonce", send: "\r" },
        { expect: "✔ Titre de l'annonce (vide)", send: "" },
        { expect: "Type de contrat", send: "\r" },
        { expect: "Ouvert aux profils juniors", send: "\r" },
        { expect: /✔ Ouvert aux profils juniors\s\? \(o\/N\) non/, send: "" },
        { expect: "espace cocher • a tout • i inverser • entrée valider", send: "\r" },
        { expect: "Technologies", send: "\r" },
        { expect: "E-mail de contact", send: "\r" },
        { expect: "Lien vers l'annonce externe", send: "\r" },
        { expect: /Créer ce fichier\s\?/, send: "\r" },
      ],
    });
    expect(r.exitCode).toBe(0);
    const screen = r.screen.replace(/[\u00A0\u202F]/g, " ");
    expect(screen).toContain("  Identifiant de la startup : mes-aides\n");
    expect(screen).toContain("  L'annonce est-elle ouverte ? : oui\n");
    expect(screen).toContain("Sections à compléter : Contexte, Mission, Profil recherché, Informations pratiques, Pour candidater\n");
    // No English word on a French screen (inquirer's own tips and messages included).
    expect(screen).not.toMatch(/\b(?:space|select|submit|navigate|No results|required|expected|Press|invert|all)\b/);
    const file = join(jobs, "2026-06-05-charge-de-deploiement.md");
    expect(readFileSync(file, "utf8")).toMatch(/^---\nroles: Chargé·e de déploiement\nstartup: mes-aides\nopen: true\ndate: 2026-06-05\n/);
    // A fresh posting still holds the template's placeholders: lint says so, and nothing else.
    expect([...new Set(lintBytes(file, readFileSync(file), schema).map((f) => f.code))]).toEqual(["TEMPLATE_PLACEHOLDER"]);
  });

  it("Ctrl-C writes nothing and exits 130", async () => {
    const { root } = project();
    const r = await runInPty(`node ${BIN} new --lang en`, {
      cwd: root,
      steps: [
        { expect: "Role(s) being recruited (required)", send: "Dev\r" },
        { expect: "Startup id", send: "\u0003" },
      ],
    });
    expect(r.exitCode).toBe(130);
    expect(r.screen).toContain("Interrupted: nothing was written.");
    expect(listTree(root)).toEqual(["posting.config.json"]);
  });
});
