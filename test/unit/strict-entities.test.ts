import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver-types';
import { loadCatalog } from '../../server/src/language-service/catalog';
import { findYamlBlocks } from '../../server/src/language-service/documents';
import type { FileEntities } from '../../server/src/language-service/model';
import { createSourceFile } from '../../server/src/language-service/source-file';
import {
  readStrictDocuments,
  type StrictReadResult,
} from '../../server/src/language-service/strict/read';
import { fixture } from '../helpers/paths';

function readFixture(name: string): StrictReadResult {
  const filePath = fixture('strict', name);
  const file = createSourceFile(pathToFileURL(filePath).href, fs.readFileSync(filePath, 'utf8'));
  return readStrictDocuments(file, findYamlBlocks(file).blocks, loadCatalog());
}

/** Formats a range as `line:character-line:character`. */
function place(range: Range | undefined): string {
  if (!range) return 'none';
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** References as `kind id range`, in the order the document uses them. */
function references(entities: FileEntities): string[] {
  return entities.references.map((ref) => `${ref.kind} ${ref.id} ${place(ref.range)}`);
}

describe('strict entities', () => {
  it('converts a training program', () => {
    const [program] = readFixture('training-program.yaml').entities.programs;
    assert.equal(program?.id, 'security-training-program');
    assert.equal(program?.owner, 'product-security-lead');
    assert.deepEqual(program?.triggers, [
      'new-hire',
      'role-change',
      'procedure-update',
      'capa',
      'new-threat',
    ]);
    assert.equal(program?.reviewInterval, 'P1Y');
    assert.deepEqual(program?.assessmentPrograms[0], {
      id: 'secure-coding-exam',
      method: 'quiz',
      passThreshold: 80,
      assessorQualification: 'secure-code-reviewer at level proficient',
      location: program?.assessmentPrograms[0]?.location,
    });
    assert.equal(place(program?.assessmentPrograms[0]?.location?.range), '7:8-7:26');
    assert.equal(place(program?.location?.range), '1:4-1:29');
    assert.equal(program?.origin, 'yaml');
  });

  it('references of a training program', () => {
    const entities = readFixture('training-program.yaml').entities;
    assert.deepEqual(references(entities), [
      'role product-security-lead 2:7-2:28',
      'assessment-method quiz 8:12-8:16',
    ]);
  });

  it('converts a role description', () => {
    const [role] = readFixture('role-description.yaml').entities.roles;
    assert.equal(role?.id, 'threat-modeler');
    assert.equal(role?.title, 'Threat Modeler');
    assert.deepEqual(role?.clauses, ['IEC81001-5-1:7.2', 'IEC81001-5-1:4.2']);
    assert.deepEqual(role?.responsibilities, [
      'Produce and maintain the threat model of each product',
    ]);
    assert.deepEqual(
      role?.competencies.map((requirement) => [requirement.competency, requirement.level]),
      [
        ['stride', 3],
        ['attack-trees', 2],
      ],
    );
    assert.deepEqual(role?.independentOf, ['software-developer']);
    assert.equal(place(role?.location?.range), '1:4-1:18');
  });

  it('references of a role description', () => {
    const entities = readFixture('role-description.yaml').entities;
    assert.deepEqual(references(entities), [
      'clause IEC81001-5-1:7.2 3:10-3:26',
      'clause IEC81001-5-1:4.2 3:28-3:44',
      'competency stride 7:16-7:22',
      'competency attack-trees 9:16-9:28',
      'role software-developer 11:16-11:34',
    ]);
  });

  it('converts a training profile', () => {
    const [profile] = readFixture('training-profile.yaml').entities.profiles;
    assert.equal(profile?.id, 'threat-modeler-profile');
    assert.equal(profile?.role, 'threat-modeler');
    const [training] = profile?.trainings ?? [];
    assert.equal(training?.id, 'stride-workshop');
    assert.equal(training?.title, 'STRIDE threat modeling workshop');
    assert.equal(training?.type, 'role-specific');
    assert.equal(training?.recurrence, 'P1Y');
    assert.equal(training?.dueWithinDays, 30);
    assert.deepEqual(
      training?.covers.map((requirement) => [requirement.competency, requirement.level]),
      [['stride', 3]],
    );
    assert.equal(place(training?.location?.range), '4:8-4:23');
    assert.equal(profile?.assessment?.method, 'supervised-practice');
    assert.equal(profile?.assessment?.program, 'secure-coding-exam');
  });

  it('references of a training profile', () => {
    const entities = readFixture('training-profile.yaml').entities;
    assert.deepEqual(references(entities), [
      'role threat-modeler 2:6-2:20',
      'competency stride 8:20-8:26',
      'assessment-method supervised-practice 13:10-13:29',
      'assessment-program secure-coding-exam 14:11-14:29',
    ]);
  });

  it('converts a training record', () => {
    const [record] = readFixture('training-record.yaml').entities.records;
    assert.equal(record?.id, 'p-0042');
    assert.equal(record?.name, 'Alex Example');
    assert.equal(record?.startDate, '2024-02-01');
    assert.equal(place(record?.location?.range), '2:6-2:12');
    assert.deepEqual(
      record?.assignments.map((assignment) => [assignment.role, assignment.from]),
      [['threat-modeler', '2024-03-01']],
    );
    const [stride, coding] = record?.completed ?? [];
    assert.equal(stride?.training, 'stride-workshop');
    assert.equal(stride?.date, '2025-11-20');
    assert.equal(stride?.version, '2.1');
    assert.equal(stride?.evidence, 'records/p-0042/stride-certificate.pdf');
    assert.equal(stride?.assessment?.result, 'pass');
    assert.equal(stride?.assessment?.assessor, 'p-0007');
    assert.equal(stride?.assessment?.date, '2025-12-01');
    assert.equal(coding?.assessment?.result, 85);
  });

  it('keeps a self-assessment justification', () => {
    const result = readFixture('self-assessment-record.yaml');
    const [completed] = result.entities.records[0]?.completed ?? [];
    assert.deepEqual(result.diagnostics, []);
    assert.equal(completed?.assessment?.method, 'self-assessment');
    assert.equal(
      completed?.assessment?.justification,
      'Only certified security architect; reviewed by the quality manager.',
    );
  });

  it('references of a training record', () => {
    const entities = readFixture('training-record.yaml').entities;
    assert.deepEqual(references(entities), [
      'role threat-modeler 6:10-6:24',
      'training stride-workshop 9:14-9:29',
      'assessment-method supervised-practice 13:14-13:33',
      'person p-0007 15:16-15:22',
      'training secure-coding-basics 18:14-18:34',
      'assessment-method quiz 21:14-21:18',
    ]);
  });

  it('converts a competency matrix', () => {
    const [matrix] = readFixture('competency-matrix.yaml').entities.matrices;
    assert.equal(matrix?.id, 'security-competency-matrix');
    assert.equal(matrix?.asOf, '2026-11-01');
    assert.deepEqual(matrix?.people[0]?.roles, ['threat-modeler']);
    assert.deepEqual(matrix?.people[0]?.levels, { stride: 3, 'attack-trees': 1 });
  });

  it('references of a competency matrix', () => {
    const entities = readFixture('competency-matrix.yaml').entities;
    assert.deepEqual(references(entities), [
      'person p-0042 4:12-4:18',
      'role threat-modeler 5:12-5:26',
      'competency stride 7:6-7:12',
      'competency attack-trees 8:6-8:18',
    ]);
  });

  it('keeps the origin of front matter and fences', () => {
    const entities = readFixture('role-in-front-matter.md').entities;
    assert.equal(entities.roles[0]?.origin, 'front-matter');
    assert.equal(place(entities.roles[0]?.location?.range), '2:4-2:19');
    assert.equal(entities.profiles[0]?.origin, 'fence');
    assert.equal(place(entities.profiles[0]?.location?.range), '13:4-13:27');
  });

  it('references inside a fence', () => {
    const entities = readFixture('role-in-front-matter.md').entities;
    assert.deepEqual(references(entities), [
      'clause IEC81001-5-1:5.7.1 4:10-4:28',
      'role security-tester 14:6-14:21',
      'competency fuzzing 19:20-19:27',
    ]);
  });

  it('leaves out values that fail the schema', () => {
    const [record] = readFixture('yaml-traps.yaml').entities.records;
    assert.equal(record, undefined);
    const entities = readFixture('invalid-training-record.yaml').entities;
    assert.equal(entities.records[0]?.startDate, undefined);
    assert.equal(entities.records[0]?.completed[0]?.assessment?.result, undefined);
  });

  it('keeps an invalid recurrence as unclear text', () => {
    const [training] = readFixture('invalid-recurrence.yaml').entities.profiles[0]?.trainings ?? [];
    assert.equal(training?.recurrence, undefined);
    assert.equal(training?.recurrenceText, 'yearly');
    assert.equal(training?.recurrenceUnclear, true);
  });

  it('reads a document with a syntax error', () => {
    const [role] = readFixture('syntax-error.yaml').entities.roles;
    assert.equal(role?.id, 'threat-modeler');
  });
});

describe('strict placeholders', () => {
  it('lists each unfilled value', () => {
    const { unfilled } = readFixture('unfilled-record.yaml').entities;
    assert.deepEqual(
      unfilled.map((value) => `${value.field}: ${value.text} ${place(value.range)}`),
      [
        'person name: _[Name]_ 3:8-3:16',
        'start date: YYYY-MM-DD 4:13-4:23',
        'assignment start date: [Date] 7:10-7:16',
        'completion date: TBD 10:10-10:13',
        'evidence link: <enter the certificate path> 11:14-11:42',
      ],
    );
  });

  it('keeps placeholders out of the record', () => {
    const [record] = readFixture('unfilled-record.yaml').entities.records;
    assert.equal(record?.name, undefined);
    assert.equal(record?.completed[0]?.date, undefined);
    assert.equal(record?.completed[0]?.training, 'stride-workshop');
  });
});

describe('strict duplicate ids', () => {
  it('reports an id defined twice', () => {
    const duplicates = readFixture('security-training.yaml').diagnostics;
    assert.deepEqual(
      duplicates.map((d) => `${place(d.range)} ${String(d.code)} ${d.message}`),
      [
        '8:4-8:18 duplicate-id Duplicate role id "threat-modeler": line 6 of this file ' +
          'defines it already. Rename one of them or remove the duplicate.',
        '16:8-16:23 duplicate-id Duplicate training id "stride-workshop": line 15 of this ' +
          'file defines it already. Rename one of them or remove the duplicate.',
      ],
    );
  });

  it('points at the first definition', () => {
    const [duplicate] = readFixture('security-training.yaml').diagnostics;
    assert.equal(place(duplicate?.relatedInformation?.[0]?.location.range), '5:4-5:18');
  });
});
