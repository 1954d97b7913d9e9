// Hover texts that need more than a catalog entry: an id that no document defines, a training
// profile, and an ISO 8601 duration spelt out.
import type { Catalog } from '../catalog-types';
import { parseDuration } from '../coverage/dates';
import type { ReferenceKind, TrainingProfile, WorkspaceModel } from '../model';
import { didYouMean, suggest } from '../suggest';
import { describeId, listIds, referenceKindName } from './ids';

/** Describes an id that neither the workspace nor the catalog defines, with close ids. */
export function unknownIdMarkdown(
  kind: ReferenceKind,
  id: string,
  model: WorkspaceModel,
  catalog: Catalog,
): string {
  const name = referenceKindName(kind);
  const known = listIds(kind, model, catalog).map((entry) => entry.id);
  const suggestions = suggest(id, known);
  const title = `**Unknown ${name}** \`${id}\``;
  const body = `No ${name} with this id is defined in the workspace or the built-in catalog.`;
  return [title, `${body}${didYouMean(suggestions)}`].join('\n\n');
}

/** Describes a training profile: the role it trains, its trainings and its assessment. */
export function profileMarkdown(
  profile: TrainingProfile,
  model: WorkspaceModel,
  catalog: Catalog,
): string {
  const role = describeId('role', profile.role, model, catalog);
  const roleTitle = role?.detail && role.detail !== profile.role ? ` (${role.detail})` : '';
  const lines = [
    `**\`${profile.id}\`**, training profile`,
    `Role: \`${profile.role}\`${roleTitle}`,
  ];
  if (profile.trainings.length === 0) {
    lines.push('Trainings: none listed.');
  } else {
    const items = profile.trainings.map((training) => {
      const title = training.title ? `: ${training.title}` : '';
      const recurrence = training.recurrence ? spellDuration(training.recurrence) : undefined;
      const details = [training.type, ...(recurrence ? [recurrence] : [])].join(', ');
      return `- \`${training.id}\`${title} (${details})`;
    });
    lines.push(['Trainings:', ...items].join('\n'));
  }
  if (profile.assessment) {
    const program = profile.assessment.program ? `, program \`${profile.assessment.program}\`` : '';
    lines.push(`Assessment: ${profile.assessment.method}${program}`);
  }
  return lines.join('\n\n');
}

/** Describes a date-only ISO 8601 duration, or returns undefined for other text. */
export function durationMarkdown(text: string): string | undefined {
  const spoken = spellDuration(text);
  return spoken ? `\`${text}\`, ISO 8601 duration: ${spoken}.` : undefined;
}

/** Spells out a duration of years, months, weeks and days, such as "every 2 years". */
function spellDuration(text: string): string | undefined {
  const duration = parseDuration(text);
  if (!duration) return undefined;
  const parts: [number, string][] = [
    [duration.years, 'year'],
    [duration.months, 'month'],
    [duration.weeks, 'week'],
    [duration.days, 'day'],
  ];
  const used = parts.filter(([count]) => count > 0);
  if (used.length === 0) return undefined;
  if (used.length === 1 && used[0]![0] === 1) return `every ${used[0]![1]}`;
  const spoken = used.map(([count, unit]) => `${count} ${unit}${count === 1 ? '' : 's'}`);
  return `every ${spoken.join(' and ')}`;
}
