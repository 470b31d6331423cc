// Colour for reporters: the few 16-colour styles they use, written as chalk writes them at its
// level 1 (test/paint.test.ts holds every style and chain to chalk's output). Written here rather
// than by chalk, whose set-up (every style of every colour model) was a millisecond of every
// run, with colour or not; without colour a painter returns the text as it is.

const SGR = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
} as const;

type Style = keyof typeof SGR;
type Paint = (text: string) => string;
/** A style, and the style chained after it (`c.red.bold`). */
export type Painter = Record<Style, Paint & Record<Style, Paint>>;

interface Styler {
  open: string;
  close: string;
  openAll: string;
  closeAll: string;
  parent?: Styler;
}

const painters: [Painter | undefined, Painter | undefined] = [undefined, undefined];

/** The painter of a reporter: colours when `color`, plain text otherwise. */
export function painter(color: boolean | undefined): Painter {
  const level = color ? 1 : 0;
  return (painters[level] ??= makePainter(level === 1));
}

function makePainter(colour: boolean): Painter {
  const stylerOf = (style: Style, parent?: Styler): Styler => {
    const [open, close] = SGR[style].map((code) => `\u001B[${code}m`) as [string, string];
    return parent ? { open, close, openAll: parent.openAll + open, closeAll: close + parent.closeAll, parent } : { open, close, openAll: open, closeAll: close };
  };
  const paint = (styler: Styler): Paint => (colour ? (text) => applyStyle(styler, text) : (text) => text);
  const styles = Object.keys(SGR) as Style[];
  const painter = {} as Record<Style, Paint & Record<Style, Paint>>;
  for (const style of styles) {
    const styler = stylerOf(style);
    painter[style] = Object.assign(paint(styler), Object.fromEntries(styles.map((next) => [next, paint(stylerOf(next, styler))])) as Record<Style, Paint>);
  }
  return painter;
}

/** chalk's applyStyle: an inner style's close is followed by this style's open again, and each line is closed and re-opened. */
function applyStyle(styler: Styler, text: string): string {
  if (!text) return text;
  let string = text;
  if (string.includes("\u001B")) {
    for (let s: Styler | undefined = styler; s !== undefined; s = s.parent) string = string.replaceAll(s.close, s.close + s.open);
  }
  const lf = string.indexOf("\n");
  if (lf !== -1) string = encaseLines(string, styler.closeAll, styler.openAll, lf);
  return styler.openAll + string + styler.closeAll;
}

/** chalk's stringEncaseCRLFWithFirstIndex: `close` before each line break (and its CR), `open` after. */
function encaseLines(string: string, close: string, open: string, first: number): string {
  let end = 0;
  let out = "";
  let index = first;
  do {
    const cr = string[index - 1] === "\r";
    out += string.slice(end, cr ? index - 1 : index) + close + (cr ? "\r\n" : "\n") + open;
    end = index + 1;
    index = string.indexOf("\n", end);
  } while (index !== -1);
  return out + string.slice(end);
}
