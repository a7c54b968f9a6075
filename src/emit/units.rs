//! Byte offsets → offsets in other units (characters for brat, UTF-16 code
//! units for the review page's JavaScript), for many spans of one text.
//!
//! A table of line starts with the count before each makes a lookup scan at
//! most one line, so converting every row of a large document stays linear
//! in practice, in whatever order the spans come.

/// Converts byte offsets of one text into another unit.
pub(crate) struct UnitOffsets<'a> {
    text: &'a str,
    /// `(byte, units)` at the start of each line.
    lines: Vec<(usize, usize)>,
    unit: fn(&str) -> usize,
}

impl<'a> UnitOffsets<'a> {
    /// Offsets counted in Unicode scalar values.
    pub(crate) fn chars(text: &'a str) -> UnitOffsets<'a> {
        UnitOffsets::new(text, |s| if s.is_ascii() { s.len() } else { s.chars().count() })
    }

    /// Offsets counted in UTF-16 code units.
    pub(crate) fn utf16(text: &'a str) -> UnitOffsets<'a> {
        UnitOffsets::new(text, |s| if s.is_ascii() { s.len() } else { s.chars().map(char::len_utf16).sum() })
    }

    fn new(text: &'a str, unit: fn(&str) -> usize) -> UnitOffsets<'a> {
        let mut lines = vec![(0, 0)];
        let mut units = 0;
        let mut last = 0;
        for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
            units += unit(&text[last..=nl]);
            last = nl + 1;
            lines.push((last, units));
        }
        UnitOffsets { text, lines, unit }
    }

    /// The offset of byte `at`, which must be a character boundary.
    pub(crate) fn at(&self, at: usize) -> usize {
        let i = self.lines.partition_point(|&(b, _)| b <= at) - 1;
        let (b, u) = self.lines[i];
        u + (self.unit)(&self.text[b..at])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_units_agree_with_the_standard_library() {
        let text = "a日\n𝒜b\n\nc\u{FEFF}é";
        let (chars, utf16) = (UnitOffsets::chars(text), UnitOffsets::utf16(text));
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(chars.at(byte), text[..byte].chars().count(), "byte {byte}");
            assert_eq!(utf16.at(byte), text[..byte].encode_utf16().count(), "byte {byte}");
        }
    }
}
