// The formats the schemas may use, as ajv sees them. The build-time validator (src/generated)
// calls these very objects, so runtime and precompiled validation agree.
import { fullFormats } from "ajv-formats/dist/formats.js";
import { isJekyllDate } from "../read/dates.js";

export const JEKYLL_DATE_FORMAT = { type: "string", validate: isJekyllDate } as const;

/** ajv-formats' full set (what `addFormats(ajv)` registers) plus `jekyll-date`. */
export const SCHEMA_FORMATS: Record<string, unknown> = { ...fullFormats, "jekyll-date": JEKYLL_DATE_FORMAT };
