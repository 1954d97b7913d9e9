// "Create Starter Competency Documents": copies the extension's `templates/` folder into a
// folder the user picks, keeping the relative paths and never overwriting an existing file.
import * as vscode from 'vscode';
import type { Log } from './log';

export interface StarterResult {
  written: vscode.Uri[];
  skipped: vscode.Uri[];
}

/** Asks for a target folder, then writes the starter set there. */
export async function createStarterDocuments(
  extensionUri: vscode.Uri,
  log: Log,
): Promise<StarterResult | undefined> {
  const folders = await vscode.window.showOpenDialog({
    title: 'Create Starter Competency Documents',
    openLabel: 'Create Here',
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    ...(vscode.workspace.workspaceFolders?.[0]
      ? { defaultUri: vscode.workspace.workspaceFolders[0].uri }
      : {}),
  });
  const target = folders?.[0];
  if (!target) {
    return undefined;
  }
  const result = await writeStarterDocuments(
    vscode.Uri.joinPath(extensionUri, 'templates'),
    target,
  );
  log.info(
    `Starter documents in ${target.toString()}: ${result.written.length} written, ` +
      `${result.skipped.length} left as they were`,
  );
  const skippedNote =
    result.skipped.length > 0
      ? ` ${result.skipped.length} existing files were left unchanged.`
      : '';
  void vscode.window.showInformationMessage(
    `Created ${result.written.length} starter competency documents.${skippedNote}`,
  );
  const first = result.written.find((uri) => uri.path.endsWith('.yaml'));
  if (first) {
    await vscode.window.showTextDocument(first);
  }
  return result;
}

/** Copies every file under `source` into `target`, skipping files that already exist there. */
export async function writeStarterDocuments(
  source: vscode.Uri,
  target: vscode.Uri,
): Promise<StarterResult> {
  const result: StarterResult = { written: [], skipped: [] };
  for (const relativePath of await listFiles(source, '')) {
    const destination = vscode.Uri.joinPath(target, relativePath);
    if (await exists(destination)) {
      result.skipped.push(destination);
      continue;
    }
    const content = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(source, relativePath));
    // writeFile creates the missing parent folders.
    await vscode.workspace.fs.writeFile(destination, content);
    result.written.push(destination);
  }
  return result;
}

async function listFiles(root: vscode.Uri, relativeFolder: string): Promise<string[]> {
  const entries = await vscode.workspace.fs.readDirectory(
    vscode.Uri.joinPath(root, relativeFolder),
  );
  const files: string[] = [];
  for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    const relativePath = relativeFolder === '' ? name : `${relativeFolder}/${name}`;
    if (type === vscode.FileType.Directory) {
      files.push(...(await listFiles(root, relativePath)));
    } else if (type === vscode.FileType.File) {
      files.push(relativePath);
    }
  }
  return files;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
      return false;
    }
    throw error;
  }
}
