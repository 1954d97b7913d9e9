import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadCatalog } from '../../server/src/language-service/catalog';
import {
  defaultConfig,
  type FrontMatterConventions,
} from '../../server/src/language-service/config';
import { findYamlBlocks } from '../../server/src/language-service/documents';
import { createSourceFile } from '../../server/src/language-service/source-file';
import {
  readStrictDocuments,
  type StrictReadResult,
} from '../../server/src/language-service/strict/read';
import {
  kindFromFileName,
  kindFromSchemaUri,
} from '../../server/src/language-service/strict/scope';
import { fixture } from '../helpers/paths';

function readFixture(name: string, conventions?: FrontMatterConventions): StrictReadResult {
  const filePath = fixture('strict', name);
  const file = createSourceFile(pathToFileURL(filePath).href, fs.readFileSync(filePath, 'utf8'));
  return readStrictDocuments(file, findYamlBlocks(file).blocks, loadCatalog(), conventions);
}

describe('strict scope', () => {
  it('reads a document with a kind key', () => {
    const result = readFixture('role-description.yaml');
    assert.deepEqual(
      result.documents.map((document) => document.kind),
      ['RoleDescription'],
    );
    assert.deepEqual(result.diagnostics, []);
  });

  it('reads every document of a stream', () => {
    const result = readFixture('security-training.yaml');
    assert.deepEqual(
      result.documents.map((document) => document.kind),
      ['TrainingProgram', 'RoleDescription', 'RoleDescription', 'TrainingProfile'],
    );
  });

  it('takes the kind from a modeline', () => {
    const result = readFixture('modeline.yaml');
    assert.equal(result.documents.length, 1);
    assert.equal(result.documents[0]!.kind, undefined);
    const [diagnostic] = result.diagnostics;
    assert.equal(result.diagnostics.length, 1);
    assert.equal(diagnostic!.code, 'missing-kind');
    assert.deepEqual(diagnostic!.data, { kind: 'RoleDescription' });
    assert.equal(
      diagnostic!.message,
      'Missing "kind". Add "kind: RoleDescription", the kind that the schema reference names.',
    );
    assert.deepEqual(diagnostic!.range, {
      start: { line: 1, character: 0 },
      end: { line: 1, character: 18 },
    });
  });

  it('takes the kind from a $schema key', () => {
    const result = readFixture('schema-key.yaml');
    assert.equal(result.diagnostics.length, 1);
    assert.equal(result.diagnostics[0]!.code, 'missing-kind');
    assert.deepEqual(result.diagnostics[0]!.data, { kind: 'CompetencyMatrix' });
    assert.equal(result.entities.matrices[0]?.id, 'security-competency-matrix');
  });

  it('guesses the kind from the file name', () => {
    const result = readFixture('training_record_p-0042.yaml');
    assert.equal(result.diagnostics.length, 1);
    const [diagnostic] = result.diagnostics;
    assert.equal(diagnostic!.code, 'missing-kind');
    assert.deepEqual(diagnostic!.data, { kind: 'TrainingRecord' });
    assert.equal(
      diagnostic!.message,
      'Missing "kind". Add "kind: TrainingRecord", the kind that the file name suggests.',
    );
    assert.deepEqual(diagnostic!.range, {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 7 },
    });
    assert.equal(result.entities.records[0]?.id, 'p-0042');
  });

  it('leaves other YAML files alone', () => {
    const result = readFixture('unrelated.yaml');
    assert.deepEqual(result.documents, []);
    assert.deepEqual(result.diagnostics, []);
  });

  it('leaves front matter without kind alone', () => {
    const result = readFixture('job-description.md');
    assert.deepEqual(result.documents, []);
    assert.deepEqual(result.diagnostics, []);
  });

  it('reads front matter and fences with a kind', () => {
    const result = readFixture('role-in-front-matter.md');
    assert.deepEqual(
      result.documents.map((document) => [document.kind, document.block.origin]),
      [
        ['RoleDescription', 'front-matter'],
        ['TrainingProfile', 'fence'],
      ],
    );
    assert.deepEqual(result.diagnostics, []);
  });

  it('reports an unknown kind', () => {
    const result = readFixture('unknown-kind.yaml');
    assert.equal(result.diagnostics.length, 1);
    const [diagnostic] = result.diagnostics;
    assert.equal(diagnostic!.code, 'unknown-kind');
    assert.equal(
      diagnostic!.message,
      'Unknown kind "TrainingRecords". Use one of TrainingProgram, RoleDescription, ' +
        'TrainingProfile, TrainingRecord, CompetencyMatrix. Did you mean "TrainingRecord"?',
    );
    assert.deepEqual(diagnostic!.data, { suggestions: ['TrainingRecord'] });
    assert.deepEqual(diagnostic!.range, {
      start: { line: 0, character: 6 },
      end: { line: 0, character: 21 },
    });
    assert.deepEqual(result.entities.records, []);
  });
});

describe('strict scope of an empty kind', () => {
  it('reports the empty kind on its key', () => {
    const result = readFixture('empty-kind.yaml');
    assert.equal(result.diagnostics.length, 1);
    const [diagnostic] = result.diagnostics;
    assert.equal(diagnostic!.code, 'unknown-kind');
    assert.equal(
      diagnostic!.message,
      'The "kind" is empty. Use one of TrainingProgram, RoleDescription, TrainingProfile, ' +
        'TrainingRecord, CompetencyMatrix.',
    );
    assert.deepEqual(diagnostic!.range, {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 4 },
    });
  });
});

describe('strict scope of Markdown by file name', () => {
  it('reads strict front matter without kind', () => {
    const result = readFixture('roles/Role-Description-pt.md');
    assert.deepEqual(
      result.documents.map((document) => [document.kind, document.block.origin]),
      [[undefined, 'front-matter']],
    );
  });

  it('reports the missing kind', () => {
    const result = readFixture('roles/Role-Description-pt.md');
    const diagnostic = result.diagnostics.find((item) => item.code === 'missing-kind');
    assert.deepEqual(diagnostic?.data, { kind: 'RoleDescription' });
    assert.equal(
      diagnostic?.message,
      'Missing "kind". Add "kind: RoleDescription", the kind that the file name suggests.',
    );
    assert.deepEqual(diagnostic?.range, {
      start: { line: 1, character: 0 },
      end: { line: 1, character: 22 },
    });
  });

  it('validates the front matter', () => {
    const result = readFixture('roles/Role-Description-pt.md');
    const diagnostic = result.diagnostics.find((item) => item.code === 'schema-enum');
    assert.deepEqual(diagnostic?.data, { suggestions: ['proficient'] });
    assert.equal(diagnostic?.range.start.line, 6);
  });

  it('converts the front matter', () => {
    const result = readFixture('roles/Role-Description-pt.md');
    assert.deepEqual(
      result.entities.roles.map((role) => role.id),
      ['penetration-tester'],
    );
  });

  it('leaves an id-prefixed job description alone', () => {
    const result = readFixture('roles/Role-Description-qa.md');
    assert.deepEqual(result.documents, []);
    assert.deepEqual(result.diagnostics, []);
  });

  it('leaves front matter without strict keys alone', () => {
    const result = readFixture('roles/Role-Description-dev.md');
    assert.deepEqual(result.documents, []);
    assert.deepEqual(result.diagnostics, []);
  });

  it('honours configured job description types', () => {
    const conventions = {
      ...defaultConfig().frontMatter,
      jobDescriptionTypes: ['Stellenbeschreibung'],
    };
    const result = readFixture('roles/Role-Description-ops.md', conventions);
    assert.deepEqual(result.documents, []);
    assert.deepEqual(result.diagnostics, []);
  });

  it('reads unconfigured types as strict', () => {
    const result = readFixture('roles/Role-Description-ops.md');
    assert.deepEqual(
      result.documents.map((document) => document.kind),
      [undefined],
    );
  });
});

describe('kindFromFileName', () => {
  const cases: [string, string | undefined][] = [
    ['file:///qms/training_record_p-0042.yaml', 'TrainingRecord'],
    ['file:///qms/TrainingRecord-P-0042.yml', 'TrainingRecord'],
    ['file:///qms/security-competency-matrix.yaml', 'CompetencyMatrix'],
    ['file:///qms/Role_Description_Tester.yaml', 'RoleDescription'],
    ['file:///qms/security-training-profile-tester.yaml', 'TrainingProfile'],
    ['file:///qms/security_training.yaml', 'TrainingProgram'],
    ['file:///training-records/ci.yaml', undefined],
    ['file:///qms/release-plan.yaml', undefined],
  ];
  for (const [uri, kind] of cases) {
    it(`reads ${uri.split('/').pop()}`, () => {
      assert.equal(kindFromFileName(uri), kind);
    });
  }
});

describe('kindFromSchemaUri', () => {
  it('matches a relative path', () => {
    assert.equal(kindFromSchemaUri('../schemas/training-record.schema.json'), 'TrainingRecord');
  });

  it('matches the schema id', () => {
    const uri = 'https://competency-lens.invalid/schemas/training-profile.schema.json';
    assert.equal(kindFromSchemaUri(uri), 'TrainingProfile');
  });

  it('ignores other schemas', () => {
    assert.equal(kindFromSchemaUri('https://json.schemastore.org/github-workflow.json'), undefined);
  });
});
