//! Japanese definitions: a Japanese long form followed by a Latin short form
//! in full-width or ASCII brackets, `宇宙状況監視（SSA）`.
//!
//! The view folds `（` `）` and `ＳＳＡ` to ASCII, so one scan finds both widths.
//! A `(` right after a CJK character opens a candidate when its inside is
//! an acronym word (`SSA`) or an interleaved PDF gloss ([`super::gloss`]).
//! The long form is the quoted text when the bracket follows `」` or `』`
//! (`「サイバー紛争に関する国際会議」（CyCon）`); otherwise the run of kanji,
//! katakana (with `ー`, `・`) and ASCII letters and digits before the bracket
//! (`NATOサイバー防衛協力センター`), which ends at kana particles, punctuation
//! and spaces. Letters cannot be matched across scripts, so a long form
//! longer than `max_japanese_long` characters is not taken.

use memchr::memchr_iter;

use super::gloss::{self, close_bracket};
use super::short_form::{is_acronym_word, trim_quotes, ShortForm};
use super::Definition;
use crate::families::acronyms::settings::AcronymSettings;
use crate::text::is_cjk;

/// Pushes the Japanese-long-form definitions of `hay`.
pub fn find(hay: &str, s: &AcronymSettings, out: &mut Vec<Definition>) {
    for open in memchr_iter(b'(', hay.as_bytes()) {
        if !hay[..open].chars().next_back().is_some_and(is_cjk) {
            continue;
        }
        let Some(close) = close_bracket(hay, open) else { continue };
        let (short, key, pdf_gloss) = if let Some(g) = gloss::parse(hay, open + 1, close, s) {
            (g.span, g.short, true)
        } else {
            let (a, b) = trim_quotes(hay, open + 1, close);
            let Some(sf) = ShortForm::parse(&hay[a..b], a, s) else { continue };
            if sf.qualifiers().next().is_some() || !is_acronym_word(sf.acronym_word(), s) {
                continue;
            }
            ((a, b), sf.key(), false)
        };
        if let Some(long) = long_form(hay, open, s.max_japanese_long) {
            out.push(Definition { short, long, key, pdf_gloss });
        }
    }
}

/// The Japanese long form before the bracket at `open`.
fn long_form(hay: &str, open: usize, max_chars: usize) -> Option<(usize, usize)> {
    let before = &hay[..open];
    let last = before.chars().next_back()?;
    let opener = match last {
        '」' => Some('「'),
        '』' => Some('『'),
        _ => None,
    };
    let (a, b) = if let Some(opener) = opener {
        let end = open - last.len_utf8();
        let start = before[..end].rfind(opener)? + opener.len_utf8();
        (start, end)
    } else {
        let start = before.char_indices().rev().take_while(|&(_, c)| is_name_char(c)).last().map(|(i, _)| i)?;
        (start, open)
    };
    let text = &hay[a..b];
    let n = text.chars().count();
    (n >= 2 && n <= max_chars && text.chars().any(|c| is_cjk(c) && !c.is_ascii())).then_some((a, b))
}

/// Characters of a Japanese name written without particles: kanji,
/// katakana, `ー`, `・`, `々`, ASCII letters and digits.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c,
            '\u{3005}'                // 々
            | '\u{30A0}'..='\u{30FF}' // katakana, ・, ー
            | '\u{31F0}'..='\u{31FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{3134F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defs(t: &str) -> Vec<(String, String, bool)> {
        let mut out = Vec::new();
        find(t, &AcronymSettings::default(), &mut out);
        out.iter()
            .map(|d| (t[d.short.0..d.short.1].to_string(), t[d.long.0..d.long.1].to_string(), d.pdf_gloss))
            .collect()
    }

    #[test]
    fn japanese_long_forms() {
        assert_eq!(defs("通じ、宇宙状況監視(SSA)や"), [("SSA".into(), "宇宙状況監視".into(), false)]);
        assert_eq!(
            defs("設置されているNATOサイバー防衛協力センター(CCDCOE)が"),
            [("CCDCOE".into(), "NATOサイバー防衛協力センター".into(), false)]
        );
        assert_eq!(
            defs("「サイバー紛争に関する国際会議」(C\nInternational Conference on Cyber Conflict\n\nyCon)への"),
            [(
                "C\nInternational Conference on Cyber Conflict\n\nyCon".into(),
                "サイバー紛争に関する国際会議".into(),
                true
            )]
        );
    }

    #[test]
    fn not_definitions() {
        assert!(defs("1章3節(宇宙・サイバー・電磁波の領域での対応)").is_empty());
        assert!(defs("15(平成27)年3月").is_empty());
        assert!(defs("会議(G20)に").is_empty());
        assert!(defs("Space Situational Awareness (SSA)").is_empty());
    }
}
