// Maps a job description to catalog roles by the catalog's role keywords, found in the
// job title or in the responsibilities.
import type { Catalog, CatalogRole } from '../catalog-types';
import type { CompetencyRequirement, Level } from '../model';
import { compilePhrase } from './text';

export interface RoleMapping {
  catalogRoles: string[];
  /** One sentence per mapped role saying which text matched which keyword. */
  reason: string;
}

const compiledKeywords = new WeakMap<CatalogRole, { keyword: string; pattern: RegExp }[]>();

function keywordPatterns(role: CatalogRole): { keyword: string; pattern: RegExp }[] {
  let patterns = compiledKeywords.get(role);
  if (!patterns) {
    const phrases = [role.title, ...role.keywords].filter((phrase) => phrase.trim() !== '');
    patterns = phrases.map((keyword) => ({ keyword, pattern: compilePhrase(keyword) }));
    compiledKeywords.set(role, patterns);
  }
  return patterns;
}

/**
 * Returns the keyword of the role found in the text. With `phrasesOnly`, single-word keywords
 * are skipped: in a responsibility sentence words such as "release" or "implement" occur in
 * passing, while a job title is short enough for them to be meant.
 */
function matchedKeyword(role: CatalogRole, text: string, phrasesOnly = false): string | undefined {
  return keywordPatterns(role).find(
    ({ keyword, pattern }) => (!phrasesOnly || /[\s-]/.test(keyword.trim())) && pattern.test(text),
  )?.keyword;
}

/**
 * Drops a trailing participle phrase (", documenting risk assessments …"): it describes how a
 * duty is done, and keywords in it would map the role to duties it does not hold.
 */
function mainClause(sentence: string): string {
  return sentence.replace(/,\s+\p{L}+ing\b.*$/su, '');
}

function quote(text: string, maxLength = 60): string {
  return `"${text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text}"`;
}

/**
 * Maps a role to the catalog roles whose title or keywords appear in its title, or whose
 * keyword phrases of two or more words appear in one of its responsibilities. The `all-personnel` baseline is never a match: every role has it.
 */
export function mapToCatalogRoles(
  title: string,
  responsibilities: string[],
  catalog: Catalog,
): RoleMapping {
  const catalogRoles: string[] = [];
  const reasons: string[] = [];
  for (const role of catalog.roles) {
    if (role.id === 'all-personnel') continue;
    const inTitle = matchedKeyword(role, title);
    if (inTitle) {
      catalogRoles.push(role.id);
      reasons.push(`the title ${quote(title)} matches "${inTitle}" of ${role.id}`);
      continue;
    }
    for (const responsibility of responsibilities) {
      const keyword = matchedKeyword(role, mainClause(responsibility), true);
      if (keyword) {
        catalogRoles.push(role.id);
        reasons.push(
          `the responsibility ${quote(responsibility)} matches "${keyword}" of ${role.id}`,
        );
        break;
      }
    }
  }
  const reason = reasons.length
    ? `Mapped to ${catalogRoles.join(', ')} because ${reasons.join('; ')}.`
    : 'No catalog role keyword occurs in the title or the responsibilities.';
  return { catalogRoles, reason };
}

/** Returns the union of the clauses of the given catalog roles, in catalog order. */
export function mappedClauses(catalogRoleIds: string[], catalog: Catalog): string[] {
  const clauses = new Set<string>();
  for (const id of catalogRoleIds)
    for (const clause of catalog.role(id)?.clauses ?? []) clauses.add(clause);
  return [...clauses];
}

/** Returns the competencies of the given catalog roles, each at the highest level required. */
export function mappedCompetencies(
  catalogRoleIds: string[],
  catalog: Catalog,
): CompetencyRequirement[] {
  const levels = new Map<string, Level>();
  for (const id of catalogRoleIds) {
    for (const { competency, level } of catalog.role(id)?.competencies ?? []) {
      levels.set(competency, Math.max(levels.get(competency) ?? 0, level) as Level);
    }
  }
  return [...levels].map(([competency, level]) => ({ competency, level }));
}
