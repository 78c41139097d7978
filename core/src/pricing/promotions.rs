//! The promotion engine: evaluation order, conditions, combination and each
//! promotion's discount, allocated to lines by largest remainder.

use core::cmp::Ordering;

use rust_decimal::Decimal;

use crate::error::Error;
use crate::money::allocate_minor;

use crate::codec::pointer::{Pointer, ROOT};

use super::check::overflow_at;
use super::model::{Action, Cart, Promotion};
use super::ratio::Ratio;
use super::response::{ConditionName, RejectReason, RejectedPromotion};

/// Running amounts while promotions are applied; lines in the cart's (id) order.
/// Promotion ids are borrowed from the cart.
pub(crate) struct State<'c> {
    pub net: Vec<i128>,
    pub line_discounts: Vec<Vec<(&'c str, i128)>>,
    pub ship_net: i128,
    pub ship_discounts: Vec<(&'c str, i128)>,
    pub applied: Vec<(&'c str, i128)>,
    pub rejected: Vec<RejectedPromotion<&'c str>>,
}

impl<'c> State<'c> {
    pub fn new(cart: &'c Cart) -> State<'c> {
        State {
            net: cart.lines.iter().map(|l| l.gross).collect(),
            line_discounts: vec![Vec::new(); cart.lines.len()],
            ship_net: cart.shipping.as_ref().map_or(0, |s| s.gross),
            ship_discounts: Vec::new(),
            applied: Vec::new(),
            rejected: Vec::new(),
        }
    }
}

fn reject<'c>(promo: &Promotion<'c>, reason: RejectReason) -> RejectedPromotion<&'c str> {
    RejectedPromotion {
        id: promo.id,
        reason,
        condition: None,
        by: None,
    }
}

fn unmet<'c>(promo: &Promotion<'c>, condition: ConditionName) -> RejectedPromotion<&'c str> {
    RejectedPromotion {
        condition: Some(condition),
        ..reject(promo, RejectReason::ConditionNotMet)
    }
}

fn sum(values: impl IntoIterator<Item = i128>, path: &Pointer<'_>) -> Result<i128, Error> {
    values
        .into_iter()
        .try_fold(0i128, i128::checked_add)
        .ok_or_else(|| overflow_at(path))
}

/// Applies every promotion of the cart, in its evaluation order, to `state`.
pub(crate) fn apply<'c>(cart: &'c Cart, state: &mut State<'c>) -> Result<(), Error> {
    let mut exclusive: Option<&'c str> = None;
    for promo in &cart.promos {
        let promotions = ROOT.key("promotions");
        let path = promotions.index(promo.request_index);
        let eligible = match eligibility(cart, state, promo, &path)? {
            Ok(eligible) => eligible,
            Err(rejected) => {
                state.rejected.push(rejected);
                continue;
            }
        };
        if let Some(by) = &exclusive {
            state.rejected.push(RejectedPromotion {
                by: Some(*by),
                ..reject(promo, RejectReason::ExcludedBy)
            });
            continue;
        }
        if promo.exclusive
            && let Some((first, _)) = state.applied.first()
        {
            state.rejected.push(RejectedPromotion {
                by: Some(*first),
                ..reject(promo, RejectReason::NotCombinable)
            });
            continue;
        }
        let (shares, ship) = discount(cart, state, promo, &eligible, &path)?;
        let total = sum(shares.iter().copied().chain([ship]), &path)?;
        if total == 0 {
            state
                .rejected
                .push(reject(promo, RejectReason::NothingToDiscount));
            continue;
        }
        for (&i, &d) in eligible.iter().zip(&shares) {
            if d != 0 {
                let (Some(net), Some(list)) =
                    (state.net.get_mut(i), state.line_discounts.get_mut(i))
                else {
                    return Err(overflow_at(&path));
                };
                *net = net.checked_sub(d).ok_or_else(|| overflow_at(&path))?;
                list.push((promo.id, d));
            }
        }
        if ship != 0 {
            state.ship_net = state
                .ship_net
                .checked_sub(ship)
                .ok_or_else(|| overflow_at(&path))?;
            state.ship_discounts.push((promo.id, ship));
        }
        state.applied.push((promo.id, total));
        if promo.exclusive {
            exclusive = Some(promo.id);
        }
    }
    Ok(())
}

/// The lines the promotion may discount, or why it does not apply.
fn eligibility<'p>(
    cart: &Cart,
    state: &State,
    promo: &Promotion<'p>,
    path: &Pointer<'_>,
) -> Result<Result<Vec<usize>, RejectedPromotion<&'p str>>, Error> {
    let before_start = promo.starts.is_some_and(|s| cart.as_of < s);
    let after_end = promo.ends.is_some_and(|e| cart.as_of >= e);
    if before_start || after_end {
        return Ok(Err(reject(promo, RejectReason::OutsideWindow)));
    }
    if promo
        .coupon
        .as_ref()
        .is_some_and(|c| !cart.coupons.contains(c))
    {
        return Ok(Err(reject(promo, RejectReason::CouponMissing)));
    }
    if !promo.segments.is_empty() && !promo.segments.iter().any(|s| cart.segments.contains(s)) {
        return Ok(Err(unmet(promo, ConditionName::Segments)));
    }
    let eligible: Vec<usize> = cart
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| promo.target.as_ref().is_none_or(|t| t.matches(l)))
        .map(|(i, _)| i)
        .collect();
    if eligible.is_empty() {
        return Ok(Err(unmet(promo, ConditionName::AppliesTo)));
    }
    if let Some(min) = promo.min_quantity {
        let mut total = Ratio::ZERO;
        for &i in &eligible {
            let q = cart.lines.get(i).map_or(Ratio::ZERO, |l| l.quantity);
            total = total.add(q).ok_or_else(|| overflow_at(path))?;
        }
        if total.checked_cmp(min).ok_or_else(|| overflow_at(path))? == Ordering::Less {
            return Ok(Err(unmet(promo, ConditionName::MinQuantity)));
        }
    }
    let subtotal = sum(eligible.iter().map(|&i| net_of(state, i)), path)?;
    if promo.min_subtotal.is_some_and(|m| subtotal < m) {
        return Ok(Err(unmet(promo, ConditionName::MinSubtotal)));
    }
    match promo.action {
        Action::SpendThreshold { threshold, .. } if subtotal < threshold => {
            return Ok(Err(unmet(promo, ConditionName::Threshold)));
        }
        Action::BuyXGetY { buy, get, .. } => {
            let units = sum(eligible.iter().map(|&i| whole_units(cart, i)), path)?;
            if units < i128::from(buy) + i128::from(get) {
                return Ok(Err(unmet(promo, ConditionName::BuyQuantity)));
            }
        }
        _ => {}
    }
    Ok(Ok(eligible))
}

fn net_of(state: &State, i: usize) -> i128 {
    state.net.get(i).copied().unwrap_or(0)
}

fn whole_units(cart: &Cart, i: usize) -> i128 {
    cart.lines.get(i).map_or(0, |l| l.quantity.floor())
}

/// Splits `total` minor units over `weights` by largest remainder (ties to the lower
/// index, i.e. the line id that sorts first).
pub(crate) fn allocate(
    total: i128,
    weights: &[i128],
    path: &Pointer<'_>,
) -> Result<Vec<i128>, Error> {
    if total == 0 || weights.iter().all(|w| *w == 0) {
        return Ok(vec![0; weights.len()]);
    }
    let decimals = weights
        .iter()
        .map(|w| Decimal::try_from_i128_with_scale(*w, 0).map_err(|_| overflow_at(path)))
        .collect::<Result<Vec<_>, _>>()?;
    allocate_minor(total, &decimals).map_err(|_| overflow_at(path))
}

/// The promotion's discount per eligible line and on shipping, capped.
fn discount(
    cart: &Cart,
    state: &State,
    promo: &Promotion,
    eligible: &[usize],
    path: &Pointer<'_>,
) -> Result<(Vec<i128>, i128), Error> {
    let of = || overflow_at(path);
    let mode = cart.mode;
    let nets: Vec<i128> = eligible.iter().map(|&i| net_of(state, i)).collect();
    let subtotal = sum(nets.iter().copied(), path)?;
    let mut ship = 0;
    let shares = match promo.action {
        Action::PercentOff(fraction) => {
            let d = Ratio::int(subtotal)
                .mul(fraction)
                .and_then(|r| r.round_to(0, mode))
                .ok_or_else(of)?;
            allocate(d.min(subtotal), &nets, path)?
        }
        Action::AmountOff(amount) => allocate(amount.min(subtotal), &nets, path)?,
        Action::SpendThreshold {
            threshold,
            amount,
            repeat,
        } => {
            let times = if repeat { subtotal / threshold } else { 1 };
            let d = amount.checked_mul(times).ok_or_else(of)?;
            allocate(d.min(subtotal), &nets, path)?
        }
        Action::FixedPrice(unit) => {
            let minor = cart.currency.minor_units();
            let mut out = Vec::with_capacity(eligible.len());
            for (&i, &net) in eligible.iter().zip(&nets) {
                let q = cart.lines.get(i).map_or(Ratio::ZERO, |l| l.quantity);
                let target = q
                    .mul(unit)
                    .and_then(|r| r.round_to(minor, mode))
                    .ok_or_else(of)?;
                out.push(net.checked_sub(target).ok_or_else(of)?.max(0));
            }
            out
        }
        Action::BuyXGetY { buy, get, fraction } => {
            buy_x_get_y(cart, eligible, &nets, (buy, get, fraction), path)?
        }
        Action::FreeShipping => {
            ship = state.ship_net;
            vec![0; eligible.len()]
        }
    };
    let Some(cap) = promo.cap else {
        return Ok((shares, ship));
    };
    let total = sum(shares.iter().copied(), path)?;
    if total > cap {
        return Ok((allocate(cap, &shares, path)?, 0));
    }
    Ok((shares, ship.min(cap.checked_sub(total).ok_or_else(of)?)))
}

/// Every `buy + get` whole units of the eligible lines make a group; the `get` ×
/// groups cheapest units (by net unit price, ties by line id) are `fraction` off.
fn buy_x_get_y(
    cart: &Cart,
    eligible: &[usize],
    nets: &[i128],
    (buy, get, fraction): (u32, u32, Ratio),
    path: &Pointer<'_>,
) -> Result<Vec<i128>, Error> {
    let of = || overflow_at(path);
    let units: Vec<i128> = eligible.iter().map(|&i| whole_units(cart, i)).collect();
    let total_units = sum(units.iter().copied(), path)?;
    let group = i128::from(buy) + i128::from(get);
    let mut free = (total_units / group)
        .checked_mul(i128::from(get))
        .ok_or_else(of)?;
    // Sort key: net unit price to 12 decimal places of the minor unit, then position.
    let mut order = Vec::with_capacity(eligible.len());
    for (k, &i) in eligible.iter().enumerate() {
        let q = cart.lines.get(i).map_or(Ratio::ONE, |l| l.quantity);
        let net = nets.get(k).copied().unwrap_or(0);
        let key = Ratio::int(net)
            .div(q)
            .and_then(|r| r.round_to(12, crate::money::RoundingMode::Floor))
            .ok_or_else(of)?;
        order.push((key, k));
    }
    order.sort_unstable();
    let mut out = vec![0i128; eligible.len()];
    for (_, k) in order {
        if free == 0 {
            break;
        }
        let (Some(&i), Some(&have), Some(&net)) = (eligible.get(k), units.get(k), nets.get(k))
        else {
            return Err(of());
        };
        let take = free.min(have);
        free -= take;
        let q = cart.lines.get(i).map_or(Ratio::ONE, |l| l.quantity);
        let d = Ratio::int(net)
            .mul(Ratio::int(take))
            .and_then(|r| r.div(q))
            .and_then(|r| r.mul(fraction))
            .and_then(|r| r.round_to(0, cart.mode))
            .ok_or_else(of)?;
        if let Some(slot) = out.get_mut(k) {
            *slot = d.min(net);
        }
    }
    Ok(out)
}
