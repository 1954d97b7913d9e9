// Job and role descriptions written as Markdown (front matter plus sections by heading),
// read into a Role mapped to catalog roles and, from the Training Requirements section, a
// TrainingProfile with one requirement per bullet.
import type { Root } from 'mdast';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { appendAll } from '../collections';
import type { Catalog } from '../catalog-types';
import type { RepositoryConfig } from '../config';
import { createDiagnostic, DIAGNOSTIC_CODES } from '../diagnostics';
import {
  emptyEntities,
  type FileEntities,
  type ProfileAssessment,
  type Role,
  type TrainingProfile,
  type TrainingRequirement,
} from '../model';
import type { SourceFile } from '../source-file';
import { classifyTraining, coveredCompetencies, findAssessmentMethod } from './classify';
import { frontMatterRange, stringValue, type FrontMatter } from './front-matter';
import type { CompiledKeywordRules } from './keyword-rules';
import { readRecurrence, type RecurrenceReading } from './recurrence';
import { mapToCatalogRoles, mappedClauses, mappedCompetencies } from './role-mapping';
import {
  firstHeading,
  listItemText,
  nodeRange,
  nodeText,
  sectionListItems,
  splitSections,
  type Section,
} from './sections';
import { shortenId, toKebabId } from './text';
import { proseUnfilled } from './unfilled';

export interface ReadContext {
  file: SourceFile;
  tree: Root;
  frontMatter: FrontMatter | undefined;
  catalog: Catalog;
  config: RepositoryConfig;
  rules: CompiledKeywordRules;
}

export interface ReadResult {
  entities: FileEntities;
  diagnostics: Diagnostic[];
}

const TITLE_MARKER = /\b(job|role)[\s_-]*description\b|stellenbeschreibung|rollenbeschreibung/i;

function fileStem(uri: string): string {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  return name.replace(/\.[^.]+$/, '');
}

/**
 * True for a job or role description: the front matter type or id prefix marks it, or the
 * first heading or the file name says "Job Description" or "Role Description".
 */
export function isJobDescription(context: Omit<ReadContext, 'rules' | 'catalog'>): boolean {
  const { frontMatter, config, tree, file } = context;
  const conventions = config.frontMatter;
  if (frontMatter) {
    const type = stringValue(frontMatter.values, conventions.typeKey)?.toLowerCase();
    const types = conventions.jobDescriptionTypes.map((value) => value.toLowerCase());
    if (type !== undefined && types.includes(type)) return true;
    const id = stringValue(frontMatter.values, conventions.idKey)?.toLowerCase();
    const prefixes = conventions.jobDescriptionIdPrefixes.map((prefix) => prefix.toLowerCase());
    if (id !== undefined && prefixes.some((prefix) => id.startsWith(prefix))) return true;
  }
  const heading = firstHeading(tree);
  if (heading && TITLE_MARKER.test(nodeText(heading))) return true;
  return TITLE_MARKER.test(fileStem(file.uri));
}

function fileStartRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function readTitle(context: ReadContext, fallback: string): { title: string; range: Range } {
  const { file, tree, frontMatter, config } = context;
  const heading = firstHeading(tree);
  const headingTitle = heading
    ? nodeText(heading)
        .replace(/^\s*(job|role)\s+description\s*[:–-]\s*/i, '')
        .trim()
    : undefined;
  const frontTitle = frontMatter && stringValue(frontMatter.values, config.frontMatter.titleKey);
  const title = frontTitle ?? headingTitle ?? fallback;
  const range =
    (heading && nodeRange(file, heading)) ??
    (frontMatter && frontMatterRange(file, frontMatter, [config.frontMatter.titleKey])) ??
    fileStartRange();
  return { title, range };
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let counter = 2; taken.has(id); counter++) id = `${base}-${counter}`;
  taken.add(id);
  return id;
}

/**
 * Removes a recurrence phrase that ends the title, with the separators before it, so
 * "Secure coding training, annually" gets the same id as "Secure coding training" in a table.
 * The phrase stays in the requirement's `recurrenceText`.
 */
function withoutTrailingRecurrence(title: string, recurrence: RecurrenceReading): string {
  if (recurrence.kind === 'none') return title;
  const phrase = recurrence.text.toLowerCase();
  const trimmed = title.trimEnd();
  if (phrase === '' || !trimmed.toLowerCase().endsWith(phrase)) return title;
  return trimmed.slice(0, trimmed.length - phrase.length).replace(/[\s,;:–—-]+$/u, '');
}

function readRequirements(section: Section, context: ReadContext) {
  const trainings: TrainingRequirement[] = [];
  const taken = new Set<string>();
  for (const item of sectionListItems(section)) {
    const text = listItemText(item);
    if (text === '') continue;
    const range = nodeRange(context.file, item.children[0] ?? item);
    const title = text.replace(/[.;]\s*$/, '');
    const titleWithoutNotes = title.replace(/\s*\([^)]*\)/g, '');
    const recurrence = readRecurrence(text);
    const idText = withoutTrailingRecurrence(titleWithoutNotes, recurrence) || title;
    const id = uniqueId(shortenId(toKebabId(idText)) || 'training', taken);
    const classification = classifyTraining(text, context.rules);
    const requirement: TrainingRequirement = {
      id,
      title,
      type: classification.type,
      covers: coveredCompetencies(classification),
      location: { uri: context.file.uri, range },
    };
    if (recurrence.kind === 'recurring') {
      requirement.recurrence = recurrence.duration;
      requirement.recurrenceText = recurrence.text;
    } else if (recurrence.kind === 'once') {
      requirement.recurrenceText = recurrence.text;
    } else if (recurrence.kind === 'unclear') {
      // The coverage analysis reports it once, as a `recurrence-unclear` gap on this line.
      requirement.recurrenceText = recurrence.text;
      requirement.recurrenceUnclear = true;
    }
    trainings.push(requirement);
  }
  return trainings;
}

function readAssessment(section: Section, context: ReadContext): ProfileAssessment | undefined {
  const candidates = [
    ...sectionListItems(section),
    ...section.nodes.filter((node) => node.type === 'paragraph'),
  ];
  for (const node of candidates) {
    const method = findAssessmentMethod(nodeText(node), context.rules);
    if (method)
      return { method, location: { uri: context.file.uri, range: nodeRange(context.file, node) } };
  }
  return undefined;
}

function frontMatterUnfilled(context: ReadContext): FileEntities['unfilled'] {
  const { frontMatter, file } = context;
  if (!frontMatter) return [];
  const found: FileEntities['unfilled'] = [];
  for (const [key, value] of Object.entries(frontMatter.values)) {
    if (typeof value !== 'string') continue;
    const range = frontMatterRange(file, frontMatter, [key]);
    const placeholder = value.includes('[') ? /\[[^\]\n]{1,60}\]/.exec(value)?.[0] : undefined;
    if (placeholder && range) found.push({ uri: file.uri, range, text: placeholder, field: key });
  }
  return found;
}

/** Reads a job description into a role, its profile, references and unfilled placeholders. */
/** Clause references as written in prose: `IEC81001-5-1:5.7`, `IEC 81001-5-1 clause 5.7`. */
const CLAUSE_MENTION = /\b(IEC\s?81001-5-1|IEC\s?62443-4-1|ISO\s?13485)\b/i;

/** Says where the role's clauses come from when the description names none itself. */
function clauseNote(text: string, mappedClauses: string[]): string {
  if (CLAUSE_MENTION.test(text)) return '';
  if (mappedClauses.length === 0) {
    return ' It names no IEC 81001-5-1 clause, and no catalog role supplies one.';
  }
  const numbers = mappedClauses.map((clause) => clause.replace(/^IEC81001-5-1:/, ''));
  return ` It names no IEC 81001-5-1 clause, so the mapped roles' clauses apply: ${numbers.join(', ')}.`;
}

export function readJobDescription(context: ReadContext): ReadResult {
  const { file, tree, frontMatter, config, catalog } = context;
  const entities = emptyEntities();
  const diagnostics: Diagnostic[] = [];
  const frontId = frontMatter && stringValue(frontMatter.values, config.frontMatter.idKey);
  const roleId = toKebabId(frontId ?? fileStem(file.uri)) || 'job-description';
  const { title, range: titleRange } = readTitle(context, roleId);
  const sections = splitSections(tree);
  const responsibilities = sections
    .filter((section) => section.kind === 'responsibilities')
    .flatMap((section) => sectionListItems(section).map(listItemText))
    .filter((text) => text !== '');
  const mapping = mapToCatalogRoles(title, responsibilities, catalog);
  const role: Role = {
    id: roleId,
    title,
    clauses: mappedClauses(mapping.catalogRoles, catalog),
    responsibilities,
    competencies: mappedCompetencies(mapping.catalogRoles, catalog),
    independentOf: [],
    origin: 'job-description',
    location: { uri: file.uri, range: titleRange },
    mapping,
  };
  entities.roles.push(role);
  for (const catalogRole of mapping.catalogRoles) {
    entities.references.push({ uri: file.uri, range: titleRange, kind: 'role', id: catalogRole });
  }
  diagnostics.push(
    createDiagnostic(
      titleRange,
      DiagnosticSeverity.Information,
      DIAGNOSTIC_CODES.roleMapping,
      `Job description "${title}" is read as role ${roleId}. ${mapping.reason}` +
        clauseNote(file.document.getText(), role.clauses),
    ),
  );

  const trainingSection = sections.find((section) => section.kind === 'training');
  if (trainingSection) {
    const headingRange = nodeRange(file, trainingSection.heading);
    const trainings = readRequirements(trainingSection, context);
    if (trainings.length === 0) {
      const message = `The section "${trainingSection.title}" has no bullet list, so no training was read from it. List one training per bullet.`;
      diagnostics.push(
        createDiagnostic(
          headingRange,
          DiagnosticSeverity.Information,
          DIAGNOSTIC_CODES.unreadableValue,
          message,
        ),
      );
    }
    const profile: TrainingProfile = {
      id: `${roleId}-profile`,
      role: roleId,
      trainings,
      origin: 'job-description',
      location: { uri: file.uri, range: headingRange },
    };
    const assessment = readAssessment(trainingSection, context);
    if (assessment) profile.assessment = assessment;
    entities.profiles.push(profile);
  }
  appendAll(entities.unfilled, frontMatterUnfilled(context));
  appendAll(entities.unfilled, proseUnfilled(file, tree));
  return { entities, diagnostics };
}
