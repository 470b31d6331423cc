import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureBuilt, ROOT, runCli, spawnBin } from "./helpers/cli.js";
import { catalogFor, langOfEnv, langOfLocale, resolveLang } from "../src/core/messages/lang.js";

describe("the language posting speaks", () => {
  it.each([
    ["fr_FR.UTF-8", "fr"],
    ["fr", "fr"],
    ["fr-CA", "fr"],
    ["en_GB.UTF-8", "en"],
    ["C.UTF-8", undefined],
    ["POSIX", undefined],
    ["de_DE.UTF-8", undefined],
    ["french", undefined],
    ["", undefined],
  ])("locale %j names %j", (locale, lang) => {
    expect(langOfLocale(locale)).toBe(lang);
  });

  it("reads LC_ALL before LC_MESSAGES before LANG, and the first one set decides", () => {
    expect(langOfEnv({ LANG: "fr_FR.UTF-8" })).toBe("fr");
    expect(langOfEnv({ LC_MESSAGES: "en_US.UTF-8", LANG: "fr_FR.UTF-8" })).toBe("en");
    expect(langOfEnv({ LC_ALL: "fr_FR.UTF-8", LC_MESSAGES: "en_US.UTF-8" })).toBe("fr");
    // LC_ALL=C set: gettext speaks no translation, whatever LANG says.
    expect(langOfEnv({ LC_ALL: "C", LANG: "fr_FR.UTF-8" })).toBeUndefined();
    expect(langOfEnv({})).toBeUndefined();
  });

  it("weighs --lang over the config over the locale over the command's fallback", () => {
    const env = { LANG: "en_US.UTF-8" };
    expect(resolveLang({ flag: "fr", config: "en", env, fallback: "en" })).toBe("fr");
    expect(resolveLang({ config: "fr", env, fallback: "en" })).toBe("fr");
    expect(resolveLang({ env, fallback: "fr" })).toBe("en");
    expect(resolveLang({ env: { LANG: "C.UTF-8" }, fallback: "fr" })).toBe("fr");
    expect(resolveLang({ flag: "xx", env: {}, fallback: "en" })).toBe("en");
  });

  it("has a catalog for every language", () => {
    expect(catalogFor("en").lang).toBe("en");
    expect(catalogFor("fr").lang).toBe("fr");
  });
});

describe("the language of a run, end to end", () => {
  const project = join(ROOT, "fixtures", "cli", "lang-fr");
  const FRENCH = /`open` doit être true ou false, trouvé\u00a0: le texte «\u00a0oui\u00a0»/;
  const ENGLISH = /`open` must be true or false, found the text "oui"/;

  it('a config with "lang": "fr" gives French findings and summary', async () => {
    const r = await runCli(["lint"], project);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(FRENCH);
    expect(r.stdout).toMatch(/✖ 2 problèmes \(2 erreurs, 0 avertissement\) dans 1 fichier vérifié/);
  });

  it("--lang en wins over the config's French, and over a French locale", async () => {
    expect((await runCli(["lint", "--lang", "en"], project)).stdout).toMatch(ENGLISH);
    const elsewhere = join(ROOT, "fixtures", "cli", "lang-fr", "content", "_jobs");
    expect((await runCli(["lint", "--lang", "en"], elsewhere, { env: { LANG: "fr_FR.UTF-8" } })).stdout).toMatch(ENGLISH);
  });

  it("LANG=fr_FR.UTF-8 gives French; no locale (or C) gives English", async () => {
    const alone = join(ROOT, "fixtures", "lint", "schema-type");
    expect((await runCli(["lint", "."], alone, { env: { LANG: "fr_FR.UTF-8" } })).stdout).toMatch(/doit être true ou false/);
    expect((await runCli(["lint", "."], alone, { env: { LC_ALL: "C", LANG: "fr_FR.UTF-8" } })).stdout).toMatch(/must be true or false/);
    expect((await runCli(["lint", "."], alone)).stdout).toMatch(/must be true or false/);
  });

  it("the help and commander's errors follow the config's language, read before parsing", async () => {
    const help = await runCli(["lint", "--help"], project);
    expect(help.stdout).toMatch(/^Utilisation\u00a0: posting lint/);
    expect(help.stdout).toContain("vérifier les annonces d'après le schéma");
    const bad = await runCli(["lint", "--bogus"], project);
    expect([bad.exitCode, bad.stderr]).toEqual([2, "posting: option inconnue --bogus\n"]);
    expect((await runCli(["lint", "--bogus", "--lang", "en"], project)).stderr).toBe("posting: unknown option '--bogus'\n");
  });

  it("a child process does not inherit the developer's locale (spawnBin)", () => {
    ensureBuilt();
    const alone = join(ROOT, "fixtures", "lint", "schema-type");
    expect(spawnBin(["lint", "."], alone).stdout).toMatch(/must be true or false/);
    expect(spawnBin(["lint", "."], alone, { env: { LANG: "fr_FR.UTF-8" } }).stdout).toMatch(/doit être true ou false/);
  });
});
