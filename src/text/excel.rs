//! Spreadsheet safety for `--excel`: a UTF-8 byte-order mark so Excel reads
//! the file as UTF-8, and text cells that a spreadsheet would run as a
//! formula neutralized with a leading `'` (OWASP, "CSV Injection").
//!
//! Neutralizing changes `text`, so with `--excel` the invariant
//! `text == source[start..end]` holds only after removing that quote.

use std::borrow::Cow;

/// The UTF-8 byte-order mark.
pub const BOM: &str = "\u{FEFF}";

/// `cell`, prefixed with `'` when it starts with a formula trigger:
/// `=`, `+`, `-`, `@`, a tab or a carriage return.
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralized() {
        assert_eq!(neutralize("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralize("-19"), "'-19");
        assert_eq!(neutralize("@SUM"), "'@SUM");
        assert_eq!(neutralize("Japan"), "Japan");
        assert_eq!(neutralize(""), "");
    }
}
