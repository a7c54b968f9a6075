//! The faithful base: Schwartz & Hearst (2003) as their reference Java
//! implementation (`ExtractAbbrev.java`, BioText) runs it, ported line for
//! line onto byte offsets so that every pair found becomes a row.
//!
//! The text is read line by line. A line that is empty, or that follows a
//! paragraph break and does not start with a capital letter, resets the
//! sentence buffer; other lines are appended with a space. In the buffer,
//! each ` (` opens a candidate:
//!
//! * the short form is the text up to the next `)` (up to the one after it
//!   when a `(` is nested), cut at `, ` or `; `;
//! * the long-form candidate is the text from the last `. ` or `, ` before
//!   the parenthesis;
//! * when the parenthesis holds more than two words, or more characters than
//!   the candidate before it, the order is reversed: the word before the
//!   parenthesis is the short form (it needs a capital) and the parenthesis
//!   holds the long form;
//! * a short form needs a letter and must start with a letter or digit;
//! * the best long form is found right to left (see [`super::align`]),
//!   then rejected when it is shorter than the short form, contains it as a
//!   word or ends with it, has more than `min(|A| + 5, 2|A|)` words (split at
//!   spaces and `-`), or when the short form has more than 10 letters and
//!   digits.
//!
//! The 5, 2 and 10 are `window_plus`, `window_times` and `max_short_len`
//! of `[settings.acronyms]`, whose defaults are the published values. Nothing else
//! in the settings applies: this detector is the reference the extended
//! ones are measured against (`docs/acronyms.md`).

use super::align::{self, Mode};
use super::Definition;
use crate::families::acronyms::settings::AcronymSettings;

/// Pushes every pair the reference algorithm finds in `hay`.
pub fn find(hay: &str, s: &AcronymSettings, out: &mut Vec<Definition>) {
    // The sentence buffer is always a contiguous range of `flat`, the text
    // with line breaks read as the spaces the reference appends, plus one
    // space after the last line.
    let mut flat = String::with_capacity(hay.len() + 1);
    flat.extend(hay.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }));
    flat.push(' ');
    let mut cs = 0..0;
    let mut new_paragraph = true;
    let mut line_start = 0;
    while line_start < hay.len() {
        let line_end = hay[line_start..].find('\n').map_or(hay.len(), |p| line_start + p);
        let line = hay[line_start..line_end].trim_end_matches('\r');
        let next = line_end + 1;
        if line.is_empty() || new_paragraph && !line.chars().next().is_some_and(char::is_uppercase) {
            cs = next..next;
            new_paragraph = true;
            line_start = next;
            continue;
        }
        new_paragraph = false;
        if cs.is_empty() {
            cs.start = line_start;
        }
        cs.end = next;
        sentence(&flat, &mut cs, s, out);
        line_start = next;
    }
}

/// The reference's inner `do ... while` over the sentence buffer `cs`.
fn sentence(flat: &str, cs: &mut std::ops::Range<usize>, s: &AcronymSettings, out: &mut Vec<Definition>) {
    let mut open = flat[cs.clone()].find(" (");
    loop {
        let cur = &flat[cs.clone()];
        let base = cs.start;
        let open_at = open.map(|o| o + 1);
        let mut pair = None;
        let mut close = 0;
        match open_at {
            None => {
                let end = cur.rfind(". ").max(cur.rfind(", "));
                if let Some(e) = end {
                    cs.start = base + e + 2;
                }
            }
            Some(o) => {
                if let Some(c) = cur[o..].find(')').map(|c| o + c) {
                    close = c;
                    let end = cur[..o].rfind(". ").max(cur[..o].rfind(", "));
                    let long = end.map_or(0, |e| e + 2)..o;
                    pair = Some((o + 1..c, long));
                }
            }
        }
        // Both empty (`. ()`): the reference reads the next line.
        let pair = pair.filter(|(short, long): &(std::ops::Range<usize>, std::ops::Range<usize>)| {
            !short.is_empty() || !long.is_empty()
        });
        match (pair, open_at) {
            (Some((mut short, long)), Some(o)) => {
                if chars(&cur[short.clone()]) > 1 && chars(&cur[long.clone()]) > 1 {
                    if cur[short.clone()].contains('(') {
                        if let Some(c2) = cur[close + 1..].find(')') {
                            close = close + 1 + c2;
                            short = o + 1..close;
                        }
                    }
                    for cut in [", ", "; "] {
                        if let Some(p) = cur[short.clone()].find(cut) {
                            short.end = short.start + p;
                        }
                    }
                    let mut long = long;
                    if cur[short.clone()].split_whitespace().count() > 2
                        || chars(&cur[short.clone()]) > chars(&cur[long.clone()])
                    {
                        // The long form is in the parenthesis.
                        let word = cur[..o - 1].rfind(' ').map_or(0, |p| p + 1);
                        long = short;
                        short = word..o - 1;
                        if !cur[short.clone()].chars().any(char::is_uppercase) {
                            short = 0..0;
                        }
                    }
                    if is_valid_short_form(&cur[short.clone()]) {
                        let short = trim(cur, short);
                        let long = trim(cur, long);
                        if let Some(d) = pair_of(cur, base, short, long, s) {
                            out.push(d);
                        }
                    }
                }
                cs.start = base + close + 1;
            }
            (None, Some(o)) => {
                if cur.len() - o > 200 {
                    cs.start = base + o + 1;
                }
                return;
            }
            _ => {}
        }
        open = flat[cs.clone()].find(" (");
        if open.is_none() {
            return;
        }
    }
}

/// `extractAbbrPair`: the best long form and the reference's checks.
fn pair_of(
    cur: &str,
    base: usize,
    short: std::ops::Range<usize>,
    long: std::ops::Range<usize>,
    s: &AcronymSettings,
) -> Option<Definition> {
    let sf = &cur[short.clone()];
    if chars(sf) == 1 {
        return None;
    }
    let candidate = &cur[long.clone()];
    let letters: Vec<char> = sf.chars().filter(|c| c.is_alphanumeric()).map(super::short_form::lower).collect();
    let found = align::right_to_left(&letters, candidate, Mode::Faithful, s)?;
    let start = candidate[..found.first].rfind(' ').map_or(0, |p| p + 1);
    let best = &candidate[start..];
    let words = best.split([' ', '\t', '\n', '\r', '\u{c}', '-']).filter(|t| !t.is_empty()).count();
    let size = letters.len();
    let rejected = chars(best) < chars(sf)
        || best.contains(&format!("{sf} "))
        || best.ends_with(sf)
        || words > s.window(size)
        || size > s.max_short_len;
    if rejected {
        return None;
    }
    Some(Definition {
        short: (base + short.start, base + short.end),
        long: (base + long.start + start, base + long.end),
        key: crate::normalize::collapse_space(sf),
        pdf_gloss: false,
    })
}

/// `isValidShortForm`: a letter somewhere, and a letter, digit or `(` first.
fn is_valid_short_form(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && s.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '(')
}

/// Java's `String.trim()` on a range of `cur`.
fn trim(cur: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let t = &cur[r.clone()];
    let a = r.start + (t.len() - t.trim_start_matches(|c: char| c <= ' ').len());
    let b = r.start + t.trim_end_matches(|c: char| c <= ' ').len();
    a..b.max(a)
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        find(text, &AcronymSettings::default(), &mut out);
        out.iter().map(|d| (text[d.short.0..d.short.1].to_string(), text[d.long.0..d.long.1].to_string())).collect()
    }

    #[test]
    fn reference_examples() {
        assert_eq!(
            pairs("The endoplasmic reticulum (ER) in cells and the heat shock protein (HSP) family."),
            [("ER".into(), "endoplasmic reticulum".into()), ("HSP".into(), "heat shock protein".into())]
        );
        // Long form in parentheses: the word before is the short form.
        assert_eq!(
            pairs("We used WASP (Wiskott-Aldrich syndrome protein) here."),
            [("WASP".into(), "Wiskott-Aldrich syndrome protein".into())]
        );
    }

    #[test]
    fn reference_quirks_are_kept() {
        // The candidate stops at `, `, so `U.S. Forces, Japan` is out of reach.
        assert!(pairs("Japan Self-Defense Forces and U.S. Forces, Japan (USFJ) met.").is_empty());
        // The first letter takes the nearest word start: `and ...`.
        assert_eq!(
            pairs("Signed the Acquisition and Cross-Servicing Agreement (ACSA) today."),
            [("ACSA".into(), "and Cross-Servicing Agreement".into())]
        );
        // A paragraph that starts in lower case is skipped.
        assert!(pairs("\nthe heat shock protein (HSP) family").is_empty());
        // No space before the parenthesis, no candidate.
        assert!(pairs("The heat shock protein(HSP) family").is_empty());
    }
}
