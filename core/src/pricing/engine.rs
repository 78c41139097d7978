//! Runs a validated cart through promotions and taxes and builds the response.

use crate::error::{Error, ErrorCode};
use crate::money::{Money, convert, format_normalized};

use super::check::overflow;
use super::model::Cart;
use super::promotions::{self, State};
use super::response::{
    AppliedPromotion, ConvertedTotal, DiscountShare, LineQuote, QuoteResponse, ShippingQuote,
    TaxAmount,
};
use super::tax::{self, Item, Levy};

struct Fmt<'c>(&'c Cart<'c>);

impl<'c> Fmt<'c> {
    fn money(&self, minor: i128) -> Result<Money, Error> {
        Money::from_minor(minor, self.0.currency).map_err(|_| overflow(""))
    }

    /// Each list is sized once (a `collect` over `Result`s cannot know its length and
    /// regrows).
    fn shares(&self, list: &[(&'c str, i128)]) -> Result<Vec<DiscountShare<&'c str>>, Error> {
        let mut out = Vec::with_capacity(list.len());
        for (id, d) in list {
            out.push(DiscountShare {
                promotion: *id,
                amount: self.money(*d)?,
            });
        }
        Ok(out)
    }

    fn taxes(&self, levies: &[Levy<'c>]) -> Result<Vec<TaxAmount<&'c str>>, Error> {
        let mut out = Vec::with_capacity(levies.len());
        for l in levies {
            let rate = self
                .0
                .tax
                .codes
                .get(l.code)
                .and_then(|r| r.get(l.rate))
                .ok_or_else(missing_rate)?;
            out.push(TaxAmount {
                code: l.code,
                name: rate.name,
                percent: &rate.percent_text,
                amount: self.money(l.amount)?,
            });
        }
        Ok(out)
    }
}

/// A levy naming a rate the checked cart does not have: a broken invariant of the
/// engine (the tax step only levies the cart's own rates), not an overflow.
fn missing_rate() -> Error {
    Error::new(
        ErrorCode::Internal,
        "a tax levy names a rate the checked cart does not have; please report this request",
    )
}

fn add(a: i128, b: i128) -> Result<i128, Error> {
    a.checked_add(b).ok_or_else(|| overflow(""))
}

fn sum(values: impl IntoIterator<Item = i128>) -> Result<i128, Error> {
    values.into_iter().try_fold(0, add)
}

/// Prices a checked cart; the answer borrows its strings from `cart`.
pub(crate) fn price<'c>(cart: &'c Cart<'c>) -> Result<QuoteResponse<&'c str>, Error> {
    let mut state = State::new(cart);
    promotions::apply(cart, &mut state)?;

    let mut items: Vec<Item<'_>> = cart
        .lines
        .iter()
        .zip(&state.net)
        .map(|(l, n)| Item {
            base: *n,
            code: l.tax_code,
        })
        .collect();
    if let Some(s) = &cart.shipping {
        items.push(Item {
            base: state.ship_net,
            code: s.tax_code,
        });
    }
    let levies = tax::compute(cart, &items)?;
    let f = Fmt(cart);
    let inclusive = cart.tax.include;
    let total_of = |net: i128, taxes: &[Levy]| -> Result<i128, Error> {
        if inclusive {
            Ok(net)
        } else {
            add(net, sum(taxes.iter().map(|t| t.amount))?)
        }
    };

    let mut lines = Vec::with_capacity(cart.lines.len());
    let (mut subtotal, mut discounts, mut taxes_total, mut total) = (0i128, 0i128, 0i128, 0i128);
    for (i, line) in cart.lines.iter().enumerate() {
        let net = state.net.get(i).copied().unwrap_or(0);
        let shares = state.line_discounts.get(i).map_or(&[][..], Vec::as_slice);
        let taxes = levies.get(i).map_or(&[][..], Vec::as_slice);
        let line_total = total_of(net, taxes)?;
        subtotal = add(subtotal, line.gross)?;
        discounts = add(discounts, sum(shares.iter().map(|s| s.1))?)?;
        taxes_total = add(taxes_total, sum(taxes.iter().map(|t| t.amount))?)?;
        total = add(total, line_total)?;
        lines.push((
            line.request_index,
            LineQuote {
                id: line.id,
                quantity: &line.quantity_text,
                gross: f.money(line.gross)?,
                discounts: f.shares(shares)?,
                net: f.money(net)?,
                taxes: f.taxes(taxes)?,
                total: f.money(line_total)?,
            },
        ));
    }
    lines.sort_by_key(|(index, _)| *index);

    let shipping = match &cart.shipping {
        None => None,
        Some(s) => {
            let taxes = levies.get(cart.lines.len()).map_or(&[][..], Vec::as_slice);
            let ship_total = total_of(state.ship_net, taxes)?;
            discounts = add(discounts, sum(state.ship_discounts.iter().map(|s| s.1))?)?;
            taxes_total = add(taxes_total, sum(taxes.iter().map(|t| t.amount))?)?;
            total = add(total, ship_total)?;
            Some(ShippingQuote {
                gross: f.money(s.gross)?,
                discounts: f.shares(&state.ship_discounts)?,
                net: f.money(state.ship_net)?,
                taxes: f.taxes(taxes)?,
                total: f.money(ship_total)?,
            })
        }
    };

    let cash_rounding = if cart.cash {
        let exact = Money::from_minor(total, cart.currency).map_err(|_| overflow(""))?;
        let rounded = exact.round_to_cash(cart.mode).map_err(|_| overflow(""))?;
        let adjustment = rounded
            .minor()
            .checked_sub(total)
            .ok_or_else(|| overflow(""))?;
        total = rounded.minor();
        Some(f.money(adjustment)?)
    } else {
        None
    };

    let converted = match cart.conversion {
        None => None,
        Some((target, rate)) => {
            let of = || overflow("/conversion/rate");
            let exact = Money::from_minor(total, cart.currency).map_err(|_| of())?;
            let converted = convert(exact, rate, target, cart.mode).map_err(|_| of())?;
            Some(ConvertedTotal {
                currency: target,
                rate: format_normalized(rate),
                total: converted,
            })
        }
    };

    let mut applied = Vec::with_capacity(state.applied.len());
    for (id, amount) in &state.applied {
        applied.push(AppliedPromotion {
            id: *id,
            amount: f.money(*amount)?,
        });
    }
    Ok(QuoteResponse {
        currency: cart.currency,
        prices_include_tax: inclusive,
        lines: lines.into_iter().map(|(_, l)| l).collect(),
        subtotal: f.money(subtotal)?,
        discount_total: f.money(discounts)?,
        shipping,
        tax_total: f.money(taxes_total)?,
        total: f.money(total)?,
        cash_rounding,
        converted,
        applied,
        rejected: state.rejected,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::{Fmt, Levy};
    use crate::error::ErrorCode;

    #[test]
    fn a_levy_of_a_missing_rate_is_internal_not_overflow() {
        let request = crate::codec::decode(
            r#"{"currency":"EUR","as_of":"2026-11-26T10:00:00Z","lines":[{"id":"a","quantity":"1","unit_price":"1.00","tax_code":"std"}],"tax":{"rates":{"std":[{"name":"VAT","percent":"20"}]}}}"#,
        )
        .unwrap();
        let cart = super::super::check::check(&request).unwrap();
        let fmt = Fmt(&cart);
        let ok = Levy {
            code: "std",
            rate: 0,
            amount: 20,
        };
        assert_eq!(fmt.taxes(&[ok]).unwrap()[0].name, "VAT");
        for bad in [
            Levy {
                code: "std",
                rate: 1,
                amount: 20,
            },
            Levy {
                code: "none",
                rate: 0,
                amount: 20,
            },
        ] {
            assert_eq!(fmt.taxes(&[bad]).unwrap_err().code, ErrorCode::Internal);
        }
    }
}
