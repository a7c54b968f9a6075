//! The library's error: an opaque [`Error`] with a [`kind`](Error::kind) and a
//! few predicates, so callers can branch without matching on internals.

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
    #[error("{doc}: {message}")]
    Document { doc: String, message: String },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: {message}")]
    Golden { path: PathBuf, message: String },
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

    pub(crate) fn document(doc: impl Into<String>, message: impl Into<String>) -> Error {
        Error { inner: Box::new(Inner::Document { doc: doc.into(), message: message.into() }) }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: io::Error) -> Error {
        Error { inner: Box::new(Inner::Io { path: path.into(), source }) }
    }

    pub(crate) fn golden(path: impl Into<PathBuf>, message: impl Into<String>) -> Error {
        Error { inner: Box::new(Inner::Golden { path: path.into(), message: message.into() }) }
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

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.inner {
            Inner::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Shorthand for results of this library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
