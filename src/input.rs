//! Paths and stdin → a lazy stream of [`Document`]s.
//!
//! Folders are walked recursively in file-name order (so the input order,
//! and with it the output order, is the same on every machine), keeping
//! files that match the glob (`*.txt`, or `*.jsonl` for JSON Lines input).
//! Documents are read one at a time, so memory follows the largest
//! document, not the corpus.
//!
//! A document that cannot be read or is not UTF-8, and a JSON Lines record
//! that does not parse, is yielded as an error naming the file and the byte
//! or line; the stream goes on with the next one.
//!
//! JSON Lines: a UTF-8 BOM at the start of a file is skipped. Ids must be
//! distinct and not empty, or their rows could not be told apart: a record
//! with an empty id or an id seen before (in any file of the run) is an
//! error of that record, unless duplicates are allowed.

pub mod guard;

use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use globset::{Glob, GlobMatcher};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::extract::Document;
use crate::families::dates::CivilDate;
use crate::shard::Shard;

/// How input files are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Each file is one document; `doc` is its path.
    #[default]
    Text,
    /// Each line is a JSON object with string fields `id` and `text`
    /// (and optionally `date`, `YYYY-MM-DD`, the reference date for date
    /// anchoring); other fields are ignored.
    Jsonl,
}

/// A JSON Lines record.
#[derive(Deserialize)]
struct Record {
    id: String,
    text: String,
    #[serde(default)]
    date: Option<String>,
}

/// Where a document comes from.
enum Source {
    Stdin,
    File { path: PathBuf, doc: String },
}

/// The stream of documents of a list of paths (`-` is stdin).
pub struct Documents {
    args: VecDeque<PathBuf>,
    walk: Option<(PathBuf, walkdir::IntoIter)>,
    glob: GlobMatcher,
    format: InputFormat,
    /// The JSON Lines file being read: its label, reader and line number.
    lines: Option<(String, Box<dyn BufRead + Send>, usize)>,
    shard: Option<Shard>,
    /// Where each JSON Lines id was first seen (`file:line`), unless
    /// duplicates are allowed (`None`).
    ids: Option<HashMap<String, String>>,
    /// Files found (and JSON Lines records outside the shard), before
    /// the shard filter: a shard with no document of its own is not a run
    /// that found nothing.
    found: Arc<AtomicUsize>,
}

impl Documents {
    /// Reads `paths` in order. `glob` filters files found in folders.
    ///
    /// # Errors
    /// When `glob` is not a valid glob.
    pub fn new(paths: &[PathBuf], format: InputFormat, glob: Option<&str>) -> Result<Documents> {
        let default = match format {
            InputFormat::Text => "*.txt",
            InputFormat::Jsonl => "*.jsonl",
        };
        let glob = Glob::new(glob.unwrap_or(default))
            .map_err(|e| Error::usage(format!("invalid --glob: {e}")))?
            .compile_matcher();
        Ok(Documents {
            args: paths.iter().cloned().collect(),
            walk: None,
            glob,
            format,
            lines: None,
            shard: None,
            ids: Some(HashMap::new()),
            found: Arc::default(),
        })
    }

    /// Keeps only the documents of `shard`: text files by their doc id
    /// (before they are read), JSON Lines records by their `id`.
    #[must_use]
    pub fn shard(mut self, shard: Option<Shard>) -> Documents {
        self.shard = shard;
        self
    }

    /// Counts the inputs found, read or not (a shard skips most): zero
    /// after a run means that no path or glob matched anything.
    pub fn found(&self) -> Arc<AtomicUsize> {
        Arc::clone(&self.found)
    }

    /// The glob that folders are read with (for [`guard`]).
    pub fn glob(&self) -> &GlobMatcher {
        &self.glob
    }

    /// Accepts JSON Lines records with an empty id or the id of an earlier
    /// record (the default is an error per such record).
    #[must_use]
    pub fn allow_duplicate_ids(mut self, allow: bool) -> Documents {
        self.ids = if allow { None } else { Some(HashMap::new()) };
        self
    }

    /// True when a text file with doc id `doc` is to be read.
    fn keeps_file(shard: Option<Shard>, format: InputFormat, doc: &str) -> bool {
        format != InputFormat::Text || shard.is_none_or(|s| s.contains(doc))
    }

    fn next_source(&mut self) -> Option<Result<Source>> {
        let (shard, format) = (self.shard, self.format);
        loop {
            if let Some((root, walk)) = &mut self.walk {
                match walk.next() {
                    Some(Ok(entry)) => {
                        if !entry.file_type().is_file() {
                            continue;
                        }
                        let rel = entry.path().strip_prefix(&*root).unwrap_or(entry.path());
                        if !self.glob.is_match(rel) && !self.glob.is_match(entry.file_name()) {
                            continue;
                        }
                        let doc = rel.to_string_lossy().replace('\\', "/");
                        self.found.fetch_add(1, Ordering::Relaxed);
                        if !Self::keeps_file(shard, format, &doc) {
                            continue;
                        }
                        return Some(Ok(Source::File { path: entry.path().to_path_buf(), doc }));
                    }
                    Some(Err(e)) => {
                        let path = e.path().map_or_else(|| root.clone(), Path::to_path_buf);
                        let doc = path.to_string_lossy().into_owned();
                        return Some(Err(Error::document("cannot read document", doc, walk_reason(&e))));
                    }
                    None => self.walk = None,
                }
            }
            let path = self.args.pop_front()?;
            if path.as_os_str() == "-" {
                // An empty stream is an empty result, not a path that
                // matched nothing (a pipe's empty partition).
                self.found.fetch_add(1, Ordering::Relaxed);
                return Some(Ok(Source::Stdin));
            }
            if path.is_dir() {
                let walk = walkdir::WalkDir::new(&path).follow_links(true).sort_by_file_name().into_iter();
                self.walk = Some((path, walk));
                continue;
            }
            let doc = path.to_string_lossy().into_owned();
            self.found.fetch_add(1, Ordering::Relaxed);
            if !Self::keeps_file(shard, format, &doc) {
                continue;
            }
            return Some(Ok(Source::File { path, doc }));
        }
    }

    fn next_record(&mut self) -> Option<Result<Document>> {
        let shard = self.shard;
        let ids = &mut self.ids;
        let found = &self.found;
        let (label, reader, line_no) = self.lines.as_mut()?;
        let mut line = String::new();
        loop {
            line.clear();
            *line_no += 1;
            match reader.read_line(&mut line) {
                Ok(0) => {
                    self.lines = None;
                    return None;
                }
                Ok(_) if line.trim().is_empty() => {}
                Ok(_) => {
                    let at = format!("{label}:{line_no}");
                    let text = if *line_no == 1 { line.strip_prefix('\u{FEFF}').unwrap_or(&line) } else { &line };
                    let bad = |message: String| Error::document("malformed JSON Lines record", at.clone(), message);
                    return Some(match serde_json::from_str::<Record>(text) {
                        Ok(r) if shard.is_some_and(|s| !s.contains(&r.id)) => {
                            found.fetch_add(1, Ordering::Relaxed);
                            continue;
                        }
                        Ok(Record { date: Some(d), .. }) if CivilDate::parse_iso(&d).is_none() => {
                            Err(bad(format!("`date` must be a date YYYY-MM-DD, found {d:?}")))
                        }
                        Ok(r) => match ids.as_mut().map(|ids| first_use(ids, &r.id, label, &at)) {
                            Some(Err(e)) => Err(e),
                            _ => Ok(Document { id: Arc::from(r.id), text: r.text, date: r.date }),
                        },
                        Err(e) => Err(bad(e.to_string())),
                    });
                }
                Err(e) => {
                    let at = format!("{label}:{line_no}");
                    self.lines = None;
                    return Some(Err(Error::document("cannot read document", at, e.to_string())));
                }
            }
        }
    }
}

impl Iterator for Documents {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            if let Some(r) = self.next_record() {
                return Some(r);
            }
            let source = match self.next_source()? {
                Ok(s) => s,
                Err(e) => return Some(Err(e)),
            };
            match self.format {
                InputFormat::Text => return Some(read_text(source)),
                InputFormat::Jsonl => {
                    let (label, reader): (String, Box<dyn BufRead + Send>) = match source {
                        Source::Stdin => ("-".into(), Box::new(BufReader::new(io::stdin()))),
                        Source::File { path, doc } => match File::open(&path) {
                            Ok(f) => (doc, Box::new(BufReader::with_capacity(1 << 16, f))),
                            Err(e) => return Some(Err(Error::document("cannot read document", doc, e.to_string()))),
                        },
                    };
                    self.lines = Some((label, reader, 0));
                }
            }
        }
    }
}

fn read_text(source: Source) -> Result<Document> {
    let (doc, bytes) = match source {
        Source::Stdin => {
            let mut b = Vec::new();
            io::stdin().read_to_end(&mut b).map_err(|e| Error::document("cannot read document", "-", e.to_string()))?;
            ("-".to_string(), b)
        }
        Source::File { path, doc } => match std::fs::read(&path) {
            Ok(b) => (doc, b),
            Err(e) => return Err(Error::document("cannot read document", doc, e.to_string())),
        },
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Document { id: Arc::from(doc), text, date: None }),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Err(Error::document("document is not UTF-8", doc, format!("invalid byte sequence at byte {at}")))
        }
    }
}

/// Records that `id` is used at `at` (`file:line`), or the error of an
/// empty or already used id.
fn first_use(ids: &mut HashMap<String, String>, id: &str, file: &str, at: &str) -> Result<()> {
    const HINT: &str = "--allow-duplicate-ids accepts it";
    if id.is_empty() {
        return Err(Error::document("empty document id", at, format!("the record is skipped ({HINT})")));
    }
    if let Some(first) = ids.get(id) {
        // The first use's line alone when it is in the same file.
        let first = first
            .strip_prefix(file)
            .and_then(|l| l.strip_prefix(':'))
            .map_or_else(|| first.clone(), |line| format!("line {line}"));
        return Err(Error::document(
            "duplicate document id",
            at,
            format!("{id:?} is already on {first}; the record is skipped ({HINT})"),
        ));
    }
    ids.insert(id.to_string(), at.to_string());
    Ok(())
}

/// The reason of a folder walk error, without walkdir's own copy of the
/// path (the message names it already).
fn walk_reason(e: &walkdir::Error) -> String {
    e.io_error().map_or_else(|| e.to_string(), ToString::to_string)
}
