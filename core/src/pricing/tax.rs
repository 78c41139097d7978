//! Taxes: exclusive (added to the net) or inclusive (extracted from it), rounded per
//! line or per total, several rates per code, compound rates.

use crate::codec::pointer::ROOT;
use crate::error::Error;

use super::check::overflow_at;
use super::model::{Cart, Rate};
use super::promotions::allocate;
use super::ratio::Ratio;
use super::request::TaxRounding;

/// Something taxable: a line's or the shipping's net and its tax code.
pub(crate) struct Item<'a> {
    pub base: i128,
    pub code: Option<&'a str>,
}

/// One computed tax: the code, the rate's index under that code, the amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Levy<'c> {
    /// Borrowed from the cart's tax codes.
    pub code: &'c str,
    pub rate: usize,
    pub amount: i128,
}

/// The multiplier that turns a base into each rate's exact tax.
///
/// With `a` the sum of the code's non-compound rates and `b` the sum of its compound
/// rates: exclusive, a simple rate `r` gives `r` and a compound rate `c` gives
/// `c × (1 + a)`; inclusive, both are divided by `(1 + a) × (1 + b)`, the factor
/// that makes the price tax-inclusive.
fn factors(rates: &[Rate], inclusive: bool) -> Option<Vec<Ratio>> {
    let mut a = Ratio::ZERO;
    let mut b = Ratio::ZERO;
    for r in rates {
        if r.compound {
            b = b.add(r.fraction)?;
        } else {
            a = a.add(r.fraction)?;
        }
    }
    let one_a = Ratio::ONE.add(a)?;
    let gross_up = one_a.mul(Ratio::ONE.add(b)?)?;
    rates
        .iter()
        .map(|r| {
            let f = if r.compound {
                r.fraction.mul(one_a)?
            } else {
                r.fraction
            };
            if inclusive { f.div(gross_up) } else { Some(f) }
        })
        .collect()
}

/// The taxes of each item, in item order; each item's taxes in rate order.
pub(crate) fn compute<'c>(cart: &'c Cart, items: &[Item<'_>]) -> Result<Vec<Vec<Levy<'c>>>, Error> {
    let mut out: Vec<Vec<Levy<'c>>> = vec![Vec::new(); items.len()];
    let minor = 0; // bases are already in minor units
    for (code, rates) in &cart.tax.codes {
        let tax_at = ROOT.key("tax");
        let rates_at = tax_at.key("rates");
        let path = rates_at.key(code);
        let of = || overflow_at(&path);
        let members: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, it)| it.code == Some(*code))
            .map(|(i, _)| i)
            .collect();
        if members.is_empty() {
            continue;
        }
        let factors = factors(rates, cart.tax.include).ok_or_else(of)?;
        let bases: Vec<i128> = members
            .iter()
            .map(|&i| items.get(i).map_or(0, |it| it.base))
            .collect();
        for (j, f) in factors.iter().enumerate() {
            let amounts = match cart.tax.rounding {
                TaxRounding::PerLine => bases
                    .iter()
                    .map(|b| {
                        Ratio::int(*b)
                            .mul(*f)
                            .and_then(|t| t.round_to(minor, cart.mode))
                            .ok_or_else(of)
                    })
                    .collect::<Result<Vec<_>, _>>()?,
                TaxRounding::PerTotal => {
                    let total = bases
                        .iter()
                        .try_fold(0i128, |acc, b| acc.checked_add(*b))
                        .ok_or_else(of)?;
                    let tax = Ratio::int(total)
                        .mul(*f)
                        .and_then(|t| t.round_to(minor, cart.mode))
                        .ok_or_else(of)?;
                    allocate(tax, &bases, &path)?
                }
            };
            for (&i, amount) in members.iter().zip(amounts) {
                if let Some(list) = out.get_mut(i) {
                    list.push(Levy {
                        code,
                        rate: j,
                        amount,
                    });
                }
            }
        }
    }
    Ok(out)
}
