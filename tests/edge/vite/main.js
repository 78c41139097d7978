// A page built by `vite build` (no plugin, no config): the package's default entry,
// whose `new URL('…wasm', import.meta.url)` Vite turns into a hashed asset. It answers
// the cases served at /cases.json and leaves the answers in window.__lockstep.
import * as lockstep from 'lockstep';
import { answerAll } from '../answer.mjs';

try {
  const cases = await (await fetch('/cases.json')).json();
  window.__lockstep = { exports: Object.keys(lockstep).sort(), answers: answerAll(lockstep, cases) };
} catch (e) {
  window.__lockstep = { failure: String((e && e.stack) || e) };
}
