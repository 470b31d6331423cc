// Shared by the list tests: a small RFC 4180 reader (the CLI runner is test/helpers/cli.ts).
/** RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold anything with "" for ". */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
      i++;
    } else if (ch === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else if (ch === '"' || ch === "\n" || ch === "\r") {
      throw new Error(`not RFC 4180: bare ${JSON.stringify(ch)} at offset ${i}`);
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || row.length > 0) throw new Error("not RFC 4180: the last record does not end with CRLF");
  return rows;
}
