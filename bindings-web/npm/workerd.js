// Cloudflare Workers entry (export conditions `workerd` and `worker`): the .wasm is
// imported as a module, compiled by the runtime at deploy time (workerd refuses to
// compile Wasm from bytes inside a request, and has no import.meta.url), then
// instantiated synchronously. wrangler and esbuild with `--loader:.wasm=copy` keep
// the import; workerd's config lists the .wasm as a `wasm` module.
import wasmModule from './lockstep_web_bg.wasm';
import { initSync } from './lockstep_web.js';

initSync({ module: wasmModule });

export { quote, validate, score, version, handleJson, handleLine, LockstepError } from './api.js';
