//! Rows → bytes: CSV (RFC 4180, via the `csv` crate) or JSON Lines, with the
//! `--excel` variant, written through an [`atomic::AtomicFile`] or stdout;
//! typed columns as Arrow batches ([`columnar`]) and Parquet files
//! ([`parquet`]), brat standoff files per document ([`brat`]), TimeML files per
//! document ([`timeml`]) and the HTML review page ([`review`]).

pub mod atomic;
pub mod brat;
pub mod columnar;
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
    Csv(Box<csv::Writer<W>>),
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
                let mut c = csv::WriterBuilder::new().buffer_capacity(1 << 16).from_writer(w);
                c.write_record(HEADER).map_err(csv_io)?;
                Inner::Csv(Box::new(c))
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
            Inner::Csv(c) => c.into_inner().map_err(csv::IntoInnerError::into_error),
            Inner::Jsonl(w) => w.into_inner().map_err(std::io::IntoInnerError::into_error),
        }
    }
}

/// A csv error as the I/O error it wraps, so that a broken pipe stays one
/// (the `From` conversion would hide it inside an `Other` error).
fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn write_csv<W: Write>(c: &mut csv::Writer<W>, row: &Row, excel: bool) -> io::Result<()> {
    write_csv_fields(c, row, excel).map_err(csv_io)
}

fn write_csv_fields<W: Write>(c: &mut csv::Writer<W>, row: &Row, excel: bool) -> csv::Result<()> {
    fn cell(s: &str, excel: bool) -> std::borrow::Cow<'_, str> {
        if excel {
            excel::neutralize(s)
        } else {
            std::borrow::Cow::Borrowed(s)
        }
    }
    let mut n = [
        itoa::Buffer::new(),
        itoa::Buffer::new(),
        itoa::Buffer::new(),
        itoa::Buffer::new(),
        itoa::Buffer::new(),
        itoa::Buffer::new(),
    ];
    c.write_field(cell(&row.doc, excel).as_bytes())?;
    c.write_field(row.kind.as_str())?;
    c.write_field(cell(&row.ty, excel).as_bytes())?;
    c.write_field(cell(&row.text, excel).as_bytes())?;
    c.write_field(cell(&row.normalized, excel).as_bytes())?;
    c.write_field(cell(&row.id, excel).as_bytes())?;
    let [a, b, cs, ce, l, col] = &mut n;
    c.write_field(a.format(row.start))?;
    c.write_field(b.format(row.end))?;
    c.write_field(cs.format(row.char_start))?;
    c.write_field(ce.format(row.char_end))?;
    c.write_field(l.format(row.line))?;
    c.write_field(col.format(row.column))?;
    c.write_field(cell(&row.rule, excel).as_bytes())?;
    let mut r = itoa::Buffer::new();
    c.write_field(row.ref_start.map_or("", |v| r.format(v)))?;
    let mut r = itoa::Buffer::new();
    c.write_field(row.ref_end.map_or("", |v| r.format(v)))?;
    c.write_field(cell(&row.flags, excel).as_bytes())?;
    c.write_record(None::<&[u8]>)?;
    Ok(())
}
