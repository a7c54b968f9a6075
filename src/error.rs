//! The library's error: an opaque [`Error`] with a [`kind`](Error::kind) and a
//! few predicates, so callers can branch without matching on internals.
//!
//! Every message but a rules report has one shape, `<what>: <path>:
//! <reason>` (`cannot read document: a.txt: No such file or directory (os
//! error 2)`), which the binary prints after `error: `. The OS error is the
//! reason and is part of the message, so [`source`](std::error::Error::source)
//! does not return it again: printed with its chain (`{:#}`), a message
//! names the OS reason once.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::diagnostic::Report;

/// What went wrong, in broad strokes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The rule set did not load: syntax, schema, regex or gazetteer errors.
    Rules,
    /// A document could not be read or decoded; the run skips it.
    Document,
    /// Reading or writing a file other than a document failed.
    Io,
    /// A golden file could not be read or parsed.
    Golden,
    /// Invalid option or argument values.
    Usage,
}

/// An error from the yomitori library.
#[derive(Debug)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Debug, thiserror::Error)]
enum Inner {
    #[error("{report}\n\n{count} error{s} in the rule set; nothing was extracted", count = report.error_count(), s = if report.error_count() == 1 { "" } else { "s" })]
    Rules { report: Report },
    #[error("{what}: {doc}: {message}")]
    Document { what: &'static str, doc: String, message: String },
    #[error("{what}: {}: {source}", path.display())]
    Io { what: &'static str, path: PathBuf, source: io::Error },
    #[error("{what}: {}: {message}", path.display())]
    Golden { what: &'static str, path: PathBuf, message: String },
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// The broad category of this error.
    pub fn kind(&self) -> ErrorKind {
        match *self.inner {
            Inner::Rules { .. } => ErrorKind::Rules,
            Inner::Document { .. } => ErrorKind::Document,
            Inner::Io { .. } => ErrorKind::Io,
            Inner::Golden { .. } => ErrorKind::Golden,
            Inner::Usage(_) => ErrorKind::Usage,
        }
    }

    /// True when the rule set failed to load.
    pub fn is_rules(&self) -> bool {
        self.kind() == ErrorKind::Rules
    }

    /// True when one document was bad and was skipped.
    pub fn is_document(&self) -> bool {
        self.kind() == ErrorKind::Document
    }

    /// True when the error is a broken pipe on output (the reader went away),
    /// which a command-line tool treats as a normal end.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(&*self.inner, Inner::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
    }

    /// The rule diagnostics, when this is a rules error.
    pub fn diagnostics(&self) -> Option<&Report> {
        match &*self.inner {
            Inner::Rules { report } => Some(report),
            _ => None,
        }
    }

    pub(crate) fn rules(report: Report) -> Error {
        Error { inner: Box::new(Inner::Rules { report }) }
    }

    /// A bad document: `what` went wrong (`cannot read document`), `doc`
    /// is its id or `file:line`, `message` the reason.
    pub(crate) fn document(what: &'static str, doc: impl Into<String>, message: impl Into<String>) -> Error {
        Error { inner: Box::new(Inner::Document { what, doc: doc.into(), message: message.into() }) }
    }

    /// An I/O error: `what` was being done (`cannot write the output`) on
    /// `path`.
    pub(crate) fn io(what: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Error {
        Error { inner: Box::new(Inner::Io { what, path: path.into(), source }) }
    }

    /// A golden or shard file that is not what it must be.
    pub(crate) fn golden(what: &'static str, path: impl Into<PathBuf>, message: impl Into<String>) -> Error {
        Error { inner: Box::new(Inner::Golden { what, path: path.into(), message: message.into() }) }
    }

    /// An error for invalid options or arguments, for the binary and other
    /// callers that report through this type (a pipeline sink refusing more
    /// input).
    pub fn from_usage(message: impl Into<String>) -> Error {
        Error::usage(message)
    }

    pub(crate) fn usage(message: impl Into<String>) -> Error {
        Error { inner: Box::new(Inner::Usage(message.into())) }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

/// No `source`: the OS reason of an I/O error is already in the message
/// (module doc).
impl std::error::Error for Error {}

impl Error {
    /// The OS error of an I/O error (its kind, say), which `Display` has
    /// already printed.
    pub fn io_error(&self) -> Option<&io::Error> {
        match &*self.inner {
            Inner::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Shorthand for results of this library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
