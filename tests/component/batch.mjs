// The jco target of the conformance suite: dist/lockstep.component.wasm transpiled by
// `jco transpile` (dist/component-js), in Node.js. Each stdin line is a JSON array
// [function, argument] naming an export of lockstep:engine/api (quote, validate,
// score, version, handle-line); each answer line is the ok text, or the typed error
// record (thrown by jco as ComponentError, with the record as `payload`) written back
// as the wire's {"error": {...}} so it compares byte for byte with the core.
import { createInterface } from 'node:readline';
import { api } from '../../dist/component-js/lockstep.js';

const functions = {
  quote: api.quote,
  validate: api.validate,
  score: api.score,
  version: api.version,
  'handle-line': api.handleLine,
};

// WIT enum cases are kebab-case; the wire's codes are snake_case.
const code = (c) => c.replaceAll('-', '_');

export function errorJson(e) {
  return JSON.stringify({
    error: {
      code: code(e.code),
      message: e.message,
      details: e.details.map((d) => ({ path: d.path, code: code(d.code), message: d.message })),
    },
  });
}

export function call(name, arg) {
  const f = functions[name];
  if (!f) throw new Error(`no function ${name}`);
  try {
    return f(arg);
  } catch (e) {
    if (e && e.payload && typeof e.payload === 'object') return errorJson(e.payload);
    throw e;
  }
}

const out = [];
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  const [name, arg] = JSON.parse(line);
  out.push(call(name, arg));
  if (out.length >= 256) {
    process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  }
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
