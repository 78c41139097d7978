// Runs dist/lockstep.wasm under Node.js's built-in WASI with the environment and a
// preopened directory granted, answering `version` for `{}` on stdin (a temp file).
import { readFileSync, writeFileSync, mkdtempSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WASI } from 'node:wasi';

const dir = mkdtempSync(join(tmpdir(), 'lockstep-wasi-'));
writeFileSync(join(dir, 'request.json'), '{}');
const stdin = openSync(join(dir, 'request.json'), 'r');
const wasi = new WASI({
  version: 'preview1',
  args: ['lockstep', 'version'],
  env: { ...process.env, LOCKSTEP_SECRET: 'hunter2', RUST_BACKTRACE: 'full' },
  preopens: { '/': dir },
  stdin,
  returnOnExit: true,
});
const module = await WebAssembly.compile(readFileSync(new URL('../../dist/lockstep.wasm', import.meta.url)));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
const code = wasi.start(instance);
closeSync(stdin);
process.exitCode = code;
