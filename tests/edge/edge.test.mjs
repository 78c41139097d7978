// The npm package on the edge runtimes and bundlers, each the real one from the npm
// registry, pinned by the root package-lock.json (workerd, deno, bun, esbuild, vite):
//   - a Cloudflare Worker bundled by esbuild with wrangler's conditions, served by
//     `workerd serve` on 127.0.0.1 and asked over HTTP;
//   - Deno (`--allow-read` of the package only) and Bun, importing the package by name;
//   - a page built by `vite build`, and the same page bundled by esbuild and by
//     `bun build` with the .wasm copied beside it (the README's step), in headless
//     Chromium (Debian's, via playwright-core).
// Every golden vector of tests/vectors/ must give the native CLI's bytes on each.
// A missing runtime skips loudly, and fails under scripts/test.sh or CI (cases.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativeAnswers, required, root, tool, vectorCases } from './cases.mjs';
import { chromiumPath, launch, serve } from '../browser/harness.mjs';

const edge = `${root}tests/edge`;
const cases = vectorCases();
const expected = nativeAnswers(cases);
const API = ['LockstepError', 'handleJson', 'handleLine', 'quote', 'score', 'validate', 'version'];

/** Skips (or fails under scripts/test.sh / CI) when `what` is missing. */
function missing(t, what) {
  if (required) assert.fail(`${what} is missing (npm ci installs it from package-lock.json)`);
  t.skip(`${what.toUpperCase()} MISSING: not tested`);
}

/** Compares a runtime's answers ({json, object} per case, answer.mjs) with the native CLI's. */
function assertNativeBytes(answers, label) {
  assert.equal(answers.length, cases.length);
  let objects = 0;
  cases.forEach((c, i) => {
    assert.equal(answers[i].json, expected[i].json, `${label} handleJson: ${c.name}`);
    if (c.object) {
      objects += 1;
      assert.equal(answers[i].object, expected[i].json, `${label} ${c.op}(obj): ${c.name}`);
    } else {
      assert.equal(answers[i].object, null);
    }
  });
  return objects;
}

test('the vectors and their native answers are the expected set', () => {
  // The comparison below is only as good as its cases: all four operations, errors too.
  assert.ok(cases.length >= 80, `only ${cases.length} vectors`);
  for (const op of ['quote', 'validate', 'score', 'version']) {
    assert.ok(cases.some((c) => c.op === op && c.object), op);
  }
  assert.ok(expected.some((e) => !e.ok) && expected.some((e) => e.ok));
  assert.ok(cases.some((c) => !c.object && !c.line), 'raw request_text vectors');
  assert.ok(cases.some((c) => c.line), 'batch_line vectors');
});

for (const runtime of ['deno', 'bun']) {
  test(`${runtime}: every vector through the package by name gives the native bytes`, (t) => {
    const bin = tool(runtime);
    if (!bin) return missing(t, runtime);
    // Deno may read only the package (its node.js entry reads the .wasm next to it).
    const args = runtime === 'deno'
      ? ['run', '--no-prompt', `--allow-read=${root}dist/npm`, 'runtime.mjs']
      : ['runtime.mjs'];
    const started = performance.now();
    const r = spawnSync(bin, args, {
      cwd: edge, input: JSON.stringify(cases), encoding: 'utf8', timeout: 60000, maxBuffer: 64 << 20,
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    });
    assert.equal(r.status, 0, `${runtime} exited ${r.status}: ${r.stderr}`);
    const out = JSON.parse(r.stdout);
    assert.equal(out.entry, `file://${root}dist/npm/node.js`, 'the node export condition');
    assert.deepEqual(out.exports, API);
    const objects = assertNativeBytes(out.answers, runtime);
    t.diagnostic(`${runtime}: ${cases.length} vectors by handleJson/handleLine, ${objects} by the object API, `
      + `${Math.round(performance.now() - started)} ms including start`);
  });
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for workerd). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** POSTs `body` to the worker; resolves to [status, text]. */
async function post(port, path, body) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', body });
  return [res.status, await res.text()];
}

const CONFIG = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "lockstep_web_bg.wasm", wasm = embed "lockstep_web_bg.wasm"),
  ],
  compatibilityDate = "2025-09-01",
);
`;

test('workerd: a Worker bundled with wrangler\'s conditions answers over HTTP with the native bytes', async (t) => {
  const workerd = tool('workerd');
  const esbuild = tool('esbuild');
  if (!workerd || !esbuild) return missing(t, workerd ? 'esbuild' : 'workerd');
  const out = mkdtempSync(join(tmpdir(), 'lockstep-workerd-'));
  let child;
  try {
    // As wrangler bundles: ESM, neutral platform, conditions workerd,worker,browser, the
    // .wasm copied beside the bundle and kept as an import.
    const b = spawnSync(esbuild, [`${edge}/worker/worker.js`, '--bundle', '--format=esm', '--platform=neutral',
      '--conditions=workerd,worker,browser', '--loader:.wasm=copy', '--asset-names=[name]',
      `--outdir=${out}`, '--log-level=warning'], { encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
    const bundle = readFileSync(`${out}/worker.js`, 'utf8');
    assert.match(bundle, /from "\.\/lockstep_web_bg\.wasm"/, 'the workerd entry imports the .wasm');
    assert.doesNotMatch(bundle, /node:fs/, 'not the node entry');
    writeFileSync(`${out}/config.capnp`, CONFIG);

    // A free port, and a bounded retry should another process take it first.
    let port;
    let started;
    let first;
    for (let attempt = 0; attempt < 3 && first === undefined; attempt++) {
      port = await freePort();
      started = performance.now();
      child = spawn(workerd, ['serve', `${out}/config.capnp`, '--socket-addr', `http=127.0.0.1:${port}`],
        { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += d; });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Poll until the first answer: at most 30 s, every 10 ms.
      const deadline = started + 30000;
      while (performance.now() < deadline && child.exitCode === null) {
        try {
          first = await post(port, '/version', '{}');
          break;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
      if (first === undefined) {
        if (child.exitCode === null) process.kill(child.pid);
        await exited;
        t.diagnostic(`workerd did not answer on port ${port}: ${stderr.slice(0, 500)}`);
        child = undefined;
      }
    }
    assert.ok(first, 'workerd answered');
    const startToFirst = performance.now() - started;
    assert.equal(first[0], 200);
    assert.equal(JSON.parse(first[1]).target, 'web');

    let objects = 0;
    for (const [i, c] of cases.entries()) {
      const want = expected[i];
      const path = c.line ? '/line' : `/json/${encodeURIComponent(c.op)}`;
      const [status, body] = await post(port, path, c.text);
      assert.equal(body, want.json, `workerd /json/${c.op}: ${c.name}`);
      assert.equal(status, want.ok ? 200 : 400, c.name);
      if (c.object) {
        objects += 1;
        const [s2, b2] = await post(port, `/${c.op}`, c.text);
        assert.equal(b2, want.json, `workerd /${c.op}: ${c.name}`);
        assert.equal(s2, want.ok ? 200 : 400, c.name);
      }
    }
    // The routes the task names, each at least once with a success.
    for (const op of ['quote', 'validate', 'score']) {
      assert.ok(cases.some((c, i) => c.op === op && c.object && expected[i].ok), op);
    }
    const get = await fetch(`http://127.0.0.1:${port}/quote`);
    await get.arrayBuffer();
    assert.equal(get.status, 405);
    t.diagnostic(`workerd: start to first answer ${Math.round(startToFirst)} ms; `
      + `${cases.length} vectors on /json/<op> or /line, ${objects} on /<op>`);
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(child.pid);
      await exited;
    }
    rmSync(out, { recursive: true, force: true });
  }
});

/**
 * Opens the page built into `dir` in headless Chromium; resolves to its window.__lockstep
 * and the paths of the .wasm files it fetched.
 */
async function pageAnswers(dir, executablePath) {
  const server = await serve(readFileSync(join(dir, 'index.html')), {
    '/cases.json': () => ['application/json', JSON.stringify(cases)],
  }, dir);
  const browser = await launch(executablePath);
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const wasm = [];
    page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.__lockstep !== undefined, null, { timeout: 60000 });
    const result = await page.evaluate(() => window.__lockstep);
    assert.equal(result.failure, undefined);
    assert.deepEqual(errors, []);
    return { result, wasm };
  } finally {
    await browser.close();
    server.close();
  }
}

test('vite: a page built by `vite build` answers every vector in Chromium with the native bytes', async (t) => {
  const vite = tool('vite');
  if (!vite) return missing(t, 'vite');
  const executablePath = chromiumPath();
  if (!executablePath) return missing(t, 'chromium');
  const out = mkdtempSync(join(tmpdir(), 'lockstep-vite-'));
  try {
    const b = spawnSync(vite, ['build', `${edge}/vite`, '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'],
      { encoding: 'utf8', timeout: 120000 });
    assert.equal(b.status, 0, b.stderr);
    assert.match(readFileSync(`${out}/index.html`, 'utf8'), /assets\/index-[\w-]+\.js/);
    const { result, wasm } = await pageAnswers(out, executablePath);
    assert.deepEqual(result.exports, API);
    // The default entry's `new URL('…wasm', import.meta.url)` became one hashed asset.
    assert.equal(wasm.length, 1);
    assert.match(wasm[0], /^\/assets\/lockstep_web_bg-[\w-]+\.wasm$/);
    const objects = assertNativeBytes(result.answers, 'vite+chromium');
    t.diagnostic(`vite + chromium: ${cases.length} vectors by handleJson/handleLine, ${objects} by the object API`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

// esbuild and `bun build` leave the default entry's `new URL('./lockstep_web_bg.wasm',
// import.meta.url)` alone, so the README's step copies the .wasm next to the bundle.
const BUNDLERS = {
  esbuild: (bin, out) => [bin, [`${edge}/vite/main.js`, '--bundle', '--format=esm', '--platform=browser',
    `--outdir=${out}`, '--log-level=warning']],
  bun: (bin, out) => [bin, ['build', `${edge}/vite/main.js`, '--target=browser', '--format=esm', `--outdir=${out}`]],
};

for (const [name, command] of Object.entries(BUNDLERS)) {
  test(`${name === 'bun' ? 'bun build' : name}: a browser bundle with the .wasm copied beside it (README) answers in Chromium`, async (t) => {
    const bin = tool(name);
    if (!bin) return missing(t, name);
    const executablePath = chromiumPath();
    if (!executablePath) return missing(t, 'chromium');
    const out = mkdtempSync(join(tmpdir(), `lockstep-${name}-`));
    try {
      // The same page as the Vite one, bundled for the browser …
      const [exe, args] = command(bin, out);
      const b = spawnSync(exe, args, { encoding: 'utf8', timeout: 120000 });
      assert.equal(b.status, 0, b.stderr);
      assert.match(readFileSync(`${out}/main.js`, 'utf8'), /new URL\("\.\/lockstep_web_bg\.wasm", import\.meta\.url\)/);
      // … and the documented step: the .wasm next to the bundle.
      copyFileSync(`${root}dist/npm/lockstep_web_bg.wasm`, `${out}/lockstep_web_bg.wasm`);
      writeFileSync(`${out}/index.html`, readFileSync(`${edge}/vite/index.html`, 'utf8'));
      const { result, wasm } = await pageAnswers(out, executablePath);
      assert.deepEqual(result.exports, API);
      assert.deepEqual(wasm, ['/lockstep_web_bg.wasm']);
      const objects = assertNativeBytes(result.answers, `${name}+chromium`);
      t.diagnostic(`${name} bundle + chromium: ${cases.length} vectors by handleJson/handleLine, ${objects} by the object API`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
}
