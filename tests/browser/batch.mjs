// The browser target of the conformance suite: --batch lines on stdin are answered by
// the npm package inside headless Chromium (Debian's chromium via playwright-core; never
// a downloaded browser), loaded by a page served from localhost with no bundler.
// `--single <op>` answers one raw request the way `lockstep <op>` does.
// Exit 3 when chromium is missing (the Rust driver turns that into a failure on CI).
import { createInterface } from 'node:readline';
import { chromiumPath, launch, serve } from './harness.mjs';

const executablePath = chromiumPath();
if (!executablePath) {
  console.error('chromium is not installed (apt-get install chromium)');
  process.exit(3);
}

// `batch.mjs --single <op>`: stdin is one raw request, answered with handleJson(op, text).
const single = process.argv[2] === '--single' ? process.argv[3] : null;
const lines = [];
if (single !== null) {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  lines.push(Buffer.concat(chunks).toString('utf8'));
} else {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() !== '') lines.push(line);
  }
}

const PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">'
  + '<title>batch</title></head><body><script type="module">'
  + 'window.lockstep = await import("/npm/index.js"); window.ready = true;</script></body></html>';
const server = await serve(PAGE);
const browser = await launch(executablePath);
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 30000 });
  const CHUNK = 500;
  for (let i = 0; i < lines.length; i += CHUNK) {
    const answers = await page.evaluate(
      ([chunk, op]) => chunk.map((l) => (op === null ? window.lockstep.handleLine(l) : window.lockstep.handleJson(op, l))),
      [lines.slice(i, i + CHUNK), single],
    );
    process.stdout.write(answers.join('\n') + '\n');
  }
  if (errors.length) {
    console.error(`page errors: ${errors.join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.close();
}
