// Floor: read every *.md file under the given folders with Node, and do nothing else.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

let files = 0;
let bytes = 0;
const pending = process.argv.slice(2);
while (pending.length > 0) {
  const dir = pending.pop();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) pending.push(path);
    else if (entry.name.endsWith(".md")) {
      bytes += readFileSync(path).length;
      files++;
    }
  }
}
console.log(`${files} files, ${bytes} bytes`);
