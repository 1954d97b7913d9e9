#!/usr/bin/env node
// Runs the bundled CLI when it exists (installed package), else the tsc output (repository).
const fs = require('node:fs');
const path = require('node:path');

const bundled = path.join(__dirname, '..', 'dist', 'cli.js');
const compiled = path.join(__dirname, '..', 'server', 'out', 'cli.js');
const entry = fs.existsSync(bundled) ? bundled : compiled;
if (!fs.existsSync(entry)) {
  process.stderr.write('competency-lens: not built yet; run "npm run build" first.\n');
  process.exit(2);
}
process.exitCode = require(entry).main(process.argv.slice(2));
