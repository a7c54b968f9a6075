//! Documents → rows, in parallel, in input order.
//!
//! Documents are read into batches bounded in count and bytes; each batch is
//! extracted by a rayon pool (one [`Scratch`] per worker split) and its rows
//! are handed to the sink in input order before the next batch is read. The
//! batch is the reorder buffer: memory is bounded by the batch size and the
//! largest document, and the output never depends on thread timing.
//!
//! A document that fails to read is reported through `on_error` and
//! skipped; the run goes on and the summary counts it.

use rayon::prelude::*;

use crate::emit::Row;
use crate::error::{Error, Result};
use crate::extract::{Document, Extractor};
use crate::rules::Kind;

/// Knobs of a run.
#[derive(Clone, Copy, Debug)]
pub struct RunOptions {
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Largest number of documents in a batch.
    pub batch_docs: usize,
    /// A batch is closed once it holds this many bytes of text.
    pub batch_bytes: usize,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions { threads: 0, batch_docs: 1024, batch_bytes: 16 << 20 }
    }
}

/// What a run did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents extracted.
    pub documents: usize,
    /// Documents skipped because of an error.
    pub failed: usize,
    /// Bytes of text extracted.
    pub bytes: u64,
    /// Rows written, by kind (in [`Kind::ALL`] order).
    pub rows: [usize; 3],
}

impl Summary {
    /// Total rows.
    pub fn total_rows(&self) -> usize {
        self.rows.iter().sum()
    }

    /// Rows of `kind`.
    pub fn rows_of(&self, kind: Kind) -> usize {
        self.rows[Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
    }
}

/// Callbacks of a run.
pub trait Observer {
    /// A document could not be read; it is skipped.
    fn document_error(&mut self, error: &Error);
    /// A batch was written; `summary` is the running total.
    fn progress(&mut self, _summary: &Summary) {}
}

/// An observer that keeps the error messages, for tests and library users.
#[derive(Clone, Debug, Default)]
pub struct Collect {
    /// One message per skipped document.
    pub errors: Vec<String>,
}

impl Observer for Collect {
    fn document_error(&mut self, error: &Error) {
        self.errors.push(error.to_string());
    }
}

/// Runs `extractor` over `docs`, handing each document's rows to `sink` in
/// input order.
///
/// # Errors
/// When the sink fails or the thread pool cannot start. Bad documents are
/// not errors of the run; they go to `observer`.
pub fn run<I, S>(
    extractor: &Extractor,
    docs: I,
    options: &RunOptions,
    mut sink: S,
    observer: &mut dyn Observer,
) -> Result<Summary>
where
    I: IntoIterator<Item = Result<Document>>,
    S: FnMut(&Document, &[Row]) -> Result<()>,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .map_err(|e| Error::usage(format!("cannot start {} threads: {e}", options.threads)))?;
    let mut docs = docs.into_iter();
    let mut summary = Summary::default();
    let mut batch: Vec<Document> = Vec::new();
    loop {
        batch.clear();
        let mut bytes = 0;
        for item in docs.by_ref() {
            match item {
                Ok(d) => {
                    bytes += d.text.len();
                    batch.push(d);
                    if batch.len() >= options.batch_docs.max(1) || bytes >= options.batch_bytes {
                        break;
                    }
                }
                Err(e) => {
                    summary.failed += 1;
                    observer.document_error(&e);
                }
            }
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<Vec<Row>> = pool.install(|| {
            batch
                .par_iter()
                .map_init(
                    || extractor.scratch(),
                    |scratch, doc| {
                        let mut rows = Vec::new();
                        extractor.extract_into(doc, scratch, &mut rows);
                        rows
                    },
                )
                .collect()
        });
        for (doc, rows) in batch.iter().zip(&results) {
            sink(doc, rows)?;
            summary.documents += 1;
            summary.bytes += doc.text.len() as u64;
            for r in rows {
                summary.rows[Kind::ALL.iter().position(|k| *k == r.kind).unwrap_or(0)] += 1;
            }
        }
        observer.progress(&summary);
    }
    Ok(summary)
}
