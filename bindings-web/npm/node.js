// Node.js entry (also taken by Deno and Bun): reads the .wasm next to this file
// synchronously (no fetch of file: URLs), then exposes the same API as ./index.js.
import { readFileSync } from 'node:fs';
import { initSync } from './lockstep_web.js';

initSync({ module: readFileSync(new URL('./lockstep_web_bg.wasm', import.meta.url)) });

export { quote, validate, score, version, handleJson, handleLine, LockstepError } from './api.js';
