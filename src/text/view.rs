//! Source text → [`DocumentView`]: the normalized text every matcher runs on,
//! plus the [`OffsetMap`] that takes its offsets back to the source bytes.
//!
//! Two normalizations happen here, and only where a character needs them:
//!
//! * **Width and compatibility folding (NFKC).** `２０１９`, `ＳＳＡ` and `（` become
//!   `2019`, `SSA` and `(`, so one rule matches both widths. A character is
//!   folded only when the Unicode quick check says NFKC could change it, so
//!   ASCII and ordinary kana/kanji cost one table lookup and no copy.
//! * **Transparent line breaks in Japanese text.** PDF extractions break lines
//!   inside words and dates (`17（平成\n29）年3月`, `シュ\nリーバー演習`). A run of
//!   whitespace that contains a line break is deleted when it sits between two
//!   CJK characters, or between a CJK character and a digit or bracket.
//!
//! A document that needs neither (all English text, most Japanese text) is
//! borrowed as is: no allocation, an empty map.

use std::borrow::Cow;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::nfkc_table;

/// One edited region: normalized bytes `norm` replace source bytes `src`.
///
/// Deleted line breaks are edits with an empty `norm` range. Between edits the
/// two texts are identical, shifted by the sizes of the edits before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Edit {
    norm_start: usize,
    norm_end: usize,
    src_start: usize,
    src_end: usize,
}

/// Maps byte offsets of a [`DocumentView`]'s text back to the source text.
///
/// Spans snap outward: a span that starts or ends inside a folded character
/// (`(株)` from `㈱`) covers the whole source character. A deleted line break at
/// the very edge of a span stays outside it; one inside a span stays inside, so
/// the row's `text` shows the line break as it is in the source.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    edits: Vec<Edit>,
}

impl OffsetMap {
    /// True when the view's text is the source text, byte for byte.
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// Source offset of the character that starts at normalized offset `n`.
    pub fn to_source_start(&self, n: usize) -> usize {
        // Last edit that starts at or before n. Empty edits at n sort before a
        // non-empty edit at n, so the non-empty one is found when both exist.
        let i = self.edits.partition_point(|e| e.norm_start <= n);
        if i == 0 {
            return n;
        }
        let e = self.edits[i - 1];
        if n < e.norm_end {
            e.src_start
        } else {
            e.src_end + (n - e.norm_end)
        }
    }

    /// Source offset just past the character that ends at normalized offset `n`.
    pub fn to_source_end(&self, n: usize) -> usize {
        // Last edit that starts strictly before n: an edit starting at n lies
        // after the span and must not pull its end forward.
        let i = self.edits.partition_point(|e| e.norm_start < n);
        if i == 0 {
            return n;
        }
        let e = self.edits[i - 1];
        if n <= e.norm_end {
            e.src_end
        } else {
            e.src_end + (n - e.norm_end)
        }
    }

    /// Maps a half-open normalized span to a half-open source span.
    pub fn to_source(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.to_source_start(start);
        let e = self.to_source_end(end).max(s);
        (s, e)
    }
}

/// A document prepared for matching: normalized text and its [`OffsetMap`].
#[derive(Clone, Debug)]
pub struct DocumentView<'a> {
    source: &'a str,
    text: Cow<'a, str>,
    map: OffsetMap,
}

impl<'a> DocumentView<'a> {
    /// Builds the view of `source`. Borrows when nothing needs to change.
    pub fn new(source: &'a str) -> DocumentView<'a> {
        if source.is_ascii() {
            return DocumentView { source, text: Cow::Borrowed(source), map: OffsetMap::default() };
        }
        let mut builder = Builder { source, out: None, copied: 0, edits: Vec::new() };
        builder.run();
        let text = match builder.out.take() {
            None => Cow::Borrowed(source),
            Some(mut s) => {
                s.push_str(&source[builder.copied..]);
                Cow::Owned(s)
            }
        };
        DocumentView { source, text, map: OffsetMap { edits: builder.edits } }
    }

    /// The normalized text (the haystack of every matcher).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The original text.
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The offset map back to [`source`](Self::source).
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }
}

/// Folds one string the way the view folds text, for gazetteer terms and
/// other literals that must meet the normalized text on equal terms.
pub fn fold(s: &str) -> Cow<'_, str> {
    let view = DocumentView::new(s);
    match view.text {
        Cow::Borrowed(_) => Cow::Borrowed(s),
        Cow::Owned(o) => Cow::Owned(o),
    }
}

struct Builder<'a> {
    source: &'a str,
    /// Normalized text so far; `None` until the first edit.
    out: Option<String>,
    /// Source bytes before this offset are already in `out`.
    copied: usize,
    edits: Vec<Edit>,
}

impl Builder<'_> {
    fn run(&mut self) {
        let src = self.source;
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'\n' {
                i = self.line_break(i);
                continue;
            }
            if b < 0x80 {
                i = skip_plain_ascii(bytes, i + 1);
                continue;
            }
            let c = src[i..].chars().next().expect("char boundary");
            let mut end = i + c.len_utf8();
            if !may_change(c) {
                // Fast path, unless a mark follows that may compose with it.
                if !src[end..].chars().next().is_some_and(|n| may_change(n) && is_mark_after_folding(n)) {
                    i = end;
                    continue;
                }
            }
            // Group the character with the marks that follow it, so that
            // they compose (ｶ + ﾞ → ガ).
            for n in src[end..].chars() {
                if !is_mark_after_folding(n) {
                    break;
                }
                end += n.len_utf8();
            }
            let piece = &src[i..end];
            let folded: String = piece.nfkc().collect();
            if folded != piece {
                self.replace(i, end, &folded);
            }
            i = end;
        }
    }

    /// Handles the whitespace run around the line break at `i`; returns the
    /// offset to continue from.
    fn line_break(&mut self, i: usize) -> usize {
        let src = self.source;
        let bytes = src.as_bytes();
        let mut start = i;
        while start > 0 && matches!(bytes[start - 1], b' ' | b'\t' | b'\r') {
            start -= 1;
        }
        let mut end = i;
        loop {
            match bytes.get(end) {
                Some(b' ' | b'\t' | b'\r' | b'\n') => end += 1,
                // U+3000 IDEOGRAPHIC SPACE, often used to indent Japanese lines.
                Some(0xE3) if src[end..].starts_with('\u{3000}') => end += 3,
                _ => break,
            }
        }
        let before = src[..start].chars().next_back();
        let after = src[end..].chars().next();
        if let (Some(p), Some(n)) = (before, after) {
            if joins(p, n) {
                self.replace(start, end, "");
            }
        }
        end
    }

    fn replace(&mut self, start: usize, end: usize, with: &str) {
        let out = self.out.get_or_insert_with(|| String::with_capacity(self.source.len()));
        // Whitespace before a deleted line break may already be copied when
        // the run started with spaces; `start` is never before `copied` then
        // because the run is found before its bytes are passed.
        out.push_str(&self.source[self.copied..start]);
        let norm_start = out.len();
        out.push_str(with);
        self.edits.push(Edit { norm_start, norm_end: out.len(), src_start: start, src_end: end });
        self.copied = end;
    }
}

/// The first offset at or after `i` that holds a non-ASCII byte or a line
/// break (or the end), found eight bytes at a time: English text is mostly
/// runs of bytes the view leaves alone.
fn skip_plain_ascii(bytes: &[u8], mut i: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    const NL: u64 = 0x0a0a_0a0a_0a0a_0a0a;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let x = w ^ NL;
        // High bit set in a byte of `w`, or a zero byte in `x` (a '\n').
        if (w | (x.wrapping_sub(ONES) & !x)) & HIGH != 0 {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i] < 0x80 && bytes[i] != b'\n' {
        i += 1;
    }
    i
}

/// True when NFKC might change `c` or compose it with its neighbour (its
/// quick-check value is not Yes). Looked up in a bit table of the Basic
/// Multilingual Plane, because the quick check itself is a search that
/// would dominate the view on Japanese text. The table is generated
/// ([`nfkc_table`], checked against the quick check by a test): building
/// it at run time was 25 M instructions, 7% of start-up, in every process.
fn may_change(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return false;
    }
    if u >= 0x1_0000 {
        return is_nfkc_quick(std::iter::once(c)) != IsNormalized::Yes;
    }
    nfkc_table::MAY_CHANGE_BMP[(u / 64) as usize] >> (u % 64) & 1 == 1
}

/// True when `c` folds to a combining mark, which composes with the
/// character before it (U+3099, or the half-width ﾞ that folds to it).
fn is_mark_after_folding(c: char) -> bool {
    if c.is_ascii() || is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes {
        return false;
    }
    std::iter::once(c).nfkc().next().is_some_and(|f| unicode_normalization::char::canonical_combining_class(f) != 0)
}

/// True for characters of Japanese and Chinese running text: kanji, kana,
/// CJK punctuation and the full-width forms block.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'   // CJK symbols and punctuation (、。「」〜)
        | '\u{3040}'..='\u{30FF}' // hiragana, katakana
        | '\u{31F0}'..='\u{31FF}' // katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF00}'..='\u{FFEF}' // half-width and full-width forms
        | '\u{20000}'..='\u{3134F}')
}

fn is_digit_or_bracket(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '(' | ')' | '[' | ']')
}

/// Whether a line break between `p` and `n` is an artifact to remove.
fn joins(p: char, n: char) -> bool {
    (is_cjk(p) && (is_cjk(n) || is_digit_or_bracket(n))) || (is_cjk(n) && is_digit_or_bracket(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(view: &DocumentView<'_>, needle: &str) -> (usize, usize) {
        let s = view.text().find(needle).expect("needle in view");
        view.map().to_source(s, s + needle.len())
    }

    #[test]
    fn ascii_is_borrowed_and_identity() {
        let v = DocumentView::new("March 2015 (SSA)");
        assert!(matches!(v.text, Cow::Borrowed(_)));
        assert!(v.map().is_identity());
    }

    #[test]
    fn plain_japanese_is_borrowed() {
        let v = DocumentView::new("宇宙状況監視の協力を推進している。");
        assert!(matches!(v.text, Cow::Borrowed(_)));
    }

    #[test]
    fn full_width_digits_and_letters_fold() {
        let src = "令和２年にＳＳＡを";
        let v = DocumentView::new(src);
        assert_eq!(v.text(), "令和2年にSSAを");
        let (s, e) = spans(&v, "SSA");
        assert_eq!(&src[s..e], "ＳＳＡ");
        let (s, e) = spans(&v, "2");
        assert_eq!(&src[s..e], "２");
    }

    #[test]
    fn line_break_between_kanji_is_transparent() {
        let src = "シュ\nリーバー演習";
        let v = DocumentView::new(src);
        assert_eq!(v.text(), "シュリーバー演習");
        let (s, e) = spans(&v, "シュリーバー");
        assert_eq!(&src[s..e], "シュ\nリーバー");
        // A span that ends right before the deleted break excludes it.
        let (s, e) = spans(&v, "シュ");
        assert_eq!(&src[s..e], "シュ");
        // A span that starts right after it excludes it too.
        let (s, e) = spans(&v, "リー");
        assert_eq!(&src[s..e], "リー");
    }

    #[test]
    fn line_break_between_digit_and_bracket_is_transparent() {
        let src = "19\n\n（平成31）年3月";
        let v = DocumentView::new(src);
        assert_eq!(v.text(), "19(平成31)年3月");
        let (s, e) = spans(&v, "19(平成31)年3月");
        assert_eq!(&src[s..e], src);
        let src = "17（平成\n29）年3月";
        let v = DocumentView::new(src);
        assert_eq!(v.text(), "17(平成29)年3月");
    }

    #[test]
    fn latin_line_breaks_stay() {
        let src = "（S\n\nSpace Situational Awareness\nSA）";
        let v = DocumentView::new(src);
        assert_eq!(v.text(), "(S\n\nSpace Situational Awareness\nSA)");
    }

    #[test]
    fn trailing_spaces_and_ideographic_space_join() {
        let src = "「サイバー」に \n参加";
        let v = DocumentView::new(src);
        assert_eq!(v.text(), "「サイバー」に参加");
        let src = "協力\n\u{3000}を";
        assert_eq!(DocumentView::new(src).text(), "協力を");
    }

    #[test]
    fn composing_marks_fold_with_their_base() {
        // Half-width katakana with a voiced sound mark: ｶﾞ → ガ.
        let src = "ｶﾞｽ";
        let v = DocumentView::new(src);
        assert_eq!(v.text(), "ガス");
        let (s, e) = spans(&v, "ガ");
        assert_eq!(&src[s..e], "ｶﾞ");
    }

    #[test]
    fn expansion_snaps_outward() {
        let src = "A㈱B";
        let v = DocumentView::new(src);
        assert_eq!(v.text(), "A(株)B");
        let (s, e) = spans(&v, "株");
        assert_eq!(&src[s..e], "㈱");
    }

    #[test]
    fn fold_matches_view() {
        assert_eq!(fold("ＮＡＴＯ"), "NATO");
        assert!(matches!(fold("NATO"), Cow::Borrowed(_)));
    }
}
