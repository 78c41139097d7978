// The checkout demo page: an editable cart priced live, a payment form validated as you
// type, a fraud score on submit. Every answer is computed here by the npm package
// (WebAssembly) and the same request is then sent to the demo server (native Rust),
// whose answer must be the same bytes. Request shapes come from samples.json.
import { version } from './npm/index.js';
import { check, local, type ServerCheck } from './compare.js';
import * as ptr from './pointer.js';
import { errorOf, h, renderAnswer, renderError, renderQuote, renderScore, type WireError } from './render.js';

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
  /** Separator for a field that maps to several pointers ("MM/YY"). */
  split?: string;
  /** Form field id -> the pointer it fills, or the pointers its split parts fill. */
  fields: Record<string, string | string[]>;
  /** Fields sent even when empty in mode `complete`, so a missing value is reported. */
  required?: string[];
  /** Operation -> {request pointer: pointer into that operation's latest answer}. */
  from?: Record<string, Record<string, string>>;
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
  // An older check still in flight must not report over this newer one.
  pending.get(op)?.abort();
  const controller = new AbortController();
  pending.set(op, controller);
  timers.set(op, window.setTimeout(() => {
    check(op, text, mine, controller.signal).then((r: ServerCheck) => {
      if (controller.signal.aborted) return;
      out.className = `server-check ${r.agrees ? 'agrees' : 'disagrees'}`;
      out.replaceChildren(h('span', {}, r.agrees ? '✔ ' : '✘ '), r.summary, r.diff ? h('pre', { class: 'diff' }, r.diff) : '');
    }, () => { /* aborted: a newer request is on its way */ });
  }, 120));
}

// ---- cart and quote ----------------------------------------------------------------

let samples: Samples;
let quoteRequest: ptr.Json;
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
  if (error) delete latest.quote;
  else latest.quote = answer.value;
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

type Problem = { path: string; code: string; message: string };
type Mode = 'partial' | 'complete';

/** The latest successful answer of each operation, for `ui.from`. */
const latest: Record<string, unknown> = {};

function pointersOf(ui: FormUi, name: string): string[] {
  const at = ui.fields[name];
  return Array.isArray(at) ? at : at === undefined ? [] : [at];
}

function fieldInputs(ui: FormUi): [string, HTMLInputElement | HTMLSelectElement][] {
  return Object.keys(ui.fields).flatMap((name) => {
    const el = document.getElementById(name);
    return el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? [[name, el] as [string, HTMLInputElement]] : [];
  });
}

/** The field's text as one value per pointer ("12/28" -> ["12", "28"]). */
function partsOf(ui: FormUi, name: string, text: string): string[] {
  if (!Array.isArray(ui.fields[name])) return [text];
  return text.split(ui.split ?? '/').map((p) => p.trim());
}

function fillFrom(request: ptr.Json, ui: FormUi, mode: Mode): void {
  for (const [name, el] of fieldInputs(ui)) {
    const parts = partsOf(ui, name, el.value);
    const keep = mode === 'complete' && (ui.required ?? []).includes(name);
    pointersOf(ui, name).forEach((at, i) => {
      const value = parts[i] ?? '';
      if (value === '' && ui.omit_empty && !keep) ptr.remove(request, at);
      else ptr.set(request, at, value);
    });
  }
}

/** Copies members of other operations' latest answers into the request (`ui.from`). */
function fillFromAnswers(request: ptr.Json, ui: FormUi): void {
  for (const [op, map] of Object.entries(ui.from ?? {})) {
    for (const [to, from] of Object.entries(map)) {
      const v = latest[op] === undefined ? undefined : ptr.get(latest[op], from);
      if (v !== undefined) ptr.set(request, to, v);
      else ptr.remove(request, to);
    }
  }
}

/** The form field a finding's path points into, if any. */
function fieldOf(ui: FormUi, path: string): string | undefined {
  return Object.keys(ui.fields).find((n) => pointersOf(ui, n).some((at) => ptr.within(path, at)));
}

/** Fields the user has left since editing them: they show their `complete` findings. */
const left = new Set<string>();
/** Fields edited since they were last left. */
const edited = new Set<string>();
let completeFindings: Problem[] = [];

/** Puts each problem next to its field; returns those that match no field. */
function placeMessages(problems: Problem[], ui: FormUi): Problem[] {
  for (const el of document.querySelectorAll<HTMLElement>('.field .msg')) el.textContent = '';
  for (const el of document.querySelectorAll<HTMLElement>('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const rest: Problem[] = [];
  for (const p of problems) {
    const name = fieldOf(ui, String(p.path));
    const msg = name ? document.getElementById(`${name}-msg`) : null;
    if (name && msg) {
      msg.textContent = msg.textContent ? `${msg.textContent} ${p.message}` : p.message;
      const el = document.getElementById(name);
      el?.setAttribute('aria-invalid', 'true');
      if (el) el.dataset.code = el.dataset.code ? `${el.dataset.code} ${p.code}` : p.code;
    } else {
      rest.push(p);
    }
  }
  return rest;
}

/**
 * Validates the form: `partial` while typing, `complete` when a field is left (only
 * filled fields are sent) and on submit (required fields are sent even when empty).
 * A field the user has left keeps the findings of the last `complete` check; the others
 * show this check's. Returns true when the answer is valid.
 */
function runValidate(mode: Mode, submit = false): boolean {
  const ui = samples.validate.ui;
  const request = clone(samples.validate.request);
  if (ui.mode) ptr.set(request, ui.mode, mode);
  fillFrom(request, ui, submit ? 'complete' : 'partial');
  fillFromAnswers(request, ui);
  const text = JSON.stringify(request);
  const answer = local('validate', text);
  for (const el of document.querySelectorAll<HTMLElement>('[data-code]')) delete el.dataset.code;
  const out = byId('validate-out');
  const error: WireError | null = errorOf(answer.value);
  let ok = false;
  if (error) {
    delete latest.validate;
    placeMessages(error.details, ui);
    out.replaceChildren(renderError(`Validation (${mode})`, error));
  } else {
    const v = answer.value as Record<string, unknown>;
    latest.validate = v;
    const found = Array.isArray(v.errors) ? (v.errors as Problem[]) : [];
    if (mode === 'complete') completeFindings = found;
    const isLeft = (p: Problem) => { const n = fieldOf(ui, String(p.path)); return n !== undefined && left.has(n); };
    const shown = mode === 'complete' ? found : [...found.filter((p) => !isLeft(p)), ...completeFindings.filter(isLeft)];
    const rest = placeMessages(shown, ui);
    ok = found.length === 0 && v.valid === true;
    const headline = shown.length === 0 ? `Payment details acceptable (${mode} check).` : `${shown.length} problem(s) (${mode} check).`;
    out.replaceChildren(
      h('p', { class: shown.length === 0 ? 'ok' : 'warn', 'data-mode': mode }, headline),
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
  fillFrom(request, ui, 'complete');
  fillFromAnswers(request, ui);
  const text = JSON.stringify(request);
  const answer = local('score', text);
  const error = errorOf(answer.value);
  byId('score-out').replaceChildren(error ? renderError('Fraud score', error) : renderScore(answer.value));
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

  const vui = samples.validate.ui;
  for (const [name, el] of fieldInputs(vui)) {
    const sample = pointersOf(vui, name).map((at) => ptr.get(samples.validate.request, at));
    if (sample.every((s) => typeof s === 'string') && sample.some((s) => s !== '')) el.value = sample.join(vui.split ?? '/');
    el.addEventListener('input', () => { left.delete(name); edited.add(name); runValidate('partial'); });
    el.addEventListener('focusout', (e) => {
      if (!edited.delete(name)) return;
      left.add(name);
      // Going to the submit button: the submit checks everything, and re-rendering now
      // would move the button under the pointer before the click lands.
      const to = (e as FocusEvent).relatedTarget;
      if (!(to instanceof HTMLButtonElement && to.type === 'submit')) runValidate('complete');
    });
  }
  byId<HTMLFormElement>('payment').addEventListener('submit', (e) => {
    e.preventDefault();
    for (const [name] of fieldInputs(vui)) left.add(name);
    if (runValidate('complete', true)) {
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
