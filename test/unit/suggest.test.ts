import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../server/src/language-service/catalog';
import { didYouMean, editDistance, suggest } from '../../server/src/language-service/suggest';

const roleIds = loadCatalog().roles.map((role) => role.id);

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    assert.equal(editDistance('levle', 'level'), 1);
  });

  it('counts insertions and substitutions', () => {
    assert.equal(editDistance('sales-manager', 'release-manager'), 4);
  });
});

describe('suggest', () => {
  it('role with a shared suffix only', () => {
    assert.deepEqual(suggest('sales-manager', roleIds), []);
  });

  it('role with a missing letter', () => {
    assert.deepEqual(suggest('secure-code-reviwer', roleIds), ['secure-code-reviewer']);
  });

  it('role with a British spelling', () => {
    assert.deepEqual(suggest('threat-modeller', roleIds), ['threat-modeler']);
  });

  it('property with swapped letters', () => {
    assert.deepEqual(suggest('levle', ['competency', 'level']), ['level']);
  });

  it('enum value containing the candidate', () => {
    assert.deepEqual(suggest('passed', ['pass', 'fail']), ['pass']);
  });

  it('containment shorter than four characters', () => {
    assert.deepEqual(suggest('quizzes', ['qui']), []);
  });

  it('one edit allowed in a short id', () => {
    assert.deepEqual(suggest('cvs', ['cvss', 'sbom']), ['cvss']);
  });

  it('exact match is no suggestion', () => {
    assert.deepEqual(suggest('Stride', ['stride']), []);
  });
});

describe('didYouMean', () => {
  it('joins three suggestions', () => {
    assert.equal(didYouMean(['a', 'b', 'c']), ' Did you mean "a", "b" or "c"?');
  });

  it('empty for no suggestions', () => {
    assert.equal(didYouMean([]), '');
  });
});
