// Browser and bundler entry: fetches and instantiates the .wasm next to this file once,
// with top-level await, then exposes the API (./api.js). Node.js, Deno and Bun get
// ./node.js, Cloudflare Workers (workerd) ./workerd.js.
//
// Bundlers that do not follow `new URL('…', import.meta.url)` (esbuild, `bun build`)
// leave that URL alone: copy lockstep_web_bg.wasm next to the bundle (README, "Bundlers").
import init from './lockstep_web.js';

await init({ module_or_path: new URL('./lockstep_web_bg.wasm', import.meta.url) });

export { quote, validate, score, version, handleJson, handleLine, LockstepError } from './api.js';
