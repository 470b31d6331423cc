import { describe, expect, it } from "vitest";
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
