// Shared by the browser tests and the Chromium conformance driver: Debian's chromium
// (never a downloaded browser) launched headless by playwright-core, and a localhost
// server for a page plus dist/npm.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html', '.json': 'application/json' };

/** The path of Debian's chromium, or '' when it is not installed. */
export function chromiumPath() {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** Launches headless chromium from `executablePath`. */
export function launch(executablePath) {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * Serves `/` as `page` (HTML text), any `routes[path]` (a function returning
 * [contentType, body]), and files: `/npm/*` from dist/npm, or, given `dir`, every other
 * path from that directory instead (a built page, tests/edge); on 127.0.0.1; resolves
 * to the server.
 */
export async function serve(page, routes = {}, dir = null) {
  const server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url, 'http://localhost').pathname;
      if (path === '/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(page);
      }
      if (routes[path]) {
        const [type, body] = routes[path]();
        res.writeHead(200, { 'content-type': type });
        return res.end(body);
      }
      if (path.includes('..') || (!dir && !path.startsWith('/npm/'))) throw new Error('not found');
      const body = await readFile(dir ? join(dir, path) : `${root}dist${path}`);
      res.writeHead(200, { 'content-type': TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
