// The cases every edge runtime answers: each golden vector of tests/vectors/ (its
// `request` as JSON.stringify gives it, its raw `request_text`, or its `batch_line`),
// with the native CLI's answer to the same text (`dist/native/lockstep <op> < request`,
// or `dist/native/lockstep --batch` for a batch line) as the expectation.
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const OPS = ['quote', 'validate', 'score', 'version'];

/**
 * Every vector as `{ name, op, text, object, line }`: `object` is true when the request
 * is a JSON value the object API (`quote(obj)` …) can be called with; `line` when `text`
 * is a batch line (answered by handleLine).
 */
export function vectorCases() {
  const cases = [];
  const dir = `${root}tests/vectors`;
  for (const group of readdirSync(dir).sort()) {
    for (const file of readdirSync(`${dir}/${group}`).sort()) {
      if (!file.endsWith('.json')) continue;
      const v = JSON.parse(readFileSync(`${dir}/${group}/${file}`, 'utf8'));
      const line = typeof v.batch_line === 'string';
      const raw = typeof v.request_text === 'string';
      if (!line && !raw && !('request' in v)) throw new Error(`${group}/${file}: no request`);
      cases.push({
        name: `${group}/${file}`,
        op: v.op,
        text: line ? v.batch_line : raw ? v.request_text : JSON.stringify(v.request),
        object: !line && !raw && OPS.includes(v.op),
        line,
      });
    }
  }
  return cases;
}

/**
 * The native CLI's answer to each case (stdout without its newline; `"target":"native"`
 * read as the web target's `"target":"web"`) and whether it was a success (exit 0).
 */
export function nativeAnswers(cases) {
  return cases.map(({ op, text, line }) => {
    const r = spawnSync(`${root}dist/native/lockstep`, [line ? '--batch' : op], { input: text, encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 2) throw new Error(`native CLI: exit ${r.status} for ${op}: ${r.stderr}`);
    let out = r.stdout.replace(/\n$/, '');
    if (out.includes('\n')) throw new Error(`native CLI: more than one answer for ${op}`);
    const ok = !out.startsWith('{"error":');
    if (op === 'version' && ok) out = out.replace('"target":"native"', '"target":"web"');
    return { json: out, ok };
  });
}

/** Whether a missing runtime must fail the test (scripts/test.sh, CI) instead of skip. */
export const required = Boolean(process.env.CI || process.env.LOCKSTEP_REQUIRE_BROWSER);

/** The path of a tool from the root package's devDependencies, or '' when missing. */
export function tool(name) {
  const path = `${root}node_modules/.bin/${name}`;
  const r = spawnSync(path, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? path : '';
}
