#!/usr/bin/env node
// Entry point: runs the bundled CLI (npm run build writes dist/cli.mjs).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('assay: dist/cli.mjs is missing; run `npm run build` first.\n');
  process.exit(3);
}
await import(cli);
