// Deterministic request fixtures for scripts/bench.sh: the same bytes on every run
// (a seeded PRNG, no clock). Quote carts stay inside the subset the decimal.js
// alternative (alt-quote.mjs) implements: unit prices, per-line exclusive taxes,
// percent_off / amount_off promotions, untaxed shipping, half_even rounding.

/** mulberry32: a tiny seeded PRNG (uniform in [0, 1)). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['apparel', 'home', 'food', 'books', 'toys'];
const TAX_CODES = ['general', 'reduced', 'general', 'general'];

/** A quote cart of `n` lines (seeded by n). */
export function quoteCart(n) {
  const r = rng(0x5eed + n);
  const lines = [];
  for (let i = 0; i < n; i++) {
    const cents = 99 + Math.floor(r() * 19900);                 // 0.99 .. 199.98
    const q = r() < 0.15 ? `${1 + Math.floor(r() * 4)}.5` : String(1 + Math.floor(r() * 5));
    lines.push({
      id: `line-${String(i).padStart(4, '0')}`,
      sku: `SKU-${1000 + Math.floor(r() * 9000)}`,
      quantity: q,
      unit_price: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
      categories: [CATEGORIES[i % CATEGORIES.length]],
      tax_code: TAX_CODES[Math.floor(r() * TAX_CODES.length)],
    });
  }
  return {
    currency: 'USD',
    as_of: '2026-11-26T10:00:00Z',
    lines,
    promotions: [
      { id: 'apparel15', priority: 2, combines: 'stackable', type: 'percent_off', percent: '15', applies_to: { categories: ['apparel'] } },
      { id: 'home5off', priority: 1, combines: 'stackable', type: 'amount_off', amount: '5.00', applies_to: { categories: ['home', 'books'] } },
      { id: 'order3pct', priority: 0, combines: 'stackable', type: 'percent_off', percent: '3.5' },
      { id: 'welcome2', priority: 0, combines: 'stackable', type: 'amount_off', amount: '2.00' },
    ],
    tax: {
      prices_include_tax: false,
      rounding: 'per_line',
      rates: {
        general: [{ name: 'state', percent: '6.25' }, { name: 'county', percent: '2.25' }],
        reduced: [{ name: 'state', percent: '4' }],
      },
    },
    shipping: { amount: '5.99' },
    rounding: { mode: 'half_even', cash: false },
  };
}

/** A full `validate` request: every member (docs/validation.md, Request). */
export function validateRequest() {
  return {
    as_of: '2026-11',
    mode: 'complete',
    card: { number: '4111 1111 1111 1111', exp_month: '7', exp_year: '28', cvc: '123', holder_name: 'Ada Lovelace' },
    iban: 'DE89 3704 0044 0532 0130 00',
    bic: 'COBADEFFXXX',
    email: 'ann@example.com',
    phone: '+49 30 901820',
    billing_address: { country: 'DE', postal_code: '10115', line1: 'Unter den Linden 1', city: 'Berlin' },
    amount: '19.99',
    currency: 'EUR',
    vat_id: 'DE136695976',
  };
}

/** A `score` request with 20 rules mixing every operator and all/any/not. */
export function scoreRequest() {
  const payment = {
    amount: '950.00', country: 'NG', card_country: 'US', ip_country: 'GB', new_customer: true,
    attempts_last_hour: 3, email_domain_age_days: 12, billing_zip_matches: false, device_seen: 4,
    shipping_country: 'NG', currency: 'EUR', account_age_days: 400,
  };
  const rules = [];
  const add = (when, score) => rules.push({ id: `rule_${String(rules.length + 1).padStart(2, '0')}`, when, score, reason: `rule ${rules.length + 1}` });
  add({ field: 'amount', op: 'gte', value: '500' }, 40);
  add({ field: 'amount', op: 'lt', value: '5.00' }, 10);
  add({ field: 'card_country', op: 'ne', other_field: 'country' }, 20);
  add({ all: [{ field: 'card_country', op: 'not_in', values: ['NG', 'GH'] }, { not: { field: 'new_customer', op: 'eq', value: false } }] }, 35);
  add({ field: 'attempts_last_hour', op: 'gt', value: 5 }, 30);
  add({ field: 'attempts_last_hour', op: 'gte', value: 3 }, 10);
  add({ field: 'email_domain_age_days', op: 'lt', value: 30 }, 15);
  add({ field: 'billing_zip_matches', op: 'eq', value: false }, 10);
  add({ any: [{ field: 'ip_country', op: 'missing' }, { field: 'ip_country', op: 'ne', other_field: 'country' }] }, 15);
  add({ field: 'device_seen', op: 'lte', value: 1 }, 10);
  add({ field: 'shipping_country', op: 'in', values: ['NG', 'GH', 'CI', 'KE'] }, 10);
  add({ field: 'currency', op: 'eq', value: 'EUR' }, -5);
  add({ field: 'account_age_days', op: 'gt', value: '365' }, -20);
  add({ not: { field: 'vpn', op: 'exists' } }, 0);
  add({ field: 'vpn', op: 'eq', value: true }, 25);
  add({ all: [{ field: 'amount', op: 'gt', value: '100' }, { field: 'new_customer', op: 'eq', value: true }, { field: 'device_seen', op: 'lt', value: 2 }] }, 20);
  add({ any: [{ field: 'country', op: 'in', values: ['KP', 'IR', 'SY'] }, { field: 'card_country', op: 'in', values: ['KP', 'IR', 'SY'] }] }, 100);
  add({ field: 'shipping_country', op: 'eq', other_field: 'card_country' }, -10);
  add({ all: [{ field: 'email_domain_age_days', op: 'exists' }, { not: { any: [{ field: 'amount', op: 'lt', value: '50' }, { field: 'currency', op: 'ne', value: 'EUR' }] } }] }, 5);
  add({ field: 'amount', op: 'eq', value: '950' }, 1);
  return { payment, rules, thresholds: { review: 50, decline: 80 } };
}

export const CART_SIZES = [1, 10, 100, 1000];

/** Every fixture: [name, op, request object]. */
export function fixtures() {
  return [
    ...CART_SIZES.map((n) => [`quote-${n}`, 'quote', quoteCart(n)]),
    ['validate-full', 'validate', validateRequest()],
    ['score-20', 'score', scoreRequest()],
  ];
}
