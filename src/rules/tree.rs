//! Where a rule set comes from: a folder on disk, the shipped rules built
//! into the binary, or rule files handed over in memory. The loader reads
//! the rule files and every data file they name (gazetteers, tables, known
//! expansions) through a [`RuleTree`], so that the three sources behave the
//! same: a gazetteer path in a rule file is relative to that rule file,
//! whichever source it is in.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, Report, SourceFile};
use crate::error::{Error, Result};

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// The path prefix under which the built-in rules are reported
/// (`<built-in>/dates.toml:42:13`).
pub const BUILTIN_ROOT: &str = "<built-in>";

/// A source of rule files and the data files they name.
#[derive(Clone, Debug)]
pub enum RuleTree {
    /// Any path, read from the file system (a rules folder, or rule files
    /// whose data files are on disk).
    Disk,
    /// Files in memory, by path; nothing is read from disk.
    Memory(BTreeMap<PathBuf, Cow<'static, str>>),
}

impl RuleTree {
    /// The shipped rules, as built into the binary from `rules/`, under
    /// [`BUILTIN_ROOT`].
    pub fn builtin() -> RuleTree {
        let root = Path::new(BUILTIN_ROOT);
        RuleTree::memory(BUILTIN_RULES.iter().map(|(rel, text)| (root.join(rel), Cow::Borrowed(*text))))
    }

    /// Files in memory, by path (paths are taken lexically: `a/./b` is
    /// `a/b`).
    pub fn memory(files: impl IntoIterator<Item = (PathBuf, Cow<'static, str>)>) -> RuleTree {
        RuleTree::Memory(files.into_iter().map(|(p, t)| (lexical(&p), t)).collect())
    }

    /// The shipped files, as `(path relative to rules/, text)`, for
    /// `yomitori rules dump`.
    pub fn builtin_files() -> impl Iterator<Item = (&'static str, &'static str)> {
        BUILTIN_RULES.iter().copied()
    }

    /// Reads a file named by a rule file (already resolved against it).
    ///
    /// # Errors
    /// The file system's error, or `NotFound` for a path the tree does not
    /// hold.
    pub fn read(&self, path: &Path) -> io::Result<Cow<'_, str>> {
        match self {
            RuleTree::Disk => std::fs::read_to_string(path).map(Cow::Owned),
            RuleTree::Memory(files) => match files.get(&lexical(path)) {
                Some(text) => Ok(Cow::Borrowed(text)),
                None => Err(io::Error::new(io::ErrorKind::NotFound, "no such file among the rule files given")),
            },
        }
    }

    /// The top-level `*.toml` rule files of a memory tree, in path order.
    pub fn rule_files(&self) -> Vec<SourceFile> {
        let RuleTree::Memory(files) = self else { return Vec::new() };
        files
            .iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == "toml") && p.parent().is_some_and(is_top))
            .map(|(p, t)| SourceFile::new(p.clone(), t.to_string()))
            .collect()
    }
}

/// The folder of the tree's top-level rule files: one component (the root
/// itself), so that `<built-in>/dates/eras.csv` is data, not a rule file.
fn is_top(parent: &Path) -> bool {
    parent.components().count() <= 1
}

/// Reads every `*.toml` rule file of `dir`, in name order.
///
/// # Errors
/// The folder cannot be listed or a file read, or it has no rule file.
pub fn read_dir(dir: &Path) -> Result<Vec<SourceFile>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io("cannot read the rules folder", dir, e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(Error::usage(format!("{}: no rule files (*.toml) in this folder", dir.display())));
    }
    let mut files = Vec::new();
    let mut diags = Vec::new();
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|e| Error::io("cannot read the rule file", &path, e))?;
        match String::from_utf8(bytes) {
            Ok(text) => files.push(SourceFile::new(path, text)),
            Err(e) => diags.push(not_utf8(&path, e.as_bytes(), e.utf8_error())),
        }
    }
    if !diags.is_empty() {
        return Err(Error::rules(Report(diags)));
    }
    Ok(files)
}

/// The diagnostic of a rule or data file that is not UTF-8, at its first
/// bad byte (file:line:col, with the line shown).
pub fn not_utf8(path: &Path, bytes: &[u8], e: std::str::Utf8Error) -> Diagnostic {
    let at = e.valid_up_to();
    // The lossy text has the same bytes up to `at`, so the offset holds.
    let file = SourceFile::new(path, String::from_utf8_lossy(bytes).into_owned());
    Diagnostic::error("not-utf8", format!("`{}` is not UTF-8: invalid byte sequence at byte {at}", path.display()))
        .at(&file, at, at + '\u{FFFD}'.len_utf8())
        .note("rule files, gazetteers and tables are read as UTF-8; convert the file (`iconv -t UTF-8`)")
}

/// The `not-utf8` diagnostic for a data file whose read failed with
/// `error`, or `None` when the failure was another one. The file is read
/// again, as bytes, only in that case.
pub fn utf8_diagnostic(path: &Path, error: &io::Error) -> Option<Diagnostic> {
    if error.kind() != io::ErrorKind::InvalidData {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let e = std::str::from_utf8(&bytes).err()?;
    Some(not_utf8(path, &bytes, e))
}

/// `a/./b/../c` → `a/c`, without touching the file system: memory trees
/// have no folders to ask.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_has_the_shipped_files() {
        let tree = RuleTree::builtin();
        let names: Vec<String> = tree.rule_files().iter().map(|f| f.path().display().to_string()).collect();
        assert!(names.contains(&"<built-in>/dates.toml".to_string()), "{names:?}");
        assert!(!names.iter().any(|n| std::path::Path::new(n).extension().is_some_and(|e| e == "csv")));
        let eras = tree.read(Path::new("<built-in>/./dates/../dates/eras.csv")).expect("eras table");
        assert!(eras.contains("令和"));
        assert_eq!(tree.read(Path::new("<built-in>/nope.csv")).unwrap_err().kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn builtin_equals_the_rules_folder() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        for (rel, text) in RuleTree::builtin_files() {
            let on_disk = std::fs::read_to_string(root.join(rel)).expect("shipped file on disk");
            assert_eq!(on_disk, text, "{rel} differs from rules/{rel}: rebuild");
        }
    }
}
