#![no_main]
//! Differential: Lockstep's one-pass decoder (`codec`) against serde_json on arbitrary
//! bytes. Both must accept and refuse the same texts (serde_json plus a repeated-member
//! check written here, independently of `codec::strict`), and an accepted text must
//! decode to the same tree (floats within one part in 10^15: serde_json's default float
//! parsing is not always correctly rounded, Rust's `f64::from_str` is).

use std::collections::BTreeSet;

use libfuzzer_sys::fuzz_target;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// serde_json's verdict with repeated member names refused.
struct NoRepeats;

impl<'de> Deserialize<'de> for NoRepeats {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NoRepeatsVisitor)
    }
}

struct NoRepeatsVisitor;

impl<'de> Visitor<'de> for NoRepeatsVisitor {
    type Value = NoRepeats;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, _: bool) -> Result<NoRepeats, E> {
        Ok(NoRepeats)
    }
    fn visit_i64<E>(self, _: i64) -> Result<NoRepeats, E> {
        Ok(NoRepeats)
    }
    fn visit_u64<E>(self, _: u64) -> Result<NoRepeats, E> {
        Ok(NoRepeats)
    }
    fn visit_f64<E>(self, _: f64) -> Result<NoRepeats, E> {
        Ok(NoRepeats)
    }
    fn visit_str<E>(self, _: &str) -> Result<NoRepeats, E> {
        Ok(NoRepeats)
    }
    fn visit_unit<E>(self) -> Result<NoRepeats, E> {
        Ok(NoRepeats)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<NoRepeats, A::Error> {
        while s.next_element::<NoRepeats>()?.is_some() {}
        Ok(NoRepeats)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<NoRepeats, A::Error> {
        let mut seen = BTreeSet::new();
        while let Some(k) = m.next_key::<String>()? {
            if !seen.insert(k) {
                return Err(de::Error::custom("repeated member"));
            }
            m.next_value::<NoRepeats>()?;
        }
        Ok(NoRepeats)
    }
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            _ if x.is_u64() || x.is_i64() || y.is_u64() || y.is_i64() => x == y,
            (Some(p), Some(q)) => p == q || ((p - q) / p).abs() < 1e-15,
            _ => false,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((k, p), (l, q))| k == l && same(p, q))
        }
        _ => a == b,
    }
}

fuzz_target!(|data: &[u8]| {
    // The limits checked before decoding (size, UTF-8, empty) and the nesting limit
    // (serde_json's own is 128, Lockstep's 32) come first on every entry; compare past them.
    let Ok(text) = lockstep_core::codec::request_text(data) else {
        return;
    };
    let decoded = lockstep_core::codec::decode::<de::IgnoredAny>(text);
    if let Err(e) = &decoded
        && e.code == lockstep_core::error::ErrorCode::NestingTooDeep
    {
        return;
    }
    let reference = serde_json::from_str::<NoRepeats>(text).is_ok();
    let ours = decoded.is_ok();
    assert_eq!(ours, reference, "acceptance differs on {text:?}");
    if reference {
        let theirs: Value = serde_json::from_str(text).expect("accepted");
        let mine: Value = lockstep_core::codec::decode(text).expect("accepted");
        assert!(same(&mine, &theirs), "trees differ on {text:?}: {mine} vs {theirs}");
    }
});
