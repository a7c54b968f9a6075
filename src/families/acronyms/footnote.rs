//! Footnoted acronyms in Japanese white papers: the short form carries a
//! note mark, `FATF(注1)` or `金融活動作業部会(FATF)(注1)`, and the note, on a
//! line of its own further on, spells the English long form, maybe with the
//! Japanese one in brackets and `の略`:
//!
//! ```text
//! FATF(注1)、APG(注2)等の枠組みの下 …
//! 注1:Financial Action Task Force(金融活動作業部会)の略
//! 注2:The Asia/Pacific Group on Money Launderingの略
//! ```
//!
//! The English long form (a leading `The` left out) is letter-checked as a
//! note line's gloss; rule `definition-reversed` reports it. The Japanese
//! one in the note's bracket is rule `definition-japanese`'s, and only for a
//! bare short form (`FATF(注1)`): a bracketed one (`金融活動作業部会(FATF)`) has
//! its Japanese long form before the bracket already. Found from the literal
//! `(注` (the view folds `（注`), so text without notes costs one substring
//! search.

use super::align::{acceptable_delimited, spells_whole};
use super::short_form::{is_acronym_word, ShortForm};
use super::Definition;
use crate::families::acronyms::settings::AcronymSettings;
use crate::text::is_cjk;

/// A byte range of the text.
type Span = (usize, usize);

/// A footnoted short form and the long forms its note gives.
pub struct Footnoted {
    /// The definition with the English long form.
    pub english: Definition,
    /// The Japanese long form in the note's bracket, for a bare short form.
    pub japanese: Option<(usize, usize)>,
}

/// The footnoted short form whose note mark `(注N)` opens at `open`, when
/// its note spells its letters. The detectors call it from their own scan
/// for `(`, for a `(` before `注`, so that text without notes costs nothing
/// more.
pub fn at(hay: &str, open: usize, s: &AcronymSettings) -> Option<Footnoted> {
    let digits_at = open + "(注".len();
    if !hay[open..].starts_with("(注") {
        return None;
    }
    let n = hay[digits_at..].bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 3 || hay.as_bytes().get(digits_at + n) != Some(&b')') {
        return None;
    }
    let (sf, bare) = short_form(hay, open, s)?;
    let mark = &hay[digits_at..digits_at + n];
    let (english, japanese) = note(hay, digits_at + n, mark)?;
    let text = &hay[english.0..english.1];
    let letters = sf.match_letters();
    let whole = spells_whole(&letters, text, s) && acceptable_delimited(sf.text, sf.letters(), text, s);
    whole.then(|| Footnoted { english: Definition::new(&sf, english), japanese: japanese.filter(|_| bare) })
}

/// True when the `(` at `open` may open a note mark: `注` (`E6 B3 A8`)
/// follows. The first check of [`at`], inlined into the detectors' scans.
#[inline]
pub fn is_mark(hay: &str, open: usize) -> bool {
    hay.as_bytes().get(open + 1) == Some(&0xE6) && hay[open..].starts_with("(注")
}

/// The short form before the note mark at `open`: a strong acronym word
/// right before it (bare), or alone in the bracket that ends there.
fn short_form<'h>(hay: &'h str, open: usize, s: &AcronymSettings) -> Option<(ShortForm<'h>, bool)> {
    let before = &hay[..open];
    let (a, b, bare) = if let Some(inner) = before.strip_suffix(')') {
        let o = inner.rfind('(').filter(|&o| inner.len() - o <= s.max_short_len + 2)?;
        (o + 1, inner.len(), false)
    } else {
        let a = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || "-/&".contains(c)))
            .map_or(0, |(i, c)| i + c.len_utf8());
        (a, open, true)
    };
    let sf = ShortForm::parse(&hay[a..b], a, s)?;
    (sf.qualifiers().next().is_none() && is_acronym_word(sf.acronym_word(), s)).then_some((sf, bare))
}

/// The note `注{mark}:` after `from`: the span of
/// its English text (to a bracket, Japanese text or the line's end, a
/// leading `The` left out) and of a Japanese name in a bracket after it.
fn note(hay: &str, from: usize, mark: &str) -> Option<(Span, Option<Span>)> {
    // Not only at a line's start: the view joins a line break between CJK
    // characters, blank lines too, so a note usually follows the text.
    let needle = format!("注{mark}:");
    let at = from + hay[from..].find(&needle)? + needle.len();
    let line = &hay[at..hay[at..].find('\n').map_or(hay.len(), |e| at + e)];
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    let rest_start = at + lead;
    let skip = if rest.starts_with("The ") { "The ".len() } else { 0 };
    let len = rest.find(|c: char| c == '(' || is_cjk(c)).unwrap_or(rest.len());
    let english = rest[skip..len].trim_end();
    if !english.starts_with(|c: char| c.is_ascii_alphabetic()) || !english.is_ascii() {
        return None;
    }
    let span = (rest_start + skip, rest_start + skip + english.len());
    let japanese = rest[len..].strip_prefix('(').and_then(|j| {
        let close = j.find(')')?;
        let name = &j[..close];
        let a = rest_start + len + 1;
        (name.chars().any(is_cjk) && !name.contains(|c: char| c.is_ascii_alphabetic())).then_some((a, a + close))
    });
    Some((span, japanese))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(t: &str) -> Vec<(String, String, Option<String>)> {
        memchr::memchr_iter(b'(', t.as_bytes())
            .filter(|&open| is_mark(t, open))
            .filter_map(|open| at(t, open, &AcronymSettings::default()))
            .map(|f| {
                let e = f.english;
                (
                    t[e.short.0..e.short.1].to_string(),
                    t[e.long.0..e.long.1].to_string(),
                    f.japanese.map(|(a, b)| t[a..b].to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn notes_give_long_forms() {
        let t = "FATF(注1)、APG(注2)等\n注1:Financial Action Task Force(金融活動作業部会)の略\n注2:The Asia/Pacific Group on Money Launderingの略\n";
        assert_eq!(
            pairs(t),
            [
                ("FATF".into(), "Financial Action Task Force".into(), Some("金融活動作業部会".into())),
                ("APG".into(), "Asia/Pacific Group on Money Laundering".into(), None),
            ]
        );
        let t = "金融活動作業部会(FATF)(注1)\n注1:Financial Action Task Force(金融活動作業部会)の略";
        assert_eq!(pairs(t), [("FATF".into(), "Financial Action Task Force".into(), None)]);
    }

    #[test]
    fn not_notes() {
        // No note line, a note that spells other letters, a page reference,
        // a word that is not an acronym.
        for t in [
            "FATF(注1)の枠組み",
            "FATF(注1)\n注1:Asia Pacific Group\n",
            "APIS(注1)\n注1:25頁参照\n",
            "Japan(注1)\n注1:Japan Air Lines\n",
            "FATF(注)\n注:Financial Action Task Force\n",
        ] {
            assert!(pairs(t).is_empty(), "{t}");
        }
    }
}
