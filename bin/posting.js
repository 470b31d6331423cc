#!/usr/bin/env node
// Thin launcher: all behaviour lives in the bundled CLI (dist/bundle, built by `npm run build`);
// only this file touches process.exitCode.
import { main } from "../dist/bundle/cli.js";

process.exitCode = await main();
