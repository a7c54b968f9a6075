//! Normalized text → acronym definition [`Candidate`]s, after Schwartz &
//! Hearst (2003), "A simple algorithm for identifying abbreviation
//! definitions in biomedical text".
//!
//! A short form is a parenthesized token (`(SSA)`); its long form is found
//! in the `min(|A| + 5, 2|A|)` words before the parenthesis by matching the
//! short form's characters right to left, the first one at the start of a
//! word. The candidate's span is the short form; its reference is the long
//! form.

use super::Candidate;
use crate::compile::Compiled;
use crate::normalize::{collapse_space, Normalized};
use crate::rules::RuleSource;

/// Pushes the definitions found by `schwartz-hearst` rules to `out`.
pub fn find(c: &Compiled, hay: &str, out: &mut Vec<Candidate>) {
    for (i, rule) in c.rules.iter().enumerate() {
        if !matches!(&rule.source, RuleSource::Detector { name } if name == "schwartz-hearst") {
            continue;
        }
        for open in memchr::memchr_iter(b'(', hay.as_bytes()) {
            if let Some(cand) = definition(hay, open, c.acronyms.max_short_len) {
                let (s, e, long_s, long_e) = cand;
                let mut value = Normalized::value(collapse_space(&hay[long_s..long_e]));
                value.reference = Some((long_s, long_e));
                out.push(Candidate::computed(s, e, i as u32, value));
            }
        }
    }
}

/// `(short_start, short_end, long_start, long_end)` for the parenthesis at
/// `open`, when it defines an acronym.
fn definition(hay: &str, open: usize, max_len: usize) -> Option<(usize, usize, usize, usize)> {
    let rest = &hay[open + 1..];
    let close = rest.find(')')?;
    let inner = &rest[..close];
    let short = inner.trim();
    if !is_short_form(short, max_len) {
        return None;
    }
    let s = open + 1 + (inner.len() - inner.trim_start().len());
    let letters = short.chars().filter(|c| c.is_alphanumeric()).count();
    let window = (letters + 5).min(letters * 2);
    let before = hay[..open].trim_end();
    // Start of the window: `window` words back from the parenthesis.
    let mut start = before.len();
    for _ in 0..window {
        let trimmed = before[..start].trim_end();
        match after_last_space(trimmed) {
            Some(p) => start = p,
            None => {
                start = 0;
                break;
            }
        }
    }
    let candidate = &before[start..];
    let long_rel = best_long_form(short, candidate)?;
    let long_s = start + long_rel;
    let long = &before[long_s..];
    if long.chars().count() <= short.chars().count() || long.contains(short) {
        return None;
    }
    Some((s, s + short.len(), long_s, before.len()))
}

fn is_short_form(s: &str, max_len: usize) -> bool {
    let n = s.chars().count();
    (2..=max_len).contains(&n)
        && s.chars().next().is_some_and(char::is_alphanumeric)
        && s.chars().any(|c| c.is_ascii_uppercase())
        && !s.contains(char::is_whitespace)
}

/// Offset in `long` where the long form of `short` starts (Schwartz &
/// Hearst's `findBestLongForm`).
fn best_long_form(short: &str, long: &str) -> Option<usize> {
    let s: Vec<char> = short.chars().map(|c| c.to_ascii_lowercase()).collect();
    let l: Vec<(usize, char)> = long.char_indices().map(|(i, c)| (i, c.to_ascii_lowercase())).collect();
    let mut si = s.len() as isize - 1;
    let mut li = l.len() as isize - 1;
    while si >= 0 {
        let cur = s[si as usize];
        if !cur.is_alphanumeric() {
            si -= 1;
            continue;
        }
        while li >= 0 && (l[li as usize].1 != cur || (si == 0 && li > 0 && l[li as usize - 1].1.is_alphanumeric())) {
            li -= 1;
        }
        if li < 0 {
            return None;
        }
        li -= 1;
        si -= 1;
    }
    let at = l[(li + 1) as usize].0;
    // Back up to the start of the word.
    Some(after_last_space(&long[..at]).unwrap_or(0))
}

/// Offset just past the last whitespace character of `s`.
fn after_last_space(s: &str) -> Option<usize> {
    s.char_indices().rev().find(|(_, c)| c.is_whitespace()).map(|(i, c)| i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_space_situational_awareness() {
        let hay = "the annual Space Situational Awareness (SSA) exercise";
        let (s, e, ls, le) = definition(hay, hay.find('(').unwrap(), 10).unwrap();
        assert_eq!(&hay[s..e], "SSA");
        assert_eq!(&hay[ls..le], "Space Situational Awareness");
    }

    #[test]
    fn rejects_non_definitions() {
        for hay in ["held in Tokyo (Singapore)", "the page (1)", "a trip (see 6(2))"] {
            assert!(definition(hay, hay.find('(').unwrap(), 10).is_none(), "{hay}");
        }
    }
}
