// The hover of a role id. A role that the workspace defines is shown as written there first,
// because that is the definition its author maintains. A built-in catalog role with the same
// id follows under its own heading, so the reader can tell the two texts apart.
import type { CatalogRole, Catalog } from '../catalog-types';
import { LEVEL_NAMES, type CompetencyRequirement, type Role, type WorkspaceModel } from '../model';

/** Returns the Markdown hover of a role id, or undefined when neither source defines it. */
export function roleHoverMarkdown(
  id: string,
  model: WorkspaceModel,
  catalog: Catalog,
): string | undefined {
  const defined = model.roles.filter((role) => role.id === id);
  const entry = catalog.role(id);
  if (defined.length === 0 && !entry) return undefined;
  const sections = defined.map((role) => workspaceSection(role));
  if (entry) sections.push(catalogSection(entry, defined.length > 0));
  return sections.join('\n\n---\n\n');
}

function workspaceSection(role: Role): string {
  const source = role.origin === 'job-description' ? 'job description' : 'role description';
  const lines = [`**${role.title ?? role.id}** (\`${role.id}\`), workspace ${source}`];
  if (role.location) lines.push(`Defined in ${fileLink(role.location.uri, role.location.range)}`);
  if (role.responsibilities.length > 0) {
    const items = role.responsibilities.map((text) => `- ${text}`);
    lines.push(['Responsibilities:', ...items].join('\n'));
  }
  if (role.clauses.length > 0) lines.push(`Clauses: ${role.clauses.join(', ')}`);
  if (role.competencies.length > 0) {
    lines.push(`Competencies: ${competencyList(role.competencies)}`);
  }
  if (role.independentOf.length > 0) {
    lines.push(`Independent of: ${role.independentOf.join(', ')}`);
  }
  if (role.mapping) lines.push(role.mapping.reason);
  return lines.join('\n\n');
}

function catalogSection(entry: CatalogRole, belowWorkspace: boolean): string {
  const heading = belowWorkspace
    ? `**Built-in catalog role: ${entry.title}** (\`${entry.id}\`)`
    : `**${entry.title}** (\`${entry.id}\`), built-in catalog role`;
  const lines = [heading, entry.description];
  if (entry.clauses.length > 0) lines.push(`Clauses: ${entry.clauses.join(', ')}`);
  if (entry.competencies.length > 0) {
    lines.push(`Competencies: ${competencyList(entry.competencies)}`);
  }
  return lines.join('\n\n');
}

function competencyList(competencies: readonly Omit<CompetencyRequirement, 'location'>[]): string {
  return competencies
    .map((entry) => `${entry.competency} (${LEVEL_NAMES[entry.level] ?? entry.level})`)
    .join(', ');
}

/**
 * Links the file at the definition's line. VS Code opens a `file:` link from a hover and
 * reads `#L<line>` as the line to reveal.
 */
function fileLink(uri: string, range: { start: { line: number } }): string {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const line = range.start.line + 1;
  return `[${name}](${uri}#L${line}), line ${line}`;
}
