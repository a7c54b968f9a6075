//! Rows → Arrow record batches: the sixteen columns of the CSV contract,
//! typed. One schema serves the Parquet output and the Python package's
//! `extract_arrow`, so a Parquet file and a Python table hold the same
//! columns.
//!
//! | columns | Arrow type | nulls |
//! |---|---|---|
//! | `doc`, `kind`, `type`, `text`, `normalized`, `id`, `rule`, `flags` | `Utf8` | never; an empty cell is `""`, as in the CSV |
//! | `start`, `end`, `char_start`, `char_end`, `line`, `column` | `Int64` | never |
//! | `ref_start`, `ref_end` | `Int64` | when the row has no reference span (an empty CSV cell) |
//!
//! `Int64` and not `UInt64`: pandas, Spark and most SQL engines have no
//! unsigned 64-bit type and would widen or reject it.

use std::sync::{Arc, LazyLock};

use arrow_array::builder::{Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};

use crate::row::{Row, HEADER};

/// The columns that may be null.
const NULLABLE: [&str; 2] = ["ref_start", "ref_end"];

/// The string columns; every other column is `Int64`.
const STRINGS: [&str; 8] = ["doc", "kind", "type", "text", "normalized", "id", "rule", "flags"];

static SCHEMA: LazyLock<SchemaRef> = LazyLock::new(|| {
    let fields: Vec<Field> = HEADER
        .iter()
        .map(|name| {
            let ty = if STRINGS.contains(name) { DataType::Utf8 } else { DataType::Int64 };
            Field::new(*name, ty, NULLABLE.contains(name))
        })
        .collect();
    Arc::new(Schema::new(fields))
});

/// The Arrow schema of the rows: the CSV header's names, in its order.
pub fn schema() -> SchemaRef {
    SCHEMA.clone()
}

/// Accumulates rows column by column; [`finish`](BatchBuilder::finish)
/// turns them into one [`RecordBatch`] and starts over.
#[derive(Debug, Default)]
pub struct BatchBuilder {
    /// `doc`, `kind`, `type`, `text`, `normalized`, `id`, `rule`, `flags`.
    strings: [StringBuilder; 8],
    /// `start`, `end`, `char_start`, `char_end`, `line`, `column`,
    /// `ref_start`, `ref_end`.
    ints: [Int64Builder; 8],
    rows: usize,
    bytes: usize,
}

fn int(v: usize) -> i64 {
    // A document is a `String`, so its offsets fit in `isize`.
    i64::try_from(v).unwrap_or(i64::MAX)
}

impl BatchBuilder {
    /// An empty builder.
    pub fn new() -> BatchBuilder {
        BatchBuilder::default()
    }

    /// Appends one row.
    pub fn push(&mut self, row: &Row) {
        let [doc, kind, ty, text, normalized, id, rule, flags] = &mut self.strings;
        doc.append_value(&row.doc);
        kind.append_value(row.kind.as_str());
        ty.append_value(&row.ty);
        text.append_value(&row.text);
        normalized.append_value(&row.normalized);
        id.append_value(&row.id);
        rule.append_value(row.rule.as_str());
        flags.append_value(&row.flags);
        let [start, end, char_start, char_end, line, column, ref_start, ref_end] = &mut self.ints;
        start.append_value(int(row.start));
        end.append_value(int(row.end));
        char_start.append_value(int(row.char_start));
        char_end.append_value(int(row.char_end));
        line.append_value(int(row.line));
        column.append_value(int(row.column));
        ref_start.append_option(row.ref_start.map(int));
        ref_end.append_option(row.ref_end.map(int));
        self.rows += 1;
        self.bytes += row.doc.len() + row.text.len() + row.normalized.len() + row.rule.as_str().len() + 96;
    }

    /// Appends rows in order.
    pub fn extend<'a>(&mut self, rows: impl IntoIterator<Item = &'a Row>) {
        for r in rows {
            self.push(r);
        }
    }

    /// Rows appended since the last [`finish`](BatchBuilder::finish).
    pub fn len(&self) -> usize {
        self.rows
    }

    /// True when no row is waiting.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// About how many bytes the waiting rows take, to bound memory.
    pub fn approx_bytes(&self) -> usize {
        self.bytes
    }

    /// The waiting rows as one batch (possibly empty); the builder is then
    /// empty.
    pub fn finish(&mut self) -> RecordBatch {
        let [doc, kind, ty, text, normalized, id, rule, flags] = &mut self.strings;
        let [start, end, char_start, char_end, line, column, ref_start, ref_end] = &mut self.ints;
        let columns: Vec<ArrayRef> = vec![
            Arc::new(doc.finish()),
            Arc::new(kind.finish()),
            Arc::new(ty.finish()),
            Arc::new(text.finish()),
            Arc::new(normalized.finish()),
            Arc::new(id.finish()),
            Arc::new(start.finish()),
            Arc::new(end.finish()),
            Arc::new(char_start.finish()),
            Arc::new(char_end.finish()),
            Arc::new(line.finish()),
            Arc::new(column.finish()),
            Arc::new(rule.finish()),
            Arc::new(ref_start.finish()),
            Arc::new(ref_end.finish()),
            Arc::new(flags.finish()),
        ];
        self.rows = 0;
        self.bytes = 0;
        RecordBatch::try_new(schema(), columns).expect("the columns follow the schema")
    }
}

/// `rows` as one batch.
pub fn to_batch<'a>(rows: impl IntoIterator<Item = &'a Row>) -> RecordBatch {
    let mut b = BatchBuilder::new();
    b.extend(rows);
    b.finish()
}

#[cfg(test)]
mod tests {
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;
    use arrow_array::Array;

    use super::*;
    use crate::rules::Kind;

    fn row(start: usize, reference: Option<(usize, usize)>) -> Row {
        Row {
            doc: "a.txt".into(),
            kind: Kind::new(2, "acronym"),
            ty: "DEFINITION".into(),
            text: "SSA".into(),
            normalized: "Space Situational Awareness".into(),
            id: String::new(),
            start,
            end: start + 3,
            char_start: start,
            char_end: start + 3,
            line: 1,
            column: start + 1,
            rule: "acronyms/definition".into(),
            ref_start: reference.map(|r| r.0),
            ref_end: reference.map(|r| r.1),
            flags: String::new(),
            key: None,
        }
    }

    #[test]
    fn schema_is_the_csv_header_typed() {
        let s = schema();
        let names: Vec<&str> = s.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, HEADER);
        assert_eq!(s.field_with_name("start").unwrap().data_type(), &DataType::Int64);
        assert_eq!(s.field_with_name("flags").unwrap().data_type(), &DataType::Utf8);
        let nullable: Vec<&str> = s.fields().iter().filter(|f| f.is_nullable()).map(|f| f.name().as_str()).collect();
        assert_eq!(nullable, ["ref_start", "ref_end"]);
    }

    #[test]
    fn empty_reference_is_null_and_builder_restarts() {
        let mut b = BatchBuilder::new();
        b.extend(&[row(0, Some((5, 9))), row(10, None)]);
        assert_eq!(b.len(), 2);
        let batch = b.finish();
        assert!(b.is_empty());
        assert_eq!(batch.num_rows(), 2);
        let ref_start = batch.column_by_name("ref_start").unwrap().as_primitive::<Int64Type>();
        assert_eq!(ref_start.value(0), 5);
        assert!(ref_start.is_null(1));
        let text = batch.column_by_name("text").unwrap().as_string::<i32>();
        assert_eq!(text.value(1), "SSA");
        assert_eq!(b.finish().num_rows(), 0);
    }
}
