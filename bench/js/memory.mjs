// Warm-instance memory (run.mjs section 7): one long-lived instance per host, a mixed
// workload (every fixture round-robin plus error requests), the wasm linear memory
// size read after each step. Linear memory never shrinks, so the size after n requests
// is also the peak up to n.
//   npm package in Node.js   bench/js/node-mem.mjs (the package's own WebAssembly.Memory)
//   WASI command, V8 host    bench/js/wasi-mem.mjs (a minimal WASI host reads the memory
//                            at every answer line of one `--batch` instance)
//   WASI command, wasmtime   `wasmtime run -W max-memory-size=…`: the CLI shows no memory
//                            size, so each step's size is the smallest limit (in 64 KiB
//                            pages) with which the run still answers every line
//
// Standalone, for a targeted run (dist/ built, bench/node_modules/lockstep linked):
//   node bench/js/memory.mjs [steps, comma-separated; default 1,10,20,40]
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ERRORS = [
  ['nope', '{}'],                                       // unknown operation
  ['quote', '{"currency":"USD","lines":[{"id":"a"}'],   // truncated JSON
  ['quote', '{"currency":"USD","lines":[],"bogus":1}'], // unknown field
  ['score', '{"payment":{},"rules":"none"}'],           // wrong type
];
const PAGE = 65536;

/**
 * Runs the three hosts over `steps` (ascending request counts). `fx`: [{name, op, body,
 * expected}] with the native answers. Returns {npm_node, wasi_node, wasi_wasmtime}, each
 * {steps: [{requests, bytes}], grew_bytes (last step minus the one before), cycle}.
 */
export async function measureMemory({ root, fixDir, fx, steps, log = () => {} }) {
  const native = `${root}dist/native/lockstep`;
  const nativeAnswer = (op, body) => spawnSync(native, [op], { input: body, maxBuffer: 1 << 28 }).stdout.toString().trimEnd();
  const grew = (s) => {
    const [a, b] = steps.slice(-2).map((n) => s.find((x) => x.requests === n));
    return a && b ? b.bytes - a.bytes : null;
  };
  const parses = (t) => { try { JSON.parse(t); return true; } catch { return false; } };
  const out = {};
  // A host that cannot be measured (say the glue stops exposing the memory) is reported
  // as skipped; a wrong answer fails the run.
  const host = async (key, fn) => {
    try {
      out[key] = await fn();
    } catch (e) {
      if (/differs/.test(e.message)) throw e;
      out[key] = { skipped: e.message.trim().split('\n')[0] };
    }
    log(`memory: ${key} ${out[key].skipped ? `skipped: ${out[key].skipped}` : 'done'}`);
  };

  // npm package: each fixture through the object API and through handleJson, the errors
  // through handleJson and (those with a JSON body and a real operation) the object API.
  const npmCycle = [
    ...fx.map((f) => ({ api: 'object', op: f.op, body: f.body, expected: f.expected })),
    ...fx.map((f) => ({ api: 'string', op: f.op, body: f.body, expected: f.expected })),
    ...ERRORS.map(([op, body]) => ({ api: 'string', op, body, expected: nativeAnswer(op, body) })),
    ...ERRORS.filter(([op, body]) => op !== 'nope' && parses(body)).map(([op, body]) => ({ api: 'object', op, body })),
  ];
  writeFileSync(`${fixDir}mem-npm-cycle.json`, JSON.stringify(npmCycle));
  await host('npm_node', () => {
    const r = spawnSync('node', [`${root}bench/js/node-mem.mjs`, `${fixDir}mem-npm-cycle.json`, steps.join(',')], { encoding: 'utf8', cwd: `${root}bench` });
    if (r.status !== 0) throw new Error(`node-mem: ${r.stderr}`);
    const npm = JSON.parse(r.stdout);
    return { ...npm, grew_bytes: grew(npm.steps) };
  });

  // WASI command: the same fixtures and errors as --batch lines.
  const wasiCycle = [...fx.map((f) => ({ line: `{"op":"${f.op}","request":${f.body}}` })), ...ERRORS.map(([op, body]) => ({ line: `{"op":"${op}","request":${body}}` }))];
  const answers = spawnSync(native, ['--batch'], { input: wasiCycle.map((c) => c.line).join('\n') + '\n', maxBuffer: 1 << 28 }).stdout.toString().trimEnd().split('\n');
  wasiCycle.forEach((c, i) => { c.expected = answers[i]; });
  writeFileSync(`${fixDir}mem-wasi-cycle.json`, JSON.stringify(wasiCycle));
  await host('wasi_node', () => {
    const w = spawnSync('node', [`${root}bench/js/wasi-mem.mjs`, `${root}dist/lockstep.wasm`, `${fixDir}mem-wasi-cycle.json`, steps.join(',')], { encoding: 'utf8' });
    if (w.status !== 0) throw new Error(`wasi-mem: ${w.stderr}`);
    const wasi = JSON.parse(w.stdout);
    return { ...wasi, grew_bytes: grew(wasi.steps) };
  });

  // The same command under the wasmtime CLI. With the limit below what the workload
  // needs, wasmtime refuses the memory.grow, the allocation fails and the command
  // aborts before answering every line.
  const fits = async (n, pages) => {
    if (pages <= 0) return false;
    const child = spawn('wasmtime', ['run', '-W', `max-memory-size=${pages * PAGE}`, '--allow-precompiled', `${root}dist/lockstep.cwasm`, '--batch'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let lines = 0, broken = false, exited = false;
    child.stdout.on('data', (b) => { for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++; });
    child.stdin.on('error', () => { broken = true; });
    child.on('exit', () => { exited = true; });
    const closed = new Promise((resolve) => child.on('close', (code) => resolve(code)));
    for (let i = 0; i < n && !broken && !exited; i++) {
      // once() rejects on EPIPE (the command aborted): that ends the loop above.
      if (!child.stdin.write(wasiCycle[i % wasiCycle.length].line + '\n')) await Promise.race([once(child.stdin, 'drain').catch(() => {}), closed]);
    }
    child.stdin.end();
    const code = await closed;
    return code === 0 && lines === n;
  };
  // Smallest fitting page count, starting from a guess (the V8-hosted size): gallop
  // away from the guess until the answer flips, then bisect. The two hosts deliver
  // stdin in different chunks, so the guess is usually exact or off by a page or two.
  const smallest = async (n, guess, floor) => {
    let runs = 0;
    const ok = async (p) => (p <= floor ? false : (runs++, fits(n, p)));
    let lo, hi;
    if (await ok(guess)) {
      hi = guess;
      for (let step = 1; ; step *= 2) { lo = guess - step; if (lo <= floor || !(await ok(lo))) break; hi = lo; }
      lo = Math.max(lo, floor);
    } else {
      lo = guess;
      for (let step = 1; ; step *= 2) { hi = guess + step; if (await ok(hi)) break; lo = hi; if (step > 1 << 16) throw new Error('wasmtime: no memory limit lets the workload finish'); }
    }
    while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (await ok(mid)) hi = mid; else lo = mid; }
    return { pages: hi, runs };
  };
  await host('wasi_wasmtime', async () => {
    const guesses = out.wasi_node.steps ?? steps.map((n) => ({ requests: n, bytes: PAGE }));
    const wt = [];
    let floor = 0; // pages known not to fit: one below the previous step's size
    for (const st of guesses) {
      const { pages, runs } = await smallest(st.requests, Math.max(st.bytes / PAGE, floor + 1), floor);
      wt.push({ requests: st.requests, bytes: pages * PAGE, runs });
      floor = pages - 1;
    }
    return { steps: wt, grew_bytes: grew(wt), cycle: wasiCycle.length };
  });
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const fixDir = `${root}target/bench/fixtures/`;
  mkdirSync(fixDir, { recursive: true });
  const { fixtures } = await import('./fixtures.mjs');
  const fx = fixtures().map(([name, op, request]) => {
    const body = JSON.stringify(request);
    return { name, op, body, expected: spawnSync(`${root}dist/native/lockstep`, [op], { input: body, maxBuffer: 1 << 28 }).stdout.toString().trimEnd() };
  });
  const steps = (process.argv[2] ?? '1,10,20,40').split(',').map(Number);
  const t = Date.now();
  const m = await measureMemory({ root, fixDir, fx, steps, log: (s) => console.error(s) });
  console.log(JSON.stringify(m, null, 1));
  console.error(`memory: ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
