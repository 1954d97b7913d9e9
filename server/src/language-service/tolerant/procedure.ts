// Procedures whose front matter holds a `training:` block (departments, quiz or
// acknowledgment, due days): read as a training requirement of the roles the departments
// stand for.
import { ownValue } from '../collections';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { createDiagnostic, DIAGNOSTIC_CODES } from '../diagnostics';
import { emptyEntities, type TrainingProfile, type TrainingRequirement } from '../model';
import { classifyTraining, coveredCompetencies } from './classify';
import { frontMatterRange, stringValue } from './front-matter';
import type { ReadContext, ReadResult } from './job-description';
import { mapToCatalogRoles } from './role-mapping';
import { toKebabId } from './text';

const TRAINING_KEYS = ['required_departments', 'training_mode', 'due_days', 'roles'];
const MODES: Record<string, { type: TrainingRequirement['type']; method: string }> = {
  quiz: { type: 'role-specific', method: 'quiz' },
  acknowledgment: { type: 'read-and-acknowledge', method: 'acknowledgment' },
  acknowledgement: { type: 'read-and-acknowledge', method: 'acknowledgment' },
};

function trainingBlock(context: ReadContext): Record<string, unknown> | undefined {
  const block = context.frontMatter?.values['training'];
  if (typeof block !== 'object' || block === null || Array.isArray(block)) return undefined;
  const values = block as Record<string, unknown>;
  return TRAINING_KEYS.some((key) => key in values) ? values : undefined;
}

/** True when the front matter has a `training:` mapping with procedure training keys. */
export function isTrainingProcedure(context: ReadContext): boolean {
  return trainingBlock(context) !== undefined;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
}

/** Returns the roles a department stands for: the configured mapping, or the department as a role. */
function departmentRoles(department: string, context: ReadContext): string[] {
  const configured = Object.entries(context.config.departments).find(
    ([name]) => name.toLowerCase() === department.toLowerCase(),
  );
  return configured ? configured[1] : [toKebabId(department)];
}

function departmentsMessage(
  procedureId: string,
  departments: string[],
  context: ReadContext,
): string {
  const parts = departments.map((department) => {
    const roles = departmentRoles(department, context);
    const configured = Object.keys(context.config.departments).some(
      (name) => name.toLowerCase() === department.toLowerCase(),
    );
    if (configured) return `${department} → ${roles.join(', ')} (configured)`;
    const candidates = mapToCatalogRoles(department, [], context.catalog).catalogRoles;
    const hint = candidates.length ? `; catalog roles that may fit: ${candidates.join(', ')}` : '';
    return `${department} → role "${roles[0]}"${hint}`;
  });
  return (
    `Training of ${procedureId} is assigned to departments, not roles, so each department is ` +
    `read as the roles it stands for: ${parts.join('. ')}. ` +
    'Map departments to role ids under "departments" in .competency-lens.yaml.'
  );
}

/** Reads the front matter `training:` block into one profile per role it applies to. */
export function readProcedure(context: ReadContext): ReadResult {
  const { file, frontMatter, config } = context;
  const entities = emptyEntities();
  const diagnostics: Diagnostic[] = [];
  const block = trainingBlock(context);
  if (!block || !frontMatter) return { entities, diagnostics };

  const idText =
    stringValue(frontMatter.values, config.frontMatter.idKey) ??
    file.uri.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const procedureId = toKebabId(idText) || 'procedure';
  const title = stringValue(frontMatter.values, config.frontMatter.titleKey);
  const at = (path: (string | number)[], part: 'key' | 'value' = 'value') =>
    frontMatterRange(file, frontMatter, ['training', ...path], part) ??
    frontMatterRange(file, frontMatter, ['training'], 'key')!;

  const modeText =
    typeof block['training_mode'] === 'string' ? block['training_mode'].trim() : undefined;
  const mode = modeText === undefined ? undefined : ownValue(MODES, modeText.toLowerCase());
  if (modeText !== undefined && !mode) {
    const message = `Unknown training_mode "${modeText}"; expected "quiz" or "acknowledgment". The training is read without an assessment.`;
    diagnostics.push(
      createDiagnostic(
        at(['training_mode']),
        DiagnosticSeverity.Information,
        DIAGNOSTIC_CODES.unreadableValue,
        message,
      ),
    );
  }
  const classification = classifyTraining(title ?? procedureId, context.rules);
  const requirement: TrainingRequirement = {
    id: procedureId,
    type: mode?.type ?? classification.type,
    covers: coveredCompetencies(classification),
    location: { uri: file.uri, range: at([], 'key') },
  };
  if (title) requirement.title = title;
  const dueDays = block['due_days'];
  if (typeof dueDays === 'number' && Number.isInteger(dueDays) && dueDays >= 0) {
    requirement.dueWithinDays = dueDays;
  } else if (dueDays !== undefined) {
    const message = `due_days must be a whole number of days, not "${String(dueDays)}".`;
    diagnostics.push(
      createDiagnostic(
        at(['due_days']),
        DiagnosticSeverity.Information,
        DIAGNOSTIC_CODES.unreadableValue,
        message,
      ),
    );
  }

  const departments = stringList(block['required_departments']);
  const listedRoles = stringList(block['roles']).map(toKebabId).filter(Boolean);
  const roles = new Set(listedRoles);
  for (const department of departments)
    for (const role of departmentRoles(department, context)) roles.add(role);
  if (departments.length > 0) {
    diagnostics.push(
      createDiagnostic(
        at(['required_departments'], 'key'),
        DiagnosticSeverity.Information,
        DIAGNOSTIC_CODES.departmentsForRoles,
        departmentsMessage(procedureId, departments, context),
      ),
    );
  }
  listedRoles.forEach((role, index) => {
    entities.references.push({
      uri: file.uri,
      range: at(['roles', index]),
      kind: 'role',
      id: role,
    });
  });

  for (const role of roles) {
    const profile: TrainingProfile = {
      id: `${procedureId}-${role}`,
      role,
      trainings: [requirement],
      origin: 'procedure',
      location: { uri: file.uri, range: at([], 'key') },
    };
    if (departments.length > 0) profile.departments = departments;
    if (mode)
      profile.assessment = {
        method: mode.method,
        location: { uri: file.uri, range: at(['training_mode']) },
      };
    entities.profiles.push(profile);
  }
  return { entities, diagnostics };
}
