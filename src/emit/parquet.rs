//! Rows → a Parquet file (`--format parquet`): the typed columns of
//! [`columnar`](super::columnar), Snappy-compressed, streamed in row groups
//! as documents complete.
//!
//! Memory stays bounded: rows wait in a [`BatchBuilder`] of at most
//! [`BATCH_ROWS`] rows, are then encoded into the open row group, and the
//! row group is closed and written once it holds [`ROW_GROUP_ROWS`] rows.
//! Row groups end only between documents, so a reader that filters on
//! `doc` by row-group statistics never sees half a document.
//!
//! Every file has the same schema, so the outputs of `--shard K/N` runs
//! load as one dataset (`pyarrow.dataset.dataset(folder)`, Spark
//! `read.parquet(folder)`, DuckDB `read_parquet('folder/*.parquet')`).

use std::io::{self, Write};
use std::sync::Arc;

use arrow_array::{ArrayRef, Int64Array, RecordBatch, StringArray};
use arrow_schema::{Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;

use super::columnar::{self, BatchBuilder};
use crate::families::{SideCollector, SideOutput};
use crate::row::Row;

/// Rows encoded together; small enough to bound memory, large enough that
/// per-batch costs vanish.
pub const BATCH_ROWS: usize = 8 * 1024;

/// Rows after which a row group is closed, at the next document boundary.
pub const ROW_GROUP_ROWS: usize = 128 * 1024;

fn properties() -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        // Row groups are closed by this writer, between documents.
        .set_max_row_group_row_count(None)
        .set_max_row_group_bytes(None)
        .set_created_by(format!("yomitori {}", env!("CARGO_PKG_VERSION")))
        .build()
}

/// A Parquet error as an I/O error, keeping the kind (a broken pipe stays
/// one) when it wraps one.
fn parquet_io(e: ParquetError) -> io::Error {
    match e {
        ParquetError::External(inner) => match inner.downcast::<io::Error>() {
            Ok(io) => *io,
            Err(other) => io::Error::other(other),
        },
        other => io::Error::other(other),
    }
}

/// Writes rows, document by document, as one Parquet file.
pub struct ParquetRowWriter<W: Write + Send> {
    writer: ArrowWriter<W>,
    pending: BatchBuilder,
}

impl<W: Write + Send> ParquetRowWriter<W> {
    /// Starts a file on `w`.
    ///
    /// # Errors
    /// When writing the file's magic bytes fails.
    pub fn new(w: W) -> io::Result<ParquetRowWriter<W>> {
        let writer = ArrowWriter::try_new(w, columnar::schema(), Some(properties())).map_err(parquet_io)?;
        Ok(ParquetRowWriter { writer, pending: BatchBuilder::new() })
    }

    /// Writes the rows of one document.
    ///
    /// # Errors
    /// When encoding or writing fails.
    pub fn write_document(&mut self, rows: &[Row]) -> io::Result<()> {
        self.pending.extend(rows);
        if self.pending.len() >= BATCH_ROWS || self.pending.approx_bytes() >= 32 << 20 {
            self.encode_pending()?;
        }
        if self.writer.in_progress_rows() >= ROW_GROUP_ROWS || self.writer.in_progress_size() >= 128 << 20 {
            self.writer.flush().map_err(parquet_io)?;
        }
        Ok(())
    }

    fn encode_pending(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            self.writer.write(&self.pending.finish()).map_err(parquet_io)?;
        }
        Ok(())
    }

    /// Writes the last row group and the footer; returns the writer.
    ///
    /// # Errors
    /// When encoding or writing fails.
    pub fn finish(mut self) -> io::Result<W> {
        self.encode_pending()?;
        self.writer.into_inner().map_err(parquet_io)
    }

    /// As [`finish`](Self::finish), with `value` in the file's key-value
    /// metadata under `key` (the run's manifest, `yomitori.manifest`: a
    /// sidecar file would be read as data by Arrow datasets and Spark,
    /// which load a folder of Parquet shards whole).
    ///
    /// # Errors
    /// When encoding or writing fails.
    pub fn finish_with_metadata(mut self, key: &str, value: String) -> io::Result<W> {
        self.writer.append_key_value_metadata(parquet::file::metadata::KeyValue::new(key.to_string(), value));
        self.finish()
    }
}

/// Writes a side output (the acronym glossary) as a Parquet file: the
/// columns of its CSV, those it declares as integers typed `Int64`, the
/// others `Utf8`. Side outputs are small (one row per distinct acronym
/// pair), so going through the CSV in memory costs nothing and keeps one
/// definition of their content.
///
/// # Errors
/// When a declared integer cell is not an integer, or writing fails.
pub fn write_side<W: Write + Send>(output: &SideOutput, side: &dyn SideCollector, w: W) -> io::Result<W> {
    let mut csv_bytes = Vec::new();
    side.write(&mut csv_bytes, false)?;
    let mut reader = csv::Reader::from_reader(csv_bytes.as_slice());
    let header: Vec<String> = reader.headers().map_err(io::Error::other)?.iter().map(str::to_string).collect();
    let records: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().map_err(io::Error::other)?;
    let mut fields = Vec::with_capacity(header.len());
    let mut columns: Vec<ArrayRef> = Vec::with_capacity(header.len());
    for (i, name) in header.iter().enumerate() {
        let cells = records.iter().map(|r| r.get(i).unwrap_or_default());
        if output.int_columns.contains(&name.as_str()) {
            let ints = cells
                .map(|c| {
                    c.parse::<i64>().map(Some).map_err(|_| {
                        io::Error::new(
                            io::ErrorKind::InvalidData,
                            format!("{}: {name} is not an integer: {c:?}", output.name),
                        )
                    })
                })
                .collect::<io::Result<Int64Array>>()?;
            columns.push(Arc::new(ints));
        } else {
            columns.push(Arc::new(cells.map(Some).collect::<StringArray>()));
        }
        fields.push(Field::new(name, columns[i].data_type().clone(), false));
    }
    let batch = RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).map_err(io::Error::other)?;
    let mut writer = ArrowWriter::try_new(w, batch.schema(), Some(properties())).map_err(parquet_io)?;
    writer.write(&batch).map_err(parquet_io)?;
    writer.into_inner().map_err(parquet_io)
}

#[cfg(test)]
mod tests {
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;
    use arrow_array::Array;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    use super::*;
    use crate::rules::Kind;

    fn rows(doc: &str, n: usize) -> Vec<Row> {
        (0..n)
            .map(|i| Row {
                doc: doc.into(),
                kind: Kind::new(1, "date"),
                ty: "DATE".into(),
                text: format!("{i}年"),
                normalized: i.to_string(),
                id: String::new(),
                start: i * 10,
                end: i * 10 + 4,
                char_start: i * 9,
                char_end: i * 9 + 2,
                line: 1,
                column: i * 9 + 1,
                rule: "dates/year".into(),
                ref_start: i.is_multiple_of(2).then_some(i),
                ref_end: i.is_multiple_of(2).then_some(i + 1),
                flags: String::new(),
                key: None,
            })
            .collect()
    }

    #[test]
    fn round_trip_and_row_groups_end_between_documents() {
        let mut w = ParquetRowWriter::new(tempfile::tempfile().unwrap()).unwrap();
        let docs: Vec<Vec<Row>> = (0..5).map(|d| rows(&format!("d{d}"), ROW_GROUP_ROWS / 2 + 7)).collect();
        for d in &docs {
            w.write_document(d).unwrap();
        }
        let file = w.finish().unwrap();
        let reader = SerializedFileReader::new(file.try_clone().unwrap()).unwrap();
        let groups = reader.metadata().num_row_groups();
        assert!(groups >= 2, "{groups} row groups");
        // Every row group holds whole documents.
        for g in reader.metadata().row_groups() {
            assert_eq!(usize::try_from(g.num_rows()).unwrap() % (ROW_GROUP_ROWS / 2 + 7), 0);
        }
        let got: Vec<RecordBatch> =
            ParquetRecordBatchReaderBuilder::try_new(file).unwrap().build().unwrap().map(Result::unwrap).collect();
        let all: Vec<&Row> = docs.iter().flatten().collect();
        assert_eq!(got.iter().map(RecordBatch::num_rows).sum::<usize>(), all.len());
        let mut i = 0;
        for b in &got {
            assert_eq!(b.schema().fields(), columnar::schema().fields());
            let text = b.column_by_name("text").unwrap().as_string::<i32>();
            let ref_end = b.column_by_name("ref_end").unwrap().as_primitive::<Int64Type>();
            for j in 0..b.num_rows() {
                assert_eq!(text.value(j), all[i].text);
                assert_eq!(ref_end.is_null(j), all[i].ref_end.is_none());
                i += 1;
            }
        }
    }

    #[test]
    fn empty_output_is_a_valid_file_with_the_schema() {
        let file = ParquetRowWriter::new(tempfile::tempfile().unwrap()).unwrap().finish().unwrap();
        let b = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        assert_eq!(b.schema().fields(), columnar::schema().fields());
        assert_eq!(b.metadata().file_metadata().num_rows(), 0);
    }
}
