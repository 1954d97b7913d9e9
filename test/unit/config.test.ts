import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { defaultConfig, readRepositoryConfig } from '../../server/src/language-service/config';
import { repoRoot } from '../helpers/paths';
import * as path from 'node:path';

const URI = 'file:///repo/.competency-lens.yaml';

describe('repository config', () => {
  it('empty file gives defaults', () => {
    const result = readRepositoryConfig('', URI);
    assert.deepEqual(result.config, defaultConfig());
    assert.equal(result.diagnostics.length, 0);
  });

  it('reads every setting', () => {
    const text = [
      'include: ["qms/**/*.md"]',
      'exclude: ["drafts/**"]',
      'columns: { Kollege: person }',
      'frontMatter: { jobDescriptionIdPrefixes: [SB-] }',
      'departments: { Engineering: [software-developer] }',
      'keywords: { competencies: [{ competency: fuzzing, phrases: [afl] }] }',
      "today: '2026-11-01'",
      'expiryWarningDays: 45',
      'report: { documentId: QMS-REC-021, productName: Pump Controller }',
    ].join('\n');
    const { config, diagnostics } = readRepositoryConfig(text, URI);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(config.include, ['qms/**/*.md']);
    assert.equal(config.columns['Kollege'], 'person');
    assert.deepEqual(config.frontMatter.jobDescriptionIdPrefixes, ['SB-']);
    assert.equal(config.frontMatter.typeKey, 'type');
    assert.deepEqual(config.departments['Engineering'], ['software-developer']);
    assert.equal(config.keywords.competencies?.[0]?.competency, 'fuzzing');
    assert.equal(config.today, '2026-11-01');
    assert.equal(config.expiryWarningDays, 45);
    assert.equal(config.report.productName, 'Pump Controller');
  });

  it('unknown key on its range', () => {
    const { config, diagnostics } = readRepositoryConfig(
      'expiryWarningDays: 10\nexlcude: []\n',
      URI,
    );
    assert.equal(diagnostics[0]?.code, 'schema-additional-property');
    assert.deepEqual(diagnostics[0]?.range.start, { line: 1, character: 0 });
    assert.equal(config.expiryWarningDays, 10);
  });

  it('invalid value keeps default', () => {
    const { config, diagnostics } = readRepositoryConfig(
      'today: 2026-02-30\nexpiryWarningDays: -1\n',
      URI,
    );
    assert.deepEqual(diagnostics.map((item) => item.code).sort(), [
      'schema-format',
      'schema-range',
    ]);
    assert.equal(config.today, undefined);
    assert.equal(config.expiryWarningDays, 30);
  });

  it('invalid column field is an enum error', () => {
    const { diagnostics } = readRepositoryConfig('columns:\n  Kollege: persn\n', URI);
    assert.equal(diagnostics[0]?.code, 'schema-enum');
    assert.deepEqual(diagnostics[0]?.range.start, { line: 1, character: 11 });
  });

  it('YAML error gives defaults', () => {
    const { config, diagnostics } = readRepositoryConfig('include: [a\n', URI);
    assert.equal(diagnostics[0]?.code, 'yaml-syntax');
    assert.deepEqual(config, defaultConfig());
  });

  it('shipped keywords match their schema', () => {
    const load = (name: string): object =>
      JSON.parse(
        fs.readFileSync(path.join(repoRoot, 'schemas', 'catalog', name), 'utf8'),
      ) as object;
    const validate = new Ajv({ strict: false }).compile(load('catalog-keywords.schema.json'));
    assert.equal(validate(load('keywords.json')), true, JSON.stringify(validate.errors));
  });
});
