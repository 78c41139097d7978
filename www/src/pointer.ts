// JSON Pointers (RFC 6901) over plain JSON values: how samples.json names the members
// the page edits, and how error `path`s are matched to form fields.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `"/a/b~1c"` -> `["a", "b/c"]`; `""` is the whole document. */
export function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at `pointer`, or `undefined`. */
export function get(doc: unknown, pointer: string): unknown {
  let here: unknown = doc;
  for (const t of tokens(pointer)) {
    if (Array.isArray(here)) here = here[Number(t)];
    else if (here !== null && typeof here === 'object') here = (here as Record<string, unknown>)[t];
    else return undefined;
  }
  return here;
}

function parentOf(doc: unknown, pointer: string, create: boolean): [Record<string, unknown> | unknown[], string] | null {
  const ts = tokens(pointer);
  const last = ts.pop();
  if (last === undefined) return null;
  let here: unknown = doc;
  for (const t of ts) {
    if (here === null || typeof here !== 'object') return null;
    const obj = here as Record<string, unknown>;
    if (obj[t] === undefined && create) obj[t] = {};
    here = obj[t];
  }
  if (here === null || typeof here !== 'object') return null;
  return [here as Record<string, unknown>, last];
}

/** Sets the member at `pointer`, creating missing objects on the way. */
export function set(doc: unknown, pointer: string, value: unknown): void {
  const p = parentOf(doc, pointer, true);
  if (p) (p[0] as Record<string, unknown>)[p[1]] = value;
}

/** Removes the member at `pointer` (absent optionals are omitted, never null). */
export function remove(doc: unknown, pointer: string): void {
  const p = parentOf(doc, pointer, false);
  if (p && !Array.isArray(p[0])) delete (p[0] as Record<string, unknown>)[p[1]];
}

/** Whether `path` is `pointer` or inside it. */
export function within(path: string, pointer: string): boolean {
  return path === pointer || path.startsWith(pointer + '/');
}
