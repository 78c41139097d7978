// Node.js in-process cold start, the counterpart of the wasmtime-crate driver: the same
// WASI module (dist/lockstep.wasm) compiled once (`new WebAssembly.Module`), then for
// each of N fresh instances `new WebAssembly.Instance` with a minimal WASI host (the
// five functions the module imports, wasi-host.mjs) + `_start` answering one request.
// usage: node node-inst.mjs <lockstep.wasm> <op> <request.json> <expected answer> <instances>
import { readFileSync } from 'node:fs';
import { WasiHost } from './wasi-host.mjs';

const [wasmPath, op, reqPath, expPath, n] = process.argv.slice(2);
const module = new WebAssembly.Module(readFileSync(wasmPath));
const stdin = readFileSync(reqPath);
const expected = readFileSync(expPath, 'utf8').trimEnd();
const args = ['lockstep', op];

function run() {
  let pos = 0;
  const chunks = [];
  const host = new WasiHost({
    args,
    read: () => stdin.subarray(pos),
    consumed: (k) => { pos += k; },
    write: (bytes) => chunks.push(bytes.slice()),
  });
  const t0 = process.hrtime.bigint();
  const inst = new WebAssembly.Instance(module, host.imports);
  host.memory = inst.exports.memory;
  const t1 = process.hrtime.bigint();
  host.start(inst);
  const t2 = process.hrtime.bigint();
  return [Number(t1 - t0), Number(t2 - t1), Number(t2 - t0), chunks];
}

const inst = [], call = [], total = [];
for (let i = 0; i < +n; i++) {
  const [a, b, c, chunks] = run();
  if (i === 0) {
    const got = Buffer.concat(chunks).toString('utf8').trimEnd();
    if (got !== expected) {
      console.error(`node-inst: answer differs from the native one:\n${got}`);
      process.exit(1);
    }
  }
  inst.push(a); call.push(b); total.push(c);
}
const summary = (v) => {
  v.sort((x, y) => x - y);
  const q = (p) => v[Math.round((v.length - 1) * p)];
  return { median: q(0.5), p99: q(0.99), min: v[0], max: v[v.length - 1] };
};
console.log(JSON.stringify({ instances: +n, instantiate_ns: summary(inst), first_call_ns: summary(call), total_ns: summary(total) }));
