// "The alternative a team would write": the quote semantics of docs/pricing.md for a
// defined subset, in plain JavaScript with decimal.js. scripts/bench.sh checks it gives
// exactly Lockstep's answer on every benchmark cart, then times both.
//
// Subset: currencies with 2 minor units (USD, EUR, GBP, CHF without cash rounding);
// lines priced by `unit_price`; promotions `percent_off` and `amount_off` (stackable,
// optional `applies_to` by line id / sku / category, no conditions, no cap); taxes
// exclusive, `per_line`, simple (non-compound) rates; shipping untaxed; rounding
// `half_even`; no conversion. Anything else throws `outside subset`.
import Decimal from 'decimal.js';

const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
const MINOR = { USD: 2, EUR: 2, GBP: 2, CHF: 2 };
const ZERO = new D(0);

function outside(what) {
  throw new Error(`outside subset: ${what}`);
}

/** Rounds an exact amount (major units) to integer minor units, half-even. */
const toMinor = (x, scale) => x.mul(scale).toDecimalPlaces(0, D.ROUND_HALF_EVEN);
const fmt = (minor, dp, scale) => minor.div(scale).toFixed(dp);

/** Largest-remainder allocation of `total` (integer minor units, ≥ 0) by integer weights. */
function allocate(total, weights) {
  const W = weights.reduce((a, w) => a.add(w), ZERO);
  if (W.isZero()) return weights.map(() => ZERO);
  const parts = [];
  const rems = [];
  let given = ZERO;
  weights.forEach((w, i) => {
    const p = total.mul(w);
    const q = p.divToInt(W);
    parts.push(q);
    rems.push([p.sub(q.mul(W)), i]);
    given = given.add(q);
  });
  let left = total.sub(given).toNumber();
  rems.sort((a, b) => b[0].cmp(a[0]) || a[1] - b[1]);
  for (let k = 0; k < left; k++) parts[rems[k][1]] = parts[rems[k][1]].add(1);
  return parts;
}

const byteOrder = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Prices `req` (a quote request object); returns the answer object in Lockstep's member order. */
export function altQuote(req) {
  const dp = MINOR[req.currency] ?? outside(`currency ${req.currency}`);
  const scale = new D(10).pow(dp);
  if (req.conversion || req.coupons || req.customer) outside('conversion/coupons/customer');
  const mode = req.rounding?.mode ?? 'half_even';
  if (mode !== 'half_even' || req.rounding?.cash) outside('rounding');
  const tax = req.tax ?? { rates: {} };
  if (tax.prices_include_tax || (tax.rounding ?? 'per_line') !== 'per_line') outside('tax mode');

  const lines = req.lines.map((l) => {
    if (l.price || l.unit_price === undefined) outside('price models');
    const q = new D(l.quantity);
    const gross = toMinor(q.mul(l.unit_price), scale);
    return { src: l, quantity: q, gross, net: gross, discounts: [] };
  });
  const byId = [...lines].sort((a, b) => byteOrder(a.src.id, b.src.id));

  const promos = [...(req.promotions ?? [])].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || byteOrder(a.id, b.id));
  const applied = [];
  const rejected = [];
  for (const p of promos) {
    if (p.conditions || p.cap || (p.combines ?? 'stackable') !== 'stackable') outside('promotion conditions');
    const at = p.applies_to;
    const match = at
      ? byId.filter((l) => at.line_ids?.includes(l.src.id) || (l.src.sku !== undefined && at.skus?.includes(l.src.sku)) ||
          (l.src.categories ?? []).some((c) => at.categories?.includes(c)))
      : byId;
    if (match.length === 0) {
      rejected.push({ id: p.id, reason: 'condition_not_met', condition: 'applies_to' });
      continue;
    }
    const base = match.reduce((a, l) => a.add(l.net), ZERO);
    let amount;
    if (p.type === 'percent_off') amount = toMinor(base.div(scale).mul(p.percent).div(100), scale);
    else if (p.type === 'amount_off') amount = D.min(toMinor(new D(p.amount), scale), base);
    else outside(`promotion ${p.type}`);
    if (amount.isZero()) {
      rejected.push({ id: p.id, reason: 'nothing_to_discount' });
      continue;
    }
    const shares = allocate(amount, match.map((l) => l.net));
    match.forEach((l, i) => {
      if (shares[i].isZero()) return;
      l.discounts.push({ promotion: p.id, amount: fmt(shares[i], dp, scale) });
      l.net = l.net.sub(shares[i]);
    });
    applied.push({ id: p.id, amount: fmt(amount, dp, scale) });
  }

  let subtotal = ZERO, discountTotal = ZERO, taxTotal = ZERO, total = ZERO;
  const outLines = lines.map((l) => {
    const code = l.src.tax_code;
    const rates = code === undefined ? [] : (tax.rates[code] ?? outside(`tax code ${code}`));
    let lineTotal = l.net;
    const taxes = rates.map((r) => {
      if (r.compound) outside('compound rates');
      const t = toMinor(l.net.div(scale).mul(r.percent).div(100), scale);
      lineTotal = lineTotal.add(t);
      taxTotal = taxTotal.add(t);
      return { code, name: r.name, percent: new D(r.percent).toString(), amount: fmt(t, dp, scale) };
    });
    subtotal = subtotal.add(l.gross);
    discountTotal = discountTotal.add(l.gross.sub(l.net));
    total = total.add(lineTotal);
    return { id: l.src.id, quantity: l.quantity.toString(), gross: fmt(l.gross, dp, scale), discounts: l.discounts,
      net: fmt(l.net, dp, scale), taxes, total: fmt(lineTotal, dp, scale) };
  });

  const out = { currency: req.currency, prices_include_tax: false, lines: outLines,
    subtotal: fmt(subtotal, dp, scale), discount_total: fmt(discountTotal, dp, scale) };
  if (req.shipping) {
    if (req.shipping.tax_code !== undefined) outside('taxed shipping');
    const s = toMinor(new D(req.shipping.amount), scale);
    total = total.add(s);
    const f = fmt(s, dp, scale);
    out.shipping = { gross: f, discounts: [], net: f, taxes: [], total: f };
  }
  out.tax_total = fmt(taxTotal, dp, scale);
  out.total = fmt(total, dp, scale);
  out.applied = applied;
  out.rejected = rejected;
  return out;
}
