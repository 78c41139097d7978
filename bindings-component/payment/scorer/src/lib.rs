//! The payment service's fraud scorer: exports `lockstep:engine/scorer` and imports
//! only `lockstep:engine/geo`. It sets the payment's `ip_country` attribute from the
//! geolocation component's answer for the client's IP (and removes one the caller
//! sent), then hands the request to the core's `score`, whose rules can then compare
//! it, e.g. `{"field": "ip_country", "op": "ne", "other_field": "card_country"}`.
//!
//! ```
//! let request = r#"{"payment":{"card_country":"US"},"rules":[{"id":"geo","when":{"field":"ip_country","op":"ne","other_field":"card_country"},"score":60,"reason":"IP country differs from the card's"}],"thresholds":{"review":30,"decline":50}}"#;
//! let ng = lockstep_payment_scorer::score(request, Some("NG".to_owned())).unwrap();
//! assert!(ng.contains(r#""decision":"decline""#));
//! let us = lockstep_payment_scorer::score(request, Some("US".to_owned())).unwrap();
//! assert!(us.contains(r#""decision":"approve""#));
//! ```

use lockstep_core::error::Error;
use lockstep_core::version::Target;
use lockstep_core::wire;
use serde_json::Value;

#[allow(unsafe_code, missing_docs)] // generated: the canonical ABI glue
mod bindings {
    wit_bindgen::generate!({
        path: "../../../wit",
        world: "scorer-component",
    });
}

use bindings::exports::lockstep::engine::scorer;
lockstep_component_common::wit_error_text!(scorer);

/// The attribute the scorer owns.
///
/// ```
/// assert_eq!(lockstep_payment_scorer::IP_COUNTRY, "ip_country");
/// ```
pub const IP_COUNTRY: &str = "ip_country";

/// `score` on request text with `payment.ip_country` set to `country` (removed when
/// `None`). The request is first answered as sent, so a malformed one gets the core's
/// exact error; only a request the core accepts is re-encoded with the attribute.
///
/// ```
/// let e = lockstep_payment_scorer::score("{}", None).unwrap_err();
/// assert_eq!(e.code.as_str(), "missing_field");
/// ```
pub fn score(request: &str, country: Option<String>) -> Result<String, Error> {
    let as_sent = lockstep_component_common::answer(wire::handle_json(
        "score",
        request.as_bytes(),
        Target::Wasi,
    ))?;
    let Ok(mut value) = serde_json::from_str::<Value>(request) else {
        return Ok(as_sent);
    };
    let Some(payment) = value.get_mut("payment").and_then(Value::as_object_mut) else {
        return Ok(as_sent);
    };
    match country {
        Some(c) => {
            payment.insert(IP_COUNTRY.to_owned(), Value::String(c));
        }
        None => {
            payment.remove(IP_COUNTRY);
        }
    }
    let text = wire::to_json(&value);
    lockstep_component_common::answer(wire::handle_json("score", text.as_bytes(), Target::Wasi))
}

/// The exported `scorer` interface.
pub struct Scorer;

impl scorer::Guest for Scorer {
    fn score(request: String, client_ip: String) -> Result<String, scorer::Error> {
        let country = bindings::lockstep::engine::geo::country_of(&client_ip);
        score(&request, country).map_err(to_wit)
    }
}

#[cfg(target_arch = "wasm32")] // natively the exports would be odd linker symbols
#[cfg(target_arch = "wasm32")] // natively the exports would be odd linker symbols
#[allow(unsafe_code)] // generated: the exported function's canonical ABI entry point
mod exported {
    use super::Scorer;
    super::bindings::export!(Scorer with_types_in super::bindings);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_caller_cannot_supply_the_ip_country() {
        let request = r#"{"payment":{"ip_country":"US"},"rules":[{"id":"no_ip","when":{"field":"ip_country","op":"missing"},"score":10,"reason":"no IP country"}],"thresholds":{"review":5,"decline":50}}"#;
        let answer = score(request, None).unwrap();
        assert!(answer.contains(r#""id":"no_ip""#), "{answer}");
        let answer = score(request, Some("US".into())).unwrap();
        assert!(!answer.contains("no_ip"), "{answer}");
    }
}
