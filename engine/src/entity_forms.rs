//! An [`Entity`]'s two serialised forms. For people and scripts (JSON: the CLI, the
//! exports) a value's fields are there only when there is a value: `"value"` (an ISO date
//! cut to its precision, or a number), with `"precision"` for a date, `"currency"` (an ISO
//! 4217 code or null) and `"approximate": true` for an amount. For the worker's messages
//! (bincode, which can neither skip a field nor read a self-describing enum) every field
//! is written, in order, and the value is a plain enum. Serde tells the two apart by
//! `is_human_readable` (false for bincode).

use serde::de::Error as _;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::values::{Currency, DateValue, Value};
use crate::{Entity, EntityType};

/// The binary form, borrowed for writing.
#[derive(Serialize)]
struct CompactRef<'a> {
    start: usize,
    end: usize,
    kind: EntityType,
    text: &'a str,
    confidence: f32,
    alias_of: &'a Option<String>,
    value: &'a Option<Value>,
}

/// The binary form, owned for reading: the same fields in the same order.
#[derive(Deserialize)]
struct Compact {
    start: usize,
    end: usize,
    kind: EntityType,
    text: String,
    confidence: f32,
    alias_of: Option<String>,
    value: Option<Value>,
}

/// The readable form as read: a value's fields may be missing.
#[derive(Deserialize)]
struct Readable {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: EntityType,
    text: String,
    confidence: f32,
    #[serde(default)]
    alias_of: Option<String>,
    #[serde(default)]
    value: Option<Scalar>,
    #[serde(default)]
    currency: Option<Currency>,
    #[serde(default)]
    approximate: bool,
}

/// A value as JSON writes it: a number, or a date's ISO string.
#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    Number(f64),
    Text(String),
}

/// A number as an integer when it is one (30, not 30.0; 30000000, not 3e7).
struct Number(f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        if self.0.fract() == 0.0 && self.0.abs() < EXACT {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

impl Serialize for Entity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if !s.is_human_readable() {
            return CompactRef {
                start: self.start,
                end: self.end,
                kind: self.kind,
                text: &self.text,
                confidence: self.confidence,
                alias_of: &self.alias_of,
                value: &self.value,
            }
            .serialize(s);
        }
        let extra = match self.value {
            None => 0,
            Some(Value::Date(_)) => 2,
            Some(Value::Money { approximate, .. }) => 2 + usize::from(approximate),
            Some(Value::Percent(_)) => 1,
        };
        let mut out = s.serialize_struct("Entity", 6 + extra)?;
        out.serialize_field("start", &self.start)?;
        out.serialize_field("end", &self.end)?;
        out.serialize_field("type", &self.kind)?;
        out.serialize_field("text", &self.text)?;
        out.serialize_field("confidence", &self.confidence)?;
        out.serialize_field("alias_of", &self.alias_of)?;
        match self.value {
            None => {}
            Some(Value::Date(d)) => {
                out.serialize_field("value", &d.iso())?;
                out.serialize_field("precision", &d.precision())?;
            }
            Some(Value::Money {
                amount,
                currency,
                approximate,
            }) => {
                out.serialize_field("value", &Number(amount))?;
                out.serialize_field("currency", &currency)?;
                if approximate {
                    out.serialize_field("approximate", &true)?;
                }
            }
            Some(Value::Percent(n)) => out.serialize_field("value", &Number(n))?,
        }
        out.end()
    }
}

impl<'de> Deserialize<'de> for Entity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if !d.is_human_readable() {
            let c = Compact::deserialize(d)?;
            return Ok(Entity {
                start: c.start,
                end: c.end,
                kind: c.kind,
                text: c.text,
                confidence: c.confidence,
                alias_of: c.alias_of,
                value: c.value,
            });
        }
        let r = Readable::deserialize(d)?;
        let value = match (r.kind, r.value) {
            (_, None) => None,
            (EntityType::Date, Some(Scalar::Text(iso))) => Some(Value::Date(
                DateValue::parse_iso(&iso)
                    .ok_or_else(|| D::Error::custom(format!("not an ISO date: {iso:?}")))?,
            )),
            (EntityType::Money, Some(Scalar::Number(amount))) => Some(Value::Money {
                amount,
                currency: r.currency,
                approximate: r.approximate,
            }),
            (EntityType::Percent, Some(Scalar::Number(n))) => Some(Value::Percent(n)),
            (kind, Some(_)) => {
                return Err(D::Error::custom(format!(
                    "a value of the wrong kind for a {kind} entity"
                )))
            }
        };
        Ok(Entity {
            start: r.start,
            end: r.end,
            kind: r.kind,
            text: r.text,
            confidence: r.confidence,
            alias_of: r.alias_of,
            value,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::values::{CalendarDate, Value};
    use crate::{Analysis, Analyzer};

    /// An analysis with a value of every kind, and entities without one.
    fn analysis() -> Analysis {
        let text =
            "記者昨日獲悉，該公司去年底融資近1億美元，九成員工支持，規模達九千億元，張三表示。";
        let analysis = Analyzer::new().analyze_dated(text, CalendarDate::parse("2024-12-17"));
        let kinds: Vec<_> = analysis
            .entities
            .iter()
            .filter_map(|e| e.value)
            .map(|v| std::mem::discriminant(&v))
            .collect();
        assert!(kinds.len() >= 4, "{:?}", analysis.entities);
        assert!(analysis.entities.iter().any(|e| e.value.is_none()));
        analysis
    }

    #[test]
    fn json_round_trips_and_writes_no_value_when_there_is_none() {
        let analysis = analysis();
        let json = serde_json::to_string(&analysis).unwrap();
        let back: Analysis = serde_json::from_str(&json).unwrap();
        assert_eq!(back, analysis);
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        for (e, j) in analysis
            .entities
            .iter()
            .zip(doc["entities"].as_array().unwrap())
        {
            let j = j.as_object().unwrap();
            assert_eq!(j.contains_key("value"), e.value.is_some(), "{j:?}");
            assert_eq!(
                j.contains_key("currency"),
                matches!(e.value, Some(Value::Money { .. })),
                "{j:?}"
            );
        }
        let money = doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["text"] == "九千億元")
            .unwrap();
        assert_eq!(money["value"].to_string(), "900000000000", "an integer");
        assert!(money["currency"].is_null());
        assert!(money.get("approximate").is_none());
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_an_error() {
        let json = r#"{"start":0,"end":2,"type":"PERSON","text":"張三","confidence":1,"alias_of":null,"value":3}"#;
        assert!(serde_json::from_str::<crate::Entity>(json).is_err());
        let json = r#"{"start":0,"end":2,"type":"DATE","text":"昨日","confidence":1,"alias_of":null,"value":"2024-02-30"}"#;
        assert!(serde_json::from_str::<crate::Entity>(json).is_err());
    }
}
