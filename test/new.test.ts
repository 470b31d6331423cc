// `posting new` in-process: scripted prompts (validation, re-asking, summary, Ctrl-C), flags and
// JSON for scripts, missing fields with closed stdin, hostile titles, no overwrite.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lintBytes } from "../src/core/lint/lint.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { Attempts, HOSTILE_TITLES, INTERRUPT, ScriptedPrompter, TODAY, listTree, makeProject, runNew } from "./helpers/new-helpers.js";
import { runCli } from "./helpers/cli.js";

const schema = loadSchema();
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

/** Clean for lint but for the template's placeholders, which the recruiter replaces. */
function expectLintsClean(path: string): void {
  expect(lintBytes(path, readFileSync(path), schema).filter((f) => f.code !== "TEMPLATE_PLACEHOLDER")).toEqual([]);
}

/** French output with its no-break spaces read as spaces (the assertions read better). */
const spaced = (text: string) => text.replace(/[\u00A0\u202F]/g, " ");

describe("interactive (scripted prompter)", () => {
  it("asks the required questions first, re-asks after a wrong answer, shows a summary and writes a clean file", async () => {
    const { root, jobs } = project();
    const prompter = new ScriptedPrompter({
      roles: new Attempts("", "Développeur·se full-stack"),
      startup: new Attempts("ma cantine", "ma-cantine-egalim"),
      open: true,
      date: new Attempts("31/02/2026", "2026-13-01", "05/06/2026"),
      optional: true,
      title: "Ma cantine recrute un·e développeur·se",
      contact: new Attempts("pas-un-mail", "contact@example.gouv.fr"),
      externalURL: new Attempts("ftp://x", ""),
      domaines: ["Développement", "Produit"],
      techno: "React, NodeJS, React",
      confirm: true,
    });
    const r = await runNew({}, root, { prompter });
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(prompter.asked.slice(0, 5).map((q) => q.name)).toEqual(["roles", "startup", "open", "date", "optional"]);
    const byName = Object.fromEntries(prompter.asked.map((q) => [q.name, q]));
    expect(byName.roles!.rejected).toEqual(["ce champ est obligatoire"]);
    // French reasons only: the schema's French pattern description, not its English one.
    expect(spaced(byName.startup!.rejected[0]!)).toBe("attendu : un identifiant de startup : lettres, chiffres, `.`, `_` ou `-`, sans espace (par exemple ma-cantine-egalim)");
    expect(byName.date!.rejected.map(spaced)).toEqual([
      "une date JJ/MM/AAAA ou AAAA-MM-JJ est attendue (31/02/2026, 2026-02-31 n'existe pas)",
      "une date JJ/MM/AAAA ou AAAA-MM-JJ est attendue (2026-13-01 n'existe pas)",
    ]);
    // Each answer is shown as kept once given: the date day first in ISO, Enter's default included.
    expect(byName.date!.shown).toBe("2026-06-05");
    expect(byName.open!.shown).toBe("oui");
    expect(byName.techno!.shown).toBe("React, NodeJS");
    expect(byName.contact!.rejected).toEqual(["une adresse e-mail est attendue, par exemple contact@example.gouv.fr"]);
    expect(byName.externalURL!.rejected[0]).toContain("https://");
    expect(byName.domaines!.kind).toBe("checkbox");
    expect(byName.open!.kind).toBe("confirm");
    expect(byName.roles!.help).toContain("postes recrutés");
    expect(byName.roles!.message).toBe("Poste(s) recherché(s) (obligatoire)");

    const file = join(jobs, "2026-06-05-ma-cantine-recrute-un-developpeur.md");
    expect(r.stdout).toContain("Récapitulatif");
    // French typography: a no-break space before the colon and the question mark.
    expect(r.stdout).toContain("  L'annonce est-elle ouverte\u202F?\u00A0: oui\n");
    expect(r.stdout).toContain("  Date de publication\u00A0: 2026-06-05\n");
    expect(r.stdout).toContain("Fichier\u00A0: site/content/_jobs/2026-06-05-ma-cantine-recrute-un-developpeur.md");
    expect(r.stdout).toContain("Créé site/content/_jobs/2026-06-05-ma-cantine-recrute-un-developpeur.md");
    expect(r.stdout).toContain("Sections à compléter\u00A0: Contexte, Mission, Profil recherché, Informations pratiques, Pour candidater\n");
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(/^---\ntitle: Ma cantine recrute un·e développeur·se\nroles: Développeur·se full-stack\nstartup: ma-cantine-egalim\nopen: true\ndate: 2026-06-05\n/);
    expect(text).toContain("techno:\n  - React\n  - NodeJS\n");
    expect(text).toContain("## Pour candidater");
    expectLintsClean(file);
  });

  it("speaks English with --lang en, template included", async () => {
    const { root, jobs } = project();
    const prompter = new ScriptedPrompter({ roles: "Product manager", startup: "", optional: false, confirm: true });
    const r = await runNew({ lang: "en" }, root, { prompter });
    expect(r.exitCode).toBe(0);
    expect(prompter.asked.find((q) => q.name === "roles")!.message).toBe("Role(s) being recruited (required)");
    const text = readFileSync(join(jobs, `${TODAY}-product-manager.md`), "utf8");
    expect(text).toContain("## How to apply");
    expect(text).toContain("date: 2026-05-04"); // today by default
    expect(text).not.toContain("startup:");
    expect(r.stdout).toContain("Created site/content/_jobs/2026-05-04-product-manager.md");
  });

  it("skips the questions the flags answer, and --yes skips optional ones and the confirmation", async () => {
    const { root } = project();
    const prompter = new ScriptedPrompter({});
    const r = await runNew({ roles: "Dev", open: true, yes: true }, root, { prompter });
    expect(r.exitCode).toBe(0);
    expect(prompter.asked).toEqual([]);
  });

  it.each(["roles", "startup", "open", "optional", "title", "domaines", "confirm"])("Ctrl-C at %s writes nothing and exits 130", async (at) => {
    const { root } = project();
    const prompter = new ScriptedPrompter({ roles: "Dev", startup: "x", open: true, optional: true, title: "T", domaines: [], [at]: INTERRUPT });
    const r = await runNew({}, root, { prompter });
    expect(r.exitCode).toBe(130);
    expect(spaced(r.stderr)).toContain("Interrompu : rien n'a été écrit.");
    expect(listTree(root)).toEqual(["posting.config.json"]);
  });

  it("declining the confirmation writes nothing", async () => {
    const { root } = project();
    const r = await runNew({ roles: "Dev", open: true }, root, { prompter: new ScriptedPrompter({ optional: false, confirm: false }) });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("Rien n'a été écrit.");
    expect(listTree(root)).toEqual(["posting.config.json"]);
  });

  it("tells about an existing file before asking for confirmation", async () => {
    const { root } = project();
    await runNew({ roles: "Dev", open: true, yes: true }, root);
    const prompter = new ScriptedPrompter({ optional: false });
    const r = await runNew({ roles: "Dev", open: true }, root, { prompter });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`site/content/_jobs/${TODAY}-dev.md existe déjà`);
    expect(prompter.asked.map((q) => q.name)).not.toContain("confirm");
  });
});

describe("a field with a reference (config references): chosen from the files there are", () => {
  function withStartups() {
    const p = project({ content: ["site/content/_jobs"], references: { startup: "site/content/_startups/{value}.md" } });
    const folder = join(p.root, "site", "content", "_startups");
    mkdirSync(folder, { recursive: true });
    for (const name of ["aides-jeunes", "mes-aides", "ma-cantine-egalim", "pas bon"]) writeFileSync(join(folder, `${name}.md`), "---\n---\n");
    return p;
  }

  it("offers the values the field accepts, narrows them as typed, and catches a near miss", async () => {
    const { root, jobs } = withStartups();
    const prompter = new ScriptedPrompter({ roles: "Dev", startup: "mes-aids", open: true, optional: false, confirm: true });
    const r = await runNew({ date: "2026-11-20" }, root, { prompter });
    expect(r.exitCode).toBe(0);
    const asked = prompter.asked.find((q) => q.name === "startup")!;
    expect(asked.kind).toBe("search");
    expect(asked.offered?.map(spaced)).toEqual(["mes-aides (vouliez-vous dire « mes-aides » ?)", "aucune (laisser vide)"]);
    expect(readFileSync(join(jobs, "2026-11-20-dev.md"), "utf8")).toContain("\nstartup: mes-aides\n");
  });

  it("lists them all before anything is typed (not the one the schema refuses), and says when nothing matches", async () => {
    const { root } = withStartups();
    const all = new ScriptedPrompter({ roles: "Dev", open: true, optional: false, confirm: false });
    await runNew({ date: "2026-11-20" }, root, { prompter: all });
    expect(all.asked.find((q) => q.name === "startup")!.offered).toEqual(["aides-jeunes", "ma-cantine-egalim", "mes-aides", "aucune (laisser vide)"]);
    const aides = new ScriptedPrompter({ roles: "Dev", startup: "AIDES", open: true, optional: false, confirm: false });
    await runNew({ date: "2026-11-20" }, root, { prompter: aides });
    expect(aides.asked.find((q) => q.name === "startup")!.offered).toEqual(["aides-jeunes", "mes-aides", "aucune (laisser vide)"]);
    const none = new ScriptedPrompter({ roles: "Dev", startup: "zzz", open: true, optional: false, confirm: false });
    const r = await runNew({ date: "2026-11-20", lang: "en" }, root, { prompter: none });
    expect(none.asked.find((q) => q.name === "startup")!.offered).toEqual(["none (leave empty)"]);
    expect(r.exitCode).toBe(0);
  });
});

const D = ["new", "--date", "2026-11-20"];

// Arguments → exit code, output and files written: the case table test/cases/new.cases.ts.
describe("non-interactive (stdin closed, not a TTY)", () => {
  it("without a content folder or --dir, says how to give one", async () => {
    const { root } = project({});
    const r = await runCli([...D, "--roles", "Dev", "--open"], root);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("passez --dir content/_jobs");
  });

  it("uses the config's template", async () => {
    const { root, jobs } = project({ content: ["site/content/_jobs"], template: "tpl/job.md" });
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(root, "tpl"));
    writeFileSync(join(root, "tpl", "job.md"), "# {{roles}}\r\n\r\nÀ {{startup|compléter}}.\r\n");
    const r = await runCli([...D, "--roles", "Dev", "--open"], root);
    expect(r.exitCode).toBe(0);
    expect(readFileSync(join(jobs, "2026-11-20-dev.md"), "utf8")).toBe("---\nroles: Dev\nopen: true\ndate: 2026-11-20\n---\n\n# Dev\n\nÀ compléter.\n");
  });

  it("never overwrites: exit 1 naming the file, unless --force", async () => {
    const { root, jobs } = project();
    expect((await runCli([...D, "--roles", "Dev", "--open"], root)).exitCode).toBe(0);
    const file = join(jobs, "2026-11-20-dev.md");
    writeFileSync(file, "edited by hand\n");
    const again = await runCli([...D, "--roles", "Dev", "--closed"], root);
    expect(again.exitCode).toBe(1);
    expect(spaced(again.stderr)).toBe("posting: site/content/_jobs/2026-11-20-dev.md existe déjà ; rien n'a été écrit (passez --force pour le remplacer, ou choisissez un autre titre ou une autre date)\n");
    expect((await runCli([...D, "--roles", "Dev", "--closed", "--lang", "en"], root)).stderr).toBe(
      "posting: site/content/_jobs/2026-11-20-dev.md already exists; nothing was written (pass --force to replace it, or choose another title or date)\n",
    );
    expect(readFileSync(file, "utf8")).toBe("edited by hand\n");
    const forced = await runCli([...D, "--roles", "Dev", "--closed", "--force"], root);
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("open: false");
    expect(readdirSync(jobs)).toEqual(["2026-11-20-dev.md"]);
  });
});

describe("write failures", () => {
  it("a folder where the file should go is a clear error (exit 2), not an internal one, even with --force", async () => {
    const { root, jobs } = project();
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(jobs, "2026-11-20-dev.md"), { recursive: true });
    const r = await runCli([...D, "--roles", "Dev", "--open", "--force"], root);
    expect(r.exitCode).toBe(2);
    expect(spaced(r.stderr)).toMatch(/^posting: impossible d'écrire site\/content\/_jobs\/2026-11-20-dev\.md : .*rien n'a été écrit\n$/);
    expect(r.stderr).not.toContain("internal error");
    expect(readdirSync(jobs)).toEqual(["2026-11-20-dev.md"]);
  });
});

describe("hostile titles stay inside the folder", () => {
  it.each(HOSTILE_TITLES.filter((t) => t.trim() !== ""))("%j", async (title) => {
    const { root, jobs } = project();
    const r = await runCli([...D, "--title", title, "--roles", "Dev", "--open"], root);
    expect(r.exitCode).toBe(0);
    const tree = listTree(root);
    expect(tree).toHaveLength(2);
    const written = tree.find((f) => f !== "posting.config.json")!;
    expect(written).toMatch(/^site\/content\/_jobs\/2026-11-20-[a-z0-9-]+\.md$/);
    expectLintsClean(join(root, written));
    expect(r.stdout).not.toMatch(/[\u0000\u001b\u202e]/);
  });
});
