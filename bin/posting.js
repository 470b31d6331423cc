#!/usr/bin/env node
// Thin launcher: all behaviour lives in the built CLI; only this file touches process.exitCode.
import { main } from "../dist/cli.js";

process.exitCode = await main();
