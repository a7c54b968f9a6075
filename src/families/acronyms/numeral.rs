//! Short forms where a number stands for words: `Group of Seven (G7)`,
//! `Group of Twenty (G20)`, `Group of 20 (G-20)` (the number spelled out or
//! written at the end of the long form), and `C4ISR`, where a letter and a
//! digit stand for that many words with the letter (`Command, Control,
//! Communications, Computers, Intelligence, Surveillance and
//! Reconnaissance`).
//!
//! A short form with a single letter is otherwise a name, not a definition
//! (`G7` alone, `the G-7 summit`): here the long form must end with the
//! number, and the letters before the number must match the words before
//! it, so a bare mention never makes a definition.

use super::align::{region_end, region_start, right_to_left, token_start, Mode};
use super::short_form::{letters_of, ShortForm};
use super::Definition;
use crate::families::acronyms::settings::AcronymSettings;

/// Number words a short form's number may stand for.
const CARDINALS: [(&str, u32); 28] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

/// `Group of Seven (G7)`: the short form at `a..b` (inside a parenthesis
/// that opens at `open`) is one to three capitals and a number.
pub fn letters_and_number(hay: &str, a: usize, b: usize, open: usize, s: &AcronymSettings) -> Option<Definition> {
    let short = &hay[a..b];
    let split = short.find(|c: char| !c.is_ascii_uppercase())?;
    let (letters, rest) = short.split_at(split);
    let digits = rest.strip_prefix('-').unwrap_or(rest);
    if !(1..=3).contains(&letters.len())
        || digits.is_empty()
        || digits.len() > 3
        || !digits.bytes().all(|d| d.is_ascii_digit())
    {
        return None;
    }
    let number: u32 = digits.parse().ok()?;
    let start = region_start(hay, open, 2 * letters.len() + 4, s);
    let end = region_end(hay, start, open);
    let text = &hay[start..end];
    let last = token_start(text, text.len());
    let word = text[last..].trim_matches(|c: char| !c.is_alphanumeric());
    let value = word.parse::<u32>().ok().or_else(|| {
        let w = word.to_ascii_lowercase();
        CARDINALS.iter().find(|(n, _)| *n == w).map(|&(_, v)| v)
    });
    if value != Some(number) || last == 0 {
        return None;
    }
    let head = text[..last].trim_end();
    let found = right_to_left(&letters_of(letters), head, Mode::Extended, s)?;
    let from = token_start(head, found.first);
    // Only the number and the letters' own words (and stop words).
    let words = head[from..].split_whitespace().filter(|w| !s.is_stop_word(w)).count();
    (words <= letters.len() + 1 && head[from..].starts_with(|c: char| c.is_uppercase())).then(|| Definition {
        short: (a, b),
        long: (start + from, end),
        key: short.to_string(),
        pdf_gloss: false,
    })
}

/// `C4ISR`: when the short form's letter and digit stand for that many
/// words with the letter, the long form of the spelled-out short form
/// (`CCCCISR`).
pub fn repeated_letter(sf: &ShortForm<'_>, hay: &str, open: usize, s: &AcronymSettings) -> Option<(usize, usize)> {
    let word = sf.acronym_word();
    let b = word.as_bytes();
    let i = b.windows(2).position(|w| w[0].is_ascii_uppercase() && (b'2'..=b'9').contains(&w[1]))?;
    if b[i + 2..].first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let times = usize::from(b[i + 1] - b'0');
    let expanded = format!("{}{}{}", &word[..i], word[i..=i].repeat(times), &word[i + 2..]);
    let letters = letters_of(&expanded);
    let start = region_start(hay, open, 2 * letters.len() + 2, s);
    let end = region_end(hay, start, open);
    initial_words(&letters, hay, start, end, s)
}

/// The words before `end` (back to `start`) whose initials are `letters`,
/// one word per letter, stop words passed over: the long form of a short
/// form whose digit counts words.
fn initial_words(letters: &[char], hay: &str, start: usize, end: usize, s: &AcronymSettings) -> Option<(usize, usize)> {
    let mut need = letters.iter().rev();
    let mut next = need.next();
    let mut at = end;
    for word in hay[start..end].split(|c: char| c.is_ascii_whitespace()).rev() {
        at -= word.len();
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        if !w.is_empty() && !s.is_stop_word(w) {
            let want = next?;
            if w.chars().next().map(super::short_form::lower) != Some(*want) {
                return None;
            }
            next = need.next();
            if next.is_none() {
                return Some((at, end));
            }
        }
        at = at.saturating_sub(1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(t: &str) -> Option<(String, String)> {
        let open = t.find('(')?;
        let close = t.find(')')?;
        let d = letters_and_number(t, open + 1, close, open, &AcronymSettings::default())?;
        Some((t[d.short.0..d.short.1].to_string(), t[d.long.0..d.long.1].to_string()))
    }

    #[test]
    fn letters_counted_by_a_digit() {
        let mut s = AcronymSettings { window_counts_stop_words: false, ..AcronymSettings::default() };
        s.stop_words = crate::families::acronyms::settings::StopWords::new(["and", "of", "the"]);
        let t = "Command, Control, Communications, Computers, Intelligence, Surveillance and Reconnaissance (C4ISR)";
        let open = t.find('(').unwrap();
        let sf = ShortForm::parse("C4ISR", open + 1, &s).unwrap();
        let long = repeated_letter(&sf, t, open, &s).unwrap();
        assert_eq!(&t[long.0..long.1], &t[..open - 1]);
        let t = "NO synthase (NOS2)";
        let sf = ShortForm::parse("NOS2", 13, &s).unwrap();
        assert_eq!(repeated_letter(&sf, t, 12, &s), None);
    }

    #[test]
    fn numbers_for_words() {
        assert_eq!(number("the Leaders of the Group of Seven (G7), met"), Some(("G7".into(), "Group of Seven".into())));
        assert_eq!(number("the Group of Twenty (G20) summit"), Some(("G20".into(), "Group of Twenty".into())));
        assert_eq!(number("the Group of 20 (G-20)"), Some(("G-20".into(), "Group of 20".into())));
        assert_eq!(number("at the summit (G7)"), None);
        assert_eq!(number("the Group of Seven (G8)"), None);
        assert_eq!(number("as many as seven (G7)"), None);
    }
}
