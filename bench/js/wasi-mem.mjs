// Warm-instance memory of the WASI command (dist/lockstep.wasm) in one `--batch`
// instance: the linear memory size after the runtime's start and after each step of a
// mixed workload (the cycle's batch lines round-robin). The module runs in Node.js
// (V8) behind a minimal host of its five WASI imports (wasi-host.mjs, as node-inst.mjs), because only
// a host of our own can look at the memory between two requests: the command flushes
// one answer line per request, so at the fd_write that completes answer k the memory
// is the memory after k requests. (run.mjs then checks the final sizes under the
// wasmtime CLI with -W max-memory-size.)
//
// usage: node wasi-mem.mjs <lockstep.wasm> <cycle.json> <steps, comma-separated>
// cycle.json: [{line, expected}] (batch lines of one cycle and the native answers)
// prints {initial, steps: [{requests, bytes}], cycle: n}
import { readFileSync } from 'node:fs';
import { WasiHost } from './wasi-host.mjs';

const [wasmPath, cycleFile, stepList] = process.argv.slice(2);
const cycle = JSON.parse(readFileSync(cycleFile, 'utf8'));
const steps = stepList.split(',').map(Number);
const total = steps[steps.length - 1];
const enc = new TextEncoder();
const lines = cycle.map((c) => enc.encode(c.line + '\n'));

let mem, start = null;         // start: the size at the first read of stdin
let fed = 0, at = 0;           // lines fed so far, offset into the current line
let answers = 0, partial = []; // answers completed, bytes of the current answer line
const out = [];
const none = new Uint8Array(0);
const record = () => { while (out.length < steps.length && answers === steps[out.length]) out.push({ requests: answers, bytes: mem.buffer.byteLength }); };

const host = new WasiHost({
  args: ['lockstep', '--batch'],
  // At most the rest of one line per call: stdin arrives as a pipe would deliver it.
  read() {
    if (fed === 0 && at === 0 && start === null) start = mem.buffer.byteLength;
    return fed < total ? lines[fed % lines.length].subarray(at) : none;
  },
  consumed(k) {
    if (fed < total && (at += k) === lines[fed % lines.length].length) { fed++; at = 0; }
  },
  write(bytes) {
    let from = 0;
    for (let j = bytes.indexOf(10); j >= 0; j = bytes.indexOf(10, j + 1)) {
      partial.push(bytes.slice(from, j));
      const text = Buffer.concat(partial).toString('utf8');
      partial = [];
      from = j + 1;
      const c = cycle[answers % cycle.length];
      if (answers < cycle.length && text !== c.expected) {
        console.error(`wasi-mem: answer ${answers + 1} differs from native:\n${text.slice(0, 300)}`);
        process.exit(1);
      }
      answers++;
      record();
    }
    if (from < bytes.length) partial.push(bytes.slice(from));
  },
});

const inst = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), host.imports);
mem = host.memory = inst.exports.memory;
const initial = mem.buffer.byteLength;
host.start(inst);
if (answers !== total) {
  console.error(`wasi-mem: ${answers} answers for ${total} requests`);
  process.exit(1);
}
process.stdout.write(JSON.stringify({ initial, start, steps: out, cycle: cycle.length }) + '\n');
