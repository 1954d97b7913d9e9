// The coverage tree view, the status bar item and the gap commands, run in a real extension
// host on a copy of the example QMS with the real language server. The suites import only
// types and `locations` from the extension's sources: its other modules load the server's
// shared sources, which exist only inside the bundle.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Gap } from '../../../server/src/shared/coverage';
import type { CoverageNode, GapNode, RoleNode } from '../coverage-tree';
import type { CompetencyLensApi } from '../extension';
import { resolveFile, toRange } from '../locations';
import { activateExtension, coverageWithGaps, waitFor } from './helpers';

/** Gap codes the example QMS is written to produce, one deliberate mistake each. */
const EXAMPLE_GAP_CODES = [
  'unknown-reference',
  'training-expired',
  'awareness-only',
  'assessment-missing',
  'tester-not-independent',
  'role-unassigned',
];

function findNode<T extends CoverageNode>(
  api: CompetencyLensApi,
  accept: (node: CoverageNode) => node is T,
  parent?: CoverageNode,
): T | undefined {
  for (const child of api.tree.getChildren(parent)) {
    if (accept(child)) {
      return child;
    }
    const found = findNode(api, accept, child);
    if (found) {
      return found;
    }
  }
  return undefined;
}

suite('coverage view', () => {
  let api: CompetencyLensApi;

  suiteSetup(async () => {
    api = await activateExtension();
    await coverageWithGaps(api);
  });

  test('tree lists every gap once', () => {
    const treeGaps = api.tree.collectGaps();
    assert.equal(treeGaps.length, api.coverage.result?.gaps.length);
  });

  test('tree shows the example mistakes', () => {
    const codes = api.tree
      .collectGaps()
      .map((gap) => gap.code)
      .sort();
    assert.deepEqual(codes, [...EXAMPLE_GAP_CODES].sort());
  });

  test('tree starts with the six obligations', () => {
    const ids = api.tree
      .getChildren()
      .map((node) => node.type === 'obligation' && node.obligation.id);
    assert.deepEqual(ids, [
      'training-needs-activity',
      'assessment-programs',
      'demonstrated-expertise',
      'role-descriptions',
      'training-profiles',
      'training-records',
    ]);
  });

  test('gap item opens file at range', async () => {
    const node = findNode(api, (child): child is GapNode => child.type === 'gap');
    assert.ok(node, 'the tree has no gap item');
    const item = api.tree.getTreeItem(node);
    assert.ok(item.command, 'the gap item has no command');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));

    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor is active after running the gap command');
    assert.equal(editor.document.uri.toString(), resolveFile(node.gap.file).toString());
    assert.ok(
      editor.selection.isEqual(toRange(node.gap.range)),
      `selection ${JSON.stringify(editor.selection)} is not ${JSON.stringify(node.gap.range)}`,
    );
  });

  test('status bar shows covered count', () => {
    const summary = api.coverage.result?.summary;
    assert.ok(summary, 'no coverage result');
    assert.ok(summary.people > 0, 'the example has no people');
    assert.equal(
      api.statusBarItem.text,
      `$(shield) ${summary.peopleFullyCovered}/${summary.people} covered`,
    );
  });

  test('copy gap writes code and location', async () => {
    const node = findNode(api, (child): child is GapNode => child.type === 'gap');
    assert.ok(node, 'the tree has no gap item');
    await vscode.commands.executeCommand('competencyLens.copyGap', node);
    const text = await vscode.env.clipboard.readText();
    const path = vscode.workspace.asRelativePath(resolveFile(node.gap.file), false);
    assert.ok(text.startsWith(`${node.gap.code}: ${node.gap.message}`), text);
    assert.ok(text.endsWith(`(${path}:${node.gap.range.start.line + 1})`), text);
  });

  test('reveal role opens its definition', async () => {
    const node = findNode(api, (child): child is RoleNode => child.type === 'role');
    assert.ok(node, 'the tree has no role group');
    await vscode.commands.executeCommand('competencyLens.revealRole', node);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor is active after revealing the role');
    const line = editor.document.lineAt(editor.selection.start.line).text;
    assert.ok(line.includes(node.role), `line '${line}' does not name role '${node.role}'`);
  });

  test('diagnostics appear for opened file', async () => {
    const gap = api.coverage.result?.gaps.find((candidate) => candidate.severity === 'error');
    assert.ok(gap, 'the example has no error gap');
    const uri = resolveFile(gap.file);
    const published = waitFor(
      vscode.languages.onDidChangeDiagnostics,
      () => vscode.languages.getDiagnostics(uri).length > 0,
      `diagnostics for ${uri.toString()}`,
    );
    await vscode.window.showTextDocument(uri);
    if (vscode.languages.getDiagnostics(uri).length === 0) {
      await published;
    }
    const codes = vscode.languages
      .getDiagnostics(uri)
      .map((diagnostic) => diagnosticCode(diagnostic));
    assert.ok(codes.includes(gap.code), `diagnostic codes ${codes.join(', ')} lack ${gap.code}`);
  });

  test('tree follows an edit', async () => {
    const gap = api.coverage.result?.gaps.find(
      (candidate) => candidate.code === 'unknown-reference' && candidate.suggestions?.length,
    );
    assert.ok(gap, 'the example has no unknown reference with a suggestion');
    const suggestion = gap.suggestions?.[0] ?? '';
    const uri = resolveFile(gap.file);
    const document = await vscode.workspace.openTextDocument(uri);
    const range = document.getWordRangeAtPosition(toRange(gap.range).start, /[\w-]+/);
    assert.ok(range, 'no id at the gap range');

    const fixed = waitFor(
      api.tree.onDidChangeTreeData,
      () => !api.tree.collectGaps().some((candidate) => sameGap(candidate, gap)),
      'the tree without the fixed gap',
    );
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, range, suggestion);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
    await fixed;
    assert.ok(!api.tree.collectGaps().some((candidate) => sameGap(candidate, gap)));
  });
});

function sameGap(a: Gap, b: Gap): boolean {
  return a.code === b.code && a.file === b.file && a.range.start.line === b.range.start.line;
}

function diagnosticCode(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}
