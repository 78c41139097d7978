// Node.js in-process cold start, the counterpart of the wasmtime-crate driver: the same
// WASI module (dist/lockstep.wasm) compiled once (`new WebAssembly.Module`), then for
// each of N fresh instances `new WebAssembly.Instance` with a minimal WASI host (the
// five functions the module imports) + `_start` answering one request.
// usage: node node-inst.mjs <lockstep.wasm> <op> <request.json> <expected answer> <instances>
import { readFileSync } from 'node:fs';

const [wasmPath, op, reqPath, expPath, n] = process.argv.slice(2);
const module = new WebAssembly.Module(readFileSync(wasmPath));
const stdin = readFileSync(reqPath);
const expected = readFileSync(expPath, 'utf8').trimEnd();
const enc = new TextEncoder();
const args = ['lockstep', op].map((a) => enc.encode(a));

class Exit extends Error {}

function run() {
  let mem, pos = 0, exit = null;
  const chunks = [];
  const v = () => new DataView(mem.buffer);
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
      const d = v(), u8 = new Uint8Array(mem.buffer);
      let done = 0;
      for (let i = 0; i < n; i++) {
        const p = d.getUint32(iovs + 8 * i, true), len = d.getUint32(iovs + 8 * i + 4, true);
        const take = Math.min(len, stdin.length - pos);
        u8.set(stdin.subarray(pos, pos + take), p);
        pos += take;
        done += take;
        if (take < len) break;
      }
      d.setUint32(nread, done, true);
      return 0;
    },
    fd_write(fd, iovs, n, nw) {
      const d = v();
      let done = 0;
      for (let i = 0; i < n; i++) {
        const p = d.getUint32(iovs + 8 * i, true), len = d.getUint32(iovs + 8 * i + 4, true);
        if (fd === 1) chunks.push(new Uint8Array(mem.buffer, p, len).slice());
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
  const t0 = process.hrtime.bigint();
  const inst = new WebAssembly.Instance(module, { wasi_snapshot_preview1: wasi });
  mem = inst.exports.memory;
  const t1 = process.hrtime.bigint();
  try {
    inst.exports._start();
  } catch (e) {
    if (!(e instanceof Exit) || exit !== 0) throw e;
  }
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
