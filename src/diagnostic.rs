//! Compiler-style diagnostics: a code, a message, the rule it concerns and a
//! place in a file, rendered with the source line and a caret.
//!
//! ```text
//! error[invalid-regex]: rule "ja-era": unclosed group
//!  --> rules/dates.toml:42:13
//!    |
//! 42 | pattern = '(?P<year>\d+'
//!    |             ^
//! ```
//!
//! Shared by the rule loader (bad rule files) and `yomitori rules test`
//! (failing inline examples).

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::text::Locator;

/// A file's path and text, shared by every diagnostic that points into it.
#[derive(Clone, Debug)]
pub struct SourceFile {
    path: PathBuf,
    text: Arc<str>,
}

impl SourceFile {
    /// Wraps a file already read into memory.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> SourceFile {
        SourceFile { path: path.into(), text: text.into() }
    }

    /// The path as given to the loader.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The whole text of the file.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Stops the rule set from loading.
    Error,
    /// Reported; the rule set still loads.
    Warning,
}

/// One problem found in a rule file, a gazetteer or an example.
#[derive(Clone, Debug)]
pub struct Diagnostic(Box<Data>);

/// The fields of a [`Diagnostic`], boxed so results stay small.
#[derive(Clone, Debug)]
struct Data {
    severity: Severity,
    code: &'static str,
    message: String,
    rule: Option<String>,
    file: Option<SourceFile>,
    /// Byte range in the file; `None` points at the file as a whole.
    span: Option<(usize, usize)>,
    notes: Vec<String>,
}

impl Diagnostic {
    /// An error with a short kebab-case `code` (`invalid-regex`) and a message.
    pub fn error(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic(Box::new(Data {
            severity: Severity::Error,
            code,
            message: message.into(),
            rule: None,
            file: None,
            span: None,
            notes: Vec::new(),
        }))
    }

    /// A warning: reported, but the rule set still loads.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Diagnostic {
        let mut d = Diagnostic::error(code, message);
        d.0.severity = Severity::Warning;
        d
    }

    /// Names the rule the problem is in.
    #[must_use]
    pub fn rule(mut self, id: impl Into<String>) -> Diagnostic {
        self.0.rule = Some(id.into());
        self
    }

    /// Points at the byte range `start..end` of `file`.
    #[must_use]
    pub fn at(mut self, file: &SourceFile, start: usize, end: usize) -> Diagnostic {
        let len = file.text().len();
        let start = floor_char_boundary(file.text(), start.min(len));
        self.0.file = Some(file.clone());
        self.0.span = Some((start, end.clamp(start, len)));
        self
    }

    /// Points at a file without a position (a missing file, say).
    #[must_use]
    pub fn in_file(mut self, file: &SourceFile) -> Diagnostic {
        self.0.file = Some(file.clone());
        self
    }

    /// Adds a `= note:` line under the snippet.
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.0.notes.push(note.into());
        self
    }

    /// Error or warning.
    pub fn severity(&self) -> Severity {
        self.0.severity
    }

    /// The kebab-case code, e.g. `invalid-regex`.
    pub fn code(&self) -> &'static str {
        self.0.code
    }

    /// The message without location.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The rule id, when the problem is inside a rule.
    pub fn rule_id(&self) -> Option<&str> {
        self.0.rule.as_deref()
    }

    /// `(path, line, column)` of the start of the span, 1-based.
    pub fn location(&self) -> Option<(&Path, usize, usize)> {
        let file = self.0.file.as_ref()?;
        let (start, _) = self.0.span?;
        let loc = Locator::new(file.text()).locate(start);
        Some((file.path(), loc.line, loc.column))
    }

    /// Sort key: file, then offset, so a report reads top to bottom.
    pub(crate) fn sort_key(&self) -> (Option<PathBuf>, usize, Severity) {
        (self.0.file.as_ref().map(|f| f.path.clone()), self.0.span.map_or(0, |s| s.0), self.0.severity)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.0.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}[{}]: ", self.0.code)?;
        if let Some(rule) = &self.0.rule {
            write!(f, "rule \"{rule}\": ")?;
        }
        write!(f, "{}", self.0.message)?;
        let Some(file) = &self.0.file else {
            return self.write_notes(f, 0);
        };
        let path = file.path().display().to_string().replace('\\', "/");
        let Some((start, end)) = self.0.span else {
            write!(f, "\n --> {path}")?;
            return self.write_notes(f, 0);
        };
        let text = file.text();
        let loc = Locator::new(text).locate(start);
        write!(f, "\n --> {path}:{}:{}", loc.line, loc.column)?;
        let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |p| start + p);
        let line_text = text[line_start..line_end].trim_end_matches('\r');
        let gutter = loc.line.to_string().len();
        let pad = " ".repeat(gutter);
        // Carets cover the span on this line, at least one character.
        let caret_end = end.min(line_start + line_text.len()).max(start);
        let width = text[start..caret_end].chars().map(display_width).sum::<usize>().max(1);
        let lead: usize = text[line_start..start].chars().map(display_width).sum();
        write!(f, "\n{pad} |\n{} | {line_text}\n{pad} | {}{}", loc.line, " ".repeat(lead), "^".repeat(width))?;
        self.write_notes(f, gutter)
    }
}

impl Diagnostic {
    fn write_notes(&self, f: &mut fmt::Formatter<'_>, gutter: usize) -> fmt::Result {
        for note in &self.0.notes {
            write!(f, "\n{} = note: {note}", " ".repeat(gutter))?;
        }
        Ok(())
    }
}

/// Terminal columns a character takes: two for wide CJK, one otherwise, so the
/// caret lines up under Japanese text.
fn display_width(c: char) -> usize {
    let half_width = matches!(c, '\u{FF61}'..='\u{FFDC}' | '\u{FFE8}'..='\u{FFEE}');
    if crate::text::is_cjk(c) && !half_width {
        2
    } else {
        1
    }
}

/// A list of diagnostics rendered one after another, errors counted.
#[derive(Clone, Debug, Default)]
pub struct Report(pub Vec<Diagnostic>);

impl Report {
    /// Number of errors (not warnings).
    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.0.severity == Severity::Error).count()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_caret_under_span() {
        let file = SourceFile::new("rules/dates.toml", "[[rule]]\nid = \"x\"\npattern = '(?P<y>\\d+'\n");
        let start = file.text().find("(?P").unwrap();
        let d = Diagnostic::error("invalid-regex", "unclosed group").rule("x").at(&file, start, start + 1);
        insta::assert_snapshot!(d.to_string(), @r#"
        error[invalid-regex]: rule "x": unclosed group
         --> rules/dates.toml:3:12
          |
        3 | pattern = '(?P<y>\d+'
          |            ^
        "#);
    }
}
