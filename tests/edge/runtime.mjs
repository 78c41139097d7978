// The Deno and Bun side of tests/edge/edge.test.mjs: reads the cases (JSON) on stdin,
// imports the package by name as an application would (Deno and Bun resolve its `node`
// export condition), and prints the answers (JSON) on stdout.
import process from 'node:process';
import * as lockstep from 'lockstep';
import { answerAll } from './answer.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(new TextDecoder().decode(await new Blob(chunks).arrayBuffer()));
// Which entry the runtime resolved (the `node` condition gives node.js).
const entry = import.meta.resolve('lockstep');
process.stdout.write(JSON.stringify({ entry, exports: Object.keys(lockstep).sort(), answers: answerAll(lockstep, cases) }));
