import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { findYamlBlocks, type YamlScan } from '../../server/src/language-service/documents';
import { createSourceFile } from '../../server/src/language-service/source-file';
import { fixture } from '../helpers/paths';

function scan(name: string): YamlScan {
  const path = fixture('documents', name);
  return findYamlBlocks(createSourceFile(pathToFileURL(path).href, fs.readFileSync(path, 'utf8')));
}

describe('unclosed front matter', () => {
  it('is a yaml-syntax error on line 1', () => {
    const errors = scan('unclosed-front-matter.md').diagnostics;
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.code, 'yaml-syntax');
    assert.equal(errors[0]!.range.start.line, 0);
  });

  it('message names the fix', () => {
    const [error] = scan('unclosed-front-matter.md').diagnostics;
    assert.match(error!.message, /not closed/);
    assert.match(error!.message, /closing `---` line/);
  });

  it('leading rule before prose is no error', () => {
    assert.deepEqual(scan('leading-rule.md').diagnostics, []);
  });

  it('closed front matter is no error', () => {
    const result = scan('role-description.md');
    assert.equal(
      result.diagnostics.some((d) => d.message.includes('not closed')),
      false,
    );
  });
});
