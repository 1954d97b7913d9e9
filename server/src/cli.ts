// `competency-lens`: the check and the coverage report for CI, on the same engine as the
// language server.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError, USAGE, parseCommandLine, type Command } from './cli/args';
import { runCheck, runReport } from './cli/commands';
import { InputError } from './cli/load';

/** Runs one command line; returns the exit status: 0 clean, 1 errors found, 2 usage or I/O. */
export function main(argv: string[]): number {
  let command: Command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`competency-lens: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  try {
    switch (command.name) {
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      case 'version':
        process.stdout.write(`${packageVersion()}\n`);
        return 0;
      case 'check':
        return runCheck(command, packageVersion());
      case 'report':
        return runReport(command);
    }
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`competency-lens: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function packageVersion(): string {
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'package.json');
    if (fs.existsSync(candidate)) {
      const manifest = JSON.parse(fs.readFileSync(candidate, 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'competency-lens') return manifest.version ?? '0.0.0';
    }
    if (path.dirname(folder) === folder) return '0.0.0';
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
