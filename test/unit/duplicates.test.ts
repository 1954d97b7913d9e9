import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { loadCatalog } from '../../server/src/language-service/catalog';
import { defaultConfig } from '../../server/src/language-service/config';
import { collectFileDiagnostics } from '../../server/src/language-service/diagnostic-entries';
import { findDuplicateIds } from '../../server/src/language-service/duplicates';
import { Workspace } from '../../server/src/language-service/workspace';
import { FILES, ModelBuilder } from '../helpers/model-builder';
import { fixture } from '../helpers/paths';

const ROOT = fixture('duplicates');
const uriOf = (name: string): string => pathToFileURL(path.join(ROOT, name)).href;

/** Reads every file of the fixture folder into a workspace through the real parser. */
function loadWorkspace(): Workspace {
  const workspace = new Workspace({ catalog: loadCatalog(), config: defaultConfig() });
  const names = fs.readdirSync(ROOT, { recursive: true, encoding: 'utf8' }).sort();
  for (const name of names) {
    const file = path.join(ROOT, name);
    if (!fs.statSync(file).isFile()) continue;
    workspace.setFile(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'));
  }
  return workspace;
}

/** Returns the 0-based line of the `occurrence`-th line of a fixture that contains `text`. */
function lineOf(name: string, text: string, occurrence = 0): number {
  const lines = fs.readFileSync(path.join(ROOT, name), 'utf8').split('\n');
  const found = lines.flatMap((line, index) => (line.includes(text) ? [index] : []));
  return found[occurrence] ?? -1;
}

function duplicatesAt(workspace: Workspace, name: string, line: number): Diagnostic[] {
  return workspace
    .fileDiagnostics(uriOf(name))
    .filter((diagnostic) => diagnostic.code === 'duplicate-id')
    .filter((diagnostic) => diagnostic.range.start.line === line);
}

describe('duplicate ids across files', () => {
  const workspace = loadWorkspace();

  it('role in a second file is an error', () => {
    const [diagnostic, ...rest] = duplicatesAt(workspace, 'b-roles.yaml', 1);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic?.severity, DiagnosticSeverity.Error);
    assert.equal(
      diagnostic?.message,
      'Duplicate role id "threat-modeler": line 2 of a-roles.yaml defines it already. ' +
        'Rename one of them or remove the duplicate.',
    );
  });

  it('role points at its first definition', () => {
    const [diagnostic] = duplicatesAt(workspace, 'b-roles.yaml', 1);
    const related = diagnostic?.relatedInformation?.[0]?.location;
    assert.equal(related?.uri, uriOf('a-roles.yaml'));
    assert.equal(related?.range.start.line, lineOf('a-roles.yaml', 'id: threat-modeler'));
  });

  it('first definition has no diagnostic', () => {
    const codes = workspace.fileDiagnostics(uriOf('a-roles.yaml')).map((d) => d.code);
    assert.equal(codes.includes('duplicate-id'), false);
  });

  it('job description repeating a role id', () => {
    const line = lineOf('c-threat-modeler.md', '# Threat Modeler');
    const [diagnostic, ...rest] = duplicatesAt(workspace, 'c-threat-modeler.md', line);
    assert.equal(rest.length, 0);
    assert.match(diagnostic?.message ?? '', /^Duplicate role id "threat-modeler": line 2 of/);
  });

  it('duplicate within one file reported once', () => {
    const line = lineOf('b-roles.yaml', 'id: security-tester', 1);
    assert.equal(duplicatesAt(workspace, 'b-roles.yaml', line).length, 1);
  });

  for (const [what, id] of [
    ['training profile', 'threat-modeler-profile'],
    ['training program', 'security-training-program'],
    ['competency matrix', 'security-competency-matrix'],
  ] as const) {
    it(`${what} in a second file is an error`, () => {
      const line = lineOf('b-roles.yaml', `id: ${id}`);
      const [diagnostic, ...rest] = duplicatesAt(workspace, 'b-roles.yaml', line);
      assert.equal(rest.length, 0);
      assert.equal(diagnostic?.severity, DiagnosticSeverity.Error);
      const firstLine = lineOf('a-roles.yaml', `id: ${id}`) + 1;
      assert.match(
        diagnostic?.message ?? '',
        new RegExp(`^Duplicate ${what} id "${id}": line ${firstLine} of a-roles\\.yaml `),
      );
    });
  }

  it('training with another title is an error', () => {
    const line = lineOf('b-roles.yaml', '- id: stride-workshop');
    const [diagnostic, ...rest] = duplicatesAt(workspace, 'b-roles.yaml', line);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic?.severity, DiagnosticSeverity.Error);
    assert.match(diagnostic?.message ?? '', /title "STRIDE refresher"/);
    assert.match(diagnostic?.message ?? '', /title "STRIDE threat modeling workshop"/);
  });

  it('shared training with the same title and type', () => {
    const line = lineOf('b-roles.yaml', '- id: security-basics');
    assert.deepEqual(duplicatesAt(workspace, 'b-roles.yaml', line), []);
  });

  it('same training in a duplicate profile', () => {
    const line = lineOf('b-roles.yaml', '- id: stride-workshop', 1);
    assert.deepEqual(duplicatesAt(workspace, 'b-roles.yaml', line), []);
  });

  it('person with another name is an error', () => {
    const line = lineOf('records/b-nina.yaml', 'id: p-0001');
    const [diagnostic, ...rest] = duplicatesAt(workspace, 'records/b-nina.yaml', line);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic?.severity, DiagnosticSeverity.Error);
    assert.match(
      diagnostic?.message ?? '',
      /p-0001 is Ingrid Holm in a-ingrid\.yaml \(line 3\) but Nina Neu here\./,
    );
  });

  it('person with the same name is a warning', () => {
    const line = lineOf('records/b-nina.yaml', 'id: p-0002');
    const [diagnostic, ...rest] = duplicatesAt(workspace, 'records/b-nina.yaml', line);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic?.severity, DiagnosticSeverity.Warning);
    assert.match(
      diagnostic?.message ?? '',
      /^Person p-0002 also has a TrainingRecord at line 9 of/,
    );
  });
});

describe('duplicate ids in workspace diagnostics', () => {
  it('diagnostics include them', () => {
    const workspace = loadWorkspace();
    const diagnostics = workspace.diagnostics(uriOf('b-roles.yaml'), {
      today: '2026-06-01',
      expiryWarningDays: 30,
    });
    const lines = diagnostics
      .filter((diagnostic) => diagnostic.code === 'duplicate-id')
      .map((diagnostic) => diagnostic.range.start.line);
    assert.ok(lines.includes(1));
  });

  it('collectFileDiagnostics lists them', () => {
    const workspace = loadWorkspace();
    const entries = collectFileDiagnostics(workspace, (uri) =>
      path.relative(ROOT, new URL(uri).pathname),
    );
    const found = entries.filter(
      (entry) => entry.code === 'duplicate-id' && entry.file === 'c-threat-modeler.md',
    );
    assert.equal(found.length, 1);
  });

  it('removing the first file clears them', () => {
    const workspace = loadWorkspace();
    const line = lineOf('c-threat-modeler.md', '# Threat Modeler');
    assert.equal(duplicatesAt(workspace, 'c-threat-modeler.md', line).length, 1);
    workspace.removeFile(uriOf('a-roles.yaml'));
    workspace.removeFile(uriOf('b-roles.yaml'));
    assert.deepEqual(duplicatesAt(workspace, 'c-threat-modeler.md', line), []);
  });
});

describe('findDuplicateIds', () => {
  it('records read from tables are left out', () => {
    const model = new ModelBuilder()
      .record('dana-weiss', { name: 'Dana Weiß', origin: 'table', file: FILES.records })
      .record('dana-weiss', { name: 'Dana Weiss', origin: 'table', file: FILES.matrices })
      .build();
    assert.deepEqual(findDuplicateIds(model), []);
  });

  it('tolerant training titles may differ', () => {
    const model = new ModelBuilder()
      .profile('a-profile', 'a', [{ id: 'awareness', title: 'Awareness, annually' }], {
        origin: 'job-description',
        file: FILES.roles,
      })
      .profile('b-profile', 'b', [{ id: 'awareness', title: 'Awareness (annual)' }], {
        origin: 'job-description',
        file: FILES.profiles,
      })
      .build();
    assert.deepEqual(findDuplicateIds(model), []);
  });

  it('tolerant training of another type', () => {
    const model = new ModelBuilder()
      .profile('a-profile', 'a', [{ id: 'awareness', type: 'awareness' }], {
        origin: 'job-description',
        file: FILES.roles,
      })
      .profile('b-profile', 'b', [{ id: 'awareness', type: 'role-specific' }], {
        origin: 'job-description',
        file: FILES.profiles,
      })
      .build();
    const [found, ...rest] = findDuplicateIds(model);
    assert.equal(rest.length, 0);
    assert.equal(found?.uri, FILES.profiles);
  });

  it('derived profile ids are left out', () => {
    const model = new ModelBuilder()
      .profile('threat-modeler-profile', 'threat-modeler', [], {
        origin: 'job-description',
        file: FILES.roles,
      })
      .profile('threat-modeler-profile', 'threat-modeler', [], { file: FILES.profiles })
      .build();
    assert.deepEqual(findDuplicateIds(model), []);
  });

  it('records without a name are a warning', () => {
    const model = new ModelBuilder()
      .record('p-0001', { name: 'Ingrid Holm', file: FILES.program })
      .record('p-0001', { file: FILES.records })
      .build();
    const [found, ...rest] = findDuplicateIds(model);
    assert.equal(rest.length, 0);
    assert.equal(found?.diagnostic.severity, DiagnosticSeverity.Warning);
  });
});
