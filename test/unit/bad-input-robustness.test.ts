import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadCatalog } from '../../server/src/language-service/catalog';
import { defaultConfig } from '../../server/src/language-service/config';
import { emptyEntities, type Reference } from '../../server/src/language-service/model';
import { mergeEntities, parseFile } from '../../server/src/language-service/parse-file';
import { createSourceFile } from '../../server/src/language-service/source-file';
import { fixture } from '../helpers/paths';

/** More items than a spread call can pass as arguments on Node 20's default stack. */
const HUGE_LENGTH = 200_000;

describe('unbounded arrays', () => {
  it('mergeEntities takes a huge part', () => {
    const part = emptyEntities();
    const reference = { kind: 'training', id: 't-1' } as unknown as Reference;
    part.references = new Array<Reference>(HUGE_LENGTH).fill(reference);
    const merged = mergeEntities([emptyEntities(), part]);
    assert.equal(merged.references.length, HUGE_LENGTH);
  });
});

describe('YAML 1.1 check on prototype names', () => {
  const path = fixture('strict', 'prototype-names.yaml');
  const file = createSourceFile(pathToFileURL(path).href, fs.readFileSync(path, 'utf8'));
  const parsed = parseFile(file, { catalog: loadCatalog(), config: defaultConfig() });
  const warnings = parsed.diagnostics.filter((d) => d.code === 'yaml11-ambiguous');

  for (const name of ['toString', 'valueOf', 'constructor', 'hasOwnProperty', '__proto__']) {
    it(`${name} is not a boolean`, () => {
      const named = warnings.filter((warning) => warning.message.includes(`unquoted ${name} `));
      assert.deepEqual(named, []);
    });
  }

  it('yes still warns', () => {
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!.message, /unquoted yes as the boolean true/);
  });
});
