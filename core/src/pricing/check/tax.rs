//! `tax`: the rates of each tax code, and references to a code.

use std::collections::BTreeMap;

use crate::codec::pointer::{Pointer, ROOT};
use crate::error::ErrorCode;
use crate::limits::quote::{MAX_RATES_PER_CODE, MAX_TAX_CODES};
use crate::money::format_normalized;
use crate::pricing::model::{Rate, Tax};
use crate::pricing::request::TaxSettings;

use super::Problems;
use super::values::{list, name, percent};

pub(super) fn check_tax<'a>(p: &mut Problems, tax: Option<&'a TaxSettings>) -> Tax<'a> {
    let Some(t) = tax else {
        return Tax::default();
    };
    let tax_rates = ROOT.key("tax");
    let tax_rates = tax_rates.key("rates");
    list(p, &tax_rates, t.rates.len(), MAX_TAX_CODES);
    let mut codes = BTreeMap::new();
    for (code, rates) in t.rates.iter().take(MAX_TAX_CODES) {
        let path = tax_rates.key(code);
        name(p, &path, code);
        if rates.is_empty() {
            p.add(
                &path,
                ErrorCode::InvalidValue,
                "a tax code needs at least one rate",
            );
        }
        list(p, &path, rates.len(), MAX_RATES_PER_CODE);
        let mut out = Vec::new();
        for (j, rate) in rates.iter().enumerate().take(MAX_RATES_PER_CODE) {
            let rp = path.index(j);
            let named = name(p, &rp.key("name"), &rate.name);
            let fraction = percent(p, &rp.key("percent"), rate.percent, 1000);
            if let (true, Some(fraction)) = (named, fraction) {
                out.push(Rate {
                    name: rate.name.as_str(),
                    fraction,
                    percent_text: format_normalized(rate.percent.value()),
                    compound: rate.compound,
                });
            }
        }
        // The code is kept even when a rate is bad, so references still resolve.
        codes.insert(code.as_str(), out);
    }
    Tax {
        include: t.prices_include_tax,
        rounding: t.rounding,
        codes,
    }
}

pub(super) fn tax_reference(p: &mut Problems, path: &Pointer<'_>, code: &str, tax: &Tax<'_>) {
    if !tax.codes.contains_key(code) {
        p.add(
            path,
            ErrorCode::UnknownReference,
            "no such tax code in tax.rates",
        );
    }
}
