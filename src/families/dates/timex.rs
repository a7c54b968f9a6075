//! The `timex` normalizer: TIMEX3 durations (`three years` → `P3Y`, 48時間 →
//! `PT48H`), sets (`annually` → `P1Y`, 毎週 → `P1W`, `twice a year` → `P1Y`
//! with `freq=2X`) and vague references (`now` → `PRESENT_REF`, 近年 →
//! `PAST_REF`, 今後 → `FUTURE_REF`).
//!
//! These values are never anchored: a duration is a length, not a position
//! on the calendar, and a reference word stays a reference word.
//!
//! Captures: `amount` and `unit` (a duration, or with `set` a set's period);
//! `count` (how many times per period: `twice`, 年3回); `ref` (a reference
//! word); `half` (半年: half of the unit; with `amount`, 4年半 → `P4Y6M`);
//! `years` (the years before a number of months: 8年8か月 → `P8Y8M`);
//! `amount_range` (the first amount of `four to six months`: the amount is
//! vague, `PXM`).

use super::names::{self, TimeUnit};
use crate::normalize::{Fields, Flags, Normalized, Resources};

/// The TIMEX3 duration of `n` units (`None`: a vague amount, `X`).
fn duration(n: Option<u32>, unit: TimeUnit, scale: u32) -> String {
    let (time, mut letter, mut factor) = match unit {
        TimeUnit::Year => (false, "Y", 1),
        TimeUnit::Month => (false, "M", 1),
        TimeUnit::Week => (false, "W", 1),
        TimeUnit::Day => (false, "D", 1),
        TimeUnit::Hour => (true, "H", 1),
        TimeUnit::Minute => (true, "M", 1),
        TimeUnit::Season | TimeUnit::Quarter => (false, "M", 3),
    };
    // Decades and centuries keep their TIMEX3 units: P2DE, P1CE.
    match scale {
        10 => (letter, factor) = ("DE", 1),
        100 => (letter, factor) = ("CE", 1),
        _ => {}
    }
    let t = if time { "T" } else { "" };
    match n {
        Some(n) => format!("P{t}{}{letter}", n * factor),
        None => format!("P{t}X{letter}"),
    }
}

fn count(text: &str) -> Option<u32> {
    match text.trim().to_ascii_lowercase().as_str() {
        "once" => Some(1),
        "twice" => Some(2),
        "three times" | "thrice" => Some(3),
        other => names::amount(other.trim_end_matches(" times"))?,
    }
}

/// The `timex` normalizer.
pub fn timex(f: &Fields<'_>, _res: &Resources) -> Option<Normalized> {
    let get = |name: &str| f.named().find(|(n, _)| *n == name).map(|(_, t)| t);
    if let Some(word) = get("ref") {
        let value = match crate::normalize::collapse_space(&word.to_ascii_lowercase()).as_str() {
            "now" | "currently" | "at present" | "presently" | "nowadays" | "現在" | "現時点" | "目下" | "今日" => {
                "PRESENT_REF"
            }
            "recently" | "lately" | "in the past" | "the past" | "近年" | "先ほど" | "先般" | "先日" | "かつて"
            | "最近" => "PAST_REF",
            "in the future" | "the future" | "soon" | "今後" | "将来" => "FUTURE_REF",
            _ => return None,
        };
        return Some(Normalized::value(value));
    }
    if let (Some(w), Some(_)) = (get("weekday"), get("set")) {
        // 毎週水曜日, every Wednesday: TIMEX3 XXXX-WXX-3.
        let value = format!("XXXX-WXX-{}", names::weekday(w)?);
        return Some(Normalized { ty: Some("SET"), ..Normalized::value(value) });
    }
    let (unit, scale) = names::unit(get("unit")?)?;
    let amount = match (get("amount"), get("half")) {
        (Some(a), Some(_)) if unit == TimeUnit::Year => {
            // 4年半, `two and a half years`: the years and six months.
            let value = match names::amount(a)? {
                Some(n) => format!("P{n}Y6M"),
                None => duration(None, unit, scale),
            };
            return Some(Normalized { ty: Some("DURATION"), ..Normalized::value(value) });
        }
        (_, Some(_)) => {
            // 半年 is six months; 半日, 半月 are left vague.
            return Some(Normalized {
                ty: Some("DURATION"),
                ..Normalized::value(if unit == TimeUnit::Year {
                    "P6M".to_string()
                } else {
                    duration(None, unit, scale)
                })
            });
        }
        // `four to six months`: TimeML leaves the amount of a range vague.
        (Some(_), None) if get("amount_range").is_some() => None,
        (Some(a), None) => names::amount(a)?,
        (None, None) => Some(1),
    };
    if get("set").is_some() {
        let mut flags = Flags::default();
        if let Some(n) = get("count").and_then(count) {
            flags.insert(format!("freq={n}X"));
        }
        let every = amount.unwrap_or(1);
        return Some(Normalized { ty: Some("SET"), flags, ..Normalized::value(duration(Some(every), unit, scale)) });
    }
    if let (Some(y), Some(m), TimeUnit::Month) = (get("years"), amount, unit) {
        // 8年8か月: the years, then the months (P8Y8M).
        let years = names::amount(y)??;
        return Some(Normalized { ty: Some("DURATION"), ..Normalized::value(format!("P{years}Y{m}M")) });
    }
    Some(Normalized { ty: Some("DURATION"), ..Normalized::value(duration(amount, unit, scale)) })
}
