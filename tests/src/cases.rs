//! Request lines shared by the cross-target checks: hand-written cases covering every
//! error code the skeleton can produce, plus generated ones.

/// Hand-written batch lines, each `{"op": ..., "request": ...}` or deliberately broken.
///
/// ```
/// assert!(lockstep_tests::cases::fixed().len() > 10);
/// ```
pub fn fixed() -> Vec<String> {
    [
        r#"{"op":"version","request":{}}"#,
        r#"{"op":"version","request":{"verbose":true}}"#,
        r#"{"op":"version","request":[]}"#,
        r#"{"op":"version","request":"{}"}"#,
        r#"{"op":"version","request":null}"#,
        r#"{"op":"version","request":{"a/b~c":1}}"#,
        r#"{"op":"quote","request":{"lines":[{"sku":"A","quantity":"2","unit_price":"19.99"}]}}"#,
        r#"{"op":"validate","request":{}}"#,
        r#"{"op":"score","request":{}}"#,
        r#"{"op":"quote","request":17}"#,
        r#"{"op":"refund","request":{}}"#,
        r#"{"op":"","request":{}}"#,
        r#"{"op":7,"request":{}}"#,
        r#"{"request":{}}"#,
        r#"{"op":"version"}"#,
        r#"{"op":"version","request":{},"id":1}"#,
        r#"{"op":"version","request":{}"#,
        r#"{"op":"version","request":{}} trailing"#,
        r#"{"op":"version","request":{"x":1e999}}"#,
        r#"{"op":"version","request":{"x":123456789012345678901234567890}}"#,
        r#"{"op":"version","request":{"x":"\ud800"}}"#,
        r#"{"op":"version","request":{"x":"é😀"}}"#,
        r#"[]"#,
        r#"null"#,
        r#"42"#,
        r#"not json"#,
        r#"{"op":"version","request":{},"op":"quote"}"#,
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .chain(std::iter::once(format!(
        r#"{{"op":"version","request":{}{}}}"#,
        "[".repeat(40),
        "]".repeat(40)
    )))
    .collect()
}

/// `n` generated lines from a deterministic seed: random JSON-ish text mixing valid
/// envelopes, wrong types, unknown members and truncations.
///
/// ```
/// let a = lockstep_tests::cases::generated(7, 50);
/// assert_eq!(a, lockstep_tests::cases::generated(7, 50));
/// assert_eq!(a.len(), 50);
/// ```
pub fn generated(seed: u64, n: usize) -> Vec<String> {
    let mut rng = SplitMix(seed);
    let ops = ["version", "quote", "validate", "score", "Version", "nope"];
    let values = [
        "{}",
        "[]",
        "null",
        "true",
        "0",
        "-1.5",
        "\"19.99\"",
        "\"\"",
        "{\"k\":{}}",
        "[1,2,3]",
        "\"\\u00e9\"",
        "1e308",
    ];
    (0..n)
        .map(|_| {
            let op = ops[rng.below(ops.len())];
            let mut members = Vec::new();
            for _ in 0..rng.below(3) {
                let key = ["a", "lines", "currency", "x/y", "~"][rng.below(5)];
                members.push(format!("\"{key}\":{}", values[rng.below(values.len())]));
            }
            let request = match rng.below(4) {
                0 => values[rng.below(values.len())].to_owned(),
                _ => format!("{{{}}}", members.join(",")),
            };
            let mut line = format!(r#"{{"op":"{op}","request":{request}}}"#);
            if rng.below(8) == 0 {
                let cut = 1 + rng.below(line.len() - 1);
                line.truncate(cut);
            }
            line
        })
        .collect()
}

/// SplitMix64: a tiny deterministic generator (no dependency, same on every run).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }
}
