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

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
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
        Ok(Documents { args: paths.iter().cloned().collect(), walk: None, glob, format, lines: None, shard: None })
    }

    /// Keeps only the documents of `shard`: text files by their doc id
    /// (before they are read), JSON Lines records by their `id`.
    #[must_use]
    pub fn shard(mut self, shard: Option<Shard>) -> Documents {
        self.shard = shard;
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
                        if !Self::keeps_file(shard, format, &doc) {
                            continue;
                        }
                        return Some(Ok(Source::File { path: entry.path().to_path_buf(), doc }));
                    }
                    Some(Err(e)) => {
                        let path = e.path().map_or_else(|| root.clone(), Path::to_path_buf);
                        let doc = path.to_string_lossy().into_owned();
                        return Some(Err(Error::document(doc, format!("cannot read: {e}"))));
                    }
                    None => self.walk = None,
                }
            }
            let path = self.args.pop_front()?;
            if path.as_os_str() == "-" {
                return Some(Ok(Source::Stdin));
            }
            if path.is_dir() {
                let walk = walkdir::WalkDir::new(&path).follow_links(true).sort_by_file_name().into_iter();
                self.walk = Some((path, walk));
                continue;
            }
            let doc = path.to_string_lossy().into_owned();
            if !Self::keeps_file(shard, format, &doc) {
                continue;
            }
            return Some(Ok(Source::File { path, doc }));
        }
    }

    fn next_record(&mut self) -> Option<Result<Document>> {
        let shard = self.shard;
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
                    return Some(match serde_json::from_str::<Record>(&line) {
                        Ok(r) if shard.is_some_and(|s| !s.contains(&r.id)) => continue,
                        Ok(Record { date: Some(d), .. }) if CivilDate::parse_iso(&d).is_none() => Err(Error::document(
                            at,
                            format!("malformed JSON Lines record: `date` must be a date YYYY-MM-DD, found {d:?}"),
                        )),
                        Ok(r) => Ok(Document { id: Arc::from(r.id), text: r.text, date: r.date }),
                        Err(e) => Err(Error::document(at, format!("malformed JSON Lines record: {e}"))),
                    });
                }
                Err(e) => {
                    let at = format!("{label}:{line_no}");
                    self.lines = None;
                    return Some(Err(Error::document(at, format!("cannot read line: {e}"))));
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
                            Err(e) => return Some(Err(Error::document(doc, format!("cannot read: {e}")))),
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
            io::stdin().read_to_end(&mut b).map_err(|e| Error::document("-", format!("cannot read: {e}")))?;
            ("-".to_string(), b)
        }
        Source::File { path, doc } => match std::fs::read(&path) {
            Ok(b) => (doc, b),
            Err(e) => return Err(Error::document(doc, format!("cannot read: {e}"))),
        },
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Document { id: Arc::from(doc), text, date: None }),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Err(Error::document(doc, format!("not UTF-8: invalid byte sequence at byte {at}")))
        }
    }
}
