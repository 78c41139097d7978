// Shared by the per-operation targets: any bytes through `handle_json` must give one
// line of valid JSON that is either a response or the error model, never a panic.
use lockstep_core::version::Target;

pub fn check(op: &str, data: &[u8]) {
    let out = lockstep_core::wire::handle_json(op, data, Target::Native);
    assert!(!out.json.contains('\n'));
    let value: serde_json::Value = match serde_json::from_str(&out.json) {
        Ok(v) => v,
        Err(e) => panic!("answer is not JSON: {e}: {}", out.json),
    };
    match out.error {
        Some(code) => {
            assert_eq!(value["error"]["code"], code.as_str());
            assert!(value["error"]["details"].is_array());
        }
        None => assert!(value.get("error").is_none()),
    }
    // Deterministic: the same bytes again give the same answer.
    assert_eq!(out, lockstep_core::wire::handle_json(op, data, Target::Native));
}
