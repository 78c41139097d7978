// The benchmark harness behind scripts/bench.sh. Reports, never fails on a number; it
// exits non-zero only when a target answers differently (the bytes are the contract) or
// when the decimal.js alternative disagrees with Lockstep on a benchmark cart.
//
// usage: node bench/js/run.mjs [--smoke] [--no-inproc] [--no-chromium] [--publish]
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, existsSync, openSync, closeSync, statSync } from 'node:fs';
import { gzipSync, constants as zc } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { fixtures, CART_SIZES } from './fixtures.mjs';
import { altQuote } from './alt-quote.mjs';
import { analyze, byCrate, dataFromMap } from './wasm-size.mjs';
import { measureMemory } from './memory.mjs';
import * as lockstep from 'lockstep';

const root = fileURLToPath(new URL('../../', import.meta.url));
const argv = process.argv.slice(2);
const SMOKE = argv.includes('--smoke');
const P = SMOKE
  ? { secs: 0.03, runs: 3, batchSecs: 0.03, batchRuns: 3, coldRounds: 3, inst: 200, pages: 3, memSteps: [1, 10, 20, 40], label: 'smoke' }
  : { secs: 0.5, runs: 7, batchSecs: 0.5, batchRuns: 7, coldRounds: 50, inst: 10000, pages: 30, memSteps: [1, 100, 1000, 10000], label: 'full' };
const OUT = `${root}target/bench/`;
const FIX = `${OUT}fixtures/`;
const BIN = `${root}target/bench-drivers/release/`;
const INPROC = `${root}target/bench-build/inproc/inproc`;
mkdirSync(FIX, { recursive: true });
const log = (...a) => console.error('bench:', ...a);
const started = Date.now();

const median = (v) => { const s = [...v].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (v, p) => { const s = [...v].sort((a, b) => a - b); return s[Math.round((s.length - 1) * p)]; };
const fmtN = (x) => (!Number.isFinite(x) ? '–' : x >= 100 ? Math.round(x).toLocaleString('en-US').replace(/,/g, ' ') : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtT = (us) => (us >= 1000 ? `${(us / 1000).toFixed(us >= 100000 ? 0 : 1)} ms` : `${us.toFixed(us >= 100 ? 0 : 1)} µs`);
const sh = (cmd, args) => { try { return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return 'n/a'; } };

// ---------------------------------------------------------------- 1. fixtures
const FX = fixtures().map(([name, op, request]) => {
  const body = JSON.stringify(request);
  writeFileSync(`${FIX}${name}.json`, body);
  const expected = execFileSync(`${root}dist/native/lockstep`, [op], { input: body, maxBuffer: 1 << 28 }).toString().trimEnd();
  writeFileSync(`${FIX}${name}.expected.json`, expected + '\n');
  return { name, op, request, body, expected, alt: op === 'quote' };
});
writeFileSync(`${FIX}all.json`, JSON.stringify(FX.map(({ name, op, request, alt }) => ({ name, op, request, alt }))));
log(`fixtures: ${FX.map((f) => `${f.name} (${f.body.length} B)`).join(', ')}`);

// Parity first: every target must give the native bytes for every fixture.
const problems = [];
for (const f of FX) {
  const npm = lockstep.handleJson(f.op, f.body);
  if (npm !== f.expected) problems.push(`${f.name}: npm package answer differs`);
  const obj = JSON.stringify(lockstep[f.op](f.request));
  if (obj !== f.expected) problems.push(`${f.name}: npm object API answer differs`);
  const w = spawnSync('wasmtime', ['run', '--allow-precompiled', `${root}dist/lockstep.cwasm`, f.op], { input: f.body, maxBuffer: 1 << 28 });
  if (w.stdout.toString().trimEnd() !== f.expected) problems.push(`${f.name}: wasmtime (.cwasm) answer differs`);
  if (f.alt) {
    let got;
    try { got = JSON.stringify(altQuote(f.request)); } catch (e) { got = String(e); }
    if (got !== f.expected) {
      let i = 0;
      while (got[i] === f.expected[i]) i++;
      problems.push(`${f.name}: the decimal.js alternative differs from Lockstep at character ${i}:\n  lockstep: …${f.expected.slice(Math.max(0, i - 80), i + 40)}\n  decimal.js: …${got.slice(Math.max(0, i - 80), i + 40)}`);
    }
  }
}
if (problems.length) {
  console.error(`bench: FAILED: answers differ:\n${problems.join('\n')}`);
  process.exit(1);
}
log('parity: native, npm (string and object API), wasmtime .cwasm and the decimal.js alternative agree on every fixture');

// ---------------------------------------------------------------- machine
const cpuModel = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? cpus()[0]?.model ?? '?';
const machine = {
  nproc: sh('nproc', []),
  cpu: cpuModel,
  load: loadavg().map((x) => x.toFixed(2)).join(' '),
  kernel: sh('uname', ['-sr']),
  rustc: sh('rustc', ['--version']),
  wasmtime: sh('wasmtime', ['--version']),
  node: process.version,
  chromium: sh('chromium', ['--version']),
};

// ---------------------------------------------------------------- 2. throughput
const results = { machine, mode: P.label, throughput: {}, entry: {}, alt: {}, cold: {}, inst: {}, memory: {}, size: {} };

function nativeInProcess(f) {
  const r = spawnSync(`${BIN}native`, [f.op, `${FIX}${f.name}.json`, String(P.secs), String(P.runs)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`native driver: ${r.stderr}`);
  return JSON.parse(r.stdout).rps;
}

/** Wall seconds of one batch run of `count` copies of `f` through `cmd`. */
function batchRun(cmd, f, count) {
  const path = `${FIX}${f.name}.batch-${count}.ndjson`;
  if (!existsSync(path)) writeFileSync(path, `{"op":"${f.op}","request":${f.body}}\n`.repeat(count));
  const fd = openSync(path, 'r');
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: [fd, 'ignore', 'ignore'] });
  const dt = Number(process.hrtime.bigint() - t) / 1e9;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} --batch failed`);
  return dt;
}

/** Requests/second of a --batch process, its start excluded: (t(k) − t(0)) / k per run. */
function batchThroughput(cmd, f) {
  const empty = () => batchRun(cmd, f, 0);
  let t0 = median([empty(), empty(), empty()]);
  let k = 4;
  for (;;) {
    const dt = batchRun(cmd, f, k) - t0;
    if (dt > P.batchSecs / 4 || k >= 1 << 16) { k = Math.max(4, Math.round((k * P.batchSecs) / Math.max(dt, 1e-6))); break; }
    k *= 4;
  }
  const rps = [];
  const empties = [];
  for (let i = 0; i < P.batchRuns; i++) {
    empties.push(empty());
    rps.push([batchRun(cmd, f, k)]);
  }
  t0 = median(empties);
  // A run whose time does not clear the empty run's is noise, not a measurement.
  const ok = rps.map(([t]) => t - t0).filter((d) => d > 0).map((d) => k / d);
  return { k, startup_s: t0, rps: ok.length ? ok : [NaN] };
}

const TARGETS = {
  native_cli: [`${root}dist/native/lockstep`, '--batch'],
  wasmtime: ['wasmtime', 'run', '--allow-precompiled', `${root}dist/lockstep.cwasm`, '--batch'],
};

for (const f of FX) {
  const t = (results.throughput[f.name] = {});
  if (existsSync(`${BIN}native`)) t.native = median(nativeInProcess(f));
  for (const [k, cmd] of Object.entries(TARGETS)) {
    const b = batchThroughput(cmd, f);
    t[k] = median(b.rps);
    t[`${k}_startup_ms`] = b.startup_s * 1e3;
  }
  log(`throughput ${f.name}: ${JSON.stringify(t, (k, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`);
}

{
  const r = spawnSync('node', [`${root}bench/js/node-loop.mjs`, `${FIX}all.json`, String(P.secs), String(P.runs)], { encoding: 'utf8', cwd: `${root}bench` });
  if (r.status !== 0) throw new Error(`node-loop: ${r.stderr}`);
  const o = JSON.parse(r.stdout);
  for (const f of FX) {
    results.throughput[f.name].node = median(o[f.name].npm.rps);
    results.entry[f.name] = { node_object: median(o[f.name].npm.rps), node_string: median(o[f.name].str.rps) };
    if (o[f.name].alt) results.alt[f.name] = { npm_node: median(o[f.name].npm.rps), decimal_node: median(o[f.name].alt.rps) };
  }
  log('throughput: Node.js done');
}

/** Throughput in one page: both npm entries side by side, and the decimal.js alternative. */
async function chromiumThroughput(browser, url) {
  const tab = await browser.newPage();
  await tab.goto(url);
  await tab.waitForFunction(() => window.ready === true, null, { timeout: 30000 });
  for (const f of FX) {
    const o = await tab.evaluate(([op, body, alt, secs, runs]) => {
      const { lockstep, altQuote, measure, measureEach } = window.bench;
      const req = JSON.parse(body);
      const check = JSON.stringify(lockstep[op](req));
      const strCheck = JSON.stringify(JSON.parse(lockstep.handleJson(op, JSON.stringify(req))));
      const [npm, str] = measureEach([
        () => lockstep[op](req),
        () => JSON.parse(lockstep.handleJson(op, JSON.stringify(req))),
      ], secs, runs);
      const r = { check, strCheck, npm, str };
      if (alt) { r.altCheck = JSON.stringify(altQuote(req)); r.alt = measure(() => altQuote(req), secs, runs); }
      return r;
    }, [f.op, f.body, f.alt, P.secs, P.runs]);
    if (o.check !== f.expected) throw new Error(`${f.name}: Chromium answer differs from native`);
    if (o.strCheck !== f.expected) throw new Error(`${f.name}: Chromium handleJson answer differs from native`);
    if (f.alt && o.altCheck !== f.expected) throw new Error(`${f.name}: decimal.js alternative differs in Chromium`);
    results.throughput[f.name].chromium = median(o.npm.rps);
    Object.assign(results.entry[f.name], { chromium_object: median(o.npm.rps), chromium_string: median(o.str.rps) });
    if (o.alt) Object.assign(results.alt[f.name], { npm_chromium: median(o.npm.rps), decimal_chromium: median(o.alt.rps) });
  }
  machine.chromium_ua = await tab.evaluate(() => navigator.userAgent);
  await tab.close();
}

// Page cold start: a page whose only module script imports the package (index.js:
// fetch + instantiate the .wasm, top-level await) and quotes the 10-line cart once,
// timed in the page with performance.now() (milliseconds since performance.timeOrigin,
// the navigation start). The cart is inline in the page: no fetch before the import.
const Q10 = FX.find((f) => f.name === 'quote-10');
const COLD_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>cold</title></head><body>
<script type="module">
const script = performance.now();
const req = ${Q10.body.replace(/</g, '\\u003c')};
try {
  const t0 = performance.now();
  const lockstep = await import('/npm/index.js');
  const t1 = performance.now();
  const answer = lockstep.quote(req);
  const t2 = performance.now();
  const nav = performance.getEntriesByType('navigation')[0];
  window.__cold = { html_ms: nav ? nav.responseEnd : NaN, script_ms: script, import_ms: t1 - t0, quote_ms: t2 - t1, total_ms: t2, answer: JSON.stringify(answer) };
} catch (e) {
  window.__cold = { failure: String((e && e.stack) || e) };
}
</script></body></html>`;

/** N fresh pages, each in a new browser context (its own empty HTTP cache). */
async function chromiumColdPages(browser, url) {
  const runs = [];
  for (let i = 0; i < P.pages; i++) {
    const ctx = await browser.newContext();
    try {
      const tab = await ctx.newPage();
      await tab.goto(url);
      await tab.waitForFunction(() => window.__cold !== undefined, null, { timeout: 30000 });
      const r = await tab.evaluate(() => window.__cold);
      if (r.failure) throw new Error(`cold page failed: ${r.failure.split('\n')[0]}`);
      if (r.answer !== Q10.expected) throw new Error('quote-10: Chromium cold page answer differs from native');
      delete r.answer;
      runs.push(r);
    } finally {
      await ctx.close();
    }
  }
  const stat = (k) => { const v = runs.map((r) => r[k]); return { median: median(v), p90: pct(v, 0.9) }; };
  results.chromium_cold = { pages: runs.length, html_ms: stat('html_ms'), script_ms: stat('script_ms'), import_ms: stat('import_ms'), quote_ms: stat('quote_ms'), total_ms: stat('total_ms'), runs };
}

async function chromiumAll() {
  const { chromiumPath, launch, serve } = await import(`${root}tests/browser/harness.mjs`);
  const exe = chromiumPath();
  if (!exe) return 'chromium is not installed';
  const page = `<!doctype html><meta charset="utf-8"><script type="importmap">{"imports":{"decimal.js":"/decimal.mjs"}}</script>
<script type="module">
import * as lockstep from '/npm/index.js';
import { altQuote } from '/alt-quote.mjs';
import { measure, measureEach } from '/measure.mjs';
window.bench = { lockstep, altQuote, measure, measureEach };
window.ready = true;
</script>`;
  const js = (p) => () => ['text/javascript', readFileSync(p)];
  const server = await serve(page, {
    '/decimal.mjs': js(`${root}node_modules/decimal.js/decimal.mjs`),
    '/alt-quote.mjs': js(`${root}bench/js/alt-quote.mjs`),
    '/measure.mjs': js(`${root}bench/js/measure.mjs`),
    '/cold': () => ['text/html', COLD_PAGE],
  });
  const browser = await launch(exe);
  const base = `http://127.0.0.1:${server.address().port}/`;
  try {
    await chromiumThroughput(browser, base);
    log('throughput: Chromium done');
    try {
      await chromiumColdPages(browser, `${base}cold`);
      const c = results.chromium_cold;
      log(`cold: Chromium page ${c.pages} pages, import ${c.import_ms.median.toFixed(1)} ms, first quote at ${c.total_ms.median.toFixed(1)} ms (medians)`);
    } catch (e) {
      if (/differs/.test(e.message)) throw e;
      results.chromium_cold_skipped = e.message.split('\n')[0];
      log(`cold: Chromium page skipped: ${results.chromium_cold_skipped}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return '';
}
if (!argv.includes('--no-chromium')) {
  try {
    const why = await chromiumAll();
    if (why) { results.chromium_skipped = why; log(`Chromium skipped: ${why}`); }
  } catch (e) {
    if (/differs/.test(e.message)) { console.error(`bench: FAILED: ${e.message}`); process.exit(1); }
    results.chromium_skipped = e.message.split('\n')[0];
    log(`Chromium skipped: ${results.chromium_skipped}`);
  }
}

// ---------------------------------------------------------------- 3. cold start (process)
const COLD = [
  ['native CLI', [`${root}dist/native/lockstep`, 'quote']],
  ['wasmtime run .cwasm', ['wasmtime', 'run', '--allow-precompiled', `${root}dist/lockstep.cwasm`, 'quote']],
  ['wasmtime run .wasm', ['wasmtime', 'run', `${root}dist/lockstep.wasm`, 'quote']],
  ['wasmtime run -C cache=n .wasm', ['wasmtime', 'run', '-C', 'cache=n', `${root}dist/lockstep.wasm`, 'quote']],
  ['node + npm package', ['node', `${root}bench/js/node-cold.mjs`, 'quote']],
];
const coldInput = `${FIX}quote-10.json`;
for (const [label, cmd] of COLD) {
  const r = spawnSync(cmd[0], cmd.slice(1), { input: readFileSync(coldInput), cwd: `${root}bench` });
  if (r.stdout.toString().trimEnd() !== FX[1].expected) { console.error(`bench: FAILED: ${label} answer differs`); process.exit(1); }
}
if (existsSync(`${BIN}cold`)) {
  const args = [String(P.coldRounds), coldInput];
  COLD.forEach(([, cmd], i) => args.push(...(i ? ['::'] : []), ...cmd));
  const r = spawnSync(`${BIN}cold`, args, { encoding: 'utf8', cwd: `${root}bench` });
  if (r.status !== 0) throw new Error(`cold driver: ${r.stderr}`);
  r.stdout.trim().split('\n').map((l) => JSON.parse(l)).forEach((o) => {
    results.cold[COLD[o.cmd][0]] = { wall_ms: median(o.wall_us) / 1e3, wall_p90_ms: pct(o.wall_us, 0.9) / 1e3, rss_mb: median(o.maxrss_kb) / 1024, failures: o.failures, runs: o.wall_us.length };
  });
  log(`cold: ${JSON.stringify(results.cold)}`);
} else {
  results.cold_skipped = 'bench/ drivers not built (scripts/bench.sh builds them)';
}

// ---------------------------------------------------------------- 6. in-process instantiate + first quote
{
  const q10 = [`${root}dist/lockstep.wasm`, 'quote', coldInput, `${FIX}quote-10.expected.json`, String(P.inst)];
  if (!argv.includes('--no-inproc') && existsSync(INPROC)) {
    const r = spawnSync(INPROC, q10, { encoding: 'utf8' });
    if (r.status !== 0) { console.error(`bench: FAILED: wasmtime in-process: ${r.stderr}`); process.exit(1); }
    results.inst.wasmtime = JSON.parse(r.stdout);
  } else results.inst.wasmtime_skipped = existsSync(INPROC) ? '--no-inproc' : 'not built (scripts/bench.sh --inproc builds it, ~10 min)';
  const r = spawnSync('node', [`${root}bench/js/node-inst.mjs`, ...q10], { encoding: 'utf8' });
  if (r.status !== 0) { console.error(`bench: FAILED: node in-process: ${r.stderr}`); process.exit(1); }
  results.inst.node = JSON.parse(r.stdout);
  log(`in-process: ${JSON.stringify(results.inst)}`);
}

// ---------------------------------------------------------------- 7. warm-instance memory
try {
  results.memory = await measureMemory({ root, fixDir: FIX, fx: FX, steps: P.memSteps, log });
} catch (e) {
  console.error(`bench: FAILED: warm-instance memory: ${e.message}`);
  process.exit(1);
}
log(`memory: ${Object.entries(results.memory).filter(([, m]) => m.steps).map(([k, m]) => `${k} ${m.steps.map((x) => `${x.requests}:${x.bytes / 1024}K`).join(' ')}`).join('; ')}`);

// ---------------------------------------------------------------- 5. size
{
  const gz = (b) => gzipSync(b, { level: 9 }).length;
  const files = { 'dist/lockstep.wasm': `${root}dist/lockstep.wasm`, 'npm .wasm (dist/npm/lockstep_web_bg.wasm)': `${root}dist/npm/lockstep_web_bg.wasm`, 'dist/lockstep.cwasm': `${root}dist/lockstep.cwasm` };
  results.size.files = Object.entries(files).map(([label, p]) => { const b = readFileSync(p); return { label, raw: b.length, gzip: gz(b) }; });
  const unstripped = {
    'WASI (dist/lockstep.wasm, unstripped build)': `${root}target/bench-size/wasm32-wasip1/wasm/lockstep.wasm`,
    'web (before wasm-bindgen)': `${root}target/wasm32-unknown-unknown/wasm-web/lockstep_web.wasm`,
  };
  results.size.breakdown = {};
  for (const [label, p] of Object.entries(unstripped)) {
    if (!existsSync(p)) continue;
    const a = analyze(readFileSync(p));
    const code = a.functions.reduce((s, f) => s + f.size, 0);
    results.size.breakdown[label] = {
      total: a.total, code, data: a.dataBytes, sections: a.sections.map((s) => [s.label, s.size]),
      crates: byCrate(a.functions).slice(0, 14), top: [...a.functions].sort((x, y) => y.size - x.size).slice(0, 12),
    };
    if (existsSync(`${p}.map`)) results.size.breakdown[label].dataMap = dataFromMap(readFileSync(`${p}.map`, 'utf8'));
  }
}

// ---------------------------------------------------------------- report
results.seconds = (Date.now() - started) / 1000;
writeFileSync(`${OUT}results.json`, JSON.stringify(results, null, 1));
const md = [];
const table = (head, rows) => { md.push(`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''); };
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '–');
md.push(`# Lockstep benchmark (${P.label} mode)`, '',
  `Machine: ${machine.nproc} CPUs, ${machine.cpu}, ${machine.kernel}; load average at start ${machine.load}. ` +
  `Tools: ${machine.rustc}, ${machine.wasmtime}, Node.js ${machine.node}, ${machine.chromium}. ` +
  `Command: \`scripts/bench.sh${SMOKE ? ' --smoke' : ''}\`; ${results.seconds.toFixed(0)} s.`, '');

md.push('## Throughput (warm, requests/second, median of runs)', '',
  `Each cell is the median of ${P.runs} runs of about ${P.secs} s (batch targets: ${P.batchRuns} runs of about ${P.batchSecs} s, ` +
  'each minus the median wall time of an empty batch run, so process start is excluded). ' +
  '`native` = `lockstep::handle_json` in-process (bench/src/bin/native.rs); `native --batch` / `wasmtime --batch` = the CLI reading ' +
  'NDJSON on stdin (`.cwasm`); `Node.js` / `Chromium` = the npm package\'s object API (`quote(obj)` …) in a loop, JS↔Wasm boundary and ' +
  'JSON.stringify and JSON.parse at the boundary included. Slowdown = native ÷ target (wasmtime against `native --batch`, the same I/O path; Node.js and Chromium against in-process `native`).', '');
table(['fixture', 'native', 'native --batch', 'wasmtime --batch', 'Node.js', 'Chromium', 'wasmtime slowdown', 'Node.js slowdown', 'Chromium slowdown'],
  FX.map((f) => { const t = results.throughput[f.name]; return [f.name, fmtN(t.native ?? 0), fmtN(t.native_cli), fmtN(t.wasmtime), fmtN(t.node), t.chromium ? fmtN(t.chromium) : '–', ratio(t.native_cli, t.wasmtime), ratio(t.native, t.node), ratio(t.native, t.chromium)]; }));
if (results.chromium_skipped) md.push(`Chromium skipped: ${results.chromium_skipped}.`, '');

md.push('## npm package: object API and string entry (requests/second, median of runs)', '',
  `The same fixtures through the package's two entries, their runs interleaved (${P.runs} runs of about ${P.secs} s each): ` +
  '`object` = `quote(obj)` / `validate(obj)` / `score(obj)` (the object API, also the Node.js and Chromium columns above); ' +
  '`string` = `JSON.parse(handleJson(op, JSON.stringify(req)))`, the string entry with the caller\'s own encoding and decoding included. ' +
  'object ÷ string < 1× means the string entry answers more requests per second.', '');
table(['fixture', 'Node.js object', 'Node.js string', 'object ÷ string', 'Chromium object', 'Chromium string', 'object ÷ string'],
  FX.map((f) => { const e = results.entry[f.name] ?? {}; return [f.name, fmtN(e.node_object), fmtN(e.node_string), ratio(e.node_object, e.node_string), e.chromium_object ? fmtN(e.chromium_object) : '–', e.chromium_string ? fmtN(e.chromium_string) : '–', ratio(e.chromium_object, e.chromium_string)]; }));

md.push('## Cold start as a process (quote, 10-line cart)', '',
  `Median (and 90th percentile) wall time from spawn to reap and median peak RSS (\`wait4\` \`ru_maxrss\`) over ${P.coldRounds} interleaved rounds (bench/src/bin/cold.rs).`, '');
if (results.cold_skipped) md.push(`Skipped: ${results.cold_skipped}.`, '');
else table(['target', 'wall (median)', 'wall (p90)', 'peak RSS', 'vs native'], Object.entries(results.cold).map(([k, v]) => [`\`${k}\``, fmtT(v.wall_ms * 1e3), fmtT(v.wall_p90_ms * 1e3), `${v.rss_mb.toFixed(1)} MiB`, ratio(v.wall_ms, results.cold['native CLI'].wall_ms)]));

md.push('## In-process cold start: instantiate + first quote (10-line cart)', '');
{
  const rows = [];
  const w = results.inst.wasmtime;
  if (w) rows.push([`wasmtime 48.0.8 crate: precompiled module, \`InstancePre\`, pooling allocator (${w.instances} instances)`, fmtT(w.instantiate_ns.median / 1e3), fmtT(w.first_call_ns.median / 1e3), fmtT(w.total_ns.median / 1e3), fmtT(w.total_ns.p99 / 1e3)]);
  const n = results.inst.node;
  rows.push([`Node.js \`new WebAssembly.Instance\` of a compiled module (${n.instances} instances)`, fmtT(n.instantiate_ns.median / 1e3), fmtT(n.first_call_ns.median / 1e3), fmtT(n.total_ns.median / 1e3), fmtT(n.total_ns.p99 / 1e3)]);
  md.push('Both run the same WASI module (`dist/lockstep.wasm`) through a minimal host of its five imports (stdin/stdout in memory), `_start` answering one quote.', '');
  table(['host', 'instantiate', 'first quote', 'total (median)', 'total (p99)'], rows);
  if (results.inst.wasmtime_skipped) md.push(`wasmtime crate: ${results.inst.wasmtime_skipped}.`, '');
}

md.push('## Chromium page cold start (quote, 10-line cart)', '');
if (results.chromium_cold) {
  const c = results.chromium_cold;
  const ms = (x) => `${x.toFixed(1)} ms`;
  md.push(`${c.pages} fresh pages, each in a new browser context (empty HTTP cache, so the .wasm is fetched and compiled every time), in one headless Chromium; ` +
    'the page and dist/npm served from 127.0.0.1 (tests/browser/harness.mjs). Times are `performance.now()` in the page, milliseconds since `performance.timeOrigin` ' +
    '(navigation start), except the import and the quote, which are durations. The cart is inline in the page; the import is `await import(\'/npm/index.js\')` ' +
    '(the entry fetches and instantiates the .wasm with top-level await); the quote is the first `quote(obj)` call.', '');
  table(['', 'median', 'p90'], [
    ['HTML received (`responseEnd`)', ms(c.html_ms.median), ms(c.html_ms.p90)],
    ['module script starts', ms(c.script_ms.median), ms(c.script_ms.p90)],
    ['`import` of the package (duration)', ms(c.import_ms.median), ms(c.import_ms.p90)],
    ['first `quote` (duration)', ms(c.quote_ms.median), ms(c.quote_ms.p90)],
    ['**navigation start → first quote answered**', `**${ms(c.total_ms.median)}**`, `**${ms(c.total_ms.p90)}**`],
  ]);
} else md.push(`Skipped: ${results.chromium_cold_skipped ?? results.chromium_skipped ?? '--no-chromium'}.`, '');

md.push('## Warm-instance memory (wasm linear memory, one instance per host)', '');
{
  const m = results.memory;
  const steps = P.memSteps;
  const num = (n) => n.toLocaleString('en-US').replace(/,/g, ' ');
  const kib = (b) => `${num(b / 1024)} KiB`;
  const [a, b] = steps.slice(-2).map(num);
  md.push(`A mixed workload, every fixture round-robin with error requests among them (unknown operation, truncated JSON, unknown field, wrong type); ` +
    `the size of the instance's linear memory after load and after ${steps.map(num).join(', ')} requests. ` +
    'Linear memory never shrinks, so each figure is also the peak so far. ' +
    `npm: a cycle of ${m.npm_node.cycle ?? '–'} requests (each fixture through \`quote(obj)\`… and through \`handleJson\`, the errors through both), \`memory.buffer.byteLength\` of the package's own \`WebAssembly.Memory\` (bench/js/node-mem.mjs). ` +
    `WASI: one \`lockstep --batch\` instance, a cycle of ${m.wasi_wasmtime.cycle ?? m.wasi_node.cycle ?? '–'} lines; in Node.js behind a minimal WASI host that reads the memory at each answer line (bench/js/wasi-mem.mjs), ` +
    'and under the wasmtime CLI, where each size is the smallest `-W max-memory-size` (in 64 KiB pages) with which the run answers every line (the two WASI hosts deliver stdin in different chunks: a page or two apart is expected).', '');
  const hosts = [
    ['npm package, Node.js', 'npm package in Node.js', m.npm_node, (h) => h.steps[0].bytes],
    ['WASI command, Node.js host', 'WASI command in the Node.js host', m.wasi_node, (h) => h.start ?? h.initial],
    ['WASI command, `wasmtime run` .cwasm', 'WASI command under wasmtime', m.wasi_wasmtime, () => null],
  ];
  const at = (h, n) => { const x = h.steps?.find((y) => y.requests === n); return x ? kib(x.bytes) : '–'; };
  const grewCell = (g) => (g === null || g === undefined ? '–' : g > 0 ? `**yes, +${kib(g)}**` : 'no');
  table(['host', 'after load', ...steps.map((n) => `after ${num(n)}`), `grew ${a} → ${b}`],
    hosts.map(([label, , h, load]) => (h.skipped ? [label, '–', ...steps.map(() => '–'), `skipped: ${h.skipped}`] : [label, load(h) === null ? '–' : kib(load(h)), ...steps.map((n) => at(h, n)), grewCell(h.grew_bytes)])));
  for (const [, label, h] of hosts) {
    const g = h.grew_bytes;
    md.push(`* ${label}: ${h.skipped ? `not measured (${h.skipped})` : g === null ? 'not measured' : g > 0 ? `**grew** between ${a} and ${b} requests (+${kib(g)})` : `did not grow between ${a} and ${b} requests`}.`);
  }
  md.push('');
}

md.push('## The alternative: decimal.js (requests/second)', '',
  'bench/js/alt-quote.mjs implements the benchmark carts\' subset of docs/pricing.md (unit prices, percent_off and amount_off with largest-remainder allocation, per-line exclusive taxes, untaxed shipping, half_even) with decimal.js; it gives byte-identical answers on every cart (checked each run). Both take and return JS objects.', '');
table(['cart', 'npm (Node.js)', 'decimal.js (Node.js)', 'npm ÷ decimal.js', 'npm (Chromium)', 'decimal.js (Chromium)', 'npm ÷ decimal.js'],
  Object.entries(results.alt).map(([k, a]) => [k, fmtN(a.npm_node), fmtN(a.decimal_node), ratio(a.npm_node, a.decimal_node), a.npm_chromium ? fmtN(a.npm_chromium) : '–', a.decimal_chromium ? fmtN(a.decimal_chromium) : '–', ratio(a.npm_chromium, a.decimal_chromium)]));

md.push('## Size', '');
table(['artifact', 'raw', 'gzip (Node zlib, level 9)'], results.size.files.map((f) => [f.label, `${f.raw.toLocaleString('en-US').replace(/,/g, ' ')} B (${(f.raw / 1024).toFixed(0)} KiB)`, `${f.gzip.toLocaleString('en-US').replace(/,/g, ' ')} B (${(f.gzip / 1024).toFixed(0)} KiB)`]));
for (const [label, b] of Object.entries(results.size.breakdown)) {
  md.push(`### ${label}: ${b.total} B, code ${b.code} B, data section ${b.data} B`, '');
  table(['crate', 'code bytes', 'share of code', 'functions'], b.crates.map((c) => [c.crate, String(c.bytes), `${((100 * c.bytes) / b.code).toFixed(1)} %`, String(c.functions)]));
  table(['largest functions', 'bytes'], b.top.map((f) => [`\`${f.name.length > 110 ? f.name.slice(0, 110) + '…' : f.name}\``, String(f.size)]));
  if (b.dataMap) {
    md.push(`Data section by origin (linker map, ${b.dataMap.total} B of input data):`, '');
    table(['origin', 'bytes', 'entries', 'largest entry'], b.dataMap.groups.slice(0, 8).map((g) => [g.group, String(g.bytes), String(g.entries), String(g.largest)]));
  }
}
if (!Object.keys(results.size.breakdown).length) md.push('Breakdown skipped: no unstripped build (scripts/bench.sh builds one without --smoke).', '');
writeFileSync(`${OUT}report.md`, md.join('\n'));
log(`wrote target/bench/report.md and results.json (${results.seconds.toFixed(0)} s)`);

// ---------------------------------------------------------------- chart (log scale)
{
  const bars = [];
  const w = results.inst.wasmtime;
  if (w) bars.push(['wasmtime crate: instantiate + quote', w.total_ns.median / 1e3, 'in-process']);
  const n = results.inst.node;
  bars.push(['Node.js: new Instance + quote', n.total_ns.median / 1e3, 'in-process']);
  for (const [k, v] of Object.entries(results.cold)) bars.push([k, v.wall_ms * 1e3, 'process']);
  const W = 760, rowH = 30, left = 270, right = 90, top = 46, H = top + bars.length * rowH + 40;
  const lo = 1, hi = 6; // 10 µs .. 1 s, log10 µs
  const x = (us) => left + ((Math.min(hi, Math.max(lo, Math.log10(us))) - lo) / (hi - lo)) * (W - left - right);
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const svg = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="13">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">Lockstep cold start: one quote of a 10-line cart (median, log scale)</text>`];
  for (let e = lo; e <= hi; e++) {
    const X = x(10 ** e);
    svg.push(`<line x1="${X}" y1="${top - 6}" x2="${X}" y2="${H - 30}" stroke="#ddd"/>`,
      `<text x="${X}" y="${H - 14}" text-anchor="middle" fill="#555">${['', '10 µs', '100 µs', '1 ms', '10 ms', '100 ms', '1 s'][e]}</text>`);
  }
  bars.forEach(([label, us, kind], i) => {
    const y = top + i * rowH;
    svg.push(`<text x="${left - 8}" y="${y + 17}" text-anchor="end">${esc(label)}</text>`,
      `<rect x="${left}" y="${y + 4}" width="${Math.max(1, x(us) - left)}" height="${rowH - 10}" fill="${kind === 'process' ? '#4a7ebb' : '#5aa469'}"/>`,
      `<text x="${x(us) + 6}" y="${y + 17}" fill="#222">${esc(fmtT(us))}</text>`);
  });
  svg.push(`<text x="10" y="${H - 1}" fill="#555" font-size="11">blue: a whole process (spawn to exit); green: a fresh instance in a running host. ${esc(machine.nproc)} CPUs, ${esc(machine.cpu)}</text>`, '</svg>');
  writeFileSync(`${OUT}cold-start.svg`, svg.join('\n') + '\n');
}

// ---------------------------------------------------------------- publish into docs/performance.md
if (argv.includes('--publish')) {
  const doc = `${root}docs/performance.md`;
  const text = readFileSync(doc, 'utf8');
  const begin = '<!-- bench:begin (written by scripts/bench.sh; edit outside these markers) -->';
  const end = '<!-- bench:end -->';
  const body = md.slice(2).join('\n').replace(/^## /gm, '### ');
  const block = `${begin}\n\n_Measured ${new Date().toISOString().slice(0, 10)}._ ${body}\n${end}`;
  const i = text.indexOf(begin), j = text.indexOf(end);
  if (i < 0 || j < 0) { console.error('bench: docs/performance.md has no bench markers; not published'); }
  else {
    writeFileSync(doc, text.slice(0, i) + block + text.slice(j + end.length));
    writeFileSync(`${root}docs/cold-start.svg`, readFileSync(`${OUT}cold-start.svg`));
    log('published into docs/performance.md and docs/cold-start.svg');
  }
}
