// The npm package as a Node.js user imports it: by name, ESM, no bundler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as lockstep from 'lockstep';
import { version, quote, validate, score, handleJson, handleLine, LockstepError } from 'lockstep';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('exports exactly the documented API', () => {
  assert.deepEqual(Object.keys(lockstep).sort(), [
    'LockstepError', 'handleJson', 'handleLine', 'quote', 'score', 'validate', 'version',
  ]);
});

test('version returns a plain object naming the web target', () => {
  const v = version();
  assert.equal(Object.getPrototypeOf(v), Object.prototype);
  assert.deepEqual(Object.keys(v), ['name', 'version', 'wire_format', 'target', 'data']);
  assert.equal(v.name, 'lockstep');
  assert.equal(v.target, 'web');
  assert.equal(v.wire_format, 1);
  const pkg = JSON.parse(execFileSync('cat', [`${root}/dist/npm/package.json`], { encoding: 'utf8' }));
  assert.equal(v.version, pkg.version);
});

test('errors are LockstepError, a real Error subclass with code and details', () => {
  assert.throws(() => version({ extra: 1 }), (e) => {
    assert.ok(e instanceof LockstepError);
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'LockstepError');
    assert.equal(e.code, 'unknown_field');
    assert.deepEqual(e.details, [
      { path: '/extra', code: 'unknown_field', message: 'unknown field `extra`, there are no fields' },
    ]);
    assert.ok(typeof e.stack === 'string');
    return true;
  });
});

test('validate reports every problem without echoing the card number', () => {
  const r = validate({ as_of: '2026-11', card: { number: '4111 1111 1111 1112', exp_month: '07', exp_year: '2028', cvc: '123' }, iban: 'GB82 WEST 1234 5698 7654 32' });
  assert.equal(r.valid, false);
  assert.deepEqual(r.errors.map((e) => [e.path, e.code]), [['/card/number', 'card.luhn']]);
  assert.deepEqual(r.card, { brand: 'visa', first6: '411111', last4: '1112' });
  assert.ok(!JSON.stringify(r).includes('4111111111111112'));
  assert.ok(!JSON.stringify(r).includes('"123"'));
});

test('score sums matched rules and picks the decision', () => {
  const r = score({
    payment: { amount: '950.00', new: true },
    rules: [
      { id: 'big', when: { field: 'amount', op: 'gte', value: '500' }, score: 40, reason: 'large amount' },
      { id: 'new', when: { field: 'new', op: 'eq', value: true }, score: 15, reason: 'new customer' },
    ],
    thresholds: { review: 50, decline: 80 },
  });
  assert.equal(r.score, 55);
  assert.equal(r.decision, 'review');
  assert.deepEqual(r.reasons.map((m) => m.id), ['big', 'new']);
});

test('quote prices a cart: plain objects, decimal strings, the native bytes', () => {
  const request = {
    currency: 'USD', as_of: '2026-11-26T10:00:00Z',
    lines: [{ id: 'a', quantity: '2', unit_price: '24.99', tax_code: 'std' }],
    tax: { prices_include_tax: false, rounding: 'per_line', rates: { std: [{ name: 'state', percent: '6.25' }] } },
  };
  const r = quote(request);
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  // 2 x 24.99 = 49.98; 6.25 % of 49.98 = 3.12375 -> 3.12 (half even); total 53.10.
  assert.equal(r.subtotal, '49.98');
  assert.equal(r.tax_total, '3.12');
  assert.equal(r.total, '53.10');
  const cli = spawnSync(`${root}/dist/native/lockstep`, ['quote'], { input: JSON.stringify(request), encoding: 'utf8' });
  assert.equal(cli.status, 0);
  assert.equal(JSON.stringify(r) + '\n', cli.stdout);
  assert.throws(() => quote({ ...request, currency: 'XAU' }), (e) => e.code === 'unknown_currency'
    && e.details[0].path === '/currency');
});

test('values JSON cannot carry are errors, and the instance keeps working', () => {
  assert.throws(() => version({ n: 10n }), (e) => e.code === 'invalid_json');
  const cyclic = {};
  cyclic.self = cyclic;
  assert.throws(() => quote(cyclic), (e) => e.code === 'invalid_json');
  assert.throws(() => quote(undefined), (e) => e.code === 'empty_request');
  assert.throws(() => version([1]), (e) => e.code === 'invalid_type');
  assert.throws(() => version({ s: 'x'.repeat(1024 * 1024 + 1) }), (e) => e.code === 'request_too_large');
  assert.equal(version().name, 'lockstep');
});

test('the JSON entries give the native CLI bytes', () => {
  for (const request of ['{"a":1}', '{', '[]', '']) {
    const cli = spawnSync(`${root}/dist/native/lockstep`, ['version'], { input: request, encoding: 'utf8' });
    assert.equal(cli.status, 2);
    assert.equal(handleJson('version', request) + '\n', cli.stdout);
    assert.equal(handleLine(`{"op":"version","request":${request || 'null'}}`).includes('"error"'), true);
  }
  const ok = spawnSync(`${root}/dist/native/lockstep`, ['version'], { input: '{}', encoding: 'utf8' });
  assert.equal(ok.status, 0);
  assert.equal(handleJson('version', '{}').replace('"target":"web"', '"target":"native"') + '\n', ok.stdout);
});

test('per-operation limits hold through the npm package: at the limit and one past it', () => {
  const line = (i) => ({ id: `l${i}`, quantity: '1', unit_price: '1.00' });
  const cart = (n) => ({ currency: 'EUR', as_of: '2026-11-26T10:00:00Z', lines: Array.from({ length: n }, (_, i) => line(i)) });
  assert.equal(quote(cart(10000)).total, '10000.00');
  assert.throws(() => quote(cart(10001)), (e) => e.code === 'too_many_lines' && e.details[0].path === '/lines');

  assert.equal(validate({ billing_address: { country: 'DE', city: 'x'.repeat(200) } }).valid, true);
  assert.throws(() => validate({ email: 'x'.repeat(1025) }), (e) => e.code === 'string_too_long' && e.details[0].path === '/email');

  const rule = (i) => ({ id: `r${i}`, when: { field: 'amount', op: 'gte', value: '1' }, score: 1, reason: 'r' });
  const scored = (n) => ({ payment: { amount: '5' }, rules: Array.from({ length: n }, (_, i) => rule(i)), thresholds: { review: 500, decline: 900 } });
  assert.equal(score(scored(256)).score, 256);
  assert.throws(() => score(scored(257)), (e) => e.code === 'too_many_rules' && e.details[0].path === '/rules');
});

test('the object API gives the native bytes on every golden vector', async () => {
  const { vectorCases, nativeAnswers } = await import('../edge/cases.mjs');
  const cases = vectorCases().filter((c) => c.object);
  const expected = nativeAnswers(cases);
  assert.ok(cases.length >= 80);
  const api = { quote, validate, score, version };
  cases.forEach((c, i) => {
    let got;
    try {
      got = JSON.stringify(api[c.op](JSON.parse(c.text)));
      assert.ok(expected[i].ok, `${c.name} succeeded where the CLI failed`);
    } catch (e) {
      assert.ok(e instanceof LockstepError && e instanceof Error, `${c.name}: ${e}`);
      assert.deepEqual(Object.keys(e), ['name', 'code', 'details']);
      got = JSON.stringify({ error: { code: e.code, message: e.message, details: e.details } });
    }
    assert.equal(got, expected[i].json, c.name);
  });
});

test('a request longer than the limit in UTF-16 units is refused before it is copied into wasm', () => {
  // 1 100 000 "é" are 2.2 MB of UTF-8: refused by length alone, so the size reported is
  // the string's length (units), not its UTF-8 size, which only the copy would know.
  assert.throws(() => validate({ s: 'é'.repeat(1_100_000) }), (e) => e instanceof LockstepError
    && e.code === 'request_too_large'
    && e.message === 'request is 1100008 bytes or more; the limit is 1048576 bytes'
    && e.details.length === 1 && e.details[0].path === '');
  // Under the limit in units but over it in UTF-8: copied, and core counts the bytes.
  assert.throws(() => validate({ s: 'é'.repeat(600_000) }), (e) => e.code === 'request_too_large'
    && e.message === 'request is 1200008 bytes or more; the limit is 1048576 bytes');
  // At the limit exactly the request is read (and answered by core).
  const at = { s: 'x'.repeat(1024 * 1024 - 8) };
  assert.equal(JSON.stringify(at).length, 1024 * 1024);
  assert.throws(() => version(at), (e) => e.code === 'unknown_field' && e.details[0].path === '/s');
});

test('requests JSON cannot encode are invalid_json with the binding\'s message; empty ones are empty_request', () => {
  const message = 'request cannot be encoded as JSON (a BigInt, a cycle or a throwing toJSON)';
  const bad = [{ n: 1n }, { toJSON() { throw new Error('no'); } }];
  for (const request of bad) {
    assert.throws(() => quote(request), (e) => e instanceof LockstepError && e.code === 'invalid_json'
      && e.message === message && e.details.length === 1 && e.details[0].message === message);
  }
  for (const request of [undefined, () => 1, Symbol('s')]) {
    assert.throws(() => score(request), (e) => e.code === 'empty_request');
  }
  // version() and version(null) ask for the default request, as before.
  assert.deepEqual(version(null), version());
  assert.deepEqual(version(undefined), version({}));
});

test('handleJson and handleLine read a non-string argument as String() does, never trapping', () => {
  const cli = (args, input) => spawnSync(`${root}/dist/native/lockstep`, args, { input, encoding: 'utf8' }).stdout;
  assert.equal(handleJson(1, 2) + '\n', cli(['1'], '2'));
  assert.equal(handleJson('version', undefined) + '\n', cli(['version'], 'undefined'));
  assert.equal(handleLine(null) + '\n', cli(['--batch'], 'null\n'));
  assert.equal(version().name, 'lockstep');
});
