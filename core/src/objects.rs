//! Serde helpers: a struct of the wire format is read only from a JSON **object**.
//! Serde's derive also accepts a JSON array for a struct (its members by position), so
//! `{"card": ["4242…"]}` or `"thresholds": [50, 80]` would otherwise be accepted; with
//! these, they are `invalid_type` at their path.

use core::fmt;
use core::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

/// `T`, read only from a JSON object.
pub(crate) struct Object<T>(pub(crate) T);

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = Object<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Object<T>, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(Object)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ObjectVisitor(PhantomData))
    }
}

/// For `#[serde(deserialize_with)]`: a `T` from an object.
pub(crate) fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    Object::<T>::deserialize(d).map(|o| o.0)
}

/// For `#[serde(deserialize_with)]`: an optional `T` from an object (`null` is `None`).
pub(crate) fn option_object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    Option::<Object<T>>::deserialize(d).map(|o| o.map(|o| o.0))
}

/// For `#[serde(deserialize_with)]`: an optional boxed `T` from an object.
pub(crate) fn option_boxed_object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Box<T>>, D::Error> {
    Option::<Object<T>>::deserialize(d).map(|o| o.map(|o| Box::new(o.0)))
}

/// For `#[serde(deserialize_with)]`: a list of `T`, each from an object.
pub(crate) fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    Vec::<Object<T>>::deserialize(d).map(|v| v.into_iter().map(|o| o.0).collect())
}

/// For `#[serde(deserialize_with)]`: an optional list of `T`, each from an object.
pub(crate) fn option_objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Vec<T>>, D::Error> {
    Option::<Vec<Object<T>>>::deserialize(d)
        .map(|o| o.map(|v| v.into_iter().map(|o| o.0).collect()))
}

/// For `#[serde(deserialize_with)]`: a map of lists of `T`, each from an object.
pub(crate) fn map_of_objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<std::collections::BTreeMap<String, Vec<T>>, D::Error> {
    std::collections::BTreeMap::<String, Vec<Object<T>>>::deserialize(d).map(|m| {
        m.into_iter()
            .map(|(k, v)| (k, v.into_iter().map(|o| o.0).collect()))
            .collect()
    })
}
