// Browser and edge entry: fetches and instantiates the .wasm next to this file once,
// with top-level await, then exposes the API. Node.js gets ./node.js instead.
import init, * as wasm from './lockstep_web.js';

await init({ module_or_path: new URL('./lockstep_web_bg.wasm', import.meta.url) });

export const { quote, validate, score, version, handleJson, handleLine } = wasm;
/** The class of every error Lockstep throws. */
export const LockstepError = wasm.errorClass();
