import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseCoverage } from '../../server/src/language-service/coverage/analyse';
import { loadCatalog } from '../../server/src/language-service/catalog';
import { ModelBuilder, TODAY } from '../helpers/model-builder';

// The same analysis over the built-in catalog that ships with the product.
describe('coverage with the built-in catalog', () => {
  const catalog = loadCatalog();

  it('catalog role competencies apply without a description', () => {
    const builder = new ModelBuilder().profile('tm', 'threat-modeler', [
      { id: 'basics', type: 'role-specific', recurrence: 'P1Y', covers: { stride: 4 } },
    ]);
    const result = analyseCoverage(builder.build(), catalog, {
      today: TODAY,
      expiryWarningDays: 30,
    });
    const required = catalog.role('threat-modeler')?.competencies ?? [];
    const others = required.filter((entry) => entry.level > 0 && entry.competency !== 'stride');
    const untrained = result.gaps.filter((gap) => gap.code === 'competency-not-trained');
    assert.ok(others.length > 0);
    assert.equal(untrained.length, others.length);
  });

  it('awareness-only names the untrained competencies', () => {
    const builder = new ModelBuilder().profile('tm', 'threat-modeler', [
      { id: 'basics', type: 'awareness', recurrence: 'P1Y' },
    ]);
    const result = analyseCoverage(builder.build(), catalog, {
      today: TODAY,
      expiryWarningDays: 30,
    });
    const [gap, ...rest] = result.gaps.filter((entry) => entry.code === 'awareness-only');
    assert.equal(rest.length, 0);
    assert.match(gap?.message ?? '', /It leaves stride \(\w+\)[^.]* untrained\./);
    assert.deepEqual(
      result.gaps.filter((entry) => entry.code === 'competency-not-trained'),
      [],
    );
  });

  it('awareness-only for a catalog technical role', () => {
    const builder = new ModelBuilder().profile('tester', 'security-tester', [
      { id: 'basics', type: 'awareness', recurrence: 'P1Y' },
    ]);
    const result = analyseCoverage(builder.build(), catalog, {
      today: TODAY,
      expiryWarningDays: 30,
    });
    assert.equal(result.gaps.filter((gap) => gap.code === 'awareness-only').length, 1);
  });

  it('every catalog role id is a known reference', () => {
    const builder = new ModelBuilder();
    for (const role of catalog.roles) builder.reference('role', role.id);
    const result = analyseCoverage(builder.build(), catalog, {
      today: TODAY,
      expiryWarningDays: 30,
    });
    assert.deepEqual(
      result.gaps.filter((gap) => gap.code === 'unknown-reference'),
      [],
    );
  });

  it('activity-without-role lists in-scope clauses nobody serves', () => {
    const builder = new ModelBuilder().program('program', {
      assessmentPrograms: [{ id: 'quiz', method: 'quiz' }],
    });
    const result = analyseCoverage(builder.build(), catalog, {
      today: TODAY,
      expiryWarningDays: 30,
    });
    const inScope = catalog.clauses.filter((clause) => clause.inScope);
    const [gap, ...rest] = result.gaps.filter((entry) => entry.code === 'activity-without-role');
    assert.equal(rest.length, 0);
    for (const clause of inScope) {
      assert.ok(gap?.clauses.includes(clause.id), clause.id);
      assert.ok(gap?.message.includes(`${clause.id} (${clause.title})`), clause.id);
    }
    assert.match(gap?.message ?? '', new RegExp(`^No role serves these ${inScope.length} `));
  });
});
