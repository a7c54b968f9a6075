//! The tense of the sentence around a date expression, for the anchoring
//! pass: a bare month, weekday, season or quarter in a past-tense sentence
//! is the previous occurrence before the reference date, in a future one
//! (`will`, 予定) the next one (as the news mode of rule-based taggers does).
//!
//! The rule is deliberately small and measured (`docs/dates.md`,
//! `cargo run --example date_eval`): the marker nearest to the expression
//! in its sentence decides.
//!
//! * English future: `will`, `shall`, `'ll`, `going to`, `plans to`, `is to`,
//!   `are to`, `scheduled`, `expected to`, `upcoming`;
//! * English past: `was`, `were`, `had`, `did`, `ago`, and a lower-case word
//!   ending in `ed` (not after a capital: `United` is not a verb);
//! * Japanese: the end of the sentence after the expression; `た`, `ました`,
//!   `でした`, `だった` are past; `予定`, `見込み`, `ます`, `する` and `たい`
//!   are future (Japanese non-past speaks of what is to come), except the
//!   stative `ています`, `おります`, `あります` (a state that holds now).
//!
//! A clause ends at `;` too.
//!
//! No marker: `Unknown`, and the reference year is taken as it is.

/// What the sentence says about the time of its event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Before the reference date.
    Past,
    /// After it.
    Future,
    /// No marker found.
    Unknown,
}

/// How far a sentence is searched on each side, in bytes.
const REACH: usize = 400;

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// What ends a sentence (or a clause, `; `) for the tense rule.
const SENTENCE_ENDS: [&str; 7] = ["。", ". ", ".\n", "\n\n", "? ", "! ", "; "];

/// Where the sentence that contains `at` starts: just after the last of
/// `ends` in `hay[lo..at]`, else `lo` (shared with the fiscal-year pass,
/// which looks back with its own reach and ends).
pub(super) fn sentence_start(hay: &str, lo: usize, at: usize, ends: &[&str]) -> usize {
    let before = &hay[lo..at];
    ends.iter().filter_map(|p| before.rfind(p).map(|i| lo + i + p.len())).max().unwrap_or(lo)
}

/// The sentence around `start..end`: from after the previous sentence end
/// (`. `, `。`, a blank line) to the next one, at most `REACH` bytes away.
fn sentence(hay: &str, start: usize, end: usize) -> (usize, usize) {
    let lo = floor_boundary(hay, start.saturating_sub(REACH));
    let hi = ceil_boundary(hay, (end + REACH).min(hay.len()));
    let after = &hay[end..hi];
    let e = SENTENCE_ENDS.iter().filter_map(|p| after.find(p).map(|i| end + i + p.len())).min().unwrap_or(hi);
    (sentence_start(hay, lo, start, &SENTENCE_ENDS), e)
}

const FUTURE_EN: [&str; 10] =
    ["will", "shall", "'ll", "going to", "plans to", "is to", "are to", "scheduled", "expected to", "upcoming"];
const PAST_EN: [&str; 5] = ["was", "were", "had", "did", "ago"];
/// Words that name no time of their own: `would` (a future seen from the
/// past, `it would try to launch by June 4`) and `could` keep the reference
/// year, as a sentence without a marker does.
const NEUTRAL_EN: [&str; 2] = ["would", "could"];

/// Marker positions (offset in `text`, tense) of English words.
fn english_markers(text: &str, out: &mut Vec<(usize, Tense)>) {
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'\'';
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() || (i > 0 && is_word(bytes[i - 1])) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < bytes.len() && is_word(bytes[j]) {
            j += 1;
        }
        let word = &text[i..j];
        let rest = &text[i..];
        let multi =
            |m: &str| rest.starts_with(m) && rest[m.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if FUTURE_EN.iter().any(|m| multi(m)) || word.ends_with("'ll") {
            out.push((i, Tense::Future));
        } else if NEUTRAL_EN.contains(&word) {
            out.push((i, Tense::Unknown));
        } else if PAST_EN.contains(&word)
            || (word.len() > 4 && word.ends_with("ed") && bytes[i].is_ascii_lowercase() && word != "need")
        {
            out.push((i, Tense::Past));
        }
        i = j;
    }
}

/// The tense of the Japanese sentence end after the expression.
fn japanese_tense(after: &str) -> Tense {
    let end = after.trim_end_matches(['。', '\n', ' ', '」', '）', ')']);
    let past = ["ました", "でした", "だった", "た"];
    let future = ["予定です", "予定", "見込み", "見込まれる", "ます", "する", "たい"];
    // ～ている, ～あります: a state that holds now, not an event to come.
    let stative = ["ています", "ております", "います", "おります", "あります", "ている", "いる", "ある"];
    // `たい` (a wish) is future: no stative or past ending ends with `い`.
    if stative.iter().any(|p| end.ends_with(p)) {
        return Tense::Unknown;
    }
    if past.iter().any(|p| end.ends_with(p)) {
        Tense::Past
    } else if future.iter().any(|f| end.ends_with(f)) {
        Tense::Future
    } else {
        Tense::Unknown
    }
}

/// The tense of the sentence around `start..end` of `hay`.
pub fn tense_at(hay: &str, start: usize, end: usize) -> Tense {
    // 十二月分家計収支: the figures "for December" are of a month gone by.
    if hay[end..].starts_with('分') {
        return Tense::Past;
    }
    let (s, e) = sentence(hay, start, end);
    let text = &hay[s..e];
    if text.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)) {
        return japanese_tense(&hay[end..e]);
    }
    let mut markers = Vec::new();
    english_markers(text, &mut markers);
    let at = start - s;
    markers
        .iter()
        .filter(|(i, _)| *i < at || *i >= end - s)
        .min_by_key(|(i, _)| if *i < at { at - i } else { i - (end - s) })
        .map_or(Tense::Unknown, |(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str, expr: &str) -> Tense {
        let at = text.find(expr).unwrap();
        tense_at(text, at, at + expr.len())
    }

    #[test]
    fn english_markers_nearest_wins() {
        assert_eq!(t("The ministry hired staff in August.", "August"), Tense::Past);
        assert_eq!(t("It will hire more in November.", "November"), Tense::Future);
        assert_eq!(t("The United States meets in March.", "March"), Tense::Unknown);
        assert_eq!(t("He said talks will resume in May.", "May"), Tense::Future);
        assert_eq!(t("Talks in May were held. It will meet in June.", "May"), Tense::Past);
        assert_eq!(t("It issued a warning that it would launch by June 4.", "June 4"), Tense::Unknown);
    }

    #[test]
    fn japanese_sentence_ends() {
        assert_eq!(t("8月に会談を行いました。", "8月"), Tense::Past);
        assert_eq!(t("11月に訪問する予定です。", "11月"), Tense::Future);
        assert_eq!(t("4月に開催されます。", "4月"), Tense::Future);
        assert_eq!(t("4月の会合", "4月"), Tense::Unknown);
        assert_eq!(t("4月以降、多くの人が来日しております。", "4月"), Tense::Unknown);
        assert_eq!(t("▽十二月分家計収支", "十二月"), Tense::Past);
        assert_eq!(t("It hired staff in August; it will hire in May.", "August"), Tense::Past);
    }
}
