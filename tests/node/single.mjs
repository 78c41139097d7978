// One request through the npm package, as the CLI takes it: `node single.mjs <op> < request`.
import { handleJson } from 'lockstep';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
process.stdout.write(handleJson(process.argv[2], Buffer.concat(chunks).toString('utf8')) + '\n');
