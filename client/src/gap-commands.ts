// Commands on the coverage tree's items: open a gap, copy it, reveal its role or person.
import * as vscode from 'vscode';
import type { Range } from 'vscode-languageserver-types';
import type { Gap } from '../../server/src/shared/coverage';
import { OPEN_LOCATION_COMMAND } from '../../server/src/shared/protocol';
import type { CoverageNode } from './coverage-tree';
import { OPEN_GAP_COMMAND } from './coverage-tree';
import { findDefinition } from './definitions';
import { describeLocation, openAt, resolveFile, toRange } from './locations';
import type { Log } from './log';

export function registerGapCommands(log: Log): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(OPEN_GAP_COMMAND, (gap: Gap) => openGap(gap)),
    vscode.commands.registerCommand(OPEN_LOCATION_COMMAND, (file: string, range: Range) =>
      openAt(resolveFile(file), toRange(range), vscode.ViewColumn.One),
    ),
    vscode.commands.registerCommand('competencyLens.copyGap', (node?: CoverageNode) =>
      copyGap(node),
    ),
    vscode.commands.registerCommand('competencyLens.revealRole', (node?: CoverageNode) =>
      revealId('role', roleOf(node), log),
    ),
    vscode.commands.registerCommand('competencyLens.revealPerson', (node?: CoverageNode) =>
      revealId('person', personOf(node), log),
    ),
  ];
}

export function openGap(gap: Gap): Promise<vscode.TextEditor> {
  return openAt(resolveFile(gap.file), toRange(gap.range));
}

/** Formats a gap as one line of plain text: code, message and `file:line`. */
export function formatGap(gap: Gap): string {
  const where = describeLocation(resolveFile(gap.file), toRange(gap.range));
  return `${gap.code}: ${gap.message} (${where})`;
}

async function copyGap(node: CoverageNode | undefined): Promise<void> {
  if (node?.type !== 'gap') {
    return;
  }
  await vscode.env.clipboard.writeText(formatGap(node.gap));
}

function roleOf(node: CoverageNode | undefined): string | undefined {
  switch (node?.type) {
    case 'role':
      return node.role;
    case 'person':
      return node.role;
    case 'gap':
      return node.gap.roles[0];
    default:
      return undefined;
  }
}

function personOf(node: CoverageNode | undefined): string | undefined {
  switch (node?.type) {
    case 'person':
      return node.person;
    case 'gap':
      return node.gap.people[0];
    default:
      return undefined;
  }
}

async function revealId(
  kind: 'role' | 'person',
  id: string | undefined,
  log: Log,
): Promise<vscode.TextEditor | undefined> {
  if (id === undefined) {
    return undefined;
  }
  const location = await findDefinition(id);
  if (!location) {
    log.warn(`No definition found for ${kind} '${id}'`);
    void vscode.window.showWarningMessage(
      `No document in the workspace defines the ${kind} '${id}'.`,
    );
    return undefined;
  }
  return openAt(location.uri, location.range);
}
