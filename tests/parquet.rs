//! `--format parquet` from the command line: the same rows as the CSV,
//! typed, and an interrupted or refused run leaves no file.

use arrow_array::cast::AsArray;
use arrow_array::types::Int64Type;
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use crate::util::{records, stderr, Workspace};

/// Every cell of the batches as the CSV writes it (a null is empty).
fn cells(batches: &[RecordBatch]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for b in batches {
        for i in 0..b.num_rows() {
            let row = b
                .columns()
                .iter()
                .map(|c| match c.data_type() {
                    _ if c.is_null(i) => String::new(),
                    DataType::Int64 => c.as_primitive::<Int64Type>().value(i).to_string(),
                    _ => c.as_string::<i32>().value(i).to_string(),
                })
                .collect();
            out.push(row);
        }
    }
    out
}

fn read(path: &std::path::Path) -> (Vec<String>, Vec<RecordBatch>) {
    let file = std::fs::File::open(path).expect("parquet output");
    let reader = ParquetRecordBatchReaderBuilder::try_new(file).expect("a parquet file");
    let names = reader.schema().fields().iter().map(|f| f.name().clone()).collect();
    (names, reader.build().expect("reader").map(Result::unwrap).collect())
}

#[test]
fn parquet_rows_equal_csv_rows() {
    let ws = Workspace::new();
    let out = ws.run(&["extract", "seeds", "-o", "rows.csv", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = ws.run(&["extract", "seeds", "--format", "parquet", "-o", "pq/rows.parquet", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = records(&ws.read("rows.csv"));
    let (names, batches) = read(&ws.path("pq/rows.parquet"));
    assert_eq!(names, csv[0]);
    let got = cells(&batches);
    assert!(got.len() > 1000);
    assert_eq!(got, csv[1..]);
    // The glossary stays CSV beside it.
    assert!(ws.read("pq/acronyms.csv").starts_with("short,long,"));
}

#[test]
fn glossary_parquet_and_refused_excel() {
    let ws = Workspace::new();
    let out = ws.run(&["extract", "seeds", "-o", "rows.csv", "--glossary", "acr.parquet", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = ws.run(&["extract", "seeds", "-o", "rows2.csv", "--glossary", "acr.csv", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (names, batches) = read(&ws.path("acr.parquet"));
    let csv = records(&ws.read("acr.csv"));
    assert_eq!(names, csv[0]);
    assert_eq!(cells(&batches), csv[1..]);

    let out = ws.run(&["extract", "seeds", "--format", "parquet", "--excel", "-o", "x.parquet"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--excel"), "{}", stderr(&out));
    assert!(!ws.path("x.parquet").exists());
}

#[test]
fn merge_refuses_parquet_shards_with_a_hint() {
    let ws = Workspace::new();
    for k in 0..2 {
        let shard = format!("{k}/2");
        let out = format!("s{k}.parquet");
        let out = ws.run(&["extract", "seeds", "--format", "parquet", "--shard", &shard, "-o", &out, "-q"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let out = ws.run(&["merge", "s0.parquet", "s1.parquet", "-o", "merged.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Parquet shards load as one dataset"), "{}", stderr(&out));
    assert!(!ws.path("merged.csv").exists());
}
