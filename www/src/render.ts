// Generic rendering of Lockstep answers: the page does not know the exact response
// shapes, it shows what it finds (lines, totals, promotions, errors) and always the whole
// answer as a tree, so a new member is never hidden.

type Child = Node | string | null | undefined | false;

/** Creates an element; never parses HTML (every string becomes text). */
export function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export interface WireError {
  code: string;
  message: string;
  details: { path: string; code: string; message: string }[];
}

/** The error of an error answer (`{"error": {...}}`), if it is one. */
export function errorOf(value: unknown): WireError | null {
  if (value === null || typeof value !== 'object' || !('error' in value)) return null;
  const e = (value as { error: unknown }).error;
  if (e === null || typeof e !== 'object') return null;
  const o = e as Record<string, unknown>;
  return {
    code: String(o.code ?? 'internal'),
    message: String(o.message ?? ''),
    details: Array.isArray(o.details) ? (o.details as WireError['details']) : [],
  };
}

const TITLES: Record<string, string> = {
  not_implemented: 'Not implemented yet in this build',
  request_too_large: 'Request too large',
  internal: 'Internal error',
};

/** An error answer, shown in full: code, message and each detail with its path. */
export function renderError(what: string, e: WireError): HTMLElement {
  const title = TITLES[e.code] ?? 'Rejected';
  return h('div', { class: 'error-box', 'data-code': e.code },
    h('p', { class: 'error-title' }, `${what}: ${title} `, h('code', {}, e.code)),
    h('p', {}, e.message),
    e.details.length > 0 && h('ul', { class: 'details' },
      ...e.details.map((d) => h('li', {}, h('code', {}, d.path === '' ? '(whole request)' : d.path), ` ${d.code}: ${d.message}`))),
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const NAME_KEYS = ['name', 'label', 'sku', 'id', 'promotion', 'promotion_id', 'code', 'rule', 'tax_code', 'kind'];
const AMOUNT_KEYS = ['amount', 'total', 'value', 'tax', 'discount', 'rate', 'points', 'score'];
const WHY_KEYS = ['reason', 'message', 'explanation', 'why'];

/** One line for an object: its name, its amount and why. */
export function summary(v: unknown): string {
  if (!isObject(v)) return scalar(v);
  const name = NAME_KEYS.map((k) => v[k]).find((x) => typeof x === 'string' || typeof x === 'number');
  const amount = AMOUNT_KEYS.map((k) => v[k]).find((x) => typeof x === 'string' || typeof x === 'number');
  const why = WHY_KEYS.map((k) => v[k]).find((x) => typeof x === 'string');
  const parts = [name, amount, why].filter((x) => x !== undefined).map(String);
  return parts.length > 0 ? parts.join(' · ') : JSON.stringify(v);
}

function scalar(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A value in a table cell: amounts as text, lists as one line per item. */
function cell(v: unknown): Child {
  if (v === undefined) return '—';
  if (Array.isArray(v)) {
    if (v.length === 0) return '—';
    return h('ul', { class: 'cell-list' }, ...v.map((x) => h('li', {}, summary(x))));
  }
  if (isObject(v)) {
    return h('ul', { class: 'cell-list' }, ...Object.entries(v).map(([k, x]) => h('li', {}, `${k}: ${isObject(x) || Array.isArray(x) ? summary(x) : scalar(x)}`)));
  }
  return scalar(v);
}

/** The whole value as nested lists: every member, in the answer's order. */
export function tree(v: unknown): Node {
  if (Array.isArray(v)) {
    if (v.length === 0) return document.createTextNode('[]');
    return h('ol', { class: 'tree', start: '0' }, ...v.map((x) => h('li', {}, tree(x))));
  }
  if (isObject(v)) {
    const entries = Object.entries(v);
    if (entries.length === 0) return document.createTextNode('{}');
    return h('dl', { class: 'tree' }, ...entries.flatMap(([k, x]) => [h('dt', {}, k), h('dd', {}, tree(x))]));
  }
  return h('span', { class: typeof v === 'string' ? 'str' : 'lit' }, scalar(v));
}

const LINE_COLUMNS = ['gross', 'discounts', 'net', 'taxes', 'total'];

/** A quote: lines, order totals, applied and rejected promotions, then the full tree. */
export function renderQuote(v: unknown, labels: Record<string, string> = {}): HTMLElement {
  const out = h('div', { class: 'quote' });
  if (!isObject(v)) {
    out.append(tree(v));
    return out;
  }
  if (Array.isArray(v.lines) && v.lines.length > 0) {
    const present = LINE_COLUMNS.filter((c) => (v.lines as unknown[]).some((l) => isObject(l) && l[c] !== undefined));
    const columns = present.length > 0 ? present : LINE_COLUMNS;
    out.append(h('div', { class: 'table-wrap' }, h('table', { class: 'lines' },
      h('caption', {}, 'Lines'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Item'), ...columns.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...[...(v.lines as unknown[]), ...(isObject(v.shipping) ? [{ ...v.shipping, name: 'Shipping' }] : [])].map((l) => {
        const line = isObject(l) ? l : {};
        const id = line.id;
        const name = (typeof id === 'string' ? labels[id] : undefined) ?? NAME_KEYS.map((k) => line[k]).find((x) => typeof x === 'string') ?? '';
        return h('tr', {}, h('th', { scope: 'row' }, String(name)), ...columns.map((c) => h('td', {}, cell(line[c]))));
      })),
    )));
  }
  const totals = isObject(v.totals) ? v.totals : null;
  if (totals) {
    out.append(h('h3', {}, 'Order totals'), h('dl', { class: 'totals' },
      ...Object.entries(totals).flatMap(([k, x]) => [h('dt', {}, k), h('dd', { 'data-total': k }, cell(x))])));
  } else {
    const flat = Object.entries(v).filter(([, x]) => typeof x === 'string' || typeof x === 'number');
    if (flat.length > 0) {
      out.append(h('h3', {}, 'Order'), h('dl', { class: 'totals' }, ...flat.flatMap(([k, x]) => [h('dt', {}, k), h('dd', { 'data-total': k }, scalar(x))])));
    }
  }
  const promos = isObject(v.promotions) ? v.promotions : v;
  for (const [key, title] of [['applied', 'Applied promotions'], ['rejected', 'Promotions not applied']] as const) {
    const list = promos[key] ?? promos[`${key}_promotions`];
    if (Array.isArray(list)) {
      out.append(h('h3', {}, title), list.length === 0 ? h('p', {}, 'none')
        : h('ul', { class: `promos ${key}` }, ...list.map((p) => h('li', {}, summary(p)))));
    }
  }
  out.append(h('details', { class: 'explanation', open: '' }, h('summary', {}, 'Full explanation (the whole answer)'), tree(v)));
  return out;
}

/** Any other answer (validate): its headline members, then the whole tree. */
export function renderAnswer(v: unknown): HTMLElement {
  const out = h('div', { class: 'answer' });
  if (isObject(v)) {
    const flat = Object.entries(v).filter(([, x]) => typeof x !== 'object' || x === null);
    if (flat.length > 0) out.append(h('dl', { class: 'totals' }, ...flat.flatMap(([k, x]) => [h('dt', {}, k), h('dd', {}, scalar(x))])));
  }
  out.append(h('details', { class: 'explanation' }, h('summary', {}, 'Full answer'), tree(v)));
  return out;
}

/** A fraud score (docs/fraud.md): the decision and score, the matched rules, then the whole tree. */
export function renderScore(v: unknown): HTMLElement {
  const out = h('div', { class: 'answer score' });
  if (isObject(v) && typeof v.decision === 'string') {
    const cls = v.decision === 'approve' ? 'ok' : 'warn';
    out.append(h('p', { class: `decision ${cls}`, 'data-decision': v.decision }, `Decision: ${v.decision} (score ${scalar(v.score)})`));
    const matched = v.reasons ?? v.matched; // the matched rules (`reasons`; `matched` in older builds)
    if (Array.isArray(matched)) {
      out.append(matched.length === 0 ? h('p', {}, 'No rule matched.')
        : h('ul', { class: 'matched' }, ...matched.map((m) => h('li', {}, summary(m)))));
    }
  }
  out.append(h('details', { class: 'explanation' }, h('summary', {}, 'Full answer'), tree(v)));
  return out;
}
