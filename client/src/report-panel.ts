// The coverage report in a webview beside the editor. The server renders the HTML with
// command links to `competencyLens.openLocation`. The only script handles any other relative
// link (`path#L12`): it posts the link to the extension, which opens the file there.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OPEN_LOCATION_COMMAND, ReportRequest } from '../../server/src/shared/protocol';
import type { CoverageStore } from './coverage-store';
import { openAt, resolveFile } from './locations';
import type { Log } from './log';

export const REPORT_VIEW_TYPE = 'competencyLens.report';

interface OpenLinkMessage {
  type: 'open';
  href: string;
}

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly client: LanguageClient,
    store: CoverageStore,
    private readonly log: Log,
  ) {
    // A visible report follows the workspace, as the tree view does.
    this.subscription = store.onDidChange(() => {
      if (this.panel?.visible) {
        void this.render(this.panel);
      }
    });
  }

  /** The open report panel, if any. */
  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Opens the report beside the editor, or reveals and re-renders the one already open. */
  async show(): Promise<vscode.WebviewPanel> {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside);
    } else {
      this.panel = this.createPanel();
    }
    await this.render(this.panel);
    return this.panel;
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      REPORT_VIEW_TYPE,
      'Competency Coverage Report',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      {
        enableScripts: true,
        enableCommandUris: [OPEN_LOCATION_COMMAND],
        localResourceRoots: [],
        retainContextWhenHidden: false,
      },
    );
    panel.onDidDispose(() => {
      this.panel = undefined;
    });
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (isOpenLinkMessage(message)) {
        void openRelativeLink(message.href).catch((error: unknown) =>
          this.log.error(`Opening the report link ${message.href} failed`, error),
        );
      }
    });
    return panel;
  }

  private async render(panel: vscode.WebviewPanel): Promise<void> {
    try {
      const { content } = await this.client.sendRequest(ReportRequest.type, {
        format: 'html',
        forWebview: true,
      });
      panel.webview.html = withContentSecurityPolicy(content, panel.webview.cspSource);
    } catch (error) {
      this.log.error('Report request failed', error);
      panel.webview.html = withContentSecurityPolicy(
        '<!DOCTYPE html><html><head></head><body><p>The coverage report could not be ' +
          'created. See the "Competency Lens" output for the error.</p></body></html>',
        panel.webview.cspSource,
      );
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}

/**
 * Adds a strict Content-Security-Policy and the link handler to the server's HTML: no
 * remote resources, inline styles only, and one script allowed by its nonce.
 */
export function withContentSecurityPolicy(html: string, cspSource: string): string {
  const nonce = randomBytes(16).toString('base64');
  const policy = [
    "default-src 'none'",
    `style-src ${cspSource} 'unsafe-inline'`,
    `img-src ${cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const head =
    `<meta http-equiv="Content-Security-Policy" content="${policy}">` +
    `<script nonce="${nonce}">${LINK_HANDLER}</script>`;
  const headTag = /<head[^>]*>/i.exec(html);
  if (!headTag) {
    return `<!DOCTYPE html><html><head>${head}</head><body>${html}</body></html>`;
  }
  const insertAt = headTag.index + headTag[0].length;
  return html.slice(0, insertAt) + head + html.slice(insertAt);
}

/** Posts clicks on relative links to the extension. Command and `#` links keep their default. */
const LINK_HANDLER = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  const href = link ? link.getAttribute('href') : null;
  if (!href || href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return;
  event.preventDefault();
  vscode.postMessage({ type: 'open', href });
});`;

function isOpenLinkMessage(message: unknown): message is OpenLinkMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'open' &&
    typeof (message as { href?: unknown }).href === 'string'
  );
}

/** Opens a workspace-relative `path#L<line>` link at that 1-based line. */
async function openRelativeLink(href: string): Promise<void> {
  const [encodedPath = '', fragment = ''] = href.split('#', 2);
  const line = /^L(\d+)/.exec(fragment);
  const position = new vscode.Position(line ? Math.max(Number(line[1]) - 1, 0) : 0, 0);
  await openAt(
    resolveFile(decodeURIComponent(encodedPath)),
    new vscode.Range(position, position),
    vscode.ViewColumn.One,
  );
}
