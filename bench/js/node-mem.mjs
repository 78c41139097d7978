// Warm-instance memory of the npm package in Node.js: the wasm linear memory size
// (`memory.buffer.byteLength`) after load and after each step of a mixed workload
// (every fixture through the object API and through handleJson, round-robin, plus
// error requests), all in one instance.
//
// The memory is the package's own: node.js has already called the glue's `initSync`,
// and a second `initSync` returns the live instance's exports (wasm-bindgen's
// `if (wasm !== undefined) return wasm;`), whose `memory` is the instance's
// WebAssembly.Memory. The glue file is imported by its real path so that it is the
// same module instance the package entry loaded (Node resolves the symlink).
//
// usage: node node-mem.mjs <cycle.json> <steps, comma-separated>
// cycle.json: [{api: "object"|"string", op, body, expected?}] (one cycle of the workload)
// prints {steps: [{requests, bytes}], cycle: n, errors: n}
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as lockstep from 'lockstep';

const [cycleFile, stepList] = process.argv.slice(2);
const cycle = JSON.parse(readFileSync(cycleFile, 'utf8')).map((c) => ({ ...c, request: c.api === 'object' ? JSON.parse(c.body) : null }));
const steps = stepList.split(',').map(Number);

const entry = realpathSync(createRequire(import.meta.url).resolve('lockstep'));
const glue = await import(pathToFileURL(entry.replace(/[^/]+$/, 'lockstep_web.js')).href);
const exports = glue.initSync({ module: new Uint8Array(0) });
const memory = exports?.memory;
if (!(memory instanceof WebAssembly.Memory)) {
  console.error('node-mem: the package\'s wasm memory is not reachable through initSync (glue changed?)');
  process.exit(1);
}
// The package's functions wrap the glue's (bindings-web/npm/api.js), so prove that this
// memory is the package's own by behaviour: a request handled through the package is
// copied into it.
const probe = 'node_mem_probe_7f3a9c';
lockstep.handleJson('version', `{"${probe}":1}`);
if (Buffer.from(memory.buffer).indexOf(probe) < 0) {
  console.error('node-mem: the glue module imported here is not the one the package loaded');
  process.exit(1);
}

let errors = 0;
function run(c, check) {
  if (c.api === 'string') {
    const a = lockstep.handleJson(c.op, c.body);
    if (check && c.expected !== undefined && a !== c.expected) throw new Error(`handleJson ${c.op}: answer differs from native`);
    if (a.startsWith('{"error"')) errors++;
    return;
  }
  try {
    const a = lockstep[c.op](c.request);
    if (check && c.expected !== undefined && JSON.stringify(a) !== c.expected) throw new Error(`${c.op}(obj): answer differs from native`);
  } catch (e) {
    if (!(e instanceof lockstep.LockstepError)) throw e;
    errors++;
  }
}

const out = [{ requests: 0, bytes: memory.buffer.byteLength }];
let done = 0;
for (const target of steps) {
  for (; done < target; done++) run(cycle[done % cycle.length], done < cycle.length);
  out.push({ requests: done, bytes: memory.buffer.byteLength });
}
process.stdout.write(JSON.stringify({ steps: out, cycle: cycle.length, errors }) + '\n');
