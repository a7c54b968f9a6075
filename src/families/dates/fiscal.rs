//! Fiscal years: Japanese (April–March, the default) or U.S. federal
//! (October–September), chosen per expression (`--fiscal-year`).
//!
//! The normalizers give every fiscal year the Japanese reading, because the
//! rules target Japanese official texts. This pass, run before anchoring,
//! re-reads English fiscal years as U.S. federal ones when asked to
//! (`--fiscal-year us`), or, in the default `auto` mode, when the text
//! signals a U.S. year. The signals, in the expression or in the text from
//! the start of its sentence (at most 300 bytes before it):
//!
//! * `U.S.`, `US`, `United States`, `American`, `federal`, `Federal`;
//! * a U.S. institution: `Congress`, `Pentagon`, `Department of`, `DOD`,
//!   `DoD`, `USAID`, `State Department`, `White House`, `Senate`, `House of
//!   Representatives`, `appropriations`, `Appropriations`.
//!
//! A document that has used the U.S. year keeps to it for its later English
//! fiscal years, unless their sentence names `Japan`. Japanese fiscal years
//! (年度) are never re-read. A re-read row gets the
//! flag `us_fiscal_year`; `FY2020` becomes `2019-10/2020-09`.

use super::value::{DateValue, Point};
use crate::compile::Compiled;
use crate::matchers::{Candidate, Value};
use crate::passes::PassContext;

/// Which fiscal year an English `FY2020` or `fiscal year 2020` is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FiscalYear {
    /// U.S. federal when the text signals it (see the module doc), else Japanese.
    #[default]
    Auto,
    /// Always the Japanese April–March year.
    Jp,
    /// Always the U.S. federal October–September year (English only).
    Us,
}

impl FiscalYear {
    /// The name [`FromStr`](std::str::FromStr) reads: `auto`, `jp` or `us`.
    pub fn as_str(self) -> &'static str {
        match self {
            FiscalYear::Auto => "auto",
            FiscalYear::Jp => "jp",
            FiscalYear::Us => "us",
        }
    }
}

impl std::str::FromStr for FiscalYear {
    type Err = String;
    fn from_str(s: &str) -> Result<FiscalYear, String> {
        match s {
            "auto" => Ok(FiscalYear::Auto),
            "jp" => Ok(FiscalYear::Jp),
            "us" => Ok(FiscalYear::Us),
            other => Err(format!("expected jp, us or auto, found `{other}`")),
        }
    }
}

const SIGNALS: [&str; 20] = [
    "U.S.",
    "US ",
    "United States",
    "American",
    "federal",
    "Federal",
    "Congress",
    "Pentagon",
    "Department of",
    "DOD",
    "DoD",
    "USAID",
    "State Department",
    "White House",
    "Senate",
    "House of Representatives",
    "appropriations",
    "Appropriations",
    "U.S ",
    "USG",
];

/// How far back a signal is looked for, in bytes.
const REACH: usize = 300;

/// The text from the start of the sentence of `start..end` to its end.
fn sentence_before(hay: &str, start: usize, end: usize) -> &str {
    let mut lo = start.saturating_sub(REACH);
    while !hay.is_char_boundary(lo) {
        lo += 1;
    }
    &hay[super::tense::sentence_start(hay, lo, start, &["。", ". ", "\n\n"])..end]
}

/// A U.S. signal in `sentence` ([`sentence_before`]).
fn signalled(sentence: &str) -> bool {
    SIGNALS.iter().any(|sig| sentence.contains(sig))
}

/// The U.S. federal reading of a fiscal year value read as Japanese.
fn as_us(v: &DateValue) -> Option<DateValue> {
    let y = v.start.known_year()?;
    let end_year = v.end.and_then(|e| e.known_year()).map_or(y, |e| e - 1);
    Some(DateValue { start: Point::month(Some(y - 1), 10), end: Some(Point::month(Some(end_year), 9)), ..*v })
}

/// The pass: re-reads English fiscal years as U.S. ones by `mode`.
pub fn resolve(c: &Compiled, cx: &mut PassContext<'_>, cands: &mut [Candidate], mode: FiscalYear) {
    if mode == FiscalYear::Jp {
        return;
    }
    let hay = cx.hay;
    let mut order: Vec<usize> =
        (0..cands.len()).filter(|&i| c.rules[cands[i].rule as usize].kind == super::KIND).collect();
    order.sort_by_key(|&i| (cands[i].start, cands[i].end));
    // Once a document uses the U.S. year, it keeps to it unless a sentence
    // names Japan.
    let UsSeen(mut us_seen) = cx.carried();
    for i in order {
        let cand = &mut cands[i];
        let Value::Computed(n) = &mut cand.value else { continue };
        let Some(v) = n.payload::<DateValue>().copied() else { continue };
        let text = &hay[cand.start..cand.end];
        let english = text.is_ascii() || !text.contains('年');
        if !(v.fiscal || (english && v.end.is_some() && is_fiscal_range(text))) {
            continue;
        }
        // A Japanese fiscal year named in English: `Japan`, `Japanese` in
        // the sentence.
        let sentence = sentence_before(hay, cand.start, cand.end);
        let us = match mode {
            FiscalYear::Us => true,
            _ => signalled(sentence) || (us_seen && !sentence.contains("Japan")),
        };
        if !english || !us {
            continue;
        }
        us_seen = true;
        let Some(us) = as_us(&v) else { continue };
        n.value = us.render();
        n.flags.insert("us_fiscal_year");
        n.payload = Some(std::sync::Arc::new(us));
    }
    cx.carry(UsSeen(us_seen));
}

/// Whether an earlier section of the document used the U.S. fiscal year.
#[derive(Default)]
struct UsSeen(bool);

/// `fiscal years 2014 to 2019`, `FY2014–FY2019`: a range of fiscal years
/// written in English (its value is the Japanese reading of its ends).
fn is_fiscal_range(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    t.contains("fiscal") || t.contains("fy")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn us_reading() {
        let v = DateValue::fiscal_year(Some(2020));
        assert_eq!(as_us(&v).unwrap().render(), "2019-10/2020-09");
        let signalled_at = |hay: &str, start, end| signalled(sentence_before(hay, start, end));
        assert!(signalled_at("the U.S. Department of Defense budget for FY2021", 41, 47));
        assert!(!signalled_at("Japan's defense budget for FY2021", 27, 33));
        assert!(!signalled_at("The U.S. agreed. Japan's budget for FY2021", 36, 42));
    }
}
