// Warm-instance memory of the WASI command (dist/lockstep.wasm) in one `--batch`
// instance: the linear memory size after the runtime's start and after each step of a
// mixed workload (the cycle's batch lines round-robin). The module runs in Node.js
// (V8) behind a minimal host of its five WASI imports, like node-inst.mjs, because only
// a host of our own can look at the memory between two requests: the command flushes
// one answer line per request, so at the fd_write that completes answer k the memory
// is the memory after k requests. (run.mjs then checks the final sizes under the
// wasmtime CLI with -W max-memory-size.)
//
// usage: node wasi-mem.mjs <lockstep.wasm> <cycle.json> <steps, comma-separated>
// cycle.json: [{line, expected}] (batch lines of one cycle and the native answers)
// prints {initial, steps: [{requests, bytes}], cycle: n}
import { readFileSync } from 'node:fs';

const [wasmPath, cycleFile, stepList] = process.argv.slice(2);
const cycle = JSON.parse(readFileSync(cycleFile, 'utf8'));
const steps = stepList.split(',').map(Number);
const total = steps[steps.length - 1];
const enc = new TextEncoder();
const lines = cycle.map((c) => enc.encode(c.line + '\n'));
const args = ['lockstep', '--batch'].map((a) => enc.encode(a));

class Exit extends Error {}
let mem, exit = null, start = null; // start: the size at the first read of stdin
let fed = 0, at = 0;           // lines fed so far, offset into the current line
let answers = 0, partial = []; // answers completed, bytes of the current answer line
const out = [];
const v = () => new DataView(mem.buffer);
const record = () => { while (out.length < steps.length && answers === steps[out.length]) out.push({ requests: answers, bytes: mem.buffer.byteLength }); };

const wasi = {
  args_sizes_get(argc, size) {
    v().setUint32(argc, args.length, true);
    v().setUint32(size, args.reduce((s, a) => s + a.length + 1, 0), true);
    return 0;
  },
  args_get(argv, buf) {
    const u8 = new Uint8Array(mem.buffer);
    args.forEach((a, i) => {
      v().setUint32(argv + 4 * i, buf, true);
      u8.set(a, buf);
      u8[buf + a.length] = 0;
      buf += a.length + 1;
    });
    return 0;
  },
  fd_read(fd, iovs, n, nread) {
    if (fed === 0 && at === 0 && start === null) start = mem.buffer.byteLength;
    const d = v(), u8 = new Uint8Array(mem.buffer);
    let done = 0;
    // At most the rest of one line per call: stdin arrives as a pipe would deliver it.
    if (fed < total) {
      const line = lines[fed % lines.length];
      for (let i = 0; i < n && at < line.length; i++) {
        const p = d.getUint32(iovs + 8 * i, true), len = d.getUint32(iovs + 8 * i + 4, true);
        const take = Math.min(len, line.length - at);
        u8.set(line.subarray(at, at + take), p);
        at += take;
        done += take;
      }
      if (at === line.length) { fed++; at = 0; }
    }
    d.setUint32(nread, done, true);
    return 0;
  },
  fd_write(fd, iovs, n, nw) {
    const d = v();
    let done = 0;
    for (let i = 0; i < n; i++) {
      const p = d.getUint32(iovs + 8 * i, true), len = d.getUint32(iovs + 8 * i + 4, true);
      if (fd === 1) {
        const bytes = new Uint8Array(mem.buffer, p, len);
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
        if (from < len) partial.push(bytes.slice(from));
      }
      done += len;
    }
    d.setUint32(nw, done, true);
    return 0;
  },
  proc_exit(code) {
    exit = code;
    throw new Exit();
  },
};

const inst = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), { wasi_snapshot_preview1: wasi });
mem = inst.exports.memory;
const initial = mem.buffer.byteLength;
try {
  inst.exports._start();
} catch (e) {
  if (!(e instanceof Exit) || exit !== 0) throw e;
}
if (answers !== total) {
  console.error(`wasi-mem: ${answers} answers for ${total} requests`);
  process.exit(1);
}
process.stdout.write(JSON.stringify({ initial, start, steps: out, cycle: cycle.length }) + '\n');
