import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import {
  loadSchema,
  SCHEMA_FILES,
  SCHEMA_ID_BASE,
} from '../../server/src/language-service/catalog';
import { DOCUMENT_KINDS, type DocumentKind } from '../../server/src/language-service/model';
import { fixture } from '../helpers/paths';

type Json = Record<string, unknown>;

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

function createAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

function compile(kind: DocumentKind): ValidateFunction {
  return createAjv().compile(loadSchema(SCHEMA_FILES[kind]));
}

/** Parses a fixture as the product does: YAML 1.2 with the core schema. */
function readYaml(...segments: string[]): Json {
  return parse(fs.readFileSync(fixture(...segments), 'utf8'), { version: '1.2' }) as Json;
}

function fixtureName(kind: DocumentKind): string {
  return SCHEMA_FILES[kind].replace('.schema.json', '.yaml');
}

function errorsOf(validate: ValidateFunction, document: unknown): ErrorObject[] {
  validate(document);
  return validate.errors ?? [];
}

/**
 * Walks a schema and returns the JSON pointer of every property that has no description.
 * `if` and `then` only restate properties for conditions, so hovers never show them.
 */
function propertiesWithoutDescription(schema: unknown, pointer = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const missing: string[] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'if' || key === 'then') continue;
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, property] of Object.entries(value as Json)) {
        const isSchemaObject = typeof property === 'object' && property !== null;
        if (isSchemaObject && !('description' in property)) {
          missing.push(`${pointer}/properties/${name}`);
        }
      }
    }
    missing.push(...propertiesWithoutDescription(value, `${pointer}/${key}`));
  }
  return missing;
}

/** Walks a schema and returns the JSON pointer of every object schema that allows any key. */
function openObjects(schema: unknown, pointer = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const open: string[] = [];
  const node = schema as Json;
  if (node.type === 'object' && node.additionalProperties === undefined) open.push(pointer);
  for (const [key, value] of Object.entries(node)) {
    open.push(...openObjects(value, `${pointer}/${key}`));
  }
  return open;
}

describe('document schemas', () => {
  for (const kind of DOCUMENT_KINDS) {
    describe(kind, () => {
      const schema = loadSchema(SCHEMA_FILES[kind]) as Json;

      it('declares draft-07', () => {
        assert.equal(schema.$schema, DRAFT_07);
      });

      it('has an id under the schema base', () => {
        assert.equal(schema.$id, SCHEMA_ID_BASE + SCHEMA_FILES[kind]);
      });

      it('is valid against the meta-schema', () => {
        const ajv = createAjv();
        assert.equal(ajv.validateSchema(schema), true, ajv.errorsText(ajv.errors));
      });

      it('compiles in strict mode', () => {
        assert.doesNotThrow(() => createAjv().compile(schema));
      });

      it('requires kind with its constant', () => {
        const properties = schema.properties as Record<string, Json>;
        assert.ok((schema.required as string[]).includes('kind'));
        assert.equal(properties.kind.const, kind);
      });

      it('describes every property', () => {
        assert.deepEqual(propertiesWithoutDescription(schema), []);
      });

      it('closes every object', () => {
        assert.deepEqual(openObjects(schema), []);
      });

      it('accepts the valid fixture', () => {
        const validate = compile(kind);
        const document = readYaml('schemas', 'valid', fixtureName(kind));
        assert.deepEqual(errorsOf(validate, document), []);
      });

      it('rejects the invalid fixture', () => {
        const validate = compile(kind);
        const document = readYaml('schemas', 'invalid', fixtureName(kind));
        assert.notDeepEqual(errorsOf(validate, document), []);
      });
    });
  }
});

describe('invalid fixtures', () => {
  // Each invalid fixture breaks exactly one rule, so the error must name that rule and place.
  const expected: Record<DocumentKind, { keyword: string; instancePath: string }> = {
    TrainingProgram: { keyword: 'required', instancePath: '/assessmentPrograms/0' },
    RoleDescription: { keyword: 'pattern', instancePath: '/clauses/0' },
    TrainingProfile: { keyword: 'pattern', instancePath: '/trainings/0/recurrence' },
    TrainingRecord: { keyword: 'type', instancePath: '/completed/0/version' },
    CompetencyMatrix: { keyword: 'enum', instancePath: '/people/0/levels/stride' },
  };

  for (const kind of DOCUMENT_KINDS) {
    it(`${kind} fails on its one error`, () => {
      const errors = errorsOf(compile(kind), readYaml('schemas', 'invalid', fixtureName(kind)));
      const relevant = errors.filter((error) => error.keyword !== 'if');
      assert.equal(relevant.length, 1, JSON.stringify(errors));
      assert.equal(relevant[0].keyword, expected[kind].keyword);
      assert.equal(relevant[0].instancePath, expected[kind].instancePath);
    });
  }
});

interface Case {
  name: string;
  kind: DocumentKind;
  /** Changes the parsed valid fixture of the kind. */
  change: (document: Json) => void;
  /** JSON pointer of the expected error, or undefined when the document must stay valid. */
  errorAt?: string;
}

const at = (document: Json, ...path: (string | number)[]): Json =>
  path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], document);

const cases: Case[] = [
  { name: 'missing kind', kind: 'RoleDescription', change: (d) => delete d.kind, errorAt: '' },
  {
    name: 'kind of another document',
    kind: 'RoleDescription',
    change: (d) => (d.kind = 'TrainingProfile'),
    errorAt: '/kind',
  },
  {
    name: 'unknown top-level property',
    kind: 'RoleDescription',
    change: (d) => (d.owner = 'someone'),
    errorAt: '',
  },
  {
    name: '$schema property',
    kind: 'RoleDescription',
    change: (d) => (d.$schema = SCHEMA_ID_BASE + 'role-description.schema.json'),
  },
  {
    name: 'id in camel case',
    kind: 'RoleDescription',
    change: (d) => (d.id = 'threatModeler'),
    errorAt: '/id',
  },
  {
    name: 'IEC 62443-4-1 practice reference',
    kind: 'RoleDescription',
    change: (d) => (d.clauses = ['IEC62443-4-1:SM-4', 'ISO13485:6.2']),
  },
  {
    name: 'numeric level',
    kind: 'RoleDescription',
    change: (d) => (at(d, 'competencies', 0).level = 3),
  },
  {
    name: 'level above four',
    kind: 'RoleDescription',
    change: (d) => (at(d, 'competencies', 0).level = 5),
    errorAt: '/competencies/0/level',
  },
  {
    name: 'unknown trigger',
    kind: 'TrainingProgram',
    change: (d) => (at(d, 'needsAnalysis').triggers = ['audit']),
    errorAt: '/needsAnalysis/triggers/0',
  },
  {
    name: 'pass threshold above 100',
    kind: 'TrainingProgram',
    change: (d) => (at(d, 'assessmentPrograms', 0).passThreshold = 120),
    errorAt: '/assessmentPrograms/0/passThreshold',
  },
  {
    name: 'self-assessment program without justification',
    kind: 'TrainingProgram',
    change: (d) => (d.assessmentPrograms = [{ id: 'self-check', method: 'self-assessment' }]),
    errorAt: '/assessmentPrograms/0',
  },
  {
    name: 'unknown training type',
    kind: 'TrainingProfile',
    change: (d) => (at(d, 'trainings', 0).type = 'webinar'),
    errorAt: '/trainings/0/type',
  },
  {
    name: 'duration of years and months',
    kind: 'TrainingProfile',
    change: (d) => (at(d, 'trainings', 0).recurrence = 'P2Y6M'),
  },
  {
    name: 'duration in days',
    kind: 'TrainingProfile',
    change: (d) => (at(d, 'trainings', 0).recurrence = 'P90D'),
  },
  {
    name: 'duration without a number',
    kind: 'TrainingProfile',
    change: (d) => (at(d, 'trainings', 0).recurrence = 'P'),
    errorAt: '/trainings/0/recurrence',
  },
  {
    name: 'negative due days',
    kind: 'TrainingProfile',
    change: (d) => (at(d, 'trainings', 0).dueWithinDays = -1),
    errorAt: '/trainings/0/dueWithinDays',
  },
  {
    name: 'unknown assessment method',
    kind: 'TrainingProfile',
    change: (d) => (at(d, 'assessment').method = 'interview'),
    errorAt: '/assessment/method',
  },
  {
    name: 'date in DD.MM.YYYY form',
    kind: 'TrainingRecord',
    change: (d) => (at(d, 'completed', 0).date = '20.11.2025'),
    errorAt: '/completed/0/date',
  },
  {
    name: 'impossible date',
    kind: 'TrainingRecord',
    change: (d) => (at(d, 'person').startDate = '2024-02-30'),
    errorAt: '/person/startDate',
  },
  {
    name: 'score result',
    kind: 'TrainingRecord',
    change: (d) => (at(d, 'completed', 0, 'assessment').result = 85),
  },
  {
    name: 'score above 100',
    kind: 'TrainingRecord',
    change: (d) => (at(d, 'completed', 0, 'assessment').result = 101),
    errorAt: '/completed/0/assessment/result',
  },
  {
    name: 'result word not pass or fail',
    kind: 'TrainingRecord',
    change: (d) => (at(d, 'completed', 0, 'assessment').result = 'passed'),
    errorAt: '/completed/0/assessment/result',
  },
  {
    name: 'self-assessment without justification',
    kind: 'TrainingRecord',
    change: (d) => (at(d, 'completed', 0, 'assessment').method = 'self-assessment'),
    errorAt: '/completed/0/assessment',
  },
  {
    name: 'completion without date',
    kind: 'TrainingRecord',
    change: (d) => delete at(d, 'completed', 0).date,
    errorAt: '/completed/0',
  },
  {
    name: 'assignment with item and objectivity measure',
    kind: 'TrainingRecord',
    change: (d) => {
      const assignment = at(d, 'assignments', 0);
      assignment.to = '2025-12-31';
      assignment.item = 'infusion-pump-app';
      assignment.objectivityMeasure = 'External penetration test of each release';
    },
  },
  {
    name: 'person id in upper case',
    kind: 'TrainingRecord',
    change: (d) => (at(d, 'person').id = 'P-0042'),
    errorAt: '/person/id',
  },
  {
    name: 'competency id with spaces',
    kind: 'CompetencyMatrix',
    change: (d) => (at(d, 'people', 0, 'levels')['secure coding'] = 'basic'),
    errorAt: '/people/0/levels',
  },
  {
    name: 'entry without levels',
    kind: 'CompetencyMatrix',
    change: (d) => delete at(d, 'people', 0).levels,
    errorAt: '/people/0',
  },
];

describe('schema rules', () => {
  for (const testCase of cases) {
    it(`${testCase.kind} ${testCase.name}`, () => {
      const document = readYaml('schemas', 'valid', fixtureName(testCase.kind));
      testCase.change(document);
      const errors = errorsOf(compile(testCase.kind), document);
      if (testCase.errorAt === undefined) {
        assert.deepEqual(errors, []);
      } else {
        const paths = errors.map((error) => error.instancePath);
        assert.ok(paths.includes(testCase.errorAt), JSON.stringify(errors));
      }
    });
  }

  it('unquoted date stays a string', () => {
    const document = readYaml('schemas', 'valid', 'training-record.yaml');
    assert.equal(at(document, 'person').startDate, '2024-02-01');
  });
});
