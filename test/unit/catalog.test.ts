import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { CATALOG_FILES, loadCatalog } from '../../server/src/language-service/catalog';
import { LEVEL_NAMES, TRAINING_TYPES } from '../../server/src/language-service/model';
import { schemasDirectory } from '../../server/src/language-service/resources';
import { repoRoot } from '../helpers/paths';

const ROLE_IDS = [
  'product-security-lead',
  'security-architect',
  'threat-modeler',
  'security-risk-manager',
  'software-developer',
  'secure-code-reviewer',
  'security-tester',
  'penetration-tester',
  'vulnerability-handler',
  'sbom-manager',
  'release-manager',
  'maintenance-engineer',
  'devsecops-engineer',
  'regulatory-affairs',
  'service-engineer',
  'all-personnel',
];

const COMPETENCY_IDS = [
  'stride',
  'attack-trees',
  'data-flow-diagrams',
  'secure-coding',
  'cwe-top-25',
  'owasp-top-10',
  'owasp-asvs',
  'static-analysis',
  'code-review',
  'fuzzing',
  'vulnerability-scanning',
  'penetration-testing',
  'cvss',
  'coordinated-disclosure',
  'sbom',
  'security-risk-management',
  'code-signing',
  'cicd-hardening',
  'security-awareness',
];

const METHOD_IDS = [
  'quiz',
  'acknowledgment',
  'instructor-sign-off',
  'supervised-practice',
  'peer-review',
  'external-certification',
  'self-assessment',
];

const catalog = loadCatalog();

function readJson(filePath: string): unknown {
  return JSON.parse(fs.readFileSync(filePath, 'utf8')) as unknown;
}

function duplicates(ids: string[]): string[] {
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}

describe('catalog files', () => {
  const catalogDirectory = path.join(schemasDirectory(), 'catalog');

  for (const fileName of Object.values(CATALOG_FILES)) {
    it(`${fileName} matches its schema`, () => {
      const schemaFile = `catalog-${fileName.replace('.json', '')}.schema.json`;
      const ajv = new Ajv({ strict: true, allErrors: true });
      const schema = readJson(path.join(catalogDirectory, schemaFile)) as object;
      assert.equal(ajv.validateSchema(schema), true, ajv.errorsText(ajv.errors));

      const validate = ajv.compile(schema);
      validate(readJson(path.join(catalogDirectory, fileName)));
      assert.deepEqual(validate.errors ?? [], []);
    });
  }

  it('ids are unique per file', () => {
    assert.deepEqual(duplicates(catalog.clauses.map((entry) => entry.id)), []);
    assert.deepEqual(duplicates(catalog.roles.map((entry) => entry.id)), []);
    assert.deepEqual(duplicates(catalog.competencies.map((entry) => entry.id)), []);
    assert.deepEqual(duplicates(catalog.levels.map((entry) => entry.id)), []);
    assert.deepEqual(duplicates(catalog.assessmentMethods.map((entry) => entry.id)), []);
    assert.deepEqual(duplicates(catalog.trainingTypes.map((entry) => entry.id)), []);
  });
});

describe('catalog content', () => {
  it('has exactly the sixteen roles', () => {
    assert.deepEqual(catalog.roles.map((role) => role.id).sort(), [...ROLE_IDS].sort());
  });

  it('has the listed competencies', () => {
    const missing = COMPETENCY_IDS.filter((id) => !catalog.competency(id));
    assert.deepEqual(missing, []);
  });

  it('has exactly the seven assessment methods', () => {
    const ids = catalog.assessmentMethods.map((method) => method.id).sort();
    assert.deepEqual(ids, [...METHOD_IDS].sort());
  });

  it('has exactly the five training types', () => {
    const ids = catalog.trainingTypes.map((type) => type.id).sort();
    assert.deepEqual(ids, [...TRAINING_TYPES].sort());
  });

  it('levels are 0 to 4 by name', () => {
    assert.deepEqual(
      catalog.levels.map((level) => [level.value, level.id]),
      LEVEL_NAMES.map((name, value) => [value, name]),
    );
  });

  it('only security awareness is non-technical', () => {
    const nonTechnical = catalog.competencies.filter((competency) => !competency.technical);
    assert.deepEqual(
      nonTechnical.map((competency) => competency.id),
      ['security-awareness'],
    );
  });

  it('role competencies exist', () => {
    const unknown = catalog.roles.flatMap((role) =>
      role.competencies
        .filter((requirement) => !catalog.competency(requirement.competency))
        .map((requirement) => `${role.id}: ${requirement.competency}`),
    );
    assert.deepEqual(unknown, []);
  });

  it('role clauses exist', () => {
    const unknown = catalog.roles.flatMap((role) =>
      role.clauses.filter((id) => !catalog.clause(id)).map((id) => `${role.id}: ${id}`),
    );
    assert.deepEqual(unknown, []);
  });

  it('independence names catalog roles', () => {
    const unknown = catalog.roles.flatMap((role) =>
      role.independentOf.filter((id) => !catalog.role(id)).map((id) => `${role.id}: ${id}`),
    );
    assert.deepEqual(unknown, []);
  });

  it('testers are independent of developers', () => {
    assert.ok(catalog.role('security-tester')?.independentOf.includes('software-developer'));
    assert.ok(catalog.role('penetration-tester')?.independentOf.includes('software-developer'));
  });

  it('every in-scope clause has a role', () => {
    const served = new Set(catalog.roles.flatMap((role) => role.clauses));
    const unserved = catalog.clauses
      .filter((clause) => clause.inScope && !served.has(clause.id))
      .map((clause) => clause.id);
    assert.deepEqual(unserved, []);
  });

  it('covers the clause 4.1.4 and ISO 13485 6.2 entries', () => {
    assert.equal(catalog.clause('IEC81001-5-1:4.1.4')?.inScope, true);
    assert.equal(catalog.clause('ISO13485:6.2')?.inScope, true);
    assert.ok(catalog.clause('IEC81001-5-1:4.1.4')?.parallels.includes('IEC62443-4-1:SM-4'));
    assert.ok(catalog.clause('IEC81001-5-1:4.1.4')?.parallels.includes('ISO13485:6.2'));
  });

  it('testing clauses are technical', () => {
    for (const id of ['5.7.1', '5.7.2', '5.7.3', '5.7.4', '5.7.5', '7.2', '7.3']) {
      assert.equal(catalog.clause(`IEC81001-5-1:${id}`)?.technical, true, id);
    }
  });

  it('parallels exist both ways', () => {
    const broken = catalog.clauses.flatMap((clause) =>
      clause.parallels
        .filter((other) => !catalog.clause(other)?.parallels.includes(clause.id))
        .map((other) => `${clause.id} -> ${other}`),
    );
    assert.deepEqual(broken, []);
  });

  it('technical clause roles need level 2', () => {
    // A role serving a technical clause must need at least one competency at level 2 or more,
    // because awareness alone never demonstrates expertise.
    const awarenessOnly = catalog.roles
      .filter((role) => role.clauses.some((id) => catalog.clause(id)?.technical))
      .filter((role) => role.competencies.every((requirement) => requirement.level < 2))
      .map((role) => role.id);
    assert.deepEqual(awarenessOnly, []);
  });

  it('all-personnel is the awareness baseline', () => {
    const role = catalog.role('all-personnel');
    assert.deepEqual(role?.competencies, [{ competency: 'security-awareness', level: 1 }]);
    assert.equal(
      role?.clauses.some((id) => catalog.clause(id)?.technical),
      false,
    );
  });

  it('keywords identify developers and reviewers', () => {
    const developer = catalog.role('software-developer')?.keywords ?? [];
    const reviewer = catalog.role('secure-code-reviewer')?.keywords ?? [];
    for (const keyword of ['software engineer', 'developer', 'implement', 'programming']) {
      assert.ok(developer.includes(keyword), keyword);
    }
    for (const keyword of ['code review', 'reviews code', 'pull request']) {
      assert.ok(reviewer.includes(keyword), keyword);
    }
  });

  it('acknowledgment and self-assessment show no expertise', () => {
    const without = catalog.assessmentMethods
      .filter((method) => !method.demonstratesExpertise)
      .map((method) => method.id)
      .sort();
    assert.deepEqual(without, ['acknowledgment', 'self-assessment']);
  });

  it('quiz and self-assessment state their condition', () => {
    assert.match(catalog.assessmentMethod('quiz')?.condition ?? '', /pass threshold/);
    assert.match(catalog.assessmentMethod('self-assessment')?.condition ?? '', /justification/);
  });

  it('training type maximum levels', () => {
    const maxLevels = Object.fromEntries(catalog.trainingTypes.map((t) => [t.id, t.maxLevel]));
    assert.deepEqual(maxLevels, {
      awareness: 1,
      'read-and-acknowledge': 1,
      'role-specific': 4,
      certification: 4,
      'on-the-job': 4,
    });
  });
});

describe('catalog loader', () => {
  it('schemas directory contains catalog', () => {
    assert.equal(schemasDirectory(), path.join(repoRoot, 'schemas'));
  });

  it('returns the cached catalog', () => {
    assert.equal(loadCatalog(), catalog);
  });

  it('looks up entries by id', () => {
    assert.equal(catalog.role('threat-modeler')?.title, 'Threat Modeler');
    assert.equal(catalog.clause('IEC81001-5-1:5.7.3')?.title, 'Vulnerability testing');
    assert.equal(catalog.competency('stride')?.technical, true);
    assert.equal(catalog.assessmentMethod('quiz')?.demonstratesExpertise, true);
  });

  it('returns undefined for unknown ids', () => {
    assert.equal(catalog.role('threat-modeller'), undefined);
    assert.equal(catalog.clause('IEC81001-5-1:99'), undefined);
    assert.equal(catalog.competency('Stride'), undefined);
    assert.equal(catalog.assessmentMethod('interview'), undefined);
  });
});

interface GrammarRule {
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  name?: string;
}

describe('injection grammar', () => {
  const grammarPath = path.join(repoRoot, 'syntaxes', 'competency-lens.injection.json');
  const grammar = readJson(grammarPath) as {
    scopeName: string;
    injectionSelector: string;
    repository: Record<string, GrammarRule>;
  };

  function ruleRegex(name: string): RegExp {
    const source = grammar.repository[name].match;
    assert.ok(source, `rule ${name} has no match`);
    return new RegExp(source, 'g');
  }

  it('has its scope name and selector', () => {
    assert.equal(grammar.scopeName, 'competency-lens.injection');
    assert.match(grammar.injectionSelector, /source\.yaml/);
    assert.match(grammar.injectionSelector, /text\.html\.markdown/);
  });

  it('regexes compile in JavaScript', () => {
    for (const [name, rule] of Object.entries(grammar.repository)) {
      for (const key of ['match', 'begin', 'end', 'while'] as const) {
        const source = rule[key];
        if (source !== undefined) assert.doesNotThrow(() => new RegExp(source), `${name}.${key}`);
      }
    }
  });

  it('matches clause references', () => {
    const text = 'serves IEC81001-5-1:5.7.3, IEC62443-4-1:SM-4 and ISO13485:6.2.';
    const found = [...text.matchAll(ruleRegex('clause-reference'))].map((match) => match[0]);
    assert.deepEqual(found, ['IEC81001-5-1:5.7.3', 'IEC62443-4-1:SM-4', 'ISO13485:6.2']);
  });

  it('matches every catalog role id', () => {
    const ids = catalog.roles.map((role) => role.id);
    const found = [...ids.join(', ').matchAll(ruleRegex('role-id'))].map((match) => match[0]);
    assert.deepEqual(found, ids);
  });

  it('skips ids inside longer ids', () => {
    const text = 'lead-software-developer and software-developer-2 and xthreat-modeler';
    assert.deepEqual(text.match(ruleRegex('role-id')), null);
  });
});
