// The page's own answer (the npm package, in this tab) against the demo server's (the
// native crate): both are JSON text and must be byte-identical.
import { handleJson } from './npm/index.js';

export interface Answer {
  text: string;
  value: unknown;
}

export interface ServerCheck {
  agrees: boolean;
  status: number;
  summary: string;
  diff?: string;
}

/** Runs `op` in the page with the npm package; never throws. */
export function local(op: string, text: string): Answer {
  const out = handleJson(op, text);
  let value: unknown = null;
  try {
    value = JSON.parse(out);
  } catch {
    value = { error: { code: 'internal', message: 'the package answered with text that is not JSON', details: [] } };
  }
  return { text: out, value };
}

/** POSTs the same request text to the demo server and compares the answer's bytes. */
export async function check(op: string, text: string, mine: string, signal: AbortSignal): Promise<ServerCheck> {
  let response: Response;
  try {
    response = await fetch(`/api/${op}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
      signal,
    });
  } catch (e) {
    if (signal.aborted) throw e;
    return { agrees: false, status: 0, summary: 'server unreachable (is lockstep-demo running?)' };
  }
  const theirs = await response.text();
  const bytes = new TextEncoder().encode(theirs).length;
  if (theirs === mine) {
    return { agrees: true, status: response.status, summary: `server agrees (HTTP ${response.status}, ${bytes} identical bytes)` };
  }
  return { agrees: false, status: response.status, summary: `server DISAGREES (HTTP ${response.status})`, diff: diff(mine, theirs) };
}

/** Where two texts first differ, with some context around it. */
export function diff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 40);
  const show = (s: string) => (from > 0 ? '…' : '') + s.slice(from, i + 60) + (s.length > i + 60 ? '…' : '');
  return `first difference at character ${i}\npage:   ${show(a)}\nserver: ${show(b)}`;
}
