// The npm package in headless Chromium (Debian's chromium, driven by playwright-core;
// never a downloaded browser): a page served from localhost imports dist/npm/index.js
// with no bundler, and its answers must be the native CLI's bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { chromiumPath, launch, root, serve } from './harness.mjs';

const LINES = [
  '{"op":"version","request":{}}',
  '{"op":"version","request":{"verbose":true}}',
  '{"op":"quote","request":{}}',
  '{"op":"version","request":[]}',
  '{"op":"nope","request":{}}',
  '{"op":"version","request":{"a":1,"a":2}}',
  '{"op":"version","request":{"x":"é😀"}}',
  '{"op":"version"',
];

test('the npm package answers in Chromium with the native bytes', async (t) => {
  const executablePath = chromiumPath();
  if (!executablePath) {
    if (process.env.CI || process.env.LOCKSTEP_REQUIRE_BROWSER) assert.fail('chromium is not installed');
    t.skip('CHROMIUM MISSING: browser target NOT tested (install Debian chromium)');
    return;
  }
  const page = await readFile(`${root}tests/browser/page.html`, 'utf8');
  const server = await serve(page, { '/lines': () => ['application/json', JSON.stringify(LINES)] });
  const browser = await launch(executablePath);
  try {
    const tab = await browser.newPage();
    const consoleErrors = [];
    tab.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    tab.on('pageerror', (e) => consoleErrors.push(String(e)));
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    await tab.waitForFunction(() => window.__lockstep !== undefined, null, { timeout: 20000 });
    const r = await tab.evaluate(() => window.__lockstep);
    assert.equal(r.failure, undefined);
    assert.deepEqual(consoleErrors, []);
    assert.equal(r.version.target, 'web');
    assert.equal(r.version.name, 'lockstep');
    assert.deepEqual(r.error, {
      isLockstepError: true, isError: true, name: 'LockstepError', code: 'unknown_field',
      details: [{ path: '/extra', code: 'unknown_field', message: 'unknown field `extra`, there are no fields' }],
    });
    assert.deepEqual(r.objectApi, {
      total: '59.97', plain: true, same: true,
      bigint: [true, 'invalid_json', 'request cannot be encoded as JSON (a BigInt, a cycle or a throwing toJSON)'],
      tooLarge: [true, 'request_too_large', 'request is 1100008 bytes or more; the limit is 1048576 bytes'],
      empty: [true, 'empty_request', 'request is empty; expected a JSON object'],
    });
    const native = spawnSync(`${root}dist/native/lockstep`, ['--batch'], { input: LINES.join('\n'), encoding: 'utf8' });
    assert.equal(native.status, 0);
    const expected = native.stdout.trimEnd().split('\n').map((l) => l.replace('"target":"native"', '"target":"web"'));
    assert.deepEqual(r.answers, expected);
  } finally {
    await browser.close();
    server.close();
  }
});
