// Floor: read every *.md file under the given folders with Node, and do nothing else.
import { readFileSync } from "node:fs";
import { markdownFiles } from "./common.mjs";

let files = 0;
let bytes = 0;
for (const path of markdownFiles(process.argv.slice(2))) {
  bytes += readFileSync(path).length;
  files++;
}
console.log(`${files} files, ${bytes} bytes`);
