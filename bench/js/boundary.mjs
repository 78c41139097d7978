// The JS<->Wasm boundary of the npm package, variant against variant, in Node.js.
// usage: node boundary.mjs <package dir> <variant> <secs> <runs>
//   variant  object: the public API, `quote(obj)` … (whatever the package implements)
//            string: JSON.parse(handleJson(op, JSON.stringify(obj)))
//            bytes:  JSON.parse(decode(handleBytes(op, encode(JSON.stringify(obj))))),
//                    only for a build that exports the (temporary) `handleBytes`
// prints {fixture: median requests per CPU second}: this process's user + system time
// (process.cpuUsage), not wall time, so that other jobs on a shared machine move the
// figures less. Fixtures: fixtures.mjs's fixtures().
// docs/performance.md ("JS boundary") has the figures and how they were taken.
import { fixtures } from './fixtures.mjs';

const [dir, variant, secs = '0.5', runs = '7'] = process.argv.slice(2);
const pkg = await import(`${dir}/node.js`);
const raw = await import(`${dir}/lockstep_web.js`);
const enc = new TextEncoder();
const dec = new TextDecoder();
const call = {
  object: (op, req) => pkg[op](req),
  string: (op, req) => JSON.parse(pkg.handleJson(op, JSON.stringify(req))),
  bytes: (op, req) => JSON.parse(dec.decode(raw.handleBytes(op, enc.encode(JSON.stringify(req))))),
}[variant];
if (!call) throw new Error(`unknown variant ${variant}`);
const out = {};
for (const [name, op, request] of fixtures()) {
  const expected = pkg.handleJson(op, JSON.stringify(request));
  if (JSON.stringify(call(op, request)) !== expected) throw new Error(`${variant} ${name}: different answer`);
  const rps = measure(() => call(op, request), +secs, +runs);
  out[name] = rps.sort((a, b) => a - b)[rps.length >> 1];
}
process.stdout.write(JSON.stringify(out) + '\n');

/** Calibrates the iteration count to about `secs` of CPU time, then `runs` timed runs. */
function measure(fn, secs, runs) {
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  let sink = 0;
  let iters = 1;
  for (let k = 0; k < 40; k++) {
    const t = cpu();
    for (let i = 0; i < iters; i++) sink ^= fn() ? 1 : 0;
    const dt = cpu() - t;
    if (dt >= secs / 4) {
      iters = Math.max(1, Math.round((secs * iters) / dt));
      break;
    }
    iters *= 2;
  }
  const rps = [];
  for (let r = 0; r < runs; r++) {
    const t = cpu();
    for (let i = 0; i < iters; i++) sink ^= fn() ? 1 : 0;
    rps.push(iters / (cpu() - t));
  }
  globalThis.__sink = sink;
  return rps;
}
