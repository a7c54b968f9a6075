//! Source text → [`LineIndex`]: byte offsets to character offsets and
//! 1-based line:column positions, as the CSV contract reports them.
//!
//! Built once per document from the line starts (found with `memchr`). Text
//! that is all ASCII takes a fast path where a character offset is the byte
//! offset. Columns count Unicode scalar values from the start of the line; a
//! byte-order mark at the start of the document takes no column (it still
//! counts as a character in `char_start`, as in Python's `str`).

/// A position in a document, as reported in a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// Offset in Unicode scalar values from the start of the document.
    pub char_offset: usize,
    /// 1-based line number; lines end at `\n`.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values.
    pub column: usize,
}

/// Line starts and per-line character counts of one document.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the start of each line; the first is 0.
    line_starts: Vec<usize>,
    /// Character offset of the start of each line; empty when the text is ASCII.
    char_starts: Vec<usize>,
    bom: bool,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut line_starts = Vec::with_capacity(bytes.len() / 64 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        let char_starts = if text.is_ascii() {
            Vec::new()
        } else {
            let mut acc = 0;
            let mut out = Vec::with_capacity(line_starts.len());
            for (i, &start) in line_starts.iter().enumerate() {
                out.push(acc);
                let end = line_starts.get(i + 1).copied().unwrap_or(bytes.len());
                acc += count_chars(&bytes[start..end]);
            }
            out
        };
        LineIndex { line_starts, char_starts, bom: text.starts_with('\u{FEFF}') }
    }

    /// Locates byte offset `offset` of `text`, the text this index was built on.
    ///
    /// # Panics
    /// When `offset` is past the end of `text`.
    pub fn locate(&self, text: &str, offset: usize) -> Location {
        assert!(offset <= text.len(), "offset {offset} past end of text ({} bytes)", text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let line_start = self.line_starts[line];
        let (char_offset, mut column) = if self.char_starts.is_empty() {
            (offset, offset - line_start)
        } else {
            let col = count_chars(&text.as_bytes()[line_start..offset]);
            (self.char_starts[line] + col, col)
        };
        if self.bom && line == 0 && offset > 0 {
            column -= 1;
        }
        Location { char_offset, line: line + 1, column: column + 1 }
    }
}

/// Number of Unicode scalar values in valid UTF-8: the bytes that do not
/// continue a sequence.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_lines() {
        let t = "ab\ncd\n\nef";
        let ix = LineIndex::new(t);
        assert_eq!(ix.locate(t, 0), Location { char_offset: 0, line: 1, column: 1 });
        assert_eq!(ix.locate(t, 4), Location { char_offset: 4, line: 2, column: 2 });
        assert_eq!(ix.locate(t, 7), Location { char_offset: 7, line: 4, column: 1 });
        assert_eq!(ix.locate(t, 9), Location { char_offset: 9, line: 4, column: 3 });
    }

    #[test]
    fn multibyte_columns() {
        let t = "令和元年\n日米豪";
        let ix = LineIndex::new(t);
        let off = t.find('米').unwrap();
        assert_eq!(ix.locate(t, off), Location { char_offset: 6, line: 2, column: 2 });
    }

    #[test]
    fn bom_takes_no_column() {
        let t = "\u{FEFF}Japan";
        let ix = LineIndex::new(t);
        assert_eq!(ix.locate(t, 3), Location { char_offset: 1, line: 1, column: 1 });
    }

    #[test]
    fn agrees_with_chars_everywhere() {
        let t = "Ａb\n令\r\nc😀d\n";
        let ix = LineIndex::new(t);
        for (i, _) in t.char_indices() {
            let loc = ix.locate(t, i);
            assert_eq!(loc.char_offset, t[..i].chars().count());
            let line_start = t[..i].rfind('\n').map_or(0, |p| p + 1);
            assert_eq!(loc.column, t[line_start..i].chars().count() + 1);
            assert_eq!(loc.line, t[..i].matches('\n').count() + 1);
        }
    }
}
