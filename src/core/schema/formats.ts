// The formats the schemas may use, as ajv sees them. The build-time validator (src/generated)
// calls these very objects, so runtime and precompiled validation agree.
import { fullFormats } from "ajv-formats/dist/formats.js";
import { isJekyllDate } from "../read/dates.js";

export const JEKYLL_DATE_FORMAT = { type: "string", validate: isJekyllDate } as const;

/**
 * ajv-formats' email pattern with its letters spelled in both cases instead of the /i flag: the
 * same strings match (a pattern without the u flag folds no other character to an ASCII letter;
 * test/formats.test.ts holds the two together), and V8 builds no case-folding table for it
 * when a posting's email is first checked (a third of a millisecond of a one-file lint).
 */
export const EMAIL_FORMAT = new RegExp((fullFormats.email as RegExp).source.replaceAll("a-z0-9", "a-zA-Z0-9"));

/** ajv-formats' full set (what `addFormats(ajv)` registers, email written as above) plus `jekyll-date`. */
export const SCHEMA_FORMATS: Record<string, unknown> = { ...fullFormats, email: EMAIL_FORMAT, "jekyll-date": JEKYLL_DATE_FORMAT };
