// Node.js warm throughput of the npm package, through both of its entries side by side
// (runs interleaved): the object API (quote/validate/score: JS object in, JS object out)
// and the string entry as a caller would use it,
// JSON.parse(handleJson(op, JSON.stringify(request))); and of the decimal.js
// alternative. usage: node node-loop.mjs <fixtures.json> <secs> <runs>
// prints {name: {npm: {iters, rps}, str: {iters, rps}, alt?: {iters, rps}}}
import { readFileSync } from 'node:fs';
import * as lockstep from 'lockstep';
import { altQuote } from './alt-quote.mjs';
import { measure, measureEach } from './measure.mjs';

const [file, secs, runs] = process.argv.slice(2);
const fixtures = JSON.parse(readFileSync(file, 'utf8'));
const out = {};
for (const { name, op, request, alt } of fixtures) {
  const [npm, str] = measureEach([
    () => lockstep[op](request),
    () => JSON.parse(lockstep.handleJson(op, JSON.stringify(request))),
  ], +secs, +runs);
  out[name] = { npm, str };
  if (alt) out[name].alt = measure(() => altQuote(request), +secs, +runs);
}
process.stdout.write(JSON.stringify(out) + '\n');
