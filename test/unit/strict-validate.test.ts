import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { loadCatalog } from '../../server/src/language-service/catalog';
import { findYamlBlocks } from '../../server/src/language-service/documents';
import { createSourceFile } from '../../server/src/language-service/source-file';
import { readStrictDocuments } from '../../server/src/language-service/strict/read';
import { fixture } from '../helpers/paths';

/** Formats a diagnostic as `line:character-line:character code message`. */
function summarise(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  const place = `${start.line}:${start.character}-${end.line}:${end.character}`;
  return `${place} ${String(diagnostic.code)} ${diagnostic.message}`;
}

function diagnosticsOf(name: string): Diagnostic[] {
  const filePath = fixture('strict', name);
  const file = createSourceFile(pathToFileURL(filePath).href, fs.readFileSync(filePath, 'utf8'));
  return readStrictDocuments(file, findYamlBlocks(file).blocks, loadCatalog()).diagnostics;
}

function assertDiagnostics(name: string, expected: string[]): void {
  const actual = diagnosticsOf(name).map(summarise);
  assert.equal(actual.length, expected.length, `diagnostics of ${name}:\n${actual.join('\n')}`);
  expected.forEach((line, index) => assert.equal(actual[index], line));
}

const LEVELS = 'a level: none (0), awareness (1), basic (2), proficient (3) or expert (4)';
const METHODS =
  'one of quiz, acknowledgment, instructor-sign-off, supervised-practice, peer-review, ' +
  'external-certification or self-assessment';
const KEBAB =
  'must be a kebab-case id (lowercase letters and digits joined by hyphens, such as threat-modeler)';
const DURATION =
  'must be an ISO 8601 duration such as P1Y (one year), P6M (six months), P2W or P90D';
const DATE = 'must be a date in the form YYYY-MM-DD, such as 2024-02-01';

describe('strict validation of valid documents', () => {
  const names = [
    'training-program.yaml',
    'role-description.yaml',
    'training-profile.yaml',
    'training-record.yaml',
    'competency-matrix.yaml',
    'role-in-front-matter.md',
  ];
  for (const name of names) {
    it(`accepts ${name}`, () => {
      assert.deepEqual(diagnosticsOf(name).map(summarise), []);
    });
  }
});

describe('strict validation messages', () => {
  it('explains a training program', () => {
    assertDiagnostics('invalid-training-program.yaml', [
      `1:4-1:29 schema-pattern "id" ${KEBAB}; found "Security Training Program". ` +
        'Did you mean "security-training-program"?',
      '4:23-4:31 schema-invalid Entry 2 of "triggers" repeats "new-hire" from entry 1. ' +
        'Remove the duplicate.',
      `5:18-5:24 schema-pattern "reviewInterval" ${DURATION}; found "yearly".`,
      `8:12-8:17 schema-enum "method" must be ${METHODS}; found "quizz". Did you mean "quiz"?`,
      '9:19-9:22 schema-range "passThreshold" must be at most 100; found 120.',
      '10:4-10:6 schema-required Missing required property "passThreshold" in an ' +
        'assessment program. Add "passThreshold:".',
    ]);
  });

  it('explains a role description', () => {
    assertDiagnostics('invalid-role-description.yaml', [
      '2:0-2:5 schema-additional-property Unknown property "titel" in a RoleDescription ' +
        'document. Allowed: kind, id, title, description, clauses, responsibilities, ' +
        'competencies, independentOf. Did you mean "title"?',
      '3:10-3:27 schema-pattern Entry 1 of "clauses" must be a clause reference: standard, ' +
        'colon, clause, such as IEC81001-5-1:5.7.3, IEC62443-4-1:SM-4 or ISO13485:6.2; ' +
        'found "IEC 81001-5-1 7.2".',
      '5:4-5:14 schema-required Missing required property "level" in a competency ' +
        'requirement. Add "level:". Competence level, by name or number: 0 none, ' +
        '1 awareness, 2 basic (works under supervision), 3 proficient (works independently), ' +
        '4 expert (teaches others and approves work).',
      '6:4-6:9 schema-additional-property Unknown property "levle" in a competency ' +
        'requirement. Allowed: competency, level. Did you mean "level"?',
      `8:11-8:20 schema-enum "level" must be ${LEVELS}; found "profcient". ` +
        'Did you mean "proficient"?',
    ]);
  });

  it('explains a training profile', () => {
    assertDiagnostics('invalid-training-profile.yaml', [
      '0:0-0:4 schema-required Missing required property "role" in a TrainingProfile ' +
        'document. Add "role:". Role id this profile is for, such as threat-modeler.',
      '4:10-4:23 schema-enum "type" must be one of awareness, role-specific, certification, ' +
        'on-the-job or read-and-acknowledge; found "role specific". Did you mean "role-specific"?',
      `5:16-5:24 schema-pattern "recurrence" ${DURATION}; found "annually".`,
      '6:19-6:25 schema-type "dueWithinDays" must be a whole number; found "thirty".',
      '7:0-7:10 schema-required Missing required property "method" in an assessment. ' +
        'Add "method:". How competence is assessed: quiz, acknowledgment, ' +
        'instructor-sign-off, supervised-practice, peer-review, external-certification or ' +
        'self-assessment. An acknowledgment alone demonstrates no competence.',
      '8:2-8:7 schema-additional-property Unknown property "methd" in an assessment. ' +
        'Allowed: method, program. Did you mean "method"?',
    ]);
  });

  it('explains a training record', () => {
    assertDiagnostics('invalid-training-record.yaml', [
      `3:13-3:23 schema-format "startDate" ${DATE}; found "2024-02-30", which is not a day ` +
        'in the calendar.',
      '9:14-9:20 schema-enum "result" must be pass, fail or a score from 0 to 100; ' +
        'found "passed". Did you mean "pass"?',
      '14:14-14:17 schema-range "result" must be pass, fail or a score from 0 to 100; ' +
        'found 120.',
      '15:4-15:12 schema-required Missing required property "date" in a completed ' +
        'training. Add "date:". Date the training was completed, as YYYY-MM-DD.',
      '16:4-16:14 schema-required Missing required property "justification" in an ' +
        'assessment. Add "justification:".',
    ]);
  });

  it('explains a competency matrix', () => {
    assertDiagnostics('invalid-competency-matrix.yaml', [
      `2:6-2:16 schema-format "asOf" ${DATE}; found "01.11.2026". Did you mean "2026-11-01"?`,
      '5:11-5:25 schema-type "roles" must be a list; found "threat-modeler".',
      `7:6-7:12 schema-pattern "Stride" ${KEBAB}; found "Stride". Did you mean "stride"?`,
      `8:20-8:21 schema-enum "attack-trees" must be ${LEVELS}; found 5.`,
    ]);
  });

  it('offers suggestions as data', () => {
    const [titel] = diagnosticsOf('invalid-role-description.yaml');
    assert.deepEqual(titel!.data, { suggestions: ['title'] });
  });

  it('marks schema errors as errors', () => {
    const severities = diagnosticsOf('invalid-training-record.yaml').map((d) => d.severity);
    assert.deepEqual([...new Set(severities)], [1]);
  });

  it('skips a document with a syntax error', () => {
    assert.deepEqual(diagnosticsOf('syntax-error.yaml').map(summarise), []);
  });
});

describe('YAML 1.1 traps', () => {
  it('explains each trap once', () => {
    assertDiagnostics('yaml-traps.yaml', [
      '2:6-2:10 schema-type "id" must be text, but YAML reads 0042 as the number 42. ' +
        'Quote it: "0042".',
      `3:13-3:21 schema-format "startDate" ${DATE}; found "2024-2-1". ` +
        'Did you mean "2024-02-01"?',
      `6:10-6:20 schema-format "from" ${DATE}; found "01.03.2024". Did you mean "2024-03-01"?`,
      '7:10-7:12 yaml11-ambiguous YAML 1.1 tools read the unquoted no as the boolean false, ' +
        'but this value is text. Quote it: "no".',
      '11:13-11:17 schema-type "version" must be text, but YAML reads 1.10 as the number ' +
        '1.1. Quote it: "1.10".',
      '12:14-12:17 yaml11-ambiguous YAML 1.1 tools read the unquoted yes as the boolean ' +
        'true, but this value is text. Quote it: "yes".',
    ]);
  });

  it('warns about ambiguous words', () => {
    const warning = diagnosticsOf('yaml-traps.yaml').find((d) => d.code === 'yaml11-ambiguous');
    assert.equal(warning?.severity, 2);
    assert.deepEqual(warning?.data, { suggestions: ['"no"'] });
  });

  it('offers the quoted number', () => {
    const version = diagnosticsOf('yaml-traps.yaml').find((d) => d.message.includes('1.10'));
    assert.deepEqual(version?.data, { suggestions: ['"1.10"'] });
  });

  it('leaves placeholders to the analysis', () => {
    assert.deepEqual(diagnosticsOf('unfilled-record.yaml').map(summarise), []);
  });
});
