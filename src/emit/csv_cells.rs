//! Rows → CSV bytes without a per-byte state machine: a cell that needs no
//! quoting (almost all of them) is copied as it is, numbers are formatted
//! straight into the buffer.
//!
//! The bytes are exactly what the `csv` crate's default writer produces
//! (RFC 4180: a cell is quoted when it holds `,`, `"`, `\r` or `\n`, a quote
//! inside is doubled, records end with `\n`); the tests below check that
//! against the crate on arbitrary cells. Why not the crate itself: with
//! sixteen rows per kilobyte of input, its field-by-field writer cost about
//! 200 instructions a cell, 9% of a whole run (callgrind, see
//! `docs/performance.md`); a cell here is a table scan for the four special
//! bytes and one copy into the record's line.

use std::io::{self, BufWriter, Write};

/// The bytes that make a cell quoted.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b',' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t
};

/// True when `cell` must be quoted. A table lookup per byte: cells are
/// short (a median of about ten bytes), too short for `memchr`'s set-up to
/// pay (measured: it made the check 40% of the writer).
fn needs_quotes(cell: &[u8]) -> bool {
    cell.iter().any(|&b| SPECIAL[b as usize])
}

/// A CSV record writer over a buffered sink. A record is built in `line`
/// and written with one call.
pub(super) struct CsvCells<W: Write> {
    out: BufWriter<W>,
    line: Vec<u8>,
    /// Cells written in the current record.
    cells: usize,
}

impl<W: Write> CsvCells<W> {
    pub(super) fn new(w: W) -> CsvCells<W> {
        CsvCells { out: BufWriter::with_capacity(1 << 16, w), line: Vec::with_capacity(256), cells: 0 }
    }

    fn separate(&mut self) {
        if self.cells > 0 {
            self.line.push(b',');
        }
        self.cells += 1;
    }

    /// One text cell, quoted when it has to be.
    pub(super) fn text(&mut self, cell: &[u8]) {
        self.separate();
        if !needs_quotes(cell) {
            self.line.extend_from_slice(cell);
            return;
        }
        self.line.push(b'"');
        for &b in cell {
            if b == b'"' {
                self.line.push(b'"');
            }
            self.line.push(b);
        }
        self.line.push(b'"');
    }

    /// One number cell.
    pub(super) fn number(&mut self, n: usize) {
        self.separate();
        self.line.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }

    /// Ends the record and writes it.
    pub(super) fn end(&mut self) -> io::Result<()> {
        // The csv crate writes a record of one empty cell as `""`, so that
        // it is not read back as no record at all (the first cell adds no
        // separator, so the line is empty exactly then).
        if self.cells == 1 && self.line.is_empty() {
            self.line.extend_from_slice(b"\"\"");
        }
        self.line.push(b'\n');
        self.cells = 0;
        let written = self.out.write_all(&self.line);
        self.line.clear();
        written
    }

    /// Flushes and returns the sink.
    pub(super) fn finish(self) -> io::Result<W> {
        self.out.into_inner().map_err(io::IntoInnerError::into_error)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn ours(records: &[Vec<Vec<u8>>]) -> Vec<u8> {
        let mut w = CsvCells::new(Vec::new());
        for r in records {
            for c in r {
                w.text(c);
            }
            w.end().unwrap();
        }
        w.finish().unwrap()
    }

    fn theirs(records: &[Vec<Vec<u8>>]) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
        for r in records {
            w.write_record(r).unwrap();
        }
        w.into_inner().unwrap()
    }

    #[test]
    fn quotes_only_what_needs_it() {
        let r = vec![vec![
            b"plain".to_vec(),
            b"a,b".to_vec(),
            b"say \"hi\"".to_vec(),
            b"two\nlines".to_vec(),
            b"cr\r".to_vec(),
            vec![],
        ]];
        assert_eq!(ours(&r), b"plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",\n");
        assert_eq!(ours(&r), theirs(&r));
    }

    #[test]
    fn numbers_are_plain() {
        let mut w = CsvCells::new(Vec::new());
        w.number(0);
        w.number(1_234_567);
        w.end().unwrap();
        assert_eq!(w.finish().unwrap(), b"0,1234567\n");
    }

    proptest! {
        #[test]
        fn same_bytes_as_the_csv_crate(
            records in prop::collection::vec(
                prop::collection::vec(
                    prop::collection::vec(prop::sample::select(vec![b'a', b',', b'"', b'\n', b'\r', b' ', 0xE3, 0x81, 0x82]), 0..6),
                    1..5),
                1..6)
        ) {
            prop_assert_eq!(ours(&records), theirs(&records));
        }
    }
}
