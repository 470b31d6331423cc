// Colour for reporters: one chalk instance per colour level, made on first use. chalk builds a
// style's function the first time an instance is asked for it and keeps it on that instance, so
// a new instance per file (10,000 files with findings) rebuilt every style for every file.
import { Chalk } from "chalk";
import type { ChalkInstance } from "chalk";

const painters: [ChalkInstance | undefined, ChalkInstance | undefined] = [undefined, undefined];

/** The chalk of a reporter: colours when `color`, plain text otherwise. */
export function painter(color: boolean | undefined): ChalkInstance {
  const level = color ? 1 : 0;
  return (painters[level] ??= new Chalk({ level }));
}
