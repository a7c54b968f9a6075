//! Parenthesized definitions in English text, in both orders:
//!
//! * [`long_short`]: `Space Situational Awareness (SSA)`, the extended
//!   Schwartz & Hearst (short-form shapes in [`super::short_form`], long-form
//!   extensions in [`super::align`]);
//! * [`short_long`]: `SSA (Space Situational Awareness)`;
//! * [`known_long_form`]: `International Conference on Cyber Conflict
//!   (CyCon)`, where the text before the parenthesis ends with a long form
//!   the known-expansions file lists for the short form, and letter matching
//!   cuts it short (`Cyber Conflict`) or cannot match it (`UNESCO
//!   Associated Schools Network (ASPnet)`).
//!
//! A parenthesis right after Japanese text is left to [`super::japanese`].

use std::borrow::Cow;

use memchr::{memchr2_iter, memchr_iter};

use super::align::{self, long_form, region_end, region_start, spells_whole, token_start, Mode};
use super::short_form::{is_acronym_word, trim_quotes, ShortForm};
use super::{numeral, Definition};
use crate::families::acronyms::settings::AcronymSettings;
use crate::text::is_cjk;

/// The `)` that closes the `(` at `open`, nesting counted, within 200 bytes
/// and before a blank line.
pub fn close_paren(hay: &str, open: usize) -> Option<usize> {
    let bytes = hay.as_bytes();
    let mut depth = 0usize;
    let end = (open + 200).min(bytes.len());
    let mut newline = false;
    for (i, &b) in bytes[open..end].iter().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            b'\n' if newline => return None,
            b'\n' => newline = true,
            b' ' | b'\t' | b'\r' => {}
            _ => newline = false,
        }
    }
    None
}

/// The short form inside the parenthesis at `open`..`close`: cut at `, ` or
/// `; ` as Schwartz & Hearst do, and at ` or ` after an acronym word
/// (`International Space Station (ISS or Station)`), quotes and spaces
/// trimmed, and a possessive `’s` left out (`Agency’s (IAEA’s)`: the short
/// form is `IAEA`).
fn inner_short_form<'h>(hay: &'h str, open: usize, close: usize, s: &AcronymSettings) -> Option<ShortForm<'h>> {
    let inner = &hay[open + 1..close];
    let bytes = inner.as_bytes();
    // Byte scans, not substring searches: setting up a searcher for each
    // bracket cost more than the rest of this function.
    let comma = memchr2_iter(b',', b';', bytes).find(|&i| bytes.get(i + 1) == Some(&b' '));
    let or = memchr::memchr(b' ', bytes).filter(|&i| inner[i..].starts_with(" or ") && is_acronym_word(&inner[..i], s));
    let cut = comma.into_iter().chain(or).min().unwrap_or(inner.len());
    let (a, b) = trim_quotes(hay, open + 1, open + 1 + cut);
    let b = a + possessive_stem(&hay[a..b]).len();
    ShortForm::parse(&hay[a..b], a, s)
}

/// `text` without a final possessive `’s` or `'s`.
fn possessive_stem(text: &str) -> &str {
    text.strip_suffix("’s").or_else(|| text.strip_suffix("'s")).unwrap_or(text)
}

/// End of the long-form candidate before the parenthesis at `open`
/// ([`region_end`]), without a final possessive, whether the short form
/// has it (`the International Atomic Energy Agency’s (IAEA’s)` ends at
/// `Agency`) or not (`the Department of Defense's (DOD) budget`: the
/// possessive belongs to the sentence, not to the name).
fn long_region_end(hay: &str, start: usize, open: usize) -> usize {
    let end = region_end(hay, start, open);
    start + possessive_stem(&hay[start..end]).len()
}

/// True when the parenthesis at `open` follows Japanese text.
fn after_japanese(hay: &str, open: usize) -> bool {
    hay[..open].trim_end_matches([' ', '\t']).chars().next_back().is_some_and(is_cjk)
}

/// `Long Form (LF)`: the extended Schwartz & Hearst.
pub fn long_short(hay: &str, s: &AcronymSettings, out: &mut Vec<Definition>) {
    for open in memchr2_iter(b'(', b'[', hay.as_bytes()) {
        if after_japanese(hay, open) {
            continue;
        }
        let square = hay.as_bytes()[open] == b'[';
        let close = if square { close_square(hay, open, s) } else { close_paren(hay, open) };
        let Some(close) = close else { continue };
        let Some(sf) = inner_short_form(hay, open, close, s) else {
            if !square {
                let (a, b) = trim_quotes(hay, open + 1, close);
                out.extend(numeral::letters_and_number(hay, a, b, open, s));
            }
            continue;
        };
        // In square brackets, only a strong acronym word: `[3H]` and `[Ca]`
        // are chemistry, `[12]` a citation.
        if square && (sf.qualifiers().next().is_some() || !is_acronym_word(sf.acronym_word(), s)) {
            continue;
        }
        let start = region_start(hay, open, align::region_words(&sf, s), s);
        let end = long_region_end(hay, start, open);
        if end <= start {
            continue;
        }
        let long = long_form(&sf, hay, start, end, s)
            .or_else(|| numeral::repeated_letter(&sf, hay, open, s))
            .or_else(|| before_head_noun(&sf, hay, start, end, s))
            .or_else(|| align::shared_head(&sf, hay, start, end, s));
        if let Some(long) = long {
            out.push(Definition::new(&sf, (office_head(hay, start.min(long.0), long.0), long.1)));
        }
    }
}

/// The `]` that closes the `[` at `open` when a short form fits in between:
/// `the Extended Deterrence Dialogue [EDD]`.
fn close_square(hay: &str, open: usize, s: &AcronymSettings) -> Option<usize> {
    let bytes = hay.as_bytes();
    let end = (open + 1 + s.max_short_len + 8).min(bytes.len());
    let i = bytes[open + 1..end].iter().position(|&b| matches!(b, b']' | b'[' | b'\n'))?;
    (bytes[open + 1 + i] == b']').then_some(open + 1 + i)
}

/// `the Women, Peace and Security agenda (“WPS”)`: when no long form ends
/// at the bracket, one or two lowercase words before it (a head noun the
/// acronym leaves out: agenda, initiative, framework) are passed over and
/// the long form ends before them. It must then be a proper name, so that
/// a lowercase phrase's letters are not spread over the words before.
fn before_head_noun(
    sf: &ShortForm<'_>,
    hay: &str,
    start: usize,
    end: usize,
    s: &AcronymSettings,
) -> Option<(usize, usize)> {
    let mut cut = end;
    for _ in 0..2 {
        let text = hay[start..cut].trim_end();
        let w = token_start(text, text.len());
        let word = &text[w..];
        if w == 0 || !word.chars().all(|c| c.is_ascii_lowercase()) || s.is_stop_word(word) {
            return None;
        }
        cut = start + text[..w].trim_end().len();
        if let Some(long) = long_form(sf, hay, start, cut, s) {
            return align::is_proper_name(&hay[long.0..long.1], s).then_some(long);
        }
    }
    None
}

/// Heads of an office's name that its acronym leaves out: `Office of
/// Cooperative Threat Reduction (CTR)` is the office, not the task.
const OFFICE_HEADS: [&str; 4] = ["Office of the ", "Office of ", "Bureau of the ", "Bureau of "];

/// `long` moved left over an [`OFFICE_HEADS`] right before it (within the
/// region from `start`), when the long form is capitalized.
fn office_head(hay: &str, start: usize, long: usize) -> usize {
    if !hay[long..].starts_with(|c: char| c.is_ascii_uppercase()) {
        return long;
    }
    let before = &hay[start..long];
    OFFICE_HEADS
        .iter()
        .find(|h| {
            before.ends_with(*h)
                && before[..before.len() - h.len()].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
        })
        .map_or(long, |h| long - h.len())
}

/// `LF (Long Form)`: an acronym word right before a parenthesis that holds
/// its whole long form, the first letter on the first word. Weak acronym
/// words need a digit here (`Cks1`, not `Sea”`).
pub fn short_long(hay: &str, s: &AcronymSettings, out: &mut Vec<Definition>) {
    note_lines(hay, s, out);
    for open in memchr_iter(b'(', hay.as_bytes()) {
        if super::footnote::is_mark(hay, open) {
            out.extend(super::footnote::at(hay, open, s).map(|f| f.english));
            continue;
        }
        let Some(close) = close_paren(hay, open) else { continue };
        if let Some(def) = inside_gloss(hay, open, close, s).or_else(|| dash_gloss(hay, open, close, s)) {
            out.push(def);
            continue;
        }
        let (a, b) = trim_quotes(hay, open + 1, close);
        // `APEC(Asia-Pacific Economy Cooperation:アジア太平洋経済協力)`: the
        // English half only (the Japanese half is the Japanese detector's).
        let (a, b) = super::japanese::bilingual(&hay[a..b]).map_or((a, b), |(en, _)| (a + en.0, a + en.1));
        let inner = &hay[a..b];
        if inner.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).count() < 2
            || !inner.starts_with(char::is_alphabetic)
            || ShortForm::parse(inner, a, s).is_some()
        {
            continue;
        }
        let before = hay[..open].trim_end_matches([' ', '\t']);
        // The word ends at a space, a bracket or Japanese text: `海上共同演習「AUMX(ASEAN-U.S. Maritime Exercise)」`.
        let word_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace() || "([{".contains(c) || is_cjk(c))
            .map_or(0, |(p, c)| p + c.len_utf8());
        let (wa, wb) = trim_quotes(hay, word_start, before.len());
        let Some(sf) = ShortForm::parse(&hay[wa..wb], wa, s) else { continue };
        // A strong acronym word, or a weak one with a digit (`Cks1`): other
        // weak words before a parenthesis (`Sea”`) are mostly words.
        let word = sf.acronym_word();
        if sf.qualifiers().next().is_some()
            || !(is_acronym_word(word, s) || word.contains(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        let letters = sf.match_letters();
        let whole = spells_whole(&letters, inner, s);
        if !whole || !align::acceptable(sf.text, sf.letters(), inner, Mode::Extended, s) {
            continue;
        }
        out.push(Definition::new(&sf, (a, b)));
    }
}

/// `(CTBT:Comprehensive Nuclear-Test-Ban-Treaty)`: the short form and its
/// English long form in one bracket, joined by a colon (often after the
/// Japanese long form, which [`super::japanese`] reports). The letters must
/// match from the gloss's first word, or the gloss is listed for the short
/// form in the known-expansions file (`NPT:Treaty on the Non-Proliferation
/// of Nuclear Weapons`, whose letters are in another order).
pub(super) fn inside_gloss(hay: &str, open: usize, close: usize, s: &AcronymSettings) -> Option<Definition> {
    // A short form has at most `max_short_len` characters: its colon (ASCII,
    // or the lead byte of `：`) is near the bracket, after it or (the
    // English long form first: `(International Maritime Organization; IMO)`)
    // before its end.
    // After Japanese text a comma separates too: `国連開発計画(UNDP, United
    // Nations Development Programme)`.
    let bytes = hay.as_bytes();
    let comma = after_japanese(hay, open);
    let separator = |b: &u8| matches!(b, b':' | b';' | 0xEF) || (comma && matches!(b, b',' | 0xE3));
    let head = || {
        bytes[open + 1..close.min(open + 2 + s.max_short_len + 2)].iter().any(separator).then_some(())?;
        super::japanese::colon_gloss(hay, open + 1, close, comma)
    };
    let tail = || {
        bytes[close.saturating_sub(s.max_short_len + 4).max(open + 1)..close].iter().any(separator).then_some(())?;
        super::japanese::tail_gloss(hay, open + 1, close, comma)
    };
    let ((a, b), (ga, gb)) = head().or_else(tail)?;
    let sf = ShortForm::parse(&hay[a..b], a, s)?;
    if !is_acronym_word(sf.acronym_word(), s) {
        return None;
    }
    let gloss = &hay[ga..gb];
    let letters = sf.match_letters();
    let whole = spells_whole(&letters, gloss, s);
    let known = || {
        s.known.as_ref().is_some_and(|k| {
            k.long_forms(sf.text).any(|l| crate::normalize::collapse_space(gloss).eq_ignore_ascii_case(l))
        })
    };
    ((whole && align::acceptable_delimited(sf.text, sf.letters(), gloss, s)) || known())
        .then(|| Definition::new(&sf, (ga, gb)))
}

/// `IPCC:Intergovernmental Panel on Climate Change` on a line of its own,
/// the way notes and glossaries define: at the start of a line (after a
/// bullet, `- `, `* `, `• `, `・`), a strong acronym word, a separator (a
/// colon, a tab, or a spaced `–`, `—`, `-` or `=`), and a proper name whose
/// letters match from its first word. The name ends at the end of the line
/// or at Japanese text (`NEPAD:New Partnership for Africa’s Development
/// アフリカ諸国が…`); trailing words with a digit or without a lowercase
/// letter are left out (`MEM:Major Economies Meeting G8、…`). `Note: The …`
/// and `Source: BP` are not acronyms; `NB: This …` does not match.
fn note_lines(hay: &str, s: &AcronymSettings, out: &mut Vec<Definition>) {
    let bytes = hay.as_bytes();
    let starts = std::iter::once(0).chain(memchr_iter(b'\n', bytes).map(|i| i + 1));
    for line in starts {
        // Most lines start with a word that is not followed by a separator:
        // read bytes, and only the first word.
        let mut a = line;
        while bytes.get(a).is_some_and(|&b| b == b' ' || b == b'\t') {
            a += 1;
        }
        if !bytes.get(a).is_some_and(u8::is_ascii_uppercase) {
            let text = &hay[a..];
            let Some(rest) = ["- ", "* ", "• ", "・"].iter().find_map(|b| text.strip_prefix(b)) else { continue };
            a = hay.len() - rest.trim_start_matches([' ', '\t']).len();
            if !bytes.get(a).is_some_and(u8::is_ascii_uppercase) {
                continue;
            }
        }
        let n = bytes[a..]
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b"-/&".contains(&b)))
            .unwrap_or(bytes.len() - a);
        if n > s.max_short_len + 2 || !bytes.get(a + n).is_some_and(|&b| matches!(b, b':' | b' ' | b'\t')) {
            continue;
        }
        let body = &hay[a..];
        let Some(sep) = separator(&body[n..]) else { continue };
        let Some(sf) = ShortForm::parse(&body[..n], a, s) else { continue };
        if sf.text.len() != n || sf.qualifiers().next().is_some() || !is_acronym_word(sf.acronym_word(), s) {
            continue;
        }
        let from = a + n + sep;
        let rest = &hay[from..];
        let end = rest.find(|c: char| c == '\n' || c == '(' || !(c.is_ascii() || c == '’')).unwrap_or(rest.len());
        let phrase = &rest[..end];
        let la = from + (phrase.len() - phrase.trim_start().len());
        let mut lb = from + phrase.trim_end().len();
        // `ABC: ` and nothing after it on the line.
        if lb <= la {
            continue;
        }
        while let Some(w) = hay[la..lb].rfind(' ').map(|i| la + i + 1) {
            let word = &hay[w..lb];
            if word.contains(|c: char| c.is_ascii_digit()) || !word.contains(|c: char| c.is_ascii_lowercase()) {
                lb = w - 1;
            } else {
                break;
            }
        }
        lb = la + hay[la..lb].trim_end_matches(|c: char| c.is_ascii_punctuation() && c != '\'' || c == ' ').len();
        let long = &hay[la..lb];
        if long.split_whitespace().count() < 2
            || !long.starts_with(|c: char| c.is_ascii_uppercase())
            || !align::is_proper_name(long, s)
        {
            continue;
        }
        let letters = sf.match_letters();
        let whole = spells_whole(&letters, long, s);
        if whole && align::acceptable_delimited(sf.text, sf.letters(), long, s) {
            out.push(Definition::new(&sf, (la, lb)));
        }
    }
}

/// Length of the separator a note line puts after its short form: a colon
/// (spaces before it allowed), a tab, or a spaced `–`, `—`, `-` or `=`.
fn separator(after: &str) -> Option<usize> {
    let spaced = after.trim_start_matches(' ');
    if let Some(rest) = spaced.strip_prefix(':') {
        return Some(after.len() - rest.len());
    }
    if after.starts_with('\t') {
        return Some(1);
    }
    if spaced.len() == after.len() {
        return None;
    }
    ["– ", "— ", "- ", "= "].iter().find_map(|d| spaced.strip_prefix(d)).map(|rest| after.len() - rest.len())
}

/// `(Islamic Group – IG)`: a long form of two words or more, a dash with a
/// space on each side (`–`, `—`, `-`), and its short form, in one bracket
/// (often after the name in another language). The letters must match
/// from the long form's first word, as in `SSA (Space Situational
/// Awareness)`.
fn dash_gloss(hay: &str, open: usize, close: usize, s: &AcronymSettings) -> Option<Definition> {
    let inner = &hay[open + 1..close];
    let (at, dash) = [" – ", " — ", " - "].iter().filter_map(|d| inner.rfind(d).map(|i| (i, d.len()))).max()?;
    let (a, b) = trim_quotes(hay, open + 1 + at + dash, close);
    let sf = ShortForm::parse(&hay[a..b], a, s)?;
    if sf.qualifiers().next().is_some() || !is_acronym_word(sf.acronym_word(), s) {
        return None;
    }
    let (la, lb) = trim_quotes(hay, open + 1, open + 1 + at);
    let long = &hay[la..lb];
    if long.split_whitespace().count() < 2 || !long.starts_with(char::is_alphabetic) {
        return None;
    }
    let letters = sf.match_letters();
    let whole = spells_whole(&letters, long, s);
    (whole && align::acceptable(sf.text, sf.letters(), long, Mode::Extended, s)).then(|| Definition::new(&sf, (la, lb)))
}

/// `Long Form (LF)` where `Long Form` is listed for `LF` in the
/// known-expansions file and letter matching finds another long form or
/// none; the longest listed long form wins.
pub fn known_long_form(hay: &str, s: &AcronymSettings, out: &mut Vec<Definition>) {
    let Some(known) = &s.known else { return };
    for open in memchr_iter(b'(', hay.as_bytes()) {
        if after_japanese(hay, open) {
            continue;
        }
        let Some(close) = close_paren(hay, open) else { continue };
        let Some(sf) = inner_short_form(hay, open, close, s) else { continue };
        let key = if sf.text.contains(char::is_whitespace) { sf.key().into() } else { Cow::Borrowed(sf.text) };
        let longest = known.longest_words(&key);
        if longest == 0 {
            continue;
        }
        let start = region_start(hay, open, longest + 1, s);
        let end = long_region_end(hay, start, open);
        let best = known.long_forms(&key).filter_map(|l| align::ends_with_words(hay, start, end, l)).min();
        // Only where letter matching finds another long form, or none: the
        // same long form is the `acronym-long-short` detector's to report.
        if let Some(a) = best.filter(|&a| long_form(&sf, hay, start, end, s) != Some((a, end))) {
            out.push(Definition::new(&sf, (a, end)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_parenthesis() {
        let t = "x (see 6(2) on page 268) y";
        assert_eq!(&t[close_paren(t, 2).unwrap()..], ") y");
        assert_eq!(close_paren("(SSA\n\nrest)", 0), None);
        assert_eq!(close_paren("(SSA\nrest)", 0), Some(9));
    }

    fn defs(f: fn(&str, &AcronymSettings, &mut Vec<Definition>), t: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        f(t, &AcronymSettings::default(), &mut out);
        out.iter().map(|d| (t[d.short.0..d.short.1].to_string(), t[d.long.0..d.long.1].to_string())).collect()
    }

    #[test]
    fn note_lines_at_the_edges() {
        for t in ["ABC: \nx", "ABC:", "ABC:\t\n", "• ABC – ", "ABC -", "ABC\t", "- "] {
            assert!(defs(short_long, t).is_empty(), "{t:?}");
        }
        // The default settings have no stop words: a name without them.
        assert_eq!(defs(short_long, "注1\nDSN:Deep Space Network\n"), [("DSN".into(), "Deep Space Network".into())]);
    }

    #[test]
    fn both_orders() {
        let t = "the annual Space Situational Awareness (SSA) exercise";
        assert_eq!(defs(long_short, t), [("SSA".into(), "Space Situational Awareness".into())]);
        assert!(defs(short_long, t).is_empty());
        let t = "the annual SSA (Space Situational Awareness) exercise";
        assert_eq!(defs(short_long, t), [("SSA".into(), "Space Situational Awareness".into())]);
        assert!(defs(long_short, t).is_empty());
        assert!(defs(short_long, "the ISIL (Da'esh) and Al-Qaida").is_empty());
        assert!(defs(short_long, "the ARF (Regional Forum of Asia)").is_empty());
    }
}
