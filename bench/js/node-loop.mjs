// Node.js warm throughput of the npm package (object API: quote/validate/score, the
// JS<->Wasm boundary, JSON.stringify and JSON.parse included) and of the decimal.js
// alternative. usage: node node-loop.mjs <fixtures.json> <secs> <runs>
// prints {name: {npm: {iters, rps}, alt?: {iters, rps}}}
import { readFileSync } from 'node:fs';
import * as lockstep from 'lockstep';
import { altQuote } from './alt-quote.mjs';
import { measure } from './measure.mjs';

const [file, secs, runs] = process.argv.slice(2);
const fixtures = JSON.parse(readFileSync(file, 'utf8'));
const out = {};
for (const { name, op, request, alt } of fixtures) {
  out[name] = { npm: measure(() => lockstep[op](request), +secs, +runs) };
  if (alt) out[name].alt = measure(() => altQuote(request), +secs, +runs);
}
process.stdout.write(JSON.stringify(out) + '\n');
