//! The payment service's geolocation component: exports `lockstep:engine/geo` and
//! imports nothing, so it can reach neither the scorer's rules nor any host capability.
//! Its table, `ranges.csv`, is embedded at build time and is SYNTHETIC: documentation
//! address blocks (RFC 5737, RFC 3849) with made-up countries.
//!
//! ```
//! assert_eq!(lockstep_payment_geo::lookup("198.51.100.7").as_deref(), Some("NG"));
//! assert_eq!(lockstep_payment_geo::lookup("2001:db8:1::5").as_deref(), Some("JP"));
//! assert_eq!(lockstep_payment_geo::lookup("8.8.8.8"), None);
//! assert_eq!(lockstep_payment_geo::lookup("not an ip"), None);
//! ```

use std::net::IpAddr;

#[allow(unsafe_code, missing_docs)] // generated: the canonical ABI glue of the export
mod bindings {
    wit_bindgen::generate!({
        path: "../../../wit",
        world: "geo-table",
    });
}

/// The embedded table (CSV: first address, last address, country; `#` comments).
///
/// ```
/// assert!(lockstep_payment_geo::TABLE.contains("SYNTHETIC"));
/// ```
pub const TABLE: &str = include_str!("../ranges.csv");

/// An address as a number comparable within its family.
fn key(ip: IpAddr) -> (u8, u128) {
    match ip {
        IpAddr::V4(v4) => (4, u128::from(u32::from(v4))),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => (4, u128::from(u32::from(v4))),
            None => (6, u128::from(v6)),
        },
    }
}

/// The country of `ip` (IPv4, IPv6 or IPv4-mapped IPv6 text), or `None`.
///
/// ```
/// assert_eq!(lockstep_payment_geo::lookup("::ffff:203.0.113.9").as_deref(), Some("US"));
/// ```
pub fn lookup(ip: &str) -> Option<String> {
    let want = key(ip.trim().parse::<IpAddr>().ok()?);
    TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .find_map(|l| {
            let mut cells = l.split(',');
            let first = key(cells.next()?.parse::<IpAddr>().ok()?);
            let last = key(cells.next()?.parse::<IpAddr>().ok()?);
            let country = cells.next()?;
            (first.0 == want.0 && first <= want && want <= last).then(|| country.to_owned())
        })
}

/// The exported `geo` interface.
pub struct Geo;

impl bindings::exports::lockstep::engine::geo::Guest for Geo {
    fn country_of(ip: String) -> Option<String> {
        lookup(&ip)
    }
}

#[cfg(target_arch = "wasm32")] // natively the exports would be odd linker symbols
#[cfg(target_arch = "wasm32")] // natively the exports would be odd linker symbols
#[allow(unsafe_code)] // generated: the exported function's canonical ABI entry point
mod exported {
    use super::Geo;
    super::bindings::export!(Geo with_types_in super::bindings);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_parses_and_ranges_are_inclusive() {
        let rows = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty());
        for row in rows {
            let cells: Vec<&str> = row.split(',').collect();
            assert_eq!(cells.len(), 3, "{row}");
            assert_eq!(lookup(cells[0]).as_deref(), Some(cells[2]));
            assert_eq!(lookup(cells[1]).as_deref(), Some(cells[2]));
        }
        assert_eq!(lookup("192.0.2.127").as_deref(), Some("FR"));
        assert_eq!(lookup("192.0.2.128").as_deref(), Some("DE"));
        assert_eq!(lookup("192.0.3.0"), None);
        assert_eq!(lookup(""), None);
    }
}
