//! Line prices: per unit, package, volume and graduated tiers. The exact amount is
//! rounded once, to the currency's minor units.

use core::cmp::Ordering;

use crate::money::RoundingMode;

use super::model::{PriceSpec, TierSpec};
use super::ratio::Ratio;

/// The gross price of `quantity` under `spec`, in minor units; `None` on overflow.
pub(crate) fn gross(
    spec: &PriceSpec,
    quantity: Ratio,
    minor: u32,
    mode: RoundingMode,
) -> Option<i128> {
    exact(spec, quantity)?.round_to(minor, mode)
}

fn exact(spec: &PriceSpec, q: Ratio) -> Option<Ratio> {
    match spec {
        PriceSpec::PerUnit(unit) => q.mul(*unit),
        PriceSpec::Package { unit, size, up } => {
            let round = if *up {
                RoundingMode::Ceiling
            } else {
                RoundingMode::Floor
            };
            let packages = q.div(*size)?.round_to(0, round)?;
            Ratio::int(packages).mul(*unit)
        }
        PriceSpec::Volume(tiers) => {
            let mut chosen = tiers.last()?;
            for tier in tiers {
                match tier.up_to {
                    Some(up) if q.checked_cmp(up)? == Ordering::Greater => {}
                    _ => {
                        chosen = tier;
                        break;
                    }
                }
            }
            q.mul(chosen.unit)?.add(chosen.flat)
        }
        PriceSpec::Graduated(tiers) => graduated(tiers, q),
    }
}

fn graduated(tiers: &[TierSpec], q: Ratio) -> Option<Ratio> {
    let mut total = Ratio::ZERO;
    let mut below = Ratio::ZERO;
    for tier in tiers {
        if q.checked_cmp(below)? != Ordering::Greater {
            break;
        }
        let top = match tier.up_to {
            Some(up) if q.checked_cmp(up)? == Ordering::Greater => up,
            _ => q,
        };
        let units = top.sub(below)?;
        total = total.add(units.mul(tier.unit)?)?.add(tier.flat)?;
        match tier.up_to {
            Some(up) => below = up,
            None => break,
        }
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn r(s: &str) -> Ratio {
        Ratio::from_decimal(crate::money::parse_decimal(s).unwrap()).unwrap()
    }

    fn tiers() -> Vec<TierSpec> {
        // 1–10 at 5.00, 11–50 at 4.00, above at 3.00 with a 10.00 flat fee.
        vec![
            TierSpec {
                up_to: Some(r("10")),
                unit: r("5"),
                flat: Ratio::ZERO,
            },
            TierSpec {
                up_to: Some(r("50")),
                unit: r("4"),
                flat: Ratio::ZERO,
            },
            TierSpec {
                up_to: None,
                unit: r("3"),
                flat: r("10"),
            },
        ]
    }

    #[test]
    fn package_150_minutes_at_10_per_hour_is_30() {
        // 150 / 60 = 2.5 packages → up: 3 × 10.00 = 30.00; down: 2 × 10.00 = 20.00.
        let up = PriceSpec::Package {
            unit: r("10.00"),
            size: r("60"),
            up: true,
        };
        assert_eq!(gross(&up, r("150"), 2, RoundingMode::HalfEven), Some(3000));
        let down = PriceSpec::Package {
            unit: r("10.00"),
            size: r("60"),
            up: false,
        };
        assert_eq!(
            gross(&down, r("150"), 2, RoundingMode::HalfEven),
            Some(2000)
        );
        // Exactly 120: 2 packages either way.
        assert_eq!(gross(&up, r("120"), 2, RoundingMode::HalfEven), Some(2000));
    }

    #[test]
    fn volume_vs_graduated() {
        let m = RoundingMode::HalfEven;
        // Volume, 60 units: the third tier prices all: 60 × 3.00 + 10.00 = 190.00.
        assert_eq!(
            gross(&PriceSpec::Volume(tiers()), r("60"), 2, m),
            Some(19000)
        );
        // Graduated, 60 units: 10 × 5 + 40 × 4 + 10 × 3 + 10 = 50 + 160 + 30 + 10 = 250.00.
        assert_eq!(
            gross(&PriceSpec::Graduated(tiers()), r("60"), 2, m),
            Some(25000)
        );
        // Boundary 10 is inclusive: volume 10 × 5 = 50; graduated the same.
        assert_eq!(
            gross(&PriceSpec::Volume(tiers()), r("10"), 2, m),
            Some(5000)
        );
        assert_eq!(
            gross(&PriceSpec::Graduated(tiers()), r("10"), 2, m),
            Some(5000)
        );
        // 10.5 units: volume 10.5 × 4 = 42.00; graduated 50 + 0.5 × 4 = 52.00.
        assert_eq!(
            gross(&PriceSpec::Volume(tiers()), r("10.5"), 2, m),
            Some(4200)
        );
        assert_eq!(
            gross(&PriceSpec::Graduated(tiers()), r("10.5"), 2, m),
            Some(5200)
        );
    }

    #[test]
    fn per_unit_rounds_once() {
        // 3 × 0.3333 = 0.9999 → 1.00 (one rounding of the exact product).
        let p = PriceSpec::PerUnit(Ratio::from_decimal(Decimal::new(3333, 4)).unwrap());
        assert_eq!(gross(&p, r("3"), 2, RoundingMode::HalfEven), Some(100));
        assert_eq!(gross(&p, r("3"), 2, RoundingMode::Down), Some(99));
    }
}
