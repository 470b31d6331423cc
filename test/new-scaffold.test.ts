// The core of `posting new`: slugs and file names that cannot leave their folder, the
// no-overwrite write, the body template, and the promise that every combination of answers
// gives a posting that lints clean.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseText } from "../src/core/scaffold/answers.js";
import { renderFrontMatter } from "../src/core/normalize/canonical.js";
import { lintBytes } from "../src/core/lint/lint.js";
import {
  FileExistsError,
  bundledTemplatePath,
  outputFolder,
  postingFileName,
  postingText,
  readTemplate,
  renderBody,
  safeJoin,
  scaffold,
  slugify,
  SLUG_MAX_LENGTH,
  writeNewFile,
} from "../src/core/scaffold/scaffold.js";
import type { Lang } from "../src/core/scaffold/scaffold.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { HOSTILE_TITLES } from "./helpers/new-helpers.js";
import { wordFindings } from "../src/core/messages/word.js";

const schema = loadSchema();
const TODAY = "2026-05-04";


describe("slugify", () => {
  it.each([
    ["Développeur·se full-stack", "developpeur-full-stack"],
    ["Chargé·e de déploiement", "charge-de-deploiement"],
    ["Œuvre & Cœur : l'Été", "oeuvre-coeur-l-ete"],
    ["  Straße  ", "strasse"],
    ["ÉQUIPE--Produit__2026", "equipe-produit-2026"],
    ["CON", "con-posting"],
    ["com1", "com1-posting"],
    ["..", ""],
    ["🙂", ""],
  ])("%j -> %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  // Inclusive writing: the ending after a word is dropped, in every form it is written; words that
  // only look like one (`Node.js`, `e-commerce`, `front-end`) are kept.
  it.each([
    ["Un·e développeur·se front-end", "un-developpeur-front-end"],
    ["Chargé·e·s de mission", "charge-de-mission"],
    ["Ingénieur•e DevOps", "ingenieur-devops"],
    ["Directeur·rice technique", "directeur-technique"],
    ["chargé.e de projet", "charge-de-projet"],
    ["Directeur.rice technique", "directeur-technique"],
    ["Développeur(se) Node.js", "developpeur-node-js"],
    ["Poste(s) recherché(s)", "poste-recherche"],
    ["un-e développeur-se", "un-developpeur"],
    ["Responsable e-commerce", "responsable-e-commerce"],
    ["Socket.io et Vue.js", "socket-io-et-vue-js"],
    ["Chef·fe de projet", "chef-de-projet"],
    ["Adresse e-mail", "adresse-e-mail"],
    ["CHARGÉ·E", "charge"],
    ["·e", "e"],
  ])("inclusive %j -> %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("is bounded and ends on a whole word when it can", () => {
    const slug = slugify("développement ".repeat(20));
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toMatch(/^developpement(-developpement)*$/);
    expect(slugify("a".repeat(200))).toBe("a".repeat(SLUG_MAX_LENGTH));
  });

  it.each(HOSTILE_TITLES)("hostile %j gives only [a-z0-9-]", (title) => {
    expect(slugify(title)).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
  });
});

describe("postingFileName and safeJoin", () => {
  it("names the file from the date and the title, else the roles, else a fallback", () => {
    expect(postingFileName({ title: "Dev", roles: "X", date: "2026-11-20T10:00:00Z" }, TODAY)).toBe("2026-11-20-dev.md");
    expect(postingFileName({ title: "...", roles: "Chargé·e" }, TODAY)).toBe("2026-05-04-charge.md");
    expect(postingFileName({ roles: "🙂" }, TODAY)).toBe("2026-05-04-posting.md");
    expect(postingFileName({ roles: "x", date: "not a date" }, TODAY)).toBe("2026-05-04-x.md");
  });

  it.each(HOSTILE_TITLES)("the file for title %j stays in its folder", (title) => {
    const folder = resolve("/srv/site/_jobs");
    const path = safeJoin(folder, postingFileName({ title, roles: "Dev" }, TODAY));
    expect(dirname(path)).toBe(folder);
    expect(path.slice(folder.length + 1)).toMatch(/^2026-05-04-[a-z0-9-]+\.md$/);
  });

  it.each(["../x.md", "/abs.md", "2026-05-04-a/../../b.md", "2026-05-04-.md", "2026-05-04-a\\b.md", "2026-05-04-a.md\u0000", "x.md"])("refuses the name %j", (name) => {
    expect(() => safeJoin("/srv/site", name)).toThrow(/refusing/);
  });

  it("takes --dir, else the fixed part of the first content entry", () => {
    expect(outputFolder("/p", "out", ["/p/a"])).toBe(resolve("/p/out"));
    expect(outputFolder("/p", undefined, ["/p/content/_jobs", "/p/b"])).toBe(resolve("/p/content/_jobs"));
    expect(outputFolder("/p", undefined, ["/p/content/_jobs/**/*.md"])).toBe(resolve("/p/content/_jobs"));
    expect(outputFolder("/p", undefined, [])).toBeUndefined();
  });
});

describe("writeNewFile", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "posting-write-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes, refuses to overwrite, and leaves no temp file behind", async () => {
    const path = join(dir, "a", "2026-05-04-x.md");
    await writeNewFile(path, "one");
    await expect(writeNewFile(path, "two")).rejects.toBeInstanceOf(FileExistsError);
    expect(readFileSync(path, "utf8")).toBe("one");
    await writeNewFile(path, "three", { overwrite: true });
    expect(readFileSync(path, "utf8")).toBe("three");
    expect(readdirSync(dirname(path))).toEqual(["2026-05-04-x.md"]);
  });

  it("lets exactly one of several concurrent writers win", async () => {
    const path = join(dir, "race.md");
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => writeNewFile(path, `writer ${i}`)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof FileExistsError)).toHaveLength(7);
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("never writes through an existing symlink, even a dangling one", async () => {
    const outside = join(dir, "outside.txt");
    const path = join(dir, "2026-05-04-link.md");
    symlinkSync(outside, path);
    await expect(writeNewFile(path, "x")).rejects.toBeInstanceOf(FileExistsError);
    expect(existsSync(outside)).toBe(false);
  });
});

describe("body template", () => {
  it.each(["fr", "en"] as Lang[])("the bundled %s template has the usual sections", async (lang) => {
    const template = await readTemplate(bundledTemplatePath(lang));
    const sections = lang === "fr" ? ["Contexte", "Mission", "Profil recherché", "Informations pratiques", "Pour candidater"] : ["Context", "Mission", "Profile", "Practical details", "How to apply"];
    for (const s of sections) expect(template).toContain(`## ${s}`);
  });

  it("fills placeholders, with fallbacks for missing answers, and never lets a value add lines", () => {
    const body = renderBody("A {{roles}} B {{contrat|[contrat]}} C {{ techno }} D {{nope}}.\n", { roles: "Dev\nops", techno: ["React", "Vue"] });
    expect(body).toBe("\nA Dev ops B [contrat] C React, Vue D .\n");
  });

  it("reads templates as UTF-8 with LF endings and no BOM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "posting-tpl-"));
    const file = join(dir, "t.md");
    writeFileSync(file, "\uFEFF# T\r\nline\r\n");
    expect(await readTemplate(file)).toBe("# T\nline\n");
    rmSync(dir, { recursive: true, force: true });
  });
});

// Each prompted field's answers: ordinary ones and awkward ones for YAML (YAML 1.1 booleans, dates,
// `: ` and `#`, quotes, flow indicators). `undefined` (question skipped) is added for optional ones.
const ANSWERS: Record<string, string[]> = {
  title: ["Ma cantine recrute", "yes", "2026-01-01", "a: b # c", "'quoted' \"text\"", "../../etc/x", "[x], {y}"],
  roles: ["Développeur·se full-stack", "- dash", "null", "@dev *star &amp", "No"],
  startup: ["ma-cantine-egalim", "a.b_c"],
  open: ["oui", "non", "false"],
  date: ["2028-02-29T10:00:00Z", "24/06/2026", "2026-05-04"],
  contrat: ["CDD 3 ans", "on", "12"],
  junior: ["true", "non"],
  domaines: ["dev", "Développement, Produit, ux, autres"],
  techno: ["React", "React, NodeJS, C#, :x", "yes, no"],
  contact: ["contact@example.gouv.fr"],
  externalURL: ["https://www.welcometothejungle.com/fr/jobs/dev?x=1#a"],
};

/**
 * Every combination of answered and skipped questions (2^optional fields), each answered field
 * taking its variants in turn, so every variant meets every presence pattern of the others.
 */
function* combinations(): Generator<Record<string, string>> {
  const keys = Object.keys(ANSWERS);
  const optional = keys.filter((k) => !schema.required.includes(k));
  for (let mask = 0; mask < 2 ** optional.length; mask++) {
    for (let turn = 0; turn < 2; turn++) {
      const combo: Record<string, string> = {};
      keys.forEach((key, i) => {
        const bit = optional.indexOf(key);
        if (bit !== -1 && (mask & (2 ** bit)) === 0) return;
        const variants = ANSWERS[key]!;
        combo[key] = variants[(mask + turn * 3 + i) % variants.length]!;
      });
      yield combo;
    }
  }
}

describe("every combination of answers lints clean", () => {
  it.each(["fr", "en"] as Lang[])("in %s, with zero errors and zero warnings", async (lang) => {
    const template = await readTemplate(bundledTemplatePath(lang));
    const seen = new Set<string>();
    const failures: string[] = [];
    for (const combo of combinations()) {
      const answers: Record<string, unknown> = {};
      for (const [key, text] of Object.entries(combo)) {
        // A slash date reads day first in French only; in English it is typed ISO.
        const typed = lang === "en" ? text.replace(/^(\d{2})\/(\d{2})\/(\d{4})$/, "$3-$2-$1") : text;
        const parsed = parseText(schema.fieldsByKey.get(key)!, typed, schema, lang);
        if (!parsed.ok) throw new Error(`${key}=${text}: ${parsed.reason}`);
        answers[key] = parsed.value;
        seen.add(`${key}=${text}`);
      }
      const result = scaffold(answers, schema, template, TODAY);
      const text = postingText(renderFrontMatter(result.data, schema), result.body);
      // The template's placeholders are the recruiter's to fill (TEMPLATE_PLACEHOLDER); nothing else is found.
      const findings = lintBytes(result.fileName, Buffer.from(text), schema).filter((f) => f.code !== "TEMPLATE_PLACEHOLDER");
      if (findings.length > 0) failures.push(`${JSON.stringify(combo)}: ${wordFindings(findings).map((f) => `${f.code} ${f.message}`).join("; ")}`);
      expect(result.fileName).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/);
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // Every variant of every field was tried.
    expect(seen.size).toBe(Object.values(ANSWERS).reduce((n, v) => n + v.length, 0));
  });
});
