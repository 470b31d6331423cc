// src/reporters/paint.ts writes the reporters' colours as chalk (level 1) does; held here to chalk
// itself, for every style and chain, over texts with line breaks, CRLF, inner escape sequences
// (a style's own close inside the text) and none.
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { painter } from "../src/reporters/paint.js";

const STYLES = ["bold", "dim", "underline", "red", "green", "yellow"] as const;
const chalk = new Chalk({ level: 1 });

const TEXTS = [
  "",
  "plain",
  "two\nlines",
  "crlf\r\nline\r\n",
  "\n",
  "ends with a break\n",
  "a \u001B[22m bold close inside",
  "a \u001B[39m colour close and \u001B[24m an underline close\nover lines",
  "\u001B[31mred already\u001B[39m",
  "é, 💌, «»",
];

describe("painter", () => {
  it("paints every style and every chain of two as chalk does", () => {
    const c = painter(true);
    let checked = 0;
    for (const text of TEXTS) {
      for (const style of STYLES) {
        expect(c[style](text), `${style} ${JSON.stringify(text)}`).toBe(chalk[style](text));
        for (const next of STYLES) {
          expect(c[style][next](text), `${style}.${next} ${JSON.stringify(text)}`).toBe(chalk[style][next](text));
          checked++;
        }
      }
    }
    expect(checked).toBe(TEXTS.length * STYLES.length ** 2);
  });

  it("without colour returns the text as it is", () => {
    const c = painter(false);
    for (const text of TEXTS) for (const style of STYLES) expect(c[style].bold(text)).toBe(text);
    expect(new Chalk({ level: 0 }).red.bold("x")).toBe(painter(false).red.bold("x"));
  });
});
