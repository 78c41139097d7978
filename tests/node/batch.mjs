// The Node.js target of the conformance suite: the npm package from dist/npm, imported
// by its package name with no bundler, answering --batch lines over stdin/stdout.
import { createInterface } from 'node:readline';
import { handleLine } from 'lockstep';

const out = [];
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  out.push(handleLine(line));
  if (out.length >= 256) {
    process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  }
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
