//! The payment service's HTTP front: a `wasi:http/proxy` component that imports only
//! `lockstep:engine/sanitizer` and `lockstep:engine/scorer` (satisfied by composition,
//! `scripts/build.sh`), so the composed `dist/lockstep-payment.wasm` imports nothing
//! but `wasi:http/types` and `wasi:io`.
//!
//! `POST /v1/validate` goes to the sanitizer; `POST /v1/score` to the scorer, with the
//! client's IP from the `x-client-ip` header (set by the trusted proxy in front; a
//! request without it scores with no `ip_country`). Statuses as the edge function's.
//!
//! ```
//! use lockstep_http::Service;
//! assert!(lockstep_payment_service::Payment.operation("score").is_ok());
//! assert!(lockstep_payment_service::Payment.operation("quote").is_err());
//! ```

use lockstep_core::error::{Error, ErrorCode};
use lockstep_core::wire::{Operation, Outcome};

#[allow(unsafe_code, missing_docs, dead_code)] // generated: the canonical ABI glue of the imports
mod bindings {
    wit_bindgen::generate!({
        path: "../../../wit",
        world: "payment-front",
    });
}

/// The service's routes: `validate` and `score`.
pub struct Payment;

impl lockstep_http::Service for Payment {
    fn operation(&self, op: &str) -> Result<Operation, Error> {
        match Operation::parse(op)? {
            op @ (Operation::Validate | Operation::Score) => Ok(op),
            _ => Err(Error::new(
                ErrorCode::UnknownOperation,
                "this service answers validate and score",
            )),
        }
    }

    #[cfg(target_arch = "wasm32")]
    fn answer(&self, op: Operation, body: &[u8], client_ip: Option<&str>) -> Outcome {
        use bindings::lockstep::engine::{sanitizer, scorer};
        // The imports take text: empty or non-UTF-8 bytes get the core's own error here.
        let text = match lockstep_core::codec::request_text(body) {
            Ok(text) => text,
            Err(e) => return outcome(Err(e)),
        };
        outcome(match op {
            Operation::Score => {
                scorer::score(text, client_ip.unwrap_or_default()).map_err(scorer_error::from_wit)
            }
            _ => sanitizer::sanitize(text).map_err(sanitizer_error::from_wit),
        })
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn answer(&self, op: Operation, body: &[u8], _client_ip: Option<&str>) -> Outcome {
        // Natively there are no components to call: the core itself (for doc tests).
        lockstep_core::wire::handle_json(op.as_str(), body, lockstep_core::version::Target::Wasi)
    }
}

/// An import's answer as the router's outcome (the error's wire bytes are the core's).
#[cfg(target_arch = "wasm32")]
fn outcome(answer: Result<String, Error>) -> Outcome {
    match answer {
        Ok(json) => Outcome { json, error: None },
        Err(e) => Outcome {
            error: Some(e.code),
            json: e.to_json(),
        },
    }
}

/// The scorer's error record back as the core's error.
#[cfg(target_arch = "wasm32")]
mod scorer_error {
    use crate::bindings::lockstep::engine::scorer;
    lockstep_component_common::wit_error_text!(scorer);
}

/// The sanitizer's error record back as the core's error.
#[cfg(target_arch = "wasm32")]
mod sanitizer_error {
    use crate::bindings::lockstep::engine::sanitizer;
    lockstep_component_common::wit_error_text!(sanitizer);
}

#[cfg(target_arch = "wasm32")]
struct Handler;

#[cfg(target_arch = "wasm32")]
impl wasip2::exports::http::incoming_handler::Guest for Handler {
    fn handle(
        request: wasip2::http::types::IncomingRequest,
        out: wasip2::http::types::ResponseOutparam,
    ) {
        lockstep_http::handler::serve(&Payment, request, out);
    }
}

#[cfg(target_arch = "wasm32")]
#[allow(unsafe_code)] // generated: the exported handler's canonical ABI entry point
mod exported {
    use super::Handler;
    wasip2::http::proxy::export!(Handler);
}
