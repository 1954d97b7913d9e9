// Takes the README's screenshots in the real workbench (VS Code server + headless Chromium,
// see vscode-host/host.mjs) on a copy of examples/: docs/images/tree-view.png with the
// coverage view open and one gap opened in the editor, and docs/images/report.png with the
// report webview. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createRunDir,
  forwardConsole,
  launchBrowser,
  repoRoot,
  startEditorServer,
  workbenchUrl,
} from './vscode-host/host.mjs';

const AUDIT_DATE = '2026-11-15';
const STEP_TIMEOUT_MS = 60_000;
const imagesDir = path.join(repoRoot, 'docs', 'images');
const log = (message) => process.stdout.write(`[screenshots] ${message}\n`);

execFileSync('bash', [path.join(repoRoot, 'scripts', 'setup-editor.sh')], { stdio: 'inherit' });

/** Runs a command from the command palette (F1) by its title. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(`>${title}`);
  // Click the matching row: Enter would run the first row, which may be a recent command.
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: STEP_TIMEOUT_MS });
  await row.click();
}

/** Resolves with the webview frame whose document has an element matching `selector`. */
async function waitForWebviewFrame(page, selector) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (
        frame !== page.mainFrame() &&
        (await frame
          .locator(selector)
          .count()
          .catch(() => 0)) > 0
      ) {
        return frame;
      }
    }
    // Each webview loads into a new frame; wait for the next navigation and look again.
    await page.waitForEvent('framenavigated', { timeout: 2_000 }).catch(() => {});
  }
  throw new Error(`No webview showed ${selector} within ${STEP_TIMEOUT_MS} ms.`);
}

async function main() {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'competency-lens-screenshots-'));
  fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
  fs.mkdirSync(path.join(workspace, '.vscode'));
  fs.writeFileSync(
    path.join(workspace, '.vscode', 'settings.json'),
    JSON.stringify(
      {
        'competencyLens.today': AUDIT_DATE,
        'competencyLens.report.documentId': 'SEC-REP-004',
        'competencyLens.report.productName': 'DoseWise',
        'workbench.colorTheme': 'Default Dark Modern',
        'window.commandCenter': false,
        'chat.disableAIFeatures': true,
      },
      null,
      2,
    ) + '\n',
  );
  fs.mkdirSync(imagesDir, { recursive: true });

  const runDir = createRunDir('screenshots');
  let server;
  let browser;
  let page;
  try {
    server = await startEditorServer(runDir, { log });
    browser = await launchBrowser(runDir, { viewport: { width: 1440, height: 860 }, log });
    page = browser.pages()[0] ?? (await browser.newPage());
    if (process.env.COMPETENCY_LENS_HOST_LOG) {
      forwardConsole(page);
    }
    await page.goto(
      workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: repoRoot }),
    );
    await page.locator('.monaco-workbench').waitFor({ timeout: STEP_TIMEOUT_MS });
    // The command palette lists only the commands known when it opens, so wait until the
    // extension shows its status bar item.
    await page
      .locator('.statusbar-item', { hasText: 'covered' })
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    // The secondary side bar (chat) is open in a fresh profile; the toggle hides it.
    await runCommand(page, 'View: Toggle Secondary Side Bar Visibility');

    await runCommand(page, 'Competency Lens: Show Competency Coverage');
    const view = page.locator('.pane', { hasText: 'Competency Coverage' });
    const rows = view.locator('.monaco-list-row');
    await rows.nth(5).waitFor({ timeout: STEP_TIMEOUT_MS });
    // Widen the side bar, expand the first role group and its first person, then open the
    // first error gap there. Obligations without gaps have no twistie, so they never match.
    const sideBar = await page.locator('.part.sidebar').boundingBox();
    if (sideBar) {
      const edge = { x: sideBar.x + sideBar.width + 2, y: sideBar.y + sideBar.height / 2 };
      await page.mouse.move(edge.x, edge.y);
      await page.mouse.down();
      await page.mouse.move(560, edge.y, { steps: 5 });
      await page.mouse.up();
    }
    await view.locator('.monaco-list-row[aria-level="2"][aria-expanded="false"]').first().click();
    const person = view.locator('.monaco-list-row[aria-level="3"][aria-expanded="false"]').first();
    await person.waitFor({ timeout: STEP_TIMEOUT_MS });
    await person.click();
    const gap = view
      .locator('.monaco-list-row:not([aria-expanded])', { has: page.locator('.codicon-error') })
      .first();
    await gap.click();
    await page
      .locator('.editor-instance .monaco-editor')
      .first()
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    await page
      .locator('.squiggly-error, .squiggly-warning')
      .first()
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.screenshot({ path: path.join(imagesDir, 'tree-view.png') });
    log('wrote docs/images/tree-view.png');

    // The report gets the room of the side bar; the gap's file stays open beside it.
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await runCommand(page, 'Competency Lens: Show Coverage Report');
    const report = await waitForWebviewFrame(page, 'h1');
    await report.locator('table').first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.screenshot({ path: path.join(imagesDir, 'report.png') });
    log('wrote docs/images/report.png');
  } catch (error) {
    // Keep what the page showed when a step failed, with the server log, for inspection.
    await page?.screenshot({ path: path.join(runDir, 'failure.png') }).catch(() => {});
    log(`kept ${runDir} (failure.png, server.log) for inspection`);
    throw error;
  } finally {
    await browser?.close().catch(() => {});
    server?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  fs.rmSync(runDir, { recursive: true, force: true });
}

try {
  await main();
} catch (error) {
  process.stderr.write(`[screenshots] ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
}
