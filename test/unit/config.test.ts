import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { defaultConfig, readRepositoryConfig } from '../../server/src/language-service/config';
import { repoRoot } from '../helpers/paths';
import * as path from 'node:path';

const URI = 'file:///repo/.competency-lens.yaml';

function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
  return {
    start: { line: startLine, character: startCharacter },
    end: { line: endLine, character: endCharacter },
  };
}

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

  it('unknown key names the allowed keys', () => {
    const { diagnostics } = readRepositoryConfig('exlcude: []\n', URI);
    assert.equal(diagnostics.length, 1);
    assert.equal(
      diagnostics[0]?.message,
      'Unknown key "exlcude" in the configuration, so it is ignored. Allowed keys: include, ' +
        'exclude, columns, frontMatter, departments, keywords, today, expiryWarningDays, ' +
        'report. Did you mean "exclude"?',
    );
    assert.deepEqual(diagnostics[0]?.range, range(0, 0, 0, 7));
    assert.deepEqual(diagnostics[0]?.data, { suggestions: ['exclude'] });
  });

  it('unknown nested key keeps its setting default', () => {
    const { config, diagnostics } = readRepositoryConfig(
      'frontMatter:\n  typeKy: kind\n  idKey: doc-id\n',
      URI,
    );
    assert.equal(diagnostics.length, 1);
    assert.equal(
      diagnostics[0]?.message,
      'Unknown key "typeKy" in "frontMatter", so "frontMatter" keeps its default. Allowed ' +
        'keys: typeKey, idKey, titleKey, jobDescriptionTypes, jobDescriptionIdPrefixes. ' +
        'Did you mean "typeKey"?',
    );
    assert.deepEqual(diagnostics[0]?.range, range(1, 2, 1, 8));
    assert.equal(config.frontMatter.idKey, 'id');
  });

  it('wrong type gets an example', () => {
    const { diagnostics } = readRepositoryConfig('include: qms/**/*.md\n', URI);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.code, 'schema-type');
    assert.equal(
      diagnostics[0]?.message,
      '"include" must be a list; found "qms/**/*.md". Write it as, for example, ' +
        '`include: ["qms/**/*.md"]`. Until this is fixed, "include" keeps its default.',
    );
    assert.deepEqual(diagnostics[0]?.range, range(0, 9, 0, 20));
  });

  it('number where text is expected', () => {
    const { diagnostics } = readRepositoryConfig('report:\n  documentId: 21\n', URI);
    assert.equal(diagnostics.length, 1);
    assert.equal(
      diagnostics[0]?.message,
      '"documentId" must be text, but YAML reads 21 as a number. Quote it: "21". ' +
        'Until this is fixed, "report" keeps its default.',
    );
    assert.deepEqual(diagnostics[0]?.range, range(1, 14, 1, 16));
  });

  it('date in another form suggests ISO', () => {
    const { diagnostics } = readRepositoryConfig('today: 1.2.2026\n', URI);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.code, 'schema-format');
    assert.equal(
      diagnostics[0]?.message,
      '"today" must be a date in the form YYYY-MM-DD, such as 2024-02-01; found "1.2.2026". ' +
        'Did you mean "2026-02-01"? Until this is fixed, "today" keeps its default.',
    );
    assert.deepEqual(diagnostics[0]?.range, range(0, 7, 0, 15));
  });

  it('column field outside the enum', () => {
    const { diagnostics } = readRepositoryConfig('columns:\n  Kollege: persn\n', URI);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]?.message ?? '', /^"Kollege" must be one of person, role, /);
    assert.match(diagnostics[0]?.message ?? '', /found "persn"\. Did you mean "person"\?/);
    assert.deepEqual(diagnostics[0]?.range, range(1, 11, 1, 16));
  });

  it('missing key in a keyword rule', () => {
    const text = 'keywords:\n  competencies:\n    - competency: fuzzing\n';
    const { config, diagnostics } = readRepositoryConfig(text, URI);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.code, 'schema-required');
    assert.equal(
      diagnostics[0]?.message,
      'Missing required key "phrases" in entry 1 of "keywords.competencies", so "keywords" ' +
        'keeps its default. Add "phrases:".',
    );
    assert.deepEqual(diagnostics[0]?.range, range(2, 6, 2, 16));
    assert.deepEqual(config.keywords, {});
  });

  it('list in place of settings', () => {
    const { config, diagnostics } = readRepositoryConfig('- include\n', URI);
    assert.equal(diagnostics.length, 1);
    assert.equal(
      diagnostics[0]?.message,
      'The document must be a block of properties (key: value lines); found a list. ' +
        'Until this is fixed, every setting keeps its default.',
    );
    assert.deepEqual(diagnostics[0]?.range, range(0, 0, 0, 9));
    assert.deepEqual(config, defaultConfig());
  });

  it('unclosed brackets reported once', () => {
    const { diagnostics } = readRepositoryConfig('include: [a, [b, [c\n', URI);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.code, 'yaml-syntax');
    assert.match(diagnostics[0]?.message ?? '', /end with a \]\. Indent with spaces/);
  });

  it('duplicate key names the key', () => {
    const { diagnostics } = readRepositoryConfig('today: 2026-01-01\ntoday: 2026-02-01\n', URI);
    assert.equal(diagnostics.length, 1);
    assert.equal(
      diagnostics[0]?.message,
      'The key "today" appears more than once in this mapping. Remove the extra entry or ' +
        'rename it.',
    );
    assert.deepEqual(diagnostics[0]?.range, range(1, 0, 1, 5));
  });

  it('second document is reported', () => {
    const text = 'expiryWarningDays: 10\n---\ntoday: 2026-01-01\n';
    const { config, diagnostics } = readRepositoryConfig(text, URI);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]?.message ?? '', /only the first is read/);
    assert.deepEqual(diagnostics[0]?.range, range(2, 0, 2, 17));
    assert.equal(config.expiryWarningDays, 10);
    assert.equal(config.today, undefined);
  });

  it('diagnostics in file order', () => {
    const text = 'bogus: 1\ntoday: x\nexpiryWarningDays: -1\n';
    const { diagnostics } = readRepositoryConfig(text, URI);
    assert.deepEqual(
      diagnostics.map((item) => item.range.start.line),
      [0, 1, 2],
    );
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
