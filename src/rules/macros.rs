//! Pattern text with `{macro}` references → [`Expanded`] regex text that
//! remembers where each of its bytes came from.
//!
//! A macro is a named sub-pattern from a file's `[macros]` table. `{month}`
//! in a pattern becomes `(?:<month's text>)`; macros may use other macros.
//! `{` starts a reference only when a name follows (`[A-Za-z_][A-Za-z0-9_]*`)
//! and it is not part of `\p{..}`, `\x{..}` or a character class, so regex
//! repetitions such as `{2,4}` keep their meaning.
//!
//! The origin map lets a regex error inside an expansion point at the exact
//! byte of the rule file, or of the macro definition, that caused it.

use std::collections::BTreeMap;
use std::sync::Arc;

use regex_syntax::hir::Hir;

use crate::diagnostic::{Diagnostic, SourceFile};

/// Where the text of a TOML string value starts in its file.
#[derive(Clone, Debug)]
pub struct StrLoc {
    /// The rule file.
    pub file: SourceFile,
    /// Byte offset of the first character of the string's content.
    pub start: usize,
    /// Byte offset just past the closing quote, for pointing at the value.
    pub end: usize,
}

impl StrLoc {
    /// Locates the content of the string value whose TOML span (quotes
    /// included) is `span`. Literal strings (`'..'`, `'''..'''`) map one to
    /// one; basic strings may be off by their escapes, which is why the docs
    /// ask for literal strings in patterns.
    pub fn of_value(file: &SourceFile, span: std::ops::Range<usize>) -> StrLoc {
        let raw = &file.text()[span.clone()];
        let mut start = span.start;
        if raw.starts_with("'''") || raw.starts_with("\"\"\"") {
            start += 3;
            let rest = &file.text()[start..];
            if rest.starts_with("\r\n") {
                start += 2;
            } else if rest.starts_with('\n') {
                start += 1;
            }
        } else if raw.starts_with('\'') || raw.starts_with('"') {
            start += 1;
        }
        StrLoc { file: file.clone(), start, end: span.end }
    }
}

/// A macro definition.
#[derive(Clone, Debug)]
pub struct Macro {
    /// The sub-pattern.
    pub text: String,
    /// Where its text is (for a macro made from a table column: the
    /// column name in the rule file).
    pub loc: StrLoc,
    /// True when the text was generated (from a table column) rather than
    /// written at `loc`, so its bytes do not map one to one onto the file.
    pub generated: bool,
}

/// All macros of a rule set, by name.
pub type Macros = BTreeMap<String, Macro>;

#[derive(Clone, Debug)]
struct Segment {
    /// Start of this segment in the expanded text.
    at: usize,
    file: SourceFile,
    /// File offset of the segment's first byte.
    file_offset: usize,
    /// True when the bytes are copied from the file; false for the `(?:` and
    /// `)` added around an expansion, which point at the reference.
    verbatim: bool,
}

/// Regex text after macro expansion, with its origin map.
#[derive(Clone, Debug)]
pub struct Expanded {
    /// The regex.
    pub text: String,
    segments: Vec<Segment>,
    loc: StrLoc,
    /// The parsed regex, kept by validation so that compiling does not
    /// parse the text a second time (parsing and translating the shipped
    /// patterns was a fifth of start-up).
    hir: Option<Arc<Hir>>,
}

impl Expanded {
    /// File and byte offset that produced byte `offset` of the expanded text.
    pub fn origin(&self, offset: usize) -> (&SourceFile, usize) {
        let i = self.segments.partition_point(|s| s.at <= offset);
        if i == 0 {
            return (&self.loc.file, self.loc.start);
        }
        let seg = &self.segments[i - 1];
        let off = if seg.verbatim { seg.file_offset + (offset - seg.at) } else { seg.file_offset };
        (&seg.file, off)
    }

    /// The regex as validation parsed it; `None` before validation.
    pub fn hir(&self) -> Option<&Arc<Hir>> {
        self.hir.as_ref()
    }

    /// Keeps the parse of [`Expanded::text`] (validation does this once).
    pub fn set_hir(&mut self, hir: Hir) {
        self.hir = Some(Arc::new(hir));
    }

    /// The TOML value this pattern came from.
    pub fn loc(&self) -> &StrLoc {
        &self.loc
    }

    /// A diagnostic pointing at byte `offset` of the expanded text.
    pub fn diagnostic_at(&self, d: Diagnostic, offset: usize, len: usize) -> Diagnostic {
        let (file, off) = self.origin(offset);
        d.at(file, off, off + len.max(1))
    }
}

/// Expands the macros in `text`, found at `loc`.
pub fn expand(text: &str, loc: &StrLoc, macros: &Macros) -> Result<Expanded, Diagnostic> {
    let mut out =
        Expanded { text: String::with_capacity(text.len()), segments: Vec::new(), loc: loc.clone(), hir: None };
    let mut stack = Vec::new();
    expand_into(text, loc, true, macros, &mut out, &mut stack)?;
    Ok(out)
}

fn push_segment(out: &mut Expanded, file: &SourceFile, file_offset: usize, verbatim: bool) {
    out.segments.push(Segment { at: out.text.len(), file: file.clone(), file_offset, verbatim });
}

fn expand_into(
    text: &str,
    loc: &StrLoc,
    verbatim: bool,
    macros: &Macros,
    out: &mut Expanded,
    stack: &mut Vec<String>,
) -> Result<(), Diagnostic> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut copied = 0;
    let mut class_depth = 0usize;
    push_segment(out, &loc.file, loc.start, verbatim);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => {
                // Skip the escaped character, and a `{..}` that belongs to it.
                i += 1;
                if let Some(&c) = bytes.get(i) {
                    i += 1;
                    if matches!(c, b'p' | b'P' | b'x' | b'u') && bytes.get(i) == Some(&b'{') {
                        i = text[i..].find('}').map_or(bytes.len(), |p| i + p + 1);
                    }
                }
            }
            b'[' => {
                class_depth += 1;
                i += 1;
                // A `]` right after `[` or `[^` is a literal.
                if bytes.get(i) == Some(&b'^') {
                    i += 1;
                }
                if bytes.get(i) == Some(&b']') {
                    i += 1;
                }
            }
            b']' if class_depth > 0 => {
                class_depth -= 1;
                i += 1;
            }
            b'{' if class_depth == 0 => {
                let Some(name) = macro_name(&text[i + 1..]) else {
                    i += 1;
                    continue;
                };
                let ref_start = i;
                let ref_end = i + 1 + name.len() + 1;
                let file_ref = loc.start + ref_start;
                let Some(def) = macros.get(name) else {
                    let known = macros.keys().map(String::as_str).collect::<Vec<_>>().join(", ");
                    return Err(Diagnostic::error("unknown-macro", format!("no macro named `{name}`"))
                        .at(&loc.file, file_ref, loc.start + ref_end)
                        .note(if known.is_empty() {
                            "no macros are defined; define them in a `[macros]` table".to_string()
                        } else {
                            format!("defined macros: {known}")
                        }));
                };
                if stack.iter().any(|s| s == name) {
                    return Err(Diagnostic::error(
                        "macro-cycle",
                        format!("macro `{name}` refers to itself: {} -> {name}", stack.join(" -> ")),
                    )
                    .at(&loc.file, file_ref, loc.start + ref_end));
                }
                out.text.push_str(&text[copied..ref_start]);
                push_segment(out, &loc.file, file_ref, false);
                out.text.push_str("(?:");
                stack.push(name.to_string());
                expand_into(&def.text, &def.loc, !def.generated, macros, out, stack)?;
                stack.pop();
                push_segment(out, &loc.file, file_ref, false);
                out.text.push(')');
                i = ref_end;
                copied = i;
                push_segment(out, &loc.file, loc.start + i, verbatim);
            }
            _ => i += 1,
        }
    }
    out.text.push_str(&text[copied..]);
    Ok(())
}

/// The macro name at the start of `rest` when it is followed by `}`.
fn macro_name(rest: &str) -> Option<&str> {
    let end = rest.find('}')?;
    let name = &rest[..end];
    let mut chars = name.chars();
    let first = chars.next()?;
    let ok = (first.is_ascii_alphabetic() || first == '_') && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    ok.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup(file_text: &str) -> (SourceFile, Macros) {
        let file = SourceFile::new("t.toml", file_text.to_string());
        let mut macros = Macros::new();
        for (name, body) in [("month", "Jan|Feb"), ("md", "{month} [0-9]{1,2}")] {
            let start = file_text.find(body).unwrap();
            macros.insert(
                name.into(),
                Macro {
                    text: body.into(),
                    loc: StrLoc { file: file.clone(), start, end: start + body.len() },
                    generated: false,
                },
            );
        }
        (file, macros)
    }

    #[test]
    fn expands_nested_and_keeps_repetitions() {
        let text = "m = 'Jan|Feb'\nmd = '{month} [0-9]{1,2}'\np = '{md}, \\p{Han}[{]{2}'";
        let (file, macros) = setup(text);
        let pat = "{md}, \\p{Han}[{]{2}";
        let start = text.find(pat).unwrap();
        let loc = StrLoc { file: file.clone(), start, end: start + pat.len() };
        let e = expand(pat, &loc, &macros).unwrap();
        assert_eq!(e.text, "(?:(?:Jan|Feb) [0-9]{1,2}), \\p{Han}[{]{2}");
        // A byte of the month macro maps to its definition.
        let (_, off) = e.origin(e.text.find("Feb").unwrap());
        assert_eq!(&text[off..off + 3], "Feb");
        // A byte after the expansion maps to the pattern.
        let (_, off) = e.origin(e.text.find("\\p").unwrap());
        assert_eq!(&text[off..off + 2], "\\p");
    }

    #[test]
    fn unknown_macro_is_an_error() {
        let text = "p = '{nope}'";
        let file = SourceFile::new("t.toml", text.to_string());
        let loc = StrLoc { file, start: 5, end: 12 };
        let err = expand("{nope}", &loc, &Macros::new()).unwrap_err();
        assert_eq!(err.code(), "unknown-macro");
        assert_eq!(err.location().unwrap().2, 6);
    }
}
