//! A fuzz harness with a fixed budget, run by `cargo test`: random
//! mixed-script text (Latin, Greek, Cyrillic, kana, half-width kana, kanji,
//! full-width forms, combining marks, controls, emoji, BOMs, line breaks of
//! every kind, and fragments that the rules match) goes through the
//! library. Every row must keep the offset invariants of docs/csv.md, no
//! extraction may panic, and matching in small chunks must give the same
//! rows as matching whole. See: `issues show 18`.

use proptest::prelude::*;
use yomitori::{Document, Row};

use crate::util::shipped;

/// Ranges of code points to draw single characters from.
const RANGES: &[(u32, u32)] = &[
    (0x20, 0x7E),       // ASCII
    (0x00, 0x1F),       // controls, tab, line feed, CR
    (0xA0, 0x24F),      // Latin-1, Latin Extended
    (0x300, 0x36F),     // combining marks
    (0x370, 0x3FF),     // Greek
    (0x400, 0x4FF),     // Cyrillic
    (0x2000, 0x206F),   // general punctuation (spaces, LS/PS, ZWJ)
    (0x2460, 0x24FF),   // enclosed alphanumerics (NFKC-folded)
    (0x3000, 0x303F),   // CJK punctuation
    (0x3040, 0x30FF),   // hiragana, katakana
    (0x3200, 0x33FF),   // enclosed CJK, squared units (㈱, ㍻)
    (0x4E00, 0x9FFF),   // kanji
    (0xFE00, 0xFE0F),   // variation selectors
    (0xFEFF, 0xFEFF),   // BOM
    (0xFF00, 0xFFEF),   // full-width and half-width forms
    (0x1F300, 0x1F64F), // emoji
];

fn any_char() -> impl Strategy<Value = String> {
    prop::sample::select(RANGES.to_vec())
        .prop_flat_map(|(lo, hi)| lo..=hi)
        .prop_filter_map("a scalar value", char::from_u32)
        .prop_map(String::from)
}

/// Fragments that reach the matchers, so the random text around them
/// exercises the edges of real matches.
fn fragment() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Japan",
        "the United States",
        "日本国",
        "アメリカ合衆国",
        "令和元年５月１日",
        "平成\n31年",
        "March 3, 2015",
        "2015年3月",
        "Ministry of Foreign Affairs (MOFA)",
        "ＭＯＦＡ",
        "Prime Minister Abe",
        "安倍総理",
        "G7",
        "\r\n",
        "\u{2028}",
        "e\u{301}",
        "ｶﾞ",
        "①",
        "（",
        "）",
        "(",
        ")",
    ])
    .prop_map(str::to_string)
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![3 => any_char(), 1 => fragment()], 0..120).prop_map(|v| v.concat())
}

fn check(source: &str, r: &Row) {
    assert!(r.start <= r.end && r.end <= source.len(), "{r:?}");
    assert!(source.is_char_boundary(r.start) && source.is_char_boundary(r.end), "{r:?}");
    assert_eq!(r.text, source[r.start..r.end], "{r:?}");
    assert_eq!(r.char_start, source[..r.start].chars().count(), "{r:?}");
    assert_eq!(r.char_end - r.char_start, r.text.chars().count(), "{r:?}");
    assert_eq!(r.line, source[..r.start].matches('\n').count() + 1, "{r:?}");
    assert!(r.column >= 1, "{r:?}");
    if let (Some(a), Some(b)) = (r.ref_start, r.ref_end) {
        assert!(a <= b && b <= source.len() && source.is_char_boundary(a) && source.is_char_boundary(b), "{r:?}");
    } else {
        assert_eq!(r.ref_start, r.ref_end, "half a reference: {r:?}");
    }
}

proptest! {
    // A fixed budget: the same number of cases on every run, small enough
    // for the CI (about 10 s in a debug build on a loaded machine).
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn mixed_script_text_keeps_offsets_and_never_panics(text in text()) {
        let whole = shipped().extract(&Document::new("fuzz", text.clone()));
        for r in &whole {
            check(&text, r);
        }
        // Chunks of 96 bytes: many boundaries inside matches and characters.
        let chunked = shipped().with_chunk_size(96).extract(&Document::new("fuzz", text.clone()));
        prop_assert_eq!(chunked, whole);
    }
}
