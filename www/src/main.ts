// The checkout demo page: an editable cart priced live, a payment form validated as you
// type, a fraud score on submit. Every answer is computed here by the npm package
// (WebAssembly) and the same request is then sent to the demo server (native Rust),
// whose answer must be the same bytes. Request shapes come from samples.json.
import { version } from './npm/index.js';
import { check, local, type ServerCheck } from './compare.js';
import * as ptr from './pointer.js';
import { errorOf, h, renderAnswer, renderError, renderQuote, type WireError } from './render.js';

interface QuoteUi {
  lines: string;
  line_id?: string;
  line_label: string;
  labels?: Record<string, string>;
  line_price: string;
  line_quantity: string;
  coupons: string;
  currency: string;
  currencies: Choices;
  tax_mode: string;
  tax_modes: Choices;
  coupon_hint?: string;
}
/** Values to choose from: a list, or labels mapped to the JSON value sent. */
type Choices = ptr.Json[] | Record<string, ptr.Json>;

interface FormUi {
  mode?: string;
  omit_empty?: boolean;
  currency?: string;
  fields: Record<string, string>;
  from_quote?: Record<string, string>;
}
interface Samples {
  quote: { request: ptr.Json; ui: QuoteUi };
  validate: { request: ptr.Json; ui: FormUi };
  score: { request: ptr.Json; ui: FormUi };
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

// ---- server comparison -------------------------------------------------------------

const pending = new Map<string, AbortController>();
const timers = new Map<string, number>();

/** Sends `text` to the server for `op` (debounced, previous one aborted) and shows the verdict. */
function compareWithServer(op: string, text: string, mine: string): void {
  const out = byId(`${op}-check`);
  out.className = 'server-check pending';
  out.textContent = 'asking the server…';
  window.clearTimeout(timers.get(op));
  timers.set(op, window.setTimeout(() => {
    pending.get(op)?.abort();
    const controller = new AbortController();
    pending.set(op, controller);
    check(op, text, mine, controller.signal).then((r: ServerCheck) => {
      out.className = `server-check ${r.agrees ? 'agrees' : 'disagrees'}`;
      out.replaceChildren(h('span', {}, r.agrees ? '✔ ' : '✘ '), r.summary, r.diff ? h('pre', { class: 'diff' }, r.diff) : '');
    }, () => { /* aborted: a newer request is on its way */ });
  }, 120));
}

// ---- cart and quote ----------------------------------------------------------------

let samples: Samples;
let quoteRequest: ptr.Json;
let lastQuote: unknown = null;
const coupons: string[] = [];

function lines(): Record<string, ptr.Json>[] {
  const l = ptr.get(quoteRequest, samples.quote.ui.lines);
  return Array.isArray(l) ? (l as Record<string, ptr.Json>[]) : [];
}

function lineLabel(line: Record<string, ptr.Json>, i: number): string {
  const ui = samples.quote.ui;
  const id = ui.line_id ? line[ui.line_id] : undefined;
  return (typeof id === 'string' ? ui.labels?.[id] : undefined) ?? String(line[ui.line_label] ?? `line ${i + 1}`);
}

/** Response line id -> the label shown in the cart. */
function labelsById(): Record<string, string> {
  const ui = samples.quote.ui;
  const out: Record<string, string> = {};
  lines().forEach((line, i) => {
    const id = ui.line_id ? line[ui.line_id] : undefined;
    if (typeof id === 'string') out[id] = lineLabel(line, i);
  });
  return out;
}

function renderCart(): void {
  const ui = samples.quote.ui;
  const body = byId('cart-body');
  body.replaceChildren(...lines().map((line, i) => {
    const label = lineLabel(line, i);
    const id = `qty-${i}`;
    const input = h('input', {
      id, type: 'number', min: '0', max: '999', step: '1', inputmode: 'numeric',
      value: String(line[ui.line_quantity] ?? ''), 'aria-label': `Quantity of ${label}`,
    }) as HTMLInputElement;
    input.addEventListener('input', () => {
      const original = line[ui.line_quantity];
      const raw = input.value.trim();
      const n = Number(raw);
      line[ui.line_quantity] = raw !== '' && Number.isInteger(n) ? (typeof original === 'string' ? String(n) : n) : raw;
      runQuote();
    });
    return h('tr', {}, h('th', { scope: 'row' }, label), h('td', { class: 'num' }, String(line[ui.line_price] ?? '')), h('td', {}, input));
  }));
}

function renderCoupons(): void {
  const list = byId('coupon-list');
  list.replaceChildren(...coupons.map((code) => {
    const button = h('button', { type: 'button', class: 'chip', 'aria-label': `Remove coupon ${code}` }, `${code} ✕`);
    button.addEventListener('click', () => {
      coupons.splice(coupons.indexOf(code), 1);
      applyCoupons();
    });
    return h('li', {}, button);
  }));
}

function applyCoupons(): void {
  const at = samples.quote.ui.coupons;
  const original = ptr.get(samples.quote.request, at);
  if (typeof original === 'string' || original === undefined) {
    if (coupons.length > 1) coupons.splice(0, coupons.length - 1);
    if (coupons.length === 0) ptr.remove(quoteRequest, at);
    else ptr.set(quoteRequest, at, coupons[0]);
  } else {
    ptr.set(quoteRequest, at, [...coupons]);
  }
  renderCoupons();
  runQuote();
}

function runQuote(): void {
  const text = JSON.stringify(quoteRequest);
  const answer = local('quote', text);
  const error = errorOf(answer.value);
  lastQuote = error ? null : answer.value;
  byId('quote-out').replaceChildren(error ? renderError('Pricing', error) : renderQuote(answer.value, labelsById()));
  compareWithServer('quote', text, answer.text);
}

function select(id: string, choices: Choices, current: unknown, onChange: (v: ptr.Json) => void): void {
  const el = byId<HTMLSelectElement>(id);
  const options: [string, ptr.Json][] = Array.isArray(choices) ? choices.map((c) => [String(c), c]) : Object.entries(choices);
  el.replaceChildren(...options.map(([label], i) => h('option', { value: String(i) }, label)));
  const at = options.findIndex(([, v]) => JSON.stringify(v) === JSON.stringify(current));
  el.value = String(Math.max(0, at));
  el.addEventListener('change', () => {
    const chosen = options[Number(el.value)];
    if (chosen) onChange(chosen[1]);
  });
}

// ---- payment form ------------------------------------------------------------------

function fieldInputs(ui: FormUi): [string, HTMLInputElement | HTMLSelectElement][] {
  return Object.keys(ui.fields).flatMap((name) => {
    const el = document.getElementById(name);
    return el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? [[name, el] as [string, HTMLInputElement]] : [];
  });
}

function fillFrom(request: ptr.Json, ui: FormUi): void {
  for (const [name, el] of fieldInputs(ui)) {
    const at = ui.fields[name] ?? '';
    if (el.value === '' && ui.omit_empty) ptr.remove(request, at);
    else ptr.set(request, at, el.value);
  }
}

function clearMessages(): void {
  for (const el of document.querySelectorAll<HTMLElement>('.field .msg')) el.textContent = '';
  for (const el of document.querySelectorAll<HTMLElement>('[aria-invalid]')) el.removeAttribute('aria-invalid');
}

/** Puts each problem next to its field; returns those that match no field. */
function placeMessages(problems: { path: string; code: string; message: string }[], ui: FormUi): typeof problems {
  const rest: typeof problems = [];
  for (const p of problems) {
    const name = Object.keys(ui.fields).find((n) => ptr.within(String(p.path), ui.fields[n] ?? '\u0000'));
    const msg = name ? document.getElementById(`${name}-msg`) : null;
    if (name && msg) {
      msg.textContent = msg.textContent ? `${msg.textContent} ${p.message}` : p.message;
      document.getElementById(name)?.setAttribute('aria-invalid', 'true');
    } else {
      rest.push(p);
    }
  }
  return rest;
}

/** Validates the form (`partial` while typing, `full` on submit); true when acceptable. */
function runValidate(mode: 'partial' | 'full'): boolean {
  const ui = samples.validate.ui;
  const request = clone(samples.validate.request);
  if (ui.mode) ptr.set(request, ui.mode, mode);
  fillFrom(request, ui);
  const text = JSON.stringify(request);
  const answer = local('validate', text);
  clearMessages();
  const out = byId('validate-out');
  const error: WireError | null = errorOf(answer.value);
  let ok = false;
  if (error) {
    placeMessages(error.details, ui);
    out.replaceChildren(renderError(`Validation (${mode})`, error));
  } else {
    const v = answer.value as Record<string, unknown>;
    const problems = Array.isArray(v.errors) ? (v.errors as WireError['details']) : [];
    const rest = placeMessages(problems, ui);
    ok = problems.length === 0 && v.valid !== false;
    out.replaceChildren(
      h('p', { class: ok ? 'ok' : 'warn' }, ok ? `Payment details acceptable (${mode} check).` : `${problems.length} problem(s) (${mode} check).`),
      rest.length === 0 ? '' : h('ul', { class: 'details' }, ...rest.map((p) => h('li', {}, h('code', {}, p.path || '(whole request)'), ` ${p.code}: ${p.message}`))),
      renderAnswer(answer.value),
    );
  }
  compareWithServer('validate', text, answer.text);
  return ok;
}

function runScore(): void {
  const ui = samples.score.ui;
  const request = clone(samples.score.request);
  fillFrom(request, ui);
  if (ui.currency) ptr.set(request, ui.currency, ptr.get(quoteRequest, samples.quote.ui.currency) as ptr.Json);
  for (const [to, from] of Object.entries(ui.from_quote ?? {})) {
    const v = ptr.get(lastQuote, from);
    if (v !== undefined) ptr.set(request, to, v);
  }
  const text = JSON.stringify(request);
  const answer = local('score', text);
  const error = errorOf(answer.value);
  byId('score-out').replaceChildren(error ? renderError('Fraud score', error) : renderAnswer(answer.value));
  compareWithServer('score', text, answer.text);
}

// ---- start -------------------------------------------------------------------------

async function start(): Promise<void> {
  const response = await fetch('samples.json');
  if (!response.ok) throw new Error(`samples.json: HTTP ${response.status}`);
  samples = (await response.json()) as Samples;
  quoteRequest = clone(samples.quote.request);
  const ui = samples.quote.ui;
  const initial = ptr.get(samples.quote.request, ui.coupons);
  if (Array.isArray(initial)) coupons.push(...initial.map(String));
  else if (typeof initial === 'string') coupons.push(initial);

  renderCart();
  renderCoupons();
  select('currency', ui.currencies, ptr.get(quoteRequest, ui.currency), (v) => { ptr.set(quoteRequest, ui.currency, v); runQuote(); });
  select('tax-mode', ui.tax_modes, ptr.get(quoteRequest, ui.tax_mode), (v) => { ptr.set(quoteRequest, ui.tax_mode, v); runQuote(); });
  if (ui.coupon_hint) byId('coupon-hint').textContent = ui.coupon_hint;
  byId<HTMLFormElement>('coupon-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const input = byId<HTMLInputElement>('coupon');
    const code = input.value.trim();
    if (code !== '' && !coupons.includes(code)) coupons.push(code);
    input.value = '';
    applyCoupons();
  });

  for (const [name, el] of fieldInputs(samples.validate.ui)) {
    const sample = ptr.get(samples.validate.request, samples.validate.ui.fields[name] ?? '');
    if (typeof sample === 'string' && sample !== '') el.value = sample;
    el.addEventListener('input', () => runValidate('partial'));
  }
  byId<HTMLFormElement>('payment').addEventListener('submit', (e) => {
    e.preventDefault();
    if (runValidate('full')) {
      runScore();
    } else {
      byId('score-out').replaceChildren(h('p', { class: 'warn' }, 'Not submitted: fix the payment details first.'));
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  });

  const v = version() as { version: string; wire_format: number; target: string };
  byId('page-version').textContent = `lockstep ${v.version}, wire format ${v.wire_format}, target ${v.target}`;
  fetch('/api/version', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    .then((r) => r.json())
    .then((s: { version?: string; wire_format?: number; target?: string }) => {
      byId('server-version').textContent = `lockstep ${s.version}, wire format ${s.wire_format}, target ${s.target}`;
    }, () => { byId('server-version').textContent = 'unreachable'; });

  runQuote();
  runValidate('partial');
  document.body.dataset.ready = 'true';
}

start().catch((e: unknown) => {
  byId('fatal').replaceChildren(h('p', { class: 'error-box' }, `The demo could not start: ${String(e)}`));
  document.body.dataset.ready = 'failed';
});
