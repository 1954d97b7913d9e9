// Finds where a role or person id is defined, for the tree's "Reveal Role" and "Reveal
// Person" actions. The coverage result names ids but not their definitions, so this scans
// the workspace for a use of the id and queries the language server's definition provider.
import * as vscode from 'vscode';
import { WATCHED_FILES } from './language-client';

/** How many uses of an id are offered to the definition provider before giving up. */
const MAX_CANDIDATES = 20;

export async function findDefinition(id: string): Promise<vscode.Location | undefined> {
  const uses = await findUses(id);
  for (const use of uses.slice(0, MAX_CANDIDATES)) {
    const definitions = await vscode.commands.executeCommand<
      (vscode.Location | vscode.LocationLink)[] | undefined
    >('vscode.executeDefinitionProvider', use.uri, use.range.start);
    const first = definitions?.[0];
    if (first) {
      return 'targetUri' in first
        ? new vscode.Location(first.targetUri, first.targetSelectionRange ?? first.targetRange)
        : first;
    }
  }
  // NOTE: without a definition from the server, an `id:` line is the best remaining guess.
  return uses.find((use) => use.isIdKey) ?? uses[0];
}

interface Use extends vscode.Location {
  /** True when the id is the value of an `id:` key, as in the document that defines it. */
  isIdKey: boolean;
}

async function findUses(id: string): Promise<Use[]> {
  const files = await vscode.workspace.findFiles(WATCHED_FILES, '**/{node_modules,.git}/**');
  files.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  const pattern = new RegExp(`(?<![\\w-])${escapeRegExp(id)}(?![\\w-])`, 'g');
  const uses: Use[] = [];
  for (const uri of files) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const lines = text.split(/\r?\n/);
    lines.forEach((line, lineNumber) => {
      for (const match of line.matchAll(pattern)) {
        const start = new vscode.Position(lineNumber, match.index);
        const range = new vscode.Range(start, start.translate(0, id.length));
        const isIdKey = /^\s*(?:-\s*)?id:\s*['"]?$/.test(line.slice(0, match.index));
        uses.push(Object.assign(new vscode.Location(uri, range), { isIdKey }));
      }
    });
  }
  // Uses on `id:` lines come first: they are most likely the definition itself.
  return uses.sort((a, b) => Number(b.isIdKey) - Number(a.isIdKey));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
