//! RFC 3339 instants (`as_of`, promotion windows) without a date crate.

/// An instant as (seconds since 1970-01-01T00:00:00Z, nanoseconds): ordered in time.
pub(crate) type Instant = (i64, u32);

fn two(s: &[u8]) -> Option<u32> {
    match s {
        [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
            Some(u32::from(a - b'0') * 10 + u32::from(b - b'0'))
        }
        _ => None,
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.fraction]Z` or `...±HH:MM` (RFC 3339 `date-time`,
/// upper-case `T` and `Z`, at most 9 fractional digits, no leap second `60`).
pub(crate) fn parse(s: &str) -> Option<Instant> {
    let b = s.as_bytes();
    if b.len() < 20 || b.len() > 35 {
        return None;
    }
    let year = i64::from(two(b.get(0..2)?)? * 100 + two(b.get(2..4)?)?);
    let fixed = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if fixed.iter().any(|(i, c)| b.get(*i) != Some(c)) {
        return None;
    }
    let month = two(b.get(5..7)?)?;
    let day = two(b.get(8..10)?)?;
    let hour = two(b.get(11..13)?)?;
    let minute = two(b.get(14..16)?)?;
    let second = two(b.get(17..19)?)?;
    let month_days = [
        31,
        if is_leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let max_day = *month_days.get(usize::try_from(month).ok()?.checked_sub(1)?)?;
    if day == 0 || day > max_day || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let mut rest = b.get(19..)?;
    let mut nanos = 0u32;
    if let [b'.', tail @ ..] = rest {
        let digits = tail.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        for (i, c) in tail.iter().take(9).enumerate() {
            let digit = if i < digits { u32::from(c - b'0') } else { 0 };
            if i < digits {
                nanos = nanos * 10 + digit;
            }
        }
        for _ in digits..9 {
            nanos *= 10;
        }
        rest = tail.get(digits..)?;
    }
    let offset: i64 = match rest {
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let oh = two(&[*h1, *h2])?;
            let om = two(&[*m1, *m2])?;
            if oh > 23 || om > 59 {
                return None;
            }
            let off = i64::from(oh * 3600 + om * 60);
            if *sign == b'-' { -off } else { off }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let secs = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second) - offset;
    Some((secs, nanos))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn instants() {
        assert_eq!(parse("1970-01-01T00:00:00Z"), Some((0, 0)));
        assert_eq!(parse("1970-01-01T01:00:00+01:00"), Some((0, 0)));
        assert_eq!(parse("2000-03-01T00:00:00Z"), Some((951_868_800, 0)));
        assert_eq!(
            parse("2026-11-26T10:00:00.5Z"),
            Some((1_795_687_200, 500_000_000))
        );
        assert_eq!(
            parse("2024-02-29T00:00:00Z").map(|i| i.0),
            Some(1_709_164_800)
        );
        for bad in [
            "2023-02-29T00:00:00Z",
            "2026-11-26 10:00:00Z",
            "2026-11-26T10:00:00",
            "2026-11-26T24:00:00Z",
            "2026-11-26T10:00:60Z",
            "2026-11-26T10:00:00.Z",
            "2026-11-26T10:00:00.1234567890Z",
            "2026-13-01T00:00:00Z",
            "2026-11-26t10:00:00z",
            "2026-11-26T10:00:00+1:00",
            "",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        assert!(parse("2026-11-26T10:00:00Z") < parse("2026-11-26T10:00:00.000000001Z"));
    }
}
