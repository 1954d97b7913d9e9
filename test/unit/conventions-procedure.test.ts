import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadCatalog } from '../../server/src/language-service/catalog';
import { defaultConfig, type RepositoryConfig } from '../../server/src/language-service/config';
import { parseFile, type ParsedFile } from '../../server/src/language-service/parse-file';
import { createSourceFile } from '../../server/src/language-service/source-file';
import { fixture } from '../helpers/paths';

function read(config: RepositoryConfig): ParsedFile {
  const path = fixture('conventions', 'SOP-012-release.md');
  const file = createSourceFile(pathToFileURL(path).href, fs.readFileSync(path, 'utf8'));
  return parseFile(file, { catalog: loadCatalog(), config });
}

describe('procedure training block', () => {
  const parsed = read(defaultConfig());

  it('one profile per department', () => {
    assert.deepEqual(
      parsed.entities.profiles.map((profile) => profile.role),
      ['engineering', 'quality'],
    );
  });

  it('requirement from procedure id', () => {
    const training = parsed.entities.profiles[0]?.trainings[0];
    assert.equal(training?.id, 'sop-012');
    assert.equal(training?.type, 'read-and-acknowledge');
    assert.equal(training?.dueWithinDays, 14);
    assert.equal(training?.title, 'Software Release');
  });

  it('acknowledgment assessment', () => {
    assert.equal(parsed.entities.profiles[0]?.assessment?.method, 'acknowledgment');
    assert.deepEqual(parsed.entities.profiles[0]?.departments, ['Engineering', 'Quality']);
  });

  it('departments diagnostic on key', () => {
    const diagnostic = parsed.diagnostics.find((item) => item.code === 'departments-for-roles');
    assert.equal(diagnostic?.range.start.line, 4);
    assert.equal(diagnostic?.range.start.character, 2);
    assert.equal(diagnostic?.severity, 3);
  });

  it('configured departments map roles', () => {
    const config = defaultConfig();
    config.departments = { engineering: ['software-developer', 'release-manager'] };
    const mapped = read(config);
    assert.deepEqual(
      mapped.entities.profiles.map((profile) => profile.role),
      ['software-developer', 'release-manager', 'quality'],
    );
    const diagnostic = mapped.diagnostics.find((item) => item.code === 'departments-for-roles');
    assert.match(
      diagnostic?.message ?? '',
      /Engineering → software-developer, release-manager \(configured\)/,
    );
  });
});
