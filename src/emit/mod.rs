//! Rows → bytes: CSV (RFC 4180, [`csv_cells`], byte for byte what the `csv`
//! crate writes) or JSON Lines, with the
//! `--excel` variant, written through an [`atomic::AtomicFile`] or stdout;
//! typed columns as Arrow batches ([`columnar`]) and Parquet files
//! ([`parquet`]), brat standoff files per document ([`brat`]), TimeML files per
//! document ([`timeml`]) and the HTML review page ([`review`]).

pub mod atomic;
pub mod brat;
pub mod columnar;
mod csv_cells;
pub mod manifest;
pub mod parquet;
pub mod review;
pub mod timeml;
mod units;

use std::io::{self, Write};

pub use crate::row::{Row, HEADER};
pub use crate::text::excel;

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// Comma-separated values with a header row.
    #[default]
    Csv,
    /// One JSON object per line, same fields as the CSV.
    Jsonl,
}

/// Writes rows in one format to any `Write`.
pub struct RowWriter<W: Write> {
    inner: Inner<W>,
    excel: bool,
}

enum Inner<W: Write> {
    Csv(csv_cells::CsvCells<W>),
    Jsonl(io::BufWriter<W>),
}

impl<W: Write> RowWriter<W> {
    /// Starts the output: the BOM when `excel` (CSV only: JSON parsers
    /// reject a BOM, so `--excel` JSON Lines only neutralizes cells), then
    /// the CSV header.
    ///
    /// # Errors
    /// When writing to `w` fails.
    pub fn new(mut w: W, format: Format, excel: bool) -> io::Result<RowWriter<W>> {
        if excel && format == Format::Csv {
            w.write_all(excel::BOM.as_bytes())?;
        }
        let inner = match format {
            Format::Csv => {
                let mut c = csv_cells::CsvCells::new(w);
                for h in HEADER {
                    c.text(h.as_bytes());
                }
                c.end()?;
                Inner::Csv(c)
            }
            Format::Jsonl => Inner::Jsonl(io::BufWriter::with_capacity(1 << 16, w)),
        };
        Ok(RowWriter { inner, excel })
    }

    /// Writes one row.
    ///
    /// # Errors
    /// When writing fails.
    pub fn write(&mut self, row: &Row) -> io::Result<()> {
        match &mut self.inner {
            Inner::Csv(c) => write_csv(c, row, self.excel),
            Inner::Jsonl(w) => {
                if self.excel {
                    let mut r = row.clone();
                    for cell in [&mut r.text, &mut r.normalized, &mut r.id, &mut r.flags] {
                        *cell = excel::neutralize(cell).into_owned();
                    }
                    serde_json::to_writer(&mut *w, &r)?;
                } else {
                    serde_json::to_writer(&mut *w, row)?;
                }
                w.write_all(b"\n")
            }
        }
    }

    /// Flushes and returns the underlying writer.
    ///
    /// # Errors
    /// When flushing fails.
    pub fn finish(self) -> io::Result<W> {
        match self.inner {
            Inner::Csv(c) => c.finish(),
            Inner::Jsonl(w) => w.into_inner().map_err(std::io::IntoInnerError::into_error),
        }
    }
}

fn write_csv<W: Write>(c: &mut csv_cells::CsvCells<W>, row: &Row, excel: bool) -> io::Result<()> {
    fn neutral(s: &str, excel: bool) -> std::borrow::Cow<'_, str> {
        if excel {
            excel::neutralize(s)
        } else {
            std::borrow::Cow::Borrowed(s)
        }
    }
    for cell in [&*row.doc, row.kind.as_str(), &*row.ty, &row.text, &row.normalized, &row.id] {
        c.text(neutral(cell, excel).as_bytes());
    }
    for n in [row.start, row.end, row.char_start, row.char_end, row.line, row.column] {
        c.number(n);
    }
    c.text(neutral(&row.rule, excel).as_bytes());
    for r in [row.ref_start, row.ref_end] {
        match r {
            Some(v) => c.number(v),
            None => c.text(b""),
        }
    }
    c.text(neutral(&row.flags, excel).as_bytes());
    c.end()
}
