// Cold start of the npm package in a fresh `node` process: load the package (sync
// .wasm compile + instantiate), answer one request from stdin, exit.
// usage: node node-cold.mjs <op> < request.json
import { readFileSync } from 'node:fs';
import { handleJson } from 'lockstep';

process.stdout.write(handleJson(process.argv[2], readFileSync(0, 'utf8')) + '\n');
