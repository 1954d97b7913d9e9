// Prints speed and memory figures for the engine on a generated QMS. It times a cold check
// through the CLI, a full workspace load in process, one incremental edit with its coverage,
// and the language server's time from an edit to published diagnostics. The targets in
// docs/benchmarks.md are checked by reading these figures, never by timing assertions.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const { Workspace } = require(path.join(root, 'server/out/language-service/workspace.js'));
const { loadCatalog } = require(path.join(root, 'server/out/language-service/catalog.js'));
const { defaultConfig } = require(path.join(root, 'server/out/language-service/config.js'));

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1000);
const ROLES = ['threat-modeler', 'software-developer', 'security-tester', 'secure-code-reviewer'];

function generate(folder) {
  const profiles = ROLES.map(
    (role) => `kind: RoleDescription
id: ${role}
title: ${role}
clauses: [IEC81001-5-1:4.1.4]
responsibilities: [Do the work of ${role}]
competencies:
  - competency: secure-coding
    level: basic
---
kind: TrainingProfile
id: ${role}-profile
role: ${role}
trainings:
  - id: ${role}-course
    title: Course for ${role}
    type: role-specific
    covers:
      - competency: secure-coding
        level: proficient
    recurrence: P1Y
    dueWithinDays: 30
assessment:
  method: quiz
`,
  );
  fs.writeFileSync(path.join(folder, 'roles.yaml'), profiles.join('---\n'));
  fs.mkdirSync(path.join(folder, 'records'));
  for (let i = 0; i < PEOPLE; i++) {
    const id = `p-${String(i).padStart(5, '0')}`;
    const role = ROLES[i % ROLES.length];
    fs.writeFileSync(
      path.join(folder, 'records', `${id}.yaml`),
      `kind: TrainingRecord
person:
  id: ${id}
  startDate: 2024-01-01
assignments:
  - role: ${role}
    from: 2024-02-01
completed:
  - training: ${role}-course
    date: 2026-0${1 + (i % 9)}-15
    version: "1.0"
    assessment:
      method: quiz
      result: ${60 + (i % 40)}
      assessor: p-00000
      date: 2026-0${1 + (i % 9)}-16
`,
    );
  }
}

function mib(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function time(label, action) {
  const start = process.hrtime.bigint();
  const result = action();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${label.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms`);
  return result;
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'competency-lens-bench-'));
generate(folder);
console.log(`Generated ${PEOPLE} training records and ${ROLES.length} roles in ${folder}`);
console.log(
  `Machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
);

time('CLI check, cold process (whole run)', () =>
  spawnSync(
    process.execPath,
    [
      path.join(root, 'bin/competency-lens.js'),
      'check',
      folder,
      '--today',
      '2026-11-15',
      '--format',
      'json',
    ],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  ),
);

const files = [
  path.join(folder, 'roles.yaml'),
  ...fs.readdirSync(path.join(folder, 'records')).map((f) => path.join(folder, 'records', f)),
];
const workspace = new Workspace({ catalog: loadCatalog(), config: defaultConfig() });
const options = { today: '2026-11-15', expiryWarningDays: 30 };
time(`load ${files.length} files in process`, () => {
  for (const file of files)
    workspace.setFile(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'));
});
time('first coverage analysis', () => workspace.coverage(options));
const edited = files[1];
const editedText = fs.readFileSync(edited, 'utf8').replace('result: ', 'result: 1');
time('edit one record + coverage', () => {
  workspace.setFile(pathToFileURL(edited).href, editedText, 2);
  return workspace.coverage(options);
});
global.gc?.();
const memory = process.memoryUsage();
console.log(
  `${'memory after load (heap used / rss)'.padEnd(44)} ${mib(memory.heapUsed)} / ${mib(memory.rss)}`,
);

await measureServer(folder, edited, editedText);
fs.rmSync(folder, { recursive: true, force: true });

/** Starts the language server over stdio and times open → diagnostics and edit → diagnostics. */
async function measureServer(workspaceFolder, file, text) {
  const server = spawn(process.execPath, [path.join(root, 'server/out/server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let buffer = Buffer.alloc(0);
  const waiters = [];
  server.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const header = buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(
        /Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString())[1],
      );
      if (buffer.length < header + 4 + length) return;
      const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString());
      buffer = buffer.subarray(header + 4 + length);
      if (message.id !== undefined && message.method)
        send({ jsonrpc: '2.0', id: message.id, result: null });
      for (const waiter of [...waiters]) {
        if (waiter.test(message)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    }
  });
  const send = (message) => {
    const body = JSON.stringify(message);
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  const next = (test) => new Promise((resolve) => waiters.push({ test, resolve }));
  const uri = pathToFileURL(file).href;
  const started = process.hrtime.bigint();
  send({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: {
      processId: process.pid,
      rootUri: pathToFileURL(workspaceFolder).href,
      capabilities: {},
      workspaceFolders: [{ uri: pathToFileURL(workspaceFolder).href, name: 'bench' }],
    },
  });
  await next((m) => m.id === 1);
  send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  send({
    jsonrpc: '2.0',
    method: 'textDocument/didOpen',
    params: { textDocument: { uri, languageId: 'yaml', version: 1, text } },
  });
  await next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  const ready = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(
    `${'server: start, scan, first diagnostics'.padEnd(44)} ${ready.toFixed(1).padStart(9)} ms`,
  );
  const editStart = process.hrtime.bigint();
  send({
    jsonrpc: '2.0',
    method: 'textDocument/didChange',
    params: {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: text.replace('version: "1.0"', 'version: "1.1"') }],
    },
  });
  await next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  const edit = Number(process.hrtime.bigint() - editStart) / 1e6;
  console.log(
    `${'server: edit to diagnostics (incl. ~200 ms debounce)'.padEnd(44)} ${edit.toFixed(1).padStart(9)} ms`,
  );
  const requestStart = process.hrtime.bigint();
  send({
    jsonrpc: '2.0',
    method: 'textDocument/didChange',
    params: { textDocument: { uri, version: 3 }, contentChanges: [{ text }] },
  });
  send({ jsonrpc: '2.0', id: 3, method: 'competencyLens/coverage', params: {} });
  await next((m) => m.id === 3);
  const answered = Number(process.hrtime.bigint() - requestStart) / 1e6;
  console.log(
    `${'server: edit to coverage request answered'.padEnd(44)} ${answered.toFixed(1).padStart(9)} ms`,
  );
  send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
  await next((m) => m.id === 2);
  send({ jsonrpc: '2.0', method: 'exit' });
  await new Promise((resolve) => server.on('exit', resolve));
}
