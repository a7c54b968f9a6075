//! Refuses, before anything is read, an output path that is one of the
//! inputs: `yomitori extract a.txt b.txt -o a.txt` would otherwise replace
//! the document with CSV.
//!
//! Two paths are the same file when they have the same device and inode
//! (so symbolic links, `..` and hard links are seen through). An output
//! inside an input folder is an input when the folder walk would read it:
//! its path relative to the folder (or its name) matches the glob. A
//! symbolic link inside an input folder that points at an output elsewhere
//! is not looked for (that would take a walk of the whole folder first).

use std::os::unix::fs::MetadataExt;
use std::path::Path;

use globset::GlobMatcher;

use crate::error::{Error, Result};

/// One output of a run: what it is (`output (-o)`) and its path.
pub type Output<'a> = (&'a str, &'a Path);

/// Checks `outputs` against the `inputs` given on the command line, whose
/// folders are read with `glob`.
///
/// # Errors
/// A usage error naming the output and the input it would overwrite.
pub fn refuse_overwriting_inputs(inputs: &[&Path], glob: &GlobMatcher, outputs: &[Output<'_>]) -> Result<()> {
    for (what, out) in outputs {
        if out.as_os_str() == "-" {
            continue;
        }
        // An output that does not exist yet cannot be an input.
        let Ok(out_meta) = std::fs::metadata(out) else { continue };
        for input in inputs {
            if input.as_os_str() == "-" {
                continue;
            }
            let Ok(in_meta) = std::fs::metadata(input) else { continue };
            let refuse = |why: String| {
                Err(Error::usage(format!(
                    "refusing to overwrite an input: {}: the {what} {why}; choose another path",
                    out.display()
                )))
            };
            if in_meta.dev() == out_meta.dev() && in_meta.ino() == out_meta.ino() {
                return refuse(format!("is the input {}", input.display()));
            }
            if in_meta.is_dir() {
                if let Some(rel) = inside(input, out) {
                    if glob.is_match(&rel) || rel.file_name().is_some_and(|n| glob.is_match(n)) {
                        return refuse(format!(
                            "is {} in the input folder {}, which is read with the glob `{}`",
                            rel.display(),
                            input.display(),
                            glob.glob()
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}

/// `file`'s path relative to `dir` when it is inside it (both resolved).
fn inside(dir: &Path, file: &Path) -> Option<std::path::PathBuf> {
    let dir = std::fs::canonicalize(dir).ok()?;
    let file = std::fs::canonicalize(file).ok()?;
    file.strip_prefix(&dir).ok().map(Path::to_path_buf)
}
