#!/usr/bin/env node
// Stands in for the VS Code executable that `@vscode/test-electron`'s `runTests` starts.
// It maps `--extensionDevelopmentPath=`, `--extensionTestsPath=` and the folder argument
// onto the VS Code server and headless Chromium (see host.mjs). It prints the test output
// and exits with the code the test run reports. Other VS Code flags are ignored.
import * as fs from 'node:fs';
import {
  createRunDir,
  forwardConsole,
  launchBrowser,
  startEditorServer,
  workbenchUrl,
} from './host.mjs';

const RUN_TIMEOUT_MS = Number(process.env.COMPETENCY_LENS_TEST_TIMEOUT_MS ?? 300_000);

function parseArguments(argv) {
  const options = {
    folder: undefined,
    extensionDevelopmentPath: undefined,
    extensionTestsPath: undefined,
  };
  for (const argument of argv) {
    const flag = /^--(extensionDevelopmentPath|extensionTestsPath)=(.*)$/.exec(argument);
    if (flag) {
      options[flag[1]] = flag[2];
    } else if (!argument.startsWith('-')) {
      options.folder = argument;
    }
  }
  if (!options.folder || !options.extensionDevelopmentPath || !options.extensionTestsPath) {
    throw new Error(
      'Usage: code.mjs FOLDER --extensionDevelopmentPath=DIR --extensionTestsPath=FILE',
    );
  }
  return options;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const runDir = createRunDir('test');
  const log = (message) => process.stdout.write(`[vscode-host] ${message}\n`);
  let server;
  let browser;
  const cleanUp = async () => {
    await browser?.close().catch(() => {});
    server?.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      void cleanUp().then(() => process.exit(130));
    });
  }

  let exitCode = 1;
  try {
    server = await startEditorServer(runDir, { log });
    browser = await launchBrowser(runDir, { log });
    const page = browser.pages()[0] ?? (await browser.newPage());
    forwardConsole(page);
    const finished = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => {
        log(`the test run did not finish within ${RUN_TIMEOUT_MS} ms`);
        resolve(1);
      }, RUN_TIMEOUT_MS);
    });
    const url = workbenchUrl({ port: server.port, ...options });
    log(`opening ${url}`);
    await page.goto(url);
    exitCode = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
  } catch (error) {
    process.stderr.write(`[vscode-host] ${error instanceof Error ? error.message : error}\n`);
    exitCode = 1;
  } finally {
    await cleanUp();
  }
  if (exitCode === 0) {
    fs.rmSync(runDir, { recursive: true, force: true });
  } else {
    log(`kept ${runDir} (server.log) for inspection`);
  }
  process.exit(exitCode);
}

await main();
