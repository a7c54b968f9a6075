//! Text handling shared by every stage: the normalized [`DocumentView`] the
//! matchers search, and the [`Locator`] that reports positions.

pub mod excel;
pub mod line_index;
mod nfkc_table;
pub mod view;

pub use line_index::{count_chars, Location, Locator};
pub use view::{fold, is_cjk, DocumentView, OffsetMap};

/// True for a character that is part of a Latin-script (or other alphabetic,
/// non-CJK) word: the characters a whole-word match must not touch.
///
/// CJK characters are letters too, but Japanese has no spaces, so `日NATO`
/// and `SSAの` must still let `NATO` and `SSA` match.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    c.is_alphanumeric() && !is_cjk(c)
}

/// True for katakana and the prolonged sound mark `ー`: a run of them is one
/// loanword, so `タイ` (Thailand) is not a word inside `タイトル`.
pub fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{30FC}' | '\u{31F0}'..='\u{31FF}')
}

/// True when a match of `hay[start..end]` sits on word edges: at each end
/// whose matched character is a word character, the neighbour is not one, and
/// the edge does not split a grapheme cluster (`e` + combining accent). A
/// katakana run is a word too: an end that is katakana must not touch
/// katakana (`タイ` never inside `タイトル`), while kanji and hiragana have no
/// word edges at all (`日本人`, `NATOの`).
///
/// This is deliberately not the UAX #29 word boundary: there `Japan’s` is
/// one word, and the `Japan` in it would be lost.
pub fn on_word_edges(hay: &str, start: usize, end: usize) -> bool {
    use unicode_segmentation::GraphemeCursor;
    let first = hay[start..end].chars().next();
    let last = hay[..end].chars().next_back();
    if let (Some(f), Some(prev)) = (first, hay[..start].chars().next_back()) {
        if (is_word_char(f) && is_word_char(prev)) || (is_katakana(f) && is_katakana(prev)) {
            return false;
        }
    }
    if let (Some(l), Some(next)) = (last, hay[end..].chars().next()) {
        if (is_word_char(l) && is_word_char(next)) || (is_katakana(l) && is_katakana(next)) {
            return false;
        }
        if !next.is_ascii() {
            let mut cursor = GraphemeCursor::new(end, hay.len(), true);
            if cursor.is_boundary(hay, 0) == Ok(false) {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_edges() {
        let h = "USFJ and US, Japan’s 日NATOの e\u{301}x";
        let at = |n: &str| {
            let s = h.find(n).unwrap();
            on_word_edges(h, s, s + n.len())
        };
        assert!(!at("US"), "US inside USFJ");
        assert!(at("US,"));
        assert!(at("Japan"));
        assert!(at("NATO"));
        let s = h.find("e\u{301}").unwrap();
        assert!(!on_word_edges(h, s, s + 1), "splits e + combining acute");
    }

    #[test]
    fn katakana_runs_are_words() {
        let h = "タイトルとタイ王国、インドネシア";
        let at = |n: &str, nth: usize| {
            let s = h.match_indices(n).nth(nth).unwrap().0;
            on_word_edges(h, s, s + n.len())
        };
        assert!(!at("タイ", 0), "タイ inside タイトル");
        assert!(at("タイ", 1), "タイ before 王国");
        assert!(!at("インド", 0), "インド inside インドネシア");
    }
}
