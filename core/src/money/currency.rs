//! ISO 4217 currencies: the generated table and the [`Currency`] handle.

use core::fmt;
use core::str::FromStr;

use rust_decimal::Decimal;

use super::MoneyError;
use super::currency_table::{ENTRIES, RETIRED};

/// One row of the generated ISO 4217 table.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Entry {
    pub(super) code: &'static str,
    pub(super) numeric: u16,
    pub(super) minor_units: Option<u8>,
    pub(super) cash_increment_minor: Option<u32>,
    pub(super) is_fund: bool,
    pub(super) name: &'static str,
}

impl Entry {
    pub(super) const fn new(
        code: &'static str,
        numeric: u16,
        minor_units: Option<u8>,
        cash_increment_minor: Option<u32>,
        is_fund: bool,
        name: &'static str,
    ) -> Self {
        Entry {
            code,
            numeric,
            minor_units,
            cash_increment_minor,
            is_fund,
            name,
        }
    }
}

/// A currency accepted for amounts: an ISO 4217 list-one code with numeric minor units.
///
/// Accepted: every code of ISO 4217 list one whose minor units are a number, fund
/// codes included (CLF with 4, BOV, CHE, CHW, COU, MXV, USN, UYI, UYW). Refused with
/// [`MoneyError::NoMinorUnits`]: codes whose minor units are "N.A." (XAU, XAG, XPD,
/// XPT, XDR, XSU, XUA, XBA–XBD, XTS, XXX). Withdrawn codes (ANG, HRK, ...) give
/// [`MoneyError::RetiredCurrency`]. Codes are exact: three capital letters.
///
/// ```
/// use lockstep_core::money::Currency;
/// let jpy = Currency::from_code("JPY")?;
/// assert_eq!((jpy.code(), jpy.numeric(), jpy.minor_units()), ("JPY", 392, 0));
/// assert!(Currency::from_code("XAU").is_err());
/// # Ok::<(), lockstep_core::money::MoneyError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency(&'static Entry);

/// The row of `code` in ISO 4217 list one, or the error for it.
fn lookup(code: &str) -> Result<&'static Entry, MoneyError> {
    let bytes = code.as_bytes();
    if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_uppercase) {
        return Err(MoneyError::invalid_code(code));
    }
    if let Ok(i) = ENTRIES.binary_search_by(|e| e.code.cmp(code))
        && let Some(entry) = ENTRIES.get(i)
    {
        return Ok(entry);
    }
    if let Ok(i) = RETIRED.binary_search_by(|(c, _)| (*c).cmp(code))
        && let Some(&(code, replaced_by)) = RETIRED.get(i)
    {
        return Err(MoneyError::RetiredCurrency { code, replaced_by });
    }
    Err(MoneyError::UnknownCurrency {
        code: code.to_owned(),
    })
}

impl Currency {
    /// Looks up an ISO 4217 alphabetic code (exactly three capital letters).
    ///
    /// ```
    /// use lockstep_core::money::{Currency, MoneyError};
    /// assert_eq!(Currency::from_code("KWD")?.minor_units(), 3);
    /// assert!(matches!(Currency::from_code("usd"), Err(MoneyError::InvalidCurrencyCode { .. })));
    /// assert!(matches!(Currency::from_code("ABC"), Err(MoneyError::UnknownCurrency { .. })));
    /// assert!(matches!(Currency::from_code("XTS"), Err(MoneyError::NoMinorUnits { code: "XTS" })));
    /// # Ok::<(), MoneyError>(())
    /// ```
    pub fn from_code(code: &str) -> Result<Currency, MoneyError> {
        let entry = lookup(code)?;
        match entry.minor_units {
            Some(_) => Ok(Currency(entry)),
            None => Err(MoneyError::NoMinorUnits { code: entry.code }),
        }
    }

    /// Looks up an ISO 4217 numeric code (840 for USD); `None` when no accepted
    /// currency has it.
    ///
    /// ```
    /// use lockstep_core::money::Currency;
    /// assert_eq!(Currency::from_numeric(978).map(|c| c.code()), Some("EUR"));
    /// assert_eq!(Currency::from_numeric(959), None); // XAU: no minor units
    /// ```
    pub fn from_numeric(numeric: u16) -> Option<Currency> {
        ENTRIES
            .iter()
            .find(|e| e.numeric == numeric && e.minor_units.is_some())
            .map(Currency)
    }

    /// Every accepted currency, sorted by code.
    ///
    /// ```
    /// use lockstep_core::money::Currency;
    /// assert_eq!(Currency::all().next().map(|c| c.code()), Some("AED"));
    /// ```
    pub fn all() -> impl Iterator<Item = Currency> {
        ENTRIES
            .iter()
            .filter(|e| e.minor_units.is_some())
            .map(Currency)
    }

    /// The alphabetic code, e.g. `"USD"`.
    ///
    /// ```
    /// use lockstep_core::money::Currency;
    /// assert_eq!(Currency::from_code("CHF")?.code(), "CHF");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn code(self) -> &'static str {
        self.0.code
    }

    /// The numeric code, e.g. 840 for USD.
    ///
    /// ```
    /// use lockstep_core::money::Currency;
    /// assert_eq!(Currency::from_code("USD")?.numeric(), 840);
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn numeric(self) -> u16 {
        self.0.numeric
    }

    /// The ISO 4217 minor units (decimal places): JPY 0, USD 2, KWD 3, CLF 4.
    ///
    /// ```
    /// use lockstep_core::money::Currency;
    /// assert_eq!(Currency::from_code("CLF")?.minor_units(), 4);
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn minor_units(self) -> u32 {
        // Only entries with minor units become a `Currency` (see `from_code`).
        self.0.minor_units.map_or(0, u32::from)
    }

    /// The smallest unit as a decimal: 0.01 for USD, 1 for JPY.
    ///
    /// ```
    /// use lockstep_core::money::Currency;
    /// assert_eq!(Currency::from_code("KWD")?.minor_unit().to_string(), "0.001");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn minor_unit(self) -> Decimal {
        Decimal::new(1, self.minor_units())
    }

    /// The CLDR cash rounding increment, where one is coarser than the minor unit:
    /// CHF and CAD 0.05, DKK 0.50, SEK and NOK 1.00, HUF 5.00.
    ///
    /// ```
    /// use lockstep_core::money::Currency;
    /// assert_eq!(Currency::from_code("CHF")?.cash_increment().map(|d| d.to_string()), Some("0.05".into()));
    /// assert_eq!(Currency::from_code("USD")?.cash_increment(), None);
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn cash_increment(self) -> Option<Decimal> {
        self.cash_increment_minor()
            .map(|n| Decimal::new(i64::from(n), self.minor_units()))
    }

    /// The cash increment counted in minor units (CHF 5, DKK 50, SEK 100).
    ///
    /// ```
    /// use lockstep_core::money::Currency;
    /// assert_eq!(Currency::from_code("DKK")?.cash_increment_minor(), Some(50));
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn cash_increment_minor(self) -> Option<u32> {
        self.0.cash_increment_minor
    }

    /// Whether ISO 4217 marks the code as a fund (CLF, BOV, USN, ...).
    ///
    /// ```
    /// use lockstep_core::money::Currency;
    /// assert!(Currency::from_code("CLF")?.is_fund());
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn is_fund(self) -> bool {
        self.0.is_fund
    }

    /// The ISO 4217 English name, e.g. `"Yen"`.
    ///
    /// ```
    /// use lockstep_core::money::Currency;
    /// assert_eq!(Currency::from_code("JPY")?.name(), "Yen");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn name(self) -> &'static str {
        self.0.name
    }
}

/// Number of codes in ISO 4217 list one as embedded (accepted or not).
///
/// ```
/// assert!(lockstep_core::money::iso_code_count() >= lockstep_core::money::Currency::all().count());
/// ```
pub fn iso_code_count() -> usize {
    ENTRIES.len()
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({})", self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::from_code(s)
    }
}

impl serde::Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Currency;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an ISO 4217 currency code string such as \"USD\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Currency, E> {
                Currency::from_code(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Currency {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Currency".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[A-Z]{3}$",
            "description": "ISO 4217 alphabetic code with numeric minor units (see docs/money.md)"
        })
    }
}
