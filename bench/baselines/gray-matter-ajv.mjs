// Baseline: the script one would write by hand: gray-matter for the front matter, ajv (with
// ajv-formats and the jekyll-date format) for the schema, one file after the other. gray-matter's
// js/javascript/coffee engines are disabled (they evaluate code), which also turns off its
// unbounded cache of every input.
import { readFileSync } from "node:fs";
import matter from "gray-matter";
import { bundledValidator, datesAsText, markdownFiles } from "./common.mjs";

const validate = await bundledValidator();
const refuse = () => {
  throw new Error("code in front matter is not evaluated");
};
const options = { engines: { js: refuse, javascript: refuse, coffee: refuse } };

let files = 0;
let problems = 0;
for (const path of markdownFiles(process.argv.slice(2))) {
  files++;
  try {
    const { data } = matter(readFileSync(path, "utf8"), options);
    if (!validate(datesAsText(data))) problems += validate.errors.length;
  } catch {
    problems++;
  }
}
console.log(`${files} files, ${problems} problems`);
process.exitCode = problems > 0 ? 1 : 0;
