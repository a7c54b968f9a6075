//! Byte offsets → character offsets and 1-based line:column positions, as
//! the CSV contract reports them.
//!
//! A [`Locator`] sweeps forward through a document: rows are located in
//! order of their start, so each byte of the document is counted once, and
//! no per-line table is built (a one-gigabyte document would need one of
//! hundreds of megabytes). Asking for an earlier offset restarts the sweep
//! from the beginning, which is correct, only slower. Text that is all ASCII
//! takes a fast path where a character offset is the byte offset.
//!
//! Columns count Unicode scalar values from the start of the line; a
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

/// A forward sweep over one document's text.
#[derive(Clone, Debug)]
pub struct Locator<'a> {
    text: &'a str,
    ascii: bool,
    bom: bool,
    /// Byte offset the counts below are for.
    pos: usize,
    /// Characters before `pos`.
    chars: usize,
    /// 0-based line of `pos`.
    line: usize,
    /// Characters before the start of that line.
    line_chars: usize,
}

impl<'a> Locator<'a> {
    /// Starts a sweep at the beginning of `text`.
    pub fn new(text: &'a str) -> Locator<'a> {
        Locator {
            text,
            ascii: text.is_ascii(),
            bom: text.starts_with('\u{FEFF}'),
            pos: 0,
            chars: 0,
            line: 0,
            line_chars: 0,
        }
    }

    /// Locates byte `offset`.
    ///
    /// # Panics
    /// When `offset` is past the end of the text.
    pub fn locate(&mut self, offset: usize) -> Location {
        let text = self.text;
        assert!(offset <= text.len(), "offset {offset} past end of text ({} bytes)", text.len());
        if offset < self.pos {
            *self = Locator::new(text);
        }
        let bytes = &text.as_bytes()[self.pos..offset];
        let mut last_nl = None;
        for nl in memchr::memchr_iter(b'\n', bytes) {
            self.line += 1;
            last_nl = Some(nl);
        }
        match last_nl {
            Some(nl) => {
                self.line_chars = self.chars + count_chars(self.ascii, &bytes[..=nl]);
                self.chars = self.line_chars + count_chars(self.ascii, &bytes[nl + 1..]);
            }
            None => self.chars += count_chars(self.ascii, bytes),
        }
        self.pos = offset;
        let mut column = self.chars - self.line_chars;
        if self.bom && self.line == 0 && offset > 0 {
            column -= 1;
        }
        Location { char_offset: self.chars, line: self.line + 1, column: column + 1 }
    }
}

/// Number of Unicode scalar values in valid UTF-8: the bytes that do not
/// continue a sequence.
pub fn count_chars(ascii: bool, bytes: &[u8]) -> usize {
    if ascii {
        bytes.len()
    } else {
        bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_lines() {
        let t = "ab\ncd\n\nef";
        let mut ix = Locator::new(t);
        assert_eq!(ix.locate(0), Location { char_offset: 0, line: 1, column: 1 });
        assert_eq!(ix.locate(4), Location { char_offset: 4, line: 2, column: 2 });
        assert_eq!(ix.locate(7), Location { char_offset: 7, line: 4, column: 1 });
        assert_eq!(ix.locate(9), Location { char_offset: 9, line: 4, column: 3 });
    }

    #[test]
    fn multibyte_columns() {
        let t = "令和元年\n日米豪";
        let off = t.find('米').unwrap();
        assert_eq!(Locator::new(t).locate(off), Location { char_offset: 6, line: 2, column: 2 });
    }

    #[test]
    fn bom_takes_no_column() {
        let t = "\u{FEFF}Japan";
        assert_eq!(Locator::new(t).locate(3), Location { char_offset: 1, line: 1, column: 1 });
    }

    #[test]
    fn agrees_with_chars_everywhere_forward_and_backward() {
        let t = "Ａb\n令\r\nc😀d\n";
        let mut ix = Locator::new(t);
        let offsets: Vec<usize> = t.char_indices().map(|(i, _)| i).collect();
        for &i in offsets.iter().chain(offsets.iter().rev()) {
            let loc = ix.locate(i);
            assert_eq!(loc.char_offset, t[..i].chars().count());
            let line_start = t[..i].rfind('\n').map_or(0, |p| p + 1);
            assert_eq!(loc.column, t[line_start..i].chars().count() + 1);
            assert_eq!(loc.line, t[..i].matches('\n').count() + 1);
        }
    }
}
