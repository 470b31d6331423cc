// Tests must not speak the developer's language (issue 17: the locale picks it): a locale
// variable that names one posting speaks is replaced by C.UTF-8 (still UTF-8 for terminals), so
// every run, in-process or child, is English unless the test asks for a language.
import { langOfLocale } from "../src/core/messages/lang.js";

for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
  if (langOfLocale(process.env[name]) !== undefined) process.env[name] = "C.UTF-8";
}
