// The npm package as a Node.js user imports it: by name, ESM, no bundler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as lockstep from 'lockstep';
import { version, quote, validate, score, handleJson, handleLine, LockstepError } from 'lockstep';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('exports exactly the documented API', () => {
  assert.deepEqual(Object.keys(lockstep).sort(), [
    'LockstepError', 'handleJson', 'handleLine', 'quote', 'score', 'validate', 'version',
  ]);
});

test('version returns a plain object naming the web target', () => {
  const v = version();
  assert.equal(Object.getPrototypeOf(v), Object.prototype);
  assert.deepEqual(Object.keys(v), ['name', 'version', 'wire_format', 'target', 'currency_data']);
  assert.equal(v.name, 'lockstep');
  assert.equal(v.target, 'web');
  assert.equal(v.wire_format, 1);
  const pkg = JSON.parse(execFileSync('cat', [`${root}/dist/npm/package.json`], { encoding: 'utf8' }));
  assert.equal(v.version, pkg.version);
});

test('errors are LockstepError, a real Error subclass with code and details', () => {
  assert.throws(() => version({ extra: 1 }), (e) => {
    assert.ok(e instanceof LockstepError);
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'LockstepError');
    assert.equal(e.code, 'unknown_field');
    assert.deepEqual(e.details, [
      { path: '/extra', code: 'unknown_field', message: 'unknown field `extra`, there are no fields' },
    ]);
    assert.ok(typeof e.stack === 'string');
    return true;
  });
});

test('quote, validate and score answer not_implemented until their issues land', () => {
  for (const fn of [quote, validate, score]) {
    assert.throws(() => fn({}), (e) => e instanceof LockstepError && e.code === 'not_implemented');
  }
});

test('values JSON cannot carry are errors, and the instance keeps working', () => {
  assert.throws(() => version({ n: 10n }), (e) => e.code === 'invalid_json');
  const cyclic = {};
  cyclic.self = cyclic;
  assert.throws(() => quote(cyclic), (e) => e.code === 'invalid_json');
  assert.throws(() => quote(undefined), (e) => e.code === 'empty_request');
  assert.throws(() => version([1]), (e) => e.code === 'invalid_type');
  assert.throws(() => version({ s: 'x'.repeat(1024 * 1024 + 1) }), (e) => e.code === 'request_too_large');
  assert.equal(version().name, 'lockstep');
});

test('the JSON entries give the native CLI bytes', () => {
  for (const request of ['{"a":1}', '{', '[]', '']) {
    const cli = spawnSync(`${root}/dist/native/lockstep`, ['version'], { input: request, encoding: 'utf8' });
    assert.equal(cli.status, 2);
    assert.equal(handleJson('version', request) + '\n', cli.stdout);
    assert.equal(handleLine(`{"op":"version","request":${request || 'null'}}`).includes('"error"'), true);
  }
  const ok = spawnSync(`${root}/dist/native/lockstep`, ['version'], { input: '{}', encoding: 'utf8' });
  assert.equal(ok.status, 0);
  assert.equal(handleJson('version', '{}').replace('"target":"web"', '"target":"native"') + '\n', ok.stdout);
});
