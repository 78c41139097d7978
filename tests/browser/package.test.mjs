// The npm package in headless Chromium (Debian's chromium, driven by playwright-core;
// never a downloaded browser): a page served from localhost imports dist/npm/index.js
// with no bundler, and its answers must be the native CLI's bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html', '.json': 'application/json' };

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

function chromiumPath() {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

test('the npm package answers in Chromium with the native bytes', async (t) => {
  const executablePath = chromiumPath();
  if (!executablePath) {
    if (process.env.CI || process.env.LOCKSTEP_REQUIRE_BROWSER) assert.fail('chromium is not installed');
    t.skip('CHROMIUM MISSING: browser target NOT tested (install Debian chromium)');
    return;
  }
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (url.pathname === '/lines') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify(LINES));
      }
      const file = url.pathname === '/' ? 'tests/browser/page.html' : url.pathname.startsWith('/npm/')
        ? `dist${url.pathname}` : null;
      if (!file || file.includes('..')) throw new Error('not found');
      const body = await readFile(`${root}${file}`);
      res.writeHead(200, { 'content-type': TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const consoleErrors = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.__lockstep !== undefined, null, { timeout: 20000 });
    const r = await page.evaluate(() => window.__lockstep);
    assert.equal(r.failure, undefined);
    assert.deepEqual(consoleErrors, []);
    assert.equal(r.version.target, 'web');
    assert.equal(r.version.name, 'lockstep');
    assert.deepEqual(r.error, {
      isLockstepError: true, isError: true, name: 'LockstepError', code: 'unknown_field',
      details: [{ path: '/extra', code: 'unknown_field', message: 'unknown field `extra`, there are no fields' }],
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
