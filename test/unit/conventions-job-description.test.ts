import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadCatalog } from '../../server/src/language-service/catalog';
import { defaultConfig } from '../../server/src/language-service/config';
import { parseFile, type ParsedFile } from '../../server/src/language-service/parse-file';
import { createSourceFile } from '../../server/src/language-service/source-file';
import { Workspace } from '../../server/src/language-service/workspace';
import { fixture } from '../helpers/paths';

function read(name: string, area = 'conventions'): ParsedFile {
  const path = fixture(area, name);
  const file = createSourceFile(pathToFileURL(path).href, fs.readFileSync(path, 'utf8'));
  return parseFile(file, { catalog: loadCatalog(), config: defaultConfig() });
}

describe('job description', () => {
  const parsed = read('JD-SEC-004.md');
  const role = parsed.entities.roles[0]!;
  const profile = parsed.entities.profiles[0]!;
  const training = (id: string) => profile.trainings.find((item) => item.id === id);

  it('role id from front matter', () => {
    assert.equal(role.id, 'jd-sec-004');
    assert.equal(role.title, 'Embedded Software Engineer');
    assert.equal(role.origin, 'job-description');
  });

  it('role range is the first heading', () => {
    assert.equal(role.location?.range.start.line, 8);
  });

  it('maps title and code review duty', () => {
    assert.deepEqual(role.mapping?.catalogRoles, ['software-developer', 'secure-code-reviewer']);
    assert.match(role.mapping?.reason ?? '', /"code review" of secure-code-reviewer/);
  });

  it('participle phrase does not map', () => {
    assert.ok(!role.mapping?.catalogRoles.includes('release-manager'));
  });

  it('competencies from mapped roles', () => {
    assert.ok(role.competencies.some((item) => item.competency === 'code-review'));
    assert.ok(role.clauses.length > 0);
  });

  it('role-mapping diagnostic on title', () => {
    const diagnostic = parsed.diagnostics.find((item) => item.code === 'role-mapping');
    assert.equal(diagnostic?.severity, 3);
    assert.equal(diagnostic?.range.start.line, 8);
    assert.match(diagnostic?.message ?? '', /names no IEC 81001-5-1 clause, so the mapped roles'/);
  });

  it('clause named in prose needs no note', () => {
    const path = fixture('conventions', 'JD-SEC-004.md');
    const text = fs.readFileSync(path, 'utf8') + '\nServes IEC 81001-5-1 clause 5.5.1.\n';
    const file = createSourceFile(pathToFileURL(path).href, text);
    const parsedWithClause = parseFile(file, { catalog: loadCatalog(), config: defaultConfig() });
    const diagnostic = parsedWithClause.diagnostics.find((item) => item.code === 'role-mapping');
    assert.doesNotMatch(diagnostic?.message ?? '', /names no IEC 81001-5-1 clause/);
  });

  it('profile per German training heading', () => {
    assert.equal(profile.id, 'jd-sec-004-profile');
    assert.equal(profile.role, 'jd-sec-004');
    assert.equal(profile.trainings.length, 6);
  });

  it('secure coding is role-specific', () => {
    const item = training('secure-coding-in-c');
    assert.equal(item?.type, 'role-specific');
    assert.deepEqual(
      item?.covers.map((cover) => cover.competency),
      ['secure-coding', 'cwe-top-25'],
    );
    assert.equal(item?.covers[0]?.level, 2);
    assert.equal(item?.recurrence, 'P2Y');
  });

  it('advanced gives level 3', () => {
    const item = training('advanced-threat-modeling-workshop');
    assert.equal(item?.covers[0]?.competency, 'stride');
    assert.equal(item?.covers[0]?.level, 3);
    assert.equal(item?.recurrence, 'P3M');
  });

  it('awareness gives level 1', () => {
    const item = training('security-awareness-training');
    assert.equal(item?.type, 'awareness');
    assert.equal(item?.covers[0]?.level, 1);
    assert.equal(item?.recurrence, 'P1Y');
  });

  it('unclear recurrence is reported once', () => {
    const item = training('fuzzing-basics-periodic-refresher');
    assert.equal(item?.recurrenceUnclear, true);
    const workspace = new Workspace({ catalog: loadCatalog(), config: defaultConfig() });
    const uri = parsed.file.uri;
    workspace.setFile(uri, parsed.file.document.getText());
    const diagnostics = workspace
      .diagnostics(uri, { today: '2026-11-15', expiryWarningDays: 30 })
      .filter((entry) => entry.code === 'recurrence-unclear' && entry.range.start.line === 25);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.range.start.line, 25);
    assert.equal(diagnostics[0]?.severity, 3);
    assert.match(diagnostics[0]?.message ?? '', /cannot be read: "periodic"/);
  });

  it('one-off training has no recurrence', () => {
    const item = training('onboarding-to-the-qms');
    assert.equal(item?.recurrence, undefined);
    assert.equal(item?.recurrenceText, 'initial only');
    assert.equal(item?.recurrenceUnclear, undefined);
  });

  it('named sign-off is the assessment', () => {
    assert.equal(profile.assessment?.method, 'instructor-sign-off');
    assert.equal(profile.assessment?.location?.range.start.line, 27);
  });

  it('placeholders become unfilled values', () => {
    assert.deepEqual(
      parsed.entities.unfilled.map((item) => item.text),
      ['[Company]'],
    );
    assert.equal(parsed.entities.unfilled[0]?.field, 'author');
  });
});

describe('role description file names', () => {
  it('strict front matter is not a job description', () => {
    const parsed = read('roles/Role-Description-pt.md', 'strict');
    assert.deepEqual(
      parsed.entities.roles.map((role) => [role.id, role.origin]),
      [['penetration-tester', 'front-matter']],
    );
    assert.deepEqual(parsed.entities.profiles, []);
  });

  it('strict front matter gets no role mapping', () => {
    const parsed = read('roles/Role-Description-pt.md', 'strict');
    assert.ok(!parsed.diagnostics.some((item) => item.code === 'role-mapping'));
  });

  it('job description keeps its reading', () => {
    const parsed = read('roles/Role-Description-qa.md', 'strict');
    assert.deepEqual(
      parsed.entities.roles.map((role) => [role.id, role.origin]),
      [['jd-qa-002', 'job-description']],
    );
    assert.deepEqual(parsed.strictDocuments, []);
  });
});
