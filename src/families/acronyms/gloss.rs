//! The PDF-gloss artifact → a definition with flag `pdf_gloss`.
//!
//! Some PDF extractions of Japanese white papers print the English gloss of
//! an acronym *inside* the acronym, each on its own line:
//!
//! ```text
//! 宇宙状況監視（S
//!
//! Space Situational Awareness
//! SA）
//! ```
//!
//! is SSA = Space Situational Awareness. The normalized view folds the
//! full-width brackets to `(` `)` and keeps the Latin line breaks, so a
//! bracket holding exactly three lines — a prefix and a suffix of ASCII
//! letters that join into an acronym, and between them a phrase of two or
//! more words whose letters match the acronym — is this artifact. The row's
//! span runs from the prefix to the suffix; the long form is the gloss.

use memchr::memchr_iter;

use super::align::{right_to_left, window_words, Mode};
use super::short_form::{is_acronym_word, letters_of};
use super::Definition;
use crate::families::acronyms::settings::AcronymSettings;

/// An interleaved gloss: the acronym split around its English long form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gloss {
    /// The acronym, prefix and suffix joined (`SSA`).
    pub short: String,
    /// From the prefix's start to the suffix's end.
    pub span: (usize, usize),
    /// The gloss line.
    pub gloss: (usize, usize),
}

/// The `)` closing the bracket at `open`, within 300 bytes, with no other
/// bracket in between (the gloss spans lines, so blank lines are allowed).
pub fn close_bracket(hay: &str, open: usize) -> Option<usize> {
    let end = (open + 300).min(hay.len());
    let rel = hay.as_bytes()[open + 1..end].iter().position(|&b| b == b')' || b == b'(')?;
    (hay.as_bytes()[open + 1 + rel] == b')').then_some(open + 1 + rel)
}

/// Reads `hay[start..end]` (a bracket's inside) as an interleaved gloss.
pub fn parse(hay: &str, start: usize, end: usize, s: &AcronymSettings) -> Option<Gloss> {
    let inner = &hay[start..end];
    if !inner.contains('\n') {
        return None;
    }
    let mut lines = Vec::new();
    let mut at = start;
    for line in inner.split('\n') {
        let t = line.trim();
        if !t.is_empty() {
            let a = at + (line.len() - line.trim_start().len());
            lines.push((a, a + t.len()));
        }
        at += line.len() + 1;
    }
    let [prefix, gloss, suffix] = lines[..] else { return None };
    let piece_ok = |(a, b): (usize, usize)| hay[a..b].bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-');
    if !piece_ok(prefix) || !piece_ok(suffix) {
        return None;
    }
    let short = format!("{}{}", &hay[prefix.0..prefix.1], &hay[suffix.0..suffix.1]);
    if !is_acronym_word(&short, s) || short.len() > s.max_short_len {
        return None;
    }
    let text = &hay[gloss.0..gloss.1];
    let words_ok = text.split_whitespace().count() >= 2
        && text.starts_with(|c: char| c.is_ascii_uppercase())
        && text.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || "-'’.,&".contains(c));
    let letters = letters_of(&short);
    if !words_ok
        || right_to_left(&letters, text, Mode::Extended, s).is_none()
        || window_words(text, Mode::Extended, s) > s.window(letters.len())
    {
        return None;
    }
    Some(Gloss { short, span: (prefix.0, suffix.1), gloss })
}

/// Pushes the English definition of every interleaved gloss.
pub fn find(hay: &str, s: &AcronymSettings, out: &mut Vec<Definition>) {
    for open in memchr_iter(b'(', hay.as_bytes()) {
        let Some(close) = close_bracket(hay, open) else { continue };
        if let Some(g) = parse(hay, open + 1, close, s) {
            out.push(Definition { short: g.span, long: g.gloss, key: g.short, pdf_gloss: true });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gloss(t: &str) -> Option<(String, String, String)> {
        let open = t.find('(')?;
        let close = close_bracket(t, open)?;
        let g = parse(t, open + 1, close, &AcronymSettings::default())?;
        Some((g.short, t[g.span.0..g.span.1].to_string(), t[g.gloss.0..g.gloss.1].to_string()))
    }

    #[test]
    fn the_three_seed_artifacts() {
        let (short, span, long) = gloss("宇宙状況監視(S\n\nSpace Situational Awareness\nSA)や").unwrap();
        assert_eq!((short.as_str(), long.as_str()), ("SSA", "Space Situational Awareness"));
        assert_eq!(span, "S\n\nSpace Situational Awareness\nSA");
        let (short, _, long) = gloss("センター(C\n\nCooperative Cyber Defence Centre of Excellence\nCDCOE)が").unwrap();
        assert_eq!((short.as_str(), long.as_str()), ("CCDCOE", "Cooperative Cyber Defence Centre of Excellence"));
        let (short, _, long) = gloss("国際会議」(C\nInternational Conference on Cyber Conflict\n\nyCon)への").unwrap();
        assert_eq!((short.as_str(), long.as_str()), ("CyCon", "International Conference on Cyber Conflict"));
    }

    #[test]
    fn not_a_gloss() {
        assert_eq!(gloss("(SSA)"), None);
        assert_eq!(gloss("(S\nSpace Situational Awareness)"), None);
        assert_eq!(gloss("(N\nSpace Situational Awareness\nX)"), None, "letters do not match");
        assert_eq!(gloss("(宇宙\n状況\n監視)"), None);
    }
}
