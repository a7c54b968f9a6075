//! Text inside a parenthesis → [`ShortForm`]: is it an acronym, and which
//! of its words is the acronym proper.
//!
//! The extended detectors accept at most two words, one of which is an
//! *acronym word*: ASCII letters and digits, maybe joined by `-`, `/`, `&`,
//! `+`, `'`, `.` or a bracketed part (`AML/CFT`, `ADMM-Plus`, `3'-UTR`,
//! `Su(fu)`), with at least two letters and either
//!
//! * at least `min_capitals` capital letters (a *strong* acronym word: `SSA`,
//!   `CyCon`, `ReCAAP`, `T4P`, `PKOs`), or
//! * a capital or a digit and at most `few_capitals_max_len` letters (a
//!   *weak* one: `Hb`, `mAb`, `Hsp90`), so that `(Singapore)`,
//!   `(September)` and `(Da'esh)` are not short forms.
//!
//! The other word is a *qualifier* (`UN PKOs`, `PKO Act`, `SDG 4`). `G20`
//! has one letter: a name, not a short form. Roman numerals (`II`, `IV`)
//! are not short forms. `(1)`, `(December 2019)` and `(see 6(2) on page
//! 268)` have no acronym word.

use crate::families::acronyms::settings::AcronymSettings;

/// A short form candidate as written.
#[derive(Clone, Debug)]
pub struct ShortForm<'h> {
    /// The text (trimmed, quotes removed).
    pub text: &'h str,
    /// Its offset in the haystack.
    pub offset: usize,
    /// Word spans within `text` (one or two).
    words: [(usize, usize); 2],
    /// Number of words.
    n: usize,
    /// Index of the acronym word (the last one when both are).
    acronym: usize,
}

impl<'h> ShortForm<'h> {
    /// Parses `text` (at `offset` in the haystack) as a short form.
    pub fn parse(text: &'h str, offset: usize, s: &AcronymSettings) -> Option<ShortForm<'h>> {
        if text.is_empty() || text.len() > 64 || !text.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return None;
        }
        let mut words = [(0, 0); 2];
        let mut n = 0;
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (c.is_whitespace(), start) {
                (true, Some(st)) => {
                    *words.get_mut(n)? = (st, i);
                    n += 1;
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if let Some(st) = start {
            *words.get_mut(n)? = (st, text.len());
            n += 1;
        }
        let words_n = &words[..n];
        // The strongest acronym word; the last one among equals.
        let acronym = (0..words_n.len())
            .max_by_key(|&i| (strength(&text[words[i].0..words[i].1], s), i))
            .filter(|&i| strength(&text[words[i].0..words[i].1], s) > Strength::None)?;
        for (i, &(a, b)) in words_n.iter().enumerate() {
            if i != acronym && !is_qualifier(&text[a..b]) {
                return None;
            }
        }
        let (a, b) = words[acronym];
        if alnum_count(&text[a..b]) > s.max_short_len {
            return None;
        }
        Some(ShortForm { text, offset, words, n, acronym })
    }

    /// The short form with whitespace collapsed: the key of mentions and of
    /// the glossary.
    pub fn key(&self) -> String {
        crate::normalize::collapse_space(self.text)
    }

    /// Letters and digits in the whole short form (`|A|` of the window).
    pub fn letters(&self) -> usize {
        alnum_count(self.text)
    }

    /// The acronym word.
    pub fn acronym_word(&self) -> &'h str {
        let (a, b) = self.words[self.acronym];
        &self.text[a..b]
    }

    /// The words other than the acronym word.
    pub fn qualifiers(&self) -> impl Iterator<Item = &'h str> + '_ {
        let text = self.text;
        self.words[..self.n]
            .iter()
            .enumerate()
            .filter(move |(i, _)| *i != self.acronym)
            .map(move |(_, &(a, b))| &text[a..b])
    }

    /// True when the acronym word is a plural (`PKOs`, `FTFs`).
    pub fn is_plural(&self) -> bool {
        is_plural(self.acronym_word())
    }

    /// The lowercase letters and digits to match, without the plural `s` of
    /// the last word.
    pub fn match_letters(&self) -> Vec<char> {
        let mut out = letters_of(self.text);
        if self.acronym + 1 == self.n && self.is_plural() {
            out.pop();
        }
        out
    }
}

/// How much a word looks like an acronym.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Not an acronym word.
    None,
    /// One capital or digit, short (`Hb`, `mAb`).
    Weak,
    /// At least `min_capitals` capitals (`SSA`, `CyCon`).
    Strong,
}

/// The [`Strength`] of `w` as an acronym word (see the module docs).
pub fn strength(w: &str, s: &AcronymSettings) -> Strength {
    let b = w.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else { return Strength::None };
    if !first.is_ascii_alphanumeric() || !(last.is_ascii_alphanumeric() || last == b')') {
        return Strength::None;
    }
    let (mut capitals, mut letters, mut digits, mut depth) = (0, 0, 0, 0i32);
    for &c in b {
        match c {
            b'A'..=b'Z' => {
                capitals += 1;
                letters += 1;
            }
            b'a'..=b'z' => letters += 1,
            b'0'..=b'9' => digits += 1,
            b'-' | b'/' | b'&' | b'+' | b'\'' | b'.' => {}
            b'(' => depth += 1,
            b')' => depth -= 1,
            _ => return Strength::None,
        }
        if depth < 0 {
            return Strength::None;
        }
    }
    if depth != 0 || letters < 2 || b.iter().all(|c| matches!(c, b'I' | b'V' | b'X')) {
        return Strength::None;
    }
    if capitals >= s.min_capitals {
        Strength::Strong
    } else if (capitals > 0 || digits > 0) && letters <= s.few_capitals_max_len {
        Strength::Weak
    } else {
        Strength::None
    }
}

/// True for a strong acronym word (see [`strength`]).
pub fn is_acronym_word(w: &str, s: &AcronymSettings) -> bool {
    strength(w, s) == Strength::Strong
}

/// True for a plural acronym word: a final `s` after a capital or digit,
/// with capitals before it (`PKOs`, `SSAs`, but not `Sys`).
pub fn is_plural(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3
        && b[b.len() - 1] == b's'
        && (b[b.len() - 2].is_ascii_uppercase() || b[b.len() - 2].is_ascii_digit())
        && b[..b.len() - 1].iter().filter(|c| c.is_ascii_uppercase()).count() >= 2
}

/// A qualifier word: letters and digits, maybe joined by `-` (`Act`,
/// `Japan-Australia`, `4`).
fn is_qualifier(w: &str) -> bool {
    !w.is_empty()
        && w.split('-').all(|p| !p.is_empty() && p.chars().all(char::is_alphanumeric))
        && w.chars().next().is_some_and(char::is_alphanumeric)
}

/// Number of letters and digits.
pub fn alnum_count(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

/// The lowercase letters and digits of `s`, in order.
pub fn letters_of(s: &str) -> Vec<char> {
    s.chars().filter(|c| c.is_alphanumeric()).map(lower).collect()
}

/// Lowercase of one character (its first lowercase character).
pub fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Quote characters stripped around either form.
pub fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '«' | '»')
}

/// `s[a..b]` without surrounding whitespace and quotes, as a range of `s`.
pub fn trim_quotes(s: &str, a: usize, b: usize) -> (usize, usize) {
    let inner = &s[a..b];
    let t = inner.trim_start_matches(|c: char| c.is_whitespace() || is_quote(c));
    let start = a + (inner.len() - t.len());
    let t = t.trim_end_matches(|c: char| c.is_whitespace() || is_quote(c));
    (start, start + t.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(t: &str) -> Option<ShortForm<'_>> {
        ShortForm::parse(t, 0, &AcronymSettings::default())
    }

    #[test]
    fn acronym_words() {
        for ok in ["SSA", "CyCon", "ReCAAP", "AML/CFT", "IFC-IOR", "ADMM-Plus", "T4P", "TICAD7", "PKOs", "GSMaP"] {
            assert_eq!(strength(ok, &AcronymSettings::default()), Strength::Strong, "{ok}");
            assert!(parse(ok).is_some(), "{ok}");
        }
        for weak in ["Hb", "mAb", "Cx43", "Su(fu)", "Tlr4"] {
            assert_eq!(strength(weak, &AcronymSettings::default()), Strength::Weak, "{weak}");
        }
        for no in
            ["G20", "Singapore", "September", "1", "Da'esh", "December 2019", "see 6(2) on page 268", "A", "II", "eya"]
        {
            assert!(parse(no).is_none(), "{no}");
        }
    }

    #[test]
    fn qualified_short_forms() {
        let s = parse("UN PKOs").unwrap();
        assert_eq!(s.acronym_word(), "PKOs");
        assert!(s.is_plural());
        assert_eq!(s.match_letters().iter().collect::<String>(), "unpko");
        let s = parse("PKO Act").unwrap();
        assert_eq!(s.acronym_word(), "PKO");
        assert_eq!(s.qualifiers().collect::<Vec<_>>(), ["Act"]);
        assert!(parse("Kyoto Congress").is_none());
        assert!(parse("Budapest Convention").is_none());
    }

    #[test]
    fn plural_needs_capitals_before_the_s() {
        assert!(is_plural("SSAs"));
        assert!(!is_plural("SSA"));
        assert!(!is_plural("Sys"));
        assert!(!is_plural("AIDS"), "a capital S is a letter of the acronym");
    }

    #[test]
    fn quotes_are_trimmed() {
        let s = " “ACSA” ";
        let (a, b) = trim_quotes(s, 0, s.len());
        assert_eq!(&s[a..b], "ACSA");
    }
}
