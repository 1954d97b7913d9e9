// The "Competency Coverage" tree: the six obligations of clause 4.1.4, each with its gaps
// grouped by the role they concern, then by the person, with severity icons and counts.
import * as vscode from 'vscode';
import type {
  CoverageResult,
  Gap,
  ObligationSummary,
  Severity,
  Verdict,
} from '../../server/src/shared/coverage';
import { OBLIGATIONS } from '../../server/src/shared/coverage';
import type { CoverageStore } from './coverage-store';
import { hasCompetencyDocuments } from './coverage-store';

export const COVERAGE_VIEW_ID = 'competencyLens.coverage';
export const OPEN_GAP_COMMAND = 'competencyLens.openGap';

export interface ObligationNode {
  type: 'obligation';
  obligation: ObligationSummary;
  gaps: Gap[];
}

export interface RoleNode {
  type: 'role';
  role: string;
  gaps: Gap[];
}

export interface PersonNode {
  type: 'person';
  person: string;
  /** The role group the person is listed under, when there is one. */
  role?: string;
  gaps: Gap[];
}

export interface GapNode {
  type: 'gap';
  gap: Gap;
}

export type CoverageNode = ObligationNode | RoleNode | PersonNode | GapNode;

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'information', 'hint'];

export class CoverageTreeProvider implements vscode.TreeDataProvider<CoverageNode> {
  private readonly changeEmitter = new vscode.EventEmitter<CoverageNode | undefined>();
  private readonly subscription: vscode.Disposable;

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly store: CoverageStore) {
    this.subscription = store.onDidChange(() => this.changeEmitter.fire(undefined));
  }

  /** Returns the top-level nodes: none while no competency document exists, for the welcome view. */
  getChildren(node?: CoverageNode): CoverageNode[] {
    const result = this.store.result;
    if (!result) {
      return [];
    }
    if (!node) {
      return hasCompetencyDocuments(result) ? obligationNodes(result) : [];
    }
    switch (node.type) {
      case 'obligation':
        return groupByRole(node.gaps);
      case 'role':
        return groupByPerson(node.gaps, node.role);
      case 'person':
        return node.gaps.map((gap): GapNode => ({ type: 'gap', gap }));
      case 'gap':
        return [];
    }
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    switch (node.type) {
      case 'obligation':
        return obligationItem(node);
      case 'role':
        return groupItem(node.role, 'role', 'organization', node.gaps);
      case 'person':
        return groupItem(node.person, 'person', 'person', node.gaps);
      case 'gap':
        return gapItem(node.gap);
    }
  }

  /** Lists every gap under a node, or in the whole tree, in tree order. */
  collectGaps(node?: CoverageNode): Gap[] {
    const gaps: Gap[] = [];
    for (const child of this.getChildren(node)) {
      if (child.type === 'gap') {
        gaps.push(child.gap);
      } else {
        gaps.push(...this.collectGaps(child));
      }
    }
    return gaps;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

function obligationNodes(result: CoverageResult): ObligationNode[] {
  const nodes: ObligationNode[] = [];
  for (const id of OBLIGATIONS) {
    const obligation = result.obligations.find((summary) => summary.id === id);
    if (obligation) {
      const gaps = result.gaps.filter((gap) => gap.obligation === id);
      nodes.push({ type: 'obligation', obligation, gaps: sortGaps(gaps) });
    }
  }
  return nodes;
}

/** Groups gaps under their first role. Gaps that concern no role stay at this level. */
function groupByRole(gaps: Gap[]): CoverageNode[] {
  const byRole = new Map<string, Gap[]>();
  const ungrouped: CoverageNode[] = [];
  for (const gap of gaps) {
    const role = gap.roles[0];
    if (role === undefined) {
      ungrouped.push(...groupByPerson([gap], undefined));
    } else {
      byRole.set(role, [...(byRole.get(role) ?? []), gap]);
    }
  }
  const roleNodes = [...byRole.keys()]
    .sort()
    .map((role): RoleNode => ({ type: 'role', role, gaps: byRole.get(role) ?? [] }));
  return [...roleNodes, ...ungrouped];
}

/** Groups gaps under their first person. Gaps that concern no person stay at this level. */
function groupByPerson(gaps: Gap[], role: string | undefined): CoverageNode[] {
  const byPerson = new Map<string, Gap[]>();
  const ungrouped: GapNode[] = [];
  for (const gap of gaps) {
    const person = gap.people[0];
    if (person === undefined) {
      ungrouped.push({ type: 'gap', gap });
    } else {
      byPerson.set(person, [...(byPerson.get(person) ?? []), gap]);
    }
  }
  const personNodes = [...byPerson.keys()].sort().map((person): PersonNode => ({
    type: 'person',
    person,
    ...(role === undefined ? {} : { role }),
    gaps: byPerson.get(person) ?? [],
  }));
  return [...personNodes, ...ungrouped];
}

function sortGaps(gaps: Gap[]): Gap[] {
  return [...gaps].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      a.code.localeCompare(b.code) ||
      a.file.localeCompare(b.file) ||
      a.range.start.line - b.range.start.line,
  );
}

function obligationItem(node: ObligationNode): vscode.TreeItem {
  const { obligation, gaps } = node;
  const collapsible =
    gaps.length > 0
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(obligation.title, collapsible);
  item.id = `obligation:${obligation.id}`;
  item.description = `${verdictLabel(obligation.verdict)} · ${countLabel(gaps)}`;
  item.tooltip = `${obligation.title}: ${verdictLabel(obligation.verdict)}. ${obligation.reason}`;
  item.iconPath = verdictIcon(obligation.verdict);
  item.contextValue = 'obligation';
  return item;
}

function groupItem(
  label: string,
  contextValue: 'role' | 'person',
  icon: string,
  gaps: Gap[],
): vscode.TreeItem {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
  item.description = countLabel(gaps);
  item.iconPath = new vscode.ThemeIcon(icon);
  item.contextValue = contextValue;
  return item;
}

function gapItem(gap: Gap): vscode.TreeItem {
  const item = new vscode.TreeItem(gap.message, vscode.TreeItemCollapsibleState.None);
  item.description = `${gap.code} · ${gap.clause}`;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(`${gap.message}\n\n`);
  tooltip.appendMarkdown(`**${gap.code}** (${gap.severity}), ${gap.clauses.join(', ')}\n\n`);
  tooltip.appendText(`Fix: ${gap.fix}`);
  item.tooltip = tooltip;
  item.iconPath = severityIcon(gap.severity);
  item.contextValue = gapContextValue(gap);
  item.command = { command: OPEN_GAP_COMMAND, title: 'Open Gap', arguments: [gap] };
  return item;
}

/** Marks whether a gap names a role or person, so the menus offer only what applies. */
function gapContextValue(gap: Gap): string {
  const parts = ['gap'];
  if (gap.roles.length > 0) {
    parts.push('hasRole');
  }
  if (gap.people.length > 0) {
    parts.push('hasPerson');
  }
  return parts.join(' ');
}

function countLabel(gaps: Gap[]): string {
  if (gaps.length === 0) {
    return 'no gaps';
  }
  const counts = SEVERITY_ORDER.map((severity) => ({
    severity,
    count: gaps.filter((gap) => gap.severity === severity).length,
  })).filter(({ count }) => count > 0);
  const detail = counts.map(({ severity, count }) => `${count} ${severity}`).join(', ');
  return `${gaps.length} ${gaps.length === 1 ? 'gap' : 'gaps'} (${detail})`;
}

export function severityIcon(severity: Severity): vscode.ThemeIcon {
  switch (severity) {
    case 'error':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'warning':
      return new vscode.ThemeIcon(
        'warning',
        new vscode.ThemeColor('problemsWarningIcon.foreground'),
      );
    case 'information':
    case 'hint':
      return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  }
}

function verdictIcon(verdict: Verdict): vscode.ThemeIcon {
  switch (verdict) {
    case 'met':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'partly-met':
      return new vscode.ThemeIcon(
        'warning',
        new vscode.ThemeColor('problemsWarningIcon.foreground'),
      );
    case 'not-met':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  }
}

function verdictLabel(verdict: Verdict): string {
  switch (verdict) {
    case 'met':
      return 'met';
    case 'partly-met':
      return 'partly met';
    case 'not-met':
      return 'not met';
  }
}
