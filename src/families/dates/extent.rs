//! Extent modifiers: the words that TimeML 1.2.1 keeps inside a duration's
//! or a time's extent (its `mod`: `less than four months`, `nearly three
//! hours`, `around 10:44 p.m.`, `10年以上`), added to the date rows after
//! overlap resolution.
//!
//! The patterns leave these words out: a leading optional word in the
//! date patterns cost the whole date group a measured 2% of its
//! instructions (round 2 of issue 12). Here they cost a few byte
//! comparisons per duration or time row. The value is unchanged (TIMEX3
//! keeps `P4M` and says `LESS_THAN` in `mod`, which yomitori does not
//! write; `docs/dates.md`).
//!
//! * **Before a duration** (English, at a word boundary, one space between):
//!   `less than`, `more than`, `fewer than`, `nearly`, `almost`, `about`,
//!   `around`, `approximately`, `roughly`, `at least`, each also with a
//!   capital; not `over`, `under` or `up to`, which are as often signals
//!   (`over the past year`).
//! * **Before a time:** `around`, `about`, `approximately`.
//! * **After a Japanese duration:** 以上, 余り, 近く (`10年以上`, `3年余り`).
//! * **Before a Japanese duration:** the determiner この (`この100日間`).
//! * **After a time:** its time zone, after one space (`6:56 P.M. EDT`,
//!   `14:30 JST`): TimeML keeps the zone inside the extent. The value
//!   stays the local clock time.
//! * **A determiner before an adjective** (`a day-long event`): the article
//!   belongs to the noun phrase, so the row is `day-long`.
//!
//! A row is never widened over another date row.

use crate::compile::Compiled;
use crate::matchers::{Candidate, Value};

/// Words before a duration, lower-case (a capital first letter matches too).
const BEFORE_DURATION: &[&str] = &[
    "less than",
    "more than",
    "fewer than",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "at least",
];

/// Words before a time.
const BEFORE_TIME: &[&str] = &["around", "about", "approximately"];

/// Words after a Japanese duration.
const AFTER_DURATION_JA: &[&str] = &["以上", "余り", "近く"];

/// Words before a Japanese duration.
const BEFORE_DURATION_JA: &[&str] = &["この"];

/// Time zones after a time (one space before, a non-letter after).
const TIME_ZONES: &[&str] = &["EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "JST", "ET"];

/// The length of the time zone (and its space) that `after` starts with.
fn zone_after(after: &str) -> Option<usize> {
    let rest = after.strip_prefix(' ')?;
    let zone = TIME_ZONES.iter().find(|z| rest.starts_with(**z))?;
    let edge = rest[zone.len()..].chars().next().is_none_or(|ch| !ch.is_alphanumeric());
    edge.then_some(zone.len() + 1)
}

/// The TIMEX3 type of a candidate: its value's type, else its rule's.
fn timex_type<'a>(c: &'a Compiled, cand: &'a Candidate) -> &'a str {
    let computed = match &cand.value {
        Value::Computed(n) => n.ty,
        Value::Term(_) => None,
    };
    computed.unwrap_or(&c.rules[cand.rule as usize].ty)
}

/// The length of the modifier (and its space) that `before` ends with.
fn modifier_before(before: &str, words: &[&str]) -> Option<usize> {
    let head = before.strip_suffix(' ')?;
    words.iter().find_map(|w| {
        let n = w.len();
        let tail = head.get(head.len().checked_sub(n)?..)?;
        let (t, w) = (tail.as_bytes(), w.as_bytes());
        let same = t[0].eq_ignore_ascii_case(&w[0]) && t[1..] == w[1..];
        let edge = head[..head.len() - n].chars().next_back().is_none_or(|ch| !ch.is_alphanumeric());
        (same && edge).then_some(n + 1)
    })
}

/// The pass: widens duration and time rows over their modifiers.
pub fn widen(c: &Compiled, hay: &str, cands: &mut [Candidate]) {
    let mut order: Vec<usize> =
        (0..cands.len()).filter(|&i| c.rules[cands[i].rule as usize].kind == super::KIND).collect();
    order.sort_by_key(|&i| (cands[i].start, cands[i].end));
    let mut prev_end = 0;
    for (k, &i) in order.iter().enumerate() {
        let next_start = order.get(k + 1).map_or(hay.len(), |&j| cands[j].start);
        let (start, end) = (cands[i].start, cands[i].end);
        let (duration, time) = {
            let ty = timex_type(c, &cands[i]);
            (ty == "DURATION", ty == "TIME")
        };
        let words = if duration {
            BEFORE_DURATION
        } else if time {
            BEFORE_TIME
        } else {
            prev_end = prev_end.max(end);
            continue;
        };
        let text = &hay[start..end];
        let mut new_start = start;
        if let Some(n) = modifier_before(&hay[..start], words) {
            new_start = start - n;
        } else if duration && text.ends_with("-long") {
            if let Some(rest) = text.strip_prefix("a ").or_else(|| text.strip_prefix("an ")) {
                new_start = end - rest.len();
            }
        }
        if duration && new_start == start {
            if let Some(w) = BEFORE_DURATION_JA.iter().find(|w| hay[..start].ends_with(**w)) {
                new_start = start - w.len();
            }
        }
        if new_start >= prev_end {
            cands[i].start = new_start;
        }
        if time {
            if let Some(n) = zone_after(&hay[end..]) {
                if end + n <= next_start {
                    cands[i].end = end + n;
                }
            }
        }
        if duration {
            let after = &hay[end..];
            if let Some(w) = AFTER_DURATION_JA.iter().find(|w| after.starts_with(**w)) {
                if end + w.len() <= next_start {
                    cands[i].end = end + w.len();
                }
            }
        }
        prev_end = prev_end.max(cands[i].end);
    }
}

#[cfg(test)]
mod tests {
    use super::{modifier_before, zone_after, BEFORE_DURATION};

    #[test]
    fn a_time_zone_needs_one_space_and_an_edge() {
        assert_eq!(zone_after(" EDT, the launch"), Some(4));
        assert_eq!(zone_after(" ET."), Some(3));
        assert_eq!(zone_after(" JST"), Some(4));
        assert_eq!(zone_after(" ETA of the ship"), None);
        assert_eq!(zone_after("EDT"), None);
        assert_eq!(zone_after(" Estonia"), None);
    }

    #[test]
    fn a_modifier_needs_its_space_and_a_word_edge() {
        let m = |before: &str| modifier_before(before, BEFORE_DURATION);
        assert_eq!(m("for less than "), Some("less than ".len()));
        assert_eq!(m("Nearly "), Some("Nearly ".len()));
        assert_eq!(m("（約）about "), Some("about ".len()));
        assert_eq!(m("sabout "), None);
        assert_eq!(m("about"), None);
        assert_eq!(m("about  "), None);
        // Multi-byte text right before: no panic, no match.
        assert_eq!(m("以上の期間 "), None);
        assert_eq!(m(""), None);
    }
}
