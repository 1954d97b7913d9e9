#!/usr/bin/env node
// Runs the CLI: the tsc output in a repository checkout, else the esbuild bundle that a
// package ships.
const fs = require('node:fs');
const path = require('node:path');

const compiled = path.join(__dirname, '..', 'server', 'out', 'cli.js');
const bundled = path.join(__dirname, '..', 'dist', 'cli.js');
const entry = [compiled, bundled].find((candidate) => fs.existsSync(candidate));
if (entry === undefined) {
  process.stderr.write('competency-lens: not built yet; run "npm run build" first.\n');
  process.exit(2);
}
process.exitCode = require(entry).main(process.argv.slice(2));
