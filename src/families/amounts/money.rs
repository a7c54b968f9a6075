//! Amount captures → the `normalized` column and the `approx`/`min`/`max`
//! flags: the `money` and `percent` normalizers.
//!
//! The patterns (`rules/amounts.toml`) decide which text is an amount and
//! name its parts:
//!
//! | capture | holds |
//! |---|---|
//! | `num` | the number with its scale words or units: `1.2 billion`, `5兆4,005億`, `3.5` |
//! | `end_num` | the end of a range, the same way |
//! | `cur`, `start_cur`, `end_cur` | currency surfaces (`US$`, `円`, `US dollars`) |
//! | `sign` | `-`, `−`, `▲` or `△` before a negative amount |
//! | `qual`, `qual_after` | qualifiers before and after (`about`, `約`, `以上`) |
//!
//! A value is `CODE decimal` (`JPY 5400500000000`) or `decimal%`; a range
//! is the two values joined by `/`, and its start borrows the end's scale
//! when it has none (`300-500億円`, `$3-5 billion`). A range must rise;
//! one that does not is declined, so the single amounts in it are found
//! instead.

use super::data::AmountData;
use super::number::Decimal;
use crate::normalize::{Fields, Normalized};

/// A number read with its units: the value and the largest power of ten
/// written (`None` for a bare number).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Reading {
    value: Decimal,
    unit: Option<u32>,
}

/// Reads a number followed by scale words or units, in groups of falling
/// power: `57 million`, `5兆4,005億`, `1億2,345万6,789`, `3億5千万`. Each
/// group must be smaller than the unit before it allows (`4,005` of
/// `5兆4,005億` is below 10⁴), so `1億12,000万` is declined rather than
/// summed.
fn read(text: &str, data: &AmountData) -> Option<Reading> {
    let mut total = Decimal::ZERO;
    let mut unit = None;
    let mut previous: Option<u32> = None;
    let mut rest = text.trim();
    while !rest.is_empty() {
        let len = rest.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(rest.len());
        let group = Decimal::parse(&rest[..len])?;
        rest = rest[len..].trim_start();
        let power = match data.unit_at(rest) {
            Some((ulen, power)) => {
                rest = &rest[ulen..];
                power
            }
            None if rest.is_empty() => 0,
            None => return None,
        };
        if let Some(p) = previous {
            if power >= p || !group.below_power(p - power) {
                return None;
            }
        }
        if power > 0 {
            unit.get_or_insert(power);
        }
        total = total.checked_add(group.shift(power)?)?;
        previous = Some(power);
    }
    previous.map(|_| Reading { value: total, unit })
}

/// The flags the qualifier captures set.
fn qualify(f: &Fields<'_>, data: &AmountData, out: &mut Normalized) -> Option<()> {
    for name in ["qual", "qual_after"] {
        if let Some(word) = f.get(name) {
            out.flags.insert(data.qualifier(word)?.flag());
        }
    }
    Some(())
}

/// `-` for a captured sign, empty otherwise; `None` when the sign is the
/// hyphen of a designation (`F-35%`: a letter just before it).
fn sign(f: &Fields<'_>) -> Option<&'static str> {
    let Some((start, _)) = f.span("sign") else { return Some("") };
    let before = f.haystack()[..start].chars().next_back();
    (!before.is_some_and(char::is_alphanumeric)).then_some("-")
}

/// The start and end of a range, the start scaled by the end's largest
/// unit when it has none; `None` when the range does not rise.
fn range(start: Reading, end: Reading) -> Option<(Decimal, Decimal)> {
    let from = match (start.unit, end.unit) {
        (None, Some(p)) => start.value.shift(p)?,
        _ => start.value,
    };
    (from < end.value).then_some((from, end.value))
}

/// `money`: a currency amount, `JPY 5400500000000`, or a range of two.
pub fn money(f: &Fields<'_>, res: &crate::normalize::Resources) -> Option<Normalized> {
    let data = res.get::<AmountData>()?;
    let code = data.currency(f.get("cur")?)?;
    for other in ["start_cur", "end_cur"] {
        if let Some(c) = f.get(other) {
            if data.currency(c)? != code {
                return None;
            }
        }
    }
    let start = read(f.get("num")?, data)?;
    let value = match f.get("end_num") {
        None => format!("{code} {}{}", sign(f)?, start.value),
        Some(end) => {
            let (from, to) = range(start, read(end, data)?)?;
            format!("{code} {from}/{code} {to}")
        }
    };
    let mut out = Normalized::value(value);
    qualify(f, data, &mut out)?;
    Some(out)
}

/// `percent`: a percentage, `3.5%`, or a range `3%/5%`.
pub fn percent(f: &Fields<'_>, res: &crate::normalize::Resources) -> Option<Normalized> {
    let data = res.get::<AmountData>()?;
    let start = Decimal::parse(f.get("num")?)?;
    let value = match f.get("end_num") {
        None => format!("{}{start}%", sign(f)?),
        Some(end) => {
            let end = Decimal::parse(end)?;
            if start >= end {
                return None;
            }
            format!("{start}%/{end}%")
        }
    };
    let mut out = Normalized::value(value);
    qualify(f, data, &mut out)?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::data::tests::shipped;
    use super::*;

    fn r(text: &str) -> Option<String> {
        read(text, &shipped()).map(|r| r.value.to_string())
    }

    #[test]
    fn numbers_with_units() {
        assert_eq!(r("57 million").as_deref(), Some("57000000"));
        assert_eq!(r("1.2 Billion").as_deref(), Some("1200000000"));
        assert_eq!(r("15.53 million").as_deref(), Some("15530000"));
        assert_eq!(r("5兆4,005億").as_deref(), Some("5400500000000"));
        assert_eq!(r("1億2,345万6,789").as_deref(), Some("123456789"));
        assert_eq!(r("3億5千万").as_deref(), Some("350000000"));
        assert_eq!(r("1,234千").as_deref(), Some("1234000"));
        assert_eq!(r("12,345百万").as_deref(), Some("12345000000"));
        assert_eq!(r("1.5兆").as_deref(), Some("1500000000000"));
        assert_eq!(r("0.5").as_deref(), Some("0.5"));
        assert_eq!(r("1,234").as_deref(), Some("1234"));
    }

    #[test]
    fn groups_must_fall() {
        assert_eq!(r("1億12,000万"), None, "12,000万 is not below 1億");
        assert_eq!(r("5万3億"), None, "units out of order");
        assert_eq!(r("5万1万"), None, "unit repeated");
        assert_eq!(r("1万10,000"), None, "trailing group too large");
        assert_eq!(r("1万9,999").as_deref(), Some("19999"));
    }

    #[test]
    fn ranges_borrow_the_end_unit_and_must_rise() {
        let d = shipped();
        let rd = |t: &str| read(t, &d).unwrap();
        let (a, b) = range(rd("300"), rd("500億")).unwrap();
        assert_eq!((a.to_string(), b.to_string()), ("30000000000".into(), "50000000000".into()));
        let (a, _) = range(rd("300億"), rd("500億")).unwrap();
        assert_eq!(a.to_string(), "30000000000");
        let (a, b) = range(rd("3"), rd("5 billion")).unwrap();
        assert_eq!((a.to_string(), b.to_string()), ("3000000000".into(), "5000000000".into()));
        assert!(range(rd("500"), rd("300億")).is_none());
        assert!(range(rd("3 million"), rd("5")).is_none(), "`$3 million to 5 companies`");
    }
}
