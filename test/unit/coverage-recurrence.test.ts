import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadCatalog } from '../../server/src/language-service/catalog';
import { defaultConfig } from '../../server/src/language-service/config';
import { Workspace } from '../../server/src/language-service/workspace';
import { fixture } from '../helpers/paths';

const OPTIONS = { today: '2026-06-01', expiryWarningDays: 30 };

/** Reads one fixture file through the real parser into a workspace of its own. */
function workspaceOf(file: string): { workspace: Workspace; uri: string } {
  const workspace = new Workspace({ catalog: loadCatalog(), config: defaultConfig() });
  const uri = pathToFileURL(file).href;
  workspace.setFile(uri, fs.readFileSync(file, 'utf8'));
  return { workspace, uri };
}

describe('recurrence-unclear over parsed files', () => {
  it('invalid strict recurrence reported by the schema only', () => {
    const { workspace, uri } = workspaceOf(fixture('strict', 'invalid-recurrence.yaml'));
    const codes = workspace.diagnostics(uri, OPTIONS).map((diagnostic) => diagnostic.code);
    assert.ok(codes.includes('schema-pattern'));
    assert.equal(codes.includes('recurrence-unclear'), false);
  });

  it('procedure for three departments reported once', () => {
    const { workspace } = workspaceOf(fixture('coverage', 'procedure-departments.md'));
    const gaps = workspace
      .coverage(OPTIONS)
      .gaps.filter((gap) => gap.code === 'recurrence-unclear');
    assert.equal(gaps.length, 1);
    assert.deepEqual(gaps[0]?.roles, ['engineering', 'operations', 'quality']);
  });
});
