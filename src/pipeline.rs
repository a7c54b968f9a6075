//! Documents → rows, in parallel, written in input order.
//!
//! ```text
//! reader (documents, numbered) ─▶ rayon workers (extract, one Scratch each)
//!        ─▶ channel ─▶ writer: reorder by number ─▶ sink, in input order
//! ```
//!
//! Documents are read lazily by the workers themselves (`par_bridge`), each
//! tagged with its sequence number; the writer, on the calling thread, keeps
//! finished documents in a reorder buffer until their turn. A [`Window`]
//! bounds how many documents (and bytes) may be read but not yet written, so
//! memory is bounded by the window and the largest document, never by the
//! corpus, and the output never depends on thread timing.
//!
//! With one thread everything runs on the calling thread, one document after
//! another: a one-thread measurement is exactly one core.
//!
//! A document that fails to read is reported through the observer, in input
//! order, and skipped; the run goes on and the summary counts it.
//!
//! A document larger than a section ([`crate::extract::SECTION_SIZE`]) is
//! handed on in parts, one per section, as each is done
//! ([`run_parts`]): a sink that writes rows out then needs memory for one
//! section's rows, not the document's. [`run`] joins the parts for sinks
//! that need a document whole (a TimeML file, a review page).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

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
    /// Most documents read but not yet written.
    pub window_docs: usize,
    /// Most bytes of text read but not yet written (a larger document is
    /// still processed, alone).
    pub window_bytes: usize,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions { threads: 0, window_docs: 256, window_bytes: 64 << 20 }
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
    /// Rows written, by kind (indexed by [`Kind::rank`]).
    pub rows: [usize; Kind::MAX],
}

impl Summary {
    /// Total rows.
    pub fn total_rows(&self) -> usize {
        self.rows.iter().sum()
    }

    /// Rows of `kind`.
    pub fn rows_of(&self, kind: Kind) -> usize {
        self.rows[kind_index(kind)]
    }

    fn add_rows(&mut self, rows: &[Row]) {
        for r in rows {
            self.rows[kind_index(r.kind)] += 1;
        }
    }

    fn add_document(&mut self, doc: &Document) {
        self.documents += 1;
        self.bytes += doc.text.len() as u64;
    }
}

fn kind_index(kind: Kind) -> usize {
    usize::from(kind.rank())
}

/// Callbacks of a run.
pub trait Observer {
    /// A document could not be read; it is skipped.
    fn document_error(&mut self, error: &Error);
    /// A document was written; `summary` is the running total.
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

/// Bounds the documents and bytes in flight between reading and writing.
struct Window {
    state: Mutex<(usize, usize)>,
    freed: Condvar,
    max_docs: usize,
    max_bytes: usize,
    closed: AtomicBool,
}

impl Window {
    fn new(options: &RunOptions) -> Window {
        Window {
            state: Mutex::new((0, 0)),
            freed: Condvar::new(),
            max_docs: options.window_docs.max(1),
            max_bytes: options.window_bytes.max(1),
            closed: AtomicBool::new(false),
        }
    }

    /// Waits for room for a document of `bytes` bytes. An empty window always
    /// has room, so a document larger than the byte budget goes alone.
    fn acquire(&self, bytes: usize) {
        let mut s = self.state.lock().expect("window lock");
        while s.0 > 0 && (s.0 >= self.max_docs || s.1 + bytes > self.max_bytes) && !self.closed.load(Ordering::Relaxed)
        {
            s = self.freed.wait(s).expect("window lock");
        }
        s.0 += 1;
        s.1 += bytes;
    }

    fn release(&self, bytes: usize) {
        let mut s = self.state.lock().expect("window lock");
        s.0 -= 1;
        s.1 -= bytes;
        self.freed.notify_all();
    }

    /// Stops all waiting: the writer failed and reading should end.
    fn close(&self) {
        self.closed.store(true, Ordering::Relaxed);
        let _guard = self.state.lock().expect("window lock");
        self.freed.notify_all();
    }
}

/// What a worker hands the writer for one document.
enum Done {
    /// Rows of a document still being extracted (a section).
    Part(Vec<Row>),
    /// The document is done; its last rows.
    Extracted(Document, Vec<Row>),
    /// The document failed (after the parts it sent, if any).
    Failed(Error, usize),
}

impl Done {
    /// Bytes of text its document held in the window (released, with the
    /// document's place, by the last message only).
    fn bytes(&self) -> usize {
        match self {
            Done::Part(_) => 0,
            Done::Extracted(d, _) => d.text.len(),
            Done::Failed(_, bytes) => *bytes,
        }
    }

    fn is_last(&self) -> bool {
        !matches!(self, Done::Part(_))
    }
}

/// What a sink of [`run_parts`] is handed, in input order.
#[derive(Clone, Copy, Debug)]
pub enum Part<'a> {
    /// Rows of a document still being extracted, in order: a section of a
    /// large document.
    Rows(&'a [Row]),
    /// A document is done: its last rows (all of them, for a document of
    /// one section).
    End(&'a Document, &'a [Row]),
}

/// Runs `extractor` over `docs`, handing each document's rows to `sink` in
/// input order, a whole document at a time.
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
    I::IntoIter: Send,
    S: FnMut(&Document, &[Row]) -> Result<()>,
{
    let mut held: Vec<Row> = Vec::new();
    run_parts(
        extractor,
        docs,
        options,
        |part| match part {
            Part::Rows(rows) => {
                held.extend_from_slice(rows);
                Ok(())
            }
            Part::End(doc, rows) if held.is_empty() => sink(doc, rows),
            Part::End(doc, rows) => {
                held.extend_from_slice(rows);
                let done = sink(doc, &held);
                held.clear();
                done
            }
        },
        observer,
    )
}

/// Runs `extractor` over `docs`, handing the rows to `sink` in input order
/// as [`Part`]s: each document ends with a [`Part::End`]; a document larger
/// than a section comes first in [`Part::Rows`], one per section. A
/// document that fails after some of its parts were handed on is reported
/// (and counted as failed) like any other, its parts staying handed on.
///
/// # Errors
/// When the sink fails or the thread pool cannot start. Bad documents are
/// not errors of the run; they go to `observer`.
pub fn run_parts<I, S>(
    extractor: &Extractor,
    docs: I,
    options: &RunOptions,
    mut sink: S,
    observer: &mut dyn Observer,
) -> Result<Summary>
where
    I: IntoIterator<Item = Result<Document>>,
    I::IntoIter: Send,
    S: FnMut(Part<'_>) -> Result<()>,
{
    let mut summary = Summary::default();
    let mut deliver = |done: Done, summary: &mut Summary| -> Result<()> {
        match done {
            Done::Part(rows) => {
                sink(Part::Rows(&rows))?;
                summary.add_rows(&rows);
            }
            Done::Extracted(doc, rows) => {
                sink(Part::End(&doc, &rows))?;
                summary.add_rows(&rows);
                summary.add_document(&doc);
                observer.progress(summary);
            }
            Done::Failed(e, _) => {
                summary.failed += 1;
                observer.document_error(&e);
            }
        }
        Ok(())
    };
    if options.threads == 1 {
        // No chunks either: they would run on rayon's global pool, and one
        // thread gains nothing from them (the output is the same).
        let extractor = &extractor.with_chunk_size(0);
        let mut scratch = extractor.scratch();
        for item in docs {
            let mut failed = None;
            extract_one(extractor, &mut scratch, item, &mut |done| {
                if failed.is_none() {
                    if let Err(e) = deliver(done, &mut summary) {
                        failed = Some(e);
                    }
                }
                failed.is_none()
            });
            if let Some(e) = failed {
                return Err(e);
            }
        }
        return Ok(summary);
    }

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .map_err(|e| Error::usage(format!("cannot start {} threads: {e}", options.threads)))?;
    let window = Window::new(options);
    // Bounded: a worker that is ahead waits for the writer instead of
    // queueing a large document's sections (the writer never waits on a
    // worker while it could receive, so this cannot deadlock).
    let (tx, rx) = mpsc::sync_channel::<(usize, Done)>(2 * options.threads.max(1));
    let docs = docs.into_iter();
    std::thread::scope(|scope| {
        let window = &window;
        scope.spawn(move || {
            pool.install(|| {
                docs.enumerate()
                    .take_while(|_| !window.closed.load(Ordering::Relaxed))
                    .map(|(seq, item)| {
                        window.acquire(item.as_ref().map_or(0, |d| d.text.len()));
                        (seq, item)
                    })
                    .par_bridge()
                    .for_each_init(
                        || (extractor.scratch(), tx.clone()),
                        |(scratch, tx), (seq, item)| {
                            // A send fails only when the writer has stopped.
                            extract_one(extractor, scratch, item, &mut |done| tx.send((seq, done)).is_ok());
                        },
                    );
            });
            drop(tx);
        });
        // Parts of documents after the one being written, in order.
        let mut pending: BTreeMap<usize, Vec<Done>> = BTreeMap::new();
        let mut next = 0;
        let mut failure = None;
        for (seq, done) in rx {
            if failure.is_some() {
                if done.is_last() {
                    window.release(done.bytes());
                }
                continue;
            }
            if seq != next {
                pending.entry(seq).or_default().push(done);
                continue;
            }
            let mut ready = vec![done];
            while !ready.is_empty() {
                let mut advanced = false;
                for done in ready.drain(..) {
                    let (bytes, last) = (done.bytes(), done.is_last());
                    let result = deliver(done, &mut summary);
                    // A document holds its place in the window until its end.
                    if last {
                        window.release(bytes);
                    }
                    if let Err(e) = result {
                        failure = Some(e);
                        window.close();
                        break;
                    }
                    if last {
                        next += 1;
                        advanced = true;
                    }
                }
                if failure.is_some() || !advanced {
                    break;
                }
                ready = pending.remove(&next).unwrap_or_default();
            }
        }
        match failure {
            Some(e) => Err(e),
            None => Ok(summary),
        }
    })
}

/// Extracts one document, handing `send` its parts and then its end (or its
/// failure); `send` returns false when the writer has stopped. A document
/// of one section is one message. A panic inside extraction is a bug, but one bad document
/// must not sink a batch of millions: it is caught, reported as an error of
/// that document, and the worker goes on with fresh scratch space.
fn extract_one(
    extractor: &Extractor,
    scratch: &mut crate::extract::Scratch,
    item: Result<Document>,
    send: &mut dyn FnMut(Done) -> bool,
) {
    let doc = match item {
        Ok(doc) => doc,
        Err(e) => {
            send(Done::Failed(e, 0));
            return;
        }
    };
    // The last rows go with the document, once extraction let go of it.
    let mut last_rows: Option<Vec<Row>> = None;
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        extractor.extract_each(&doc, scratch, &mut |rows, last| {
            let rows = std::mem::take(rows);
            if last {
                last_rows = Some(rows);
                Ok(())
            } else if send(Done::Part(rows)) {
                Ok(())
            } else {
                Err(())
            }
        })
    }));
    match run {
        Ok(Ok(())) => {
            debug_assert!(last_rows.is_some(), "extract_each ends every document");
            send(Done::Extracted(doc, last_rows.unwrap_or_default()));
        }
        // The writer stopped; it releases nothing more.
        Ok(Err(())) => {}
        Err(panic) => {
            *scratch = extractor.scratch();
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let bytes = doc.text.len();
            send(Done::Failed(
                Error::document("internal error, document skipped (please report)", &*doc.id, what),
                bytes,
            ));
        }
    }
}
