//! Issue 18, the reliability suite: each case of the issue reproduced end
//! to end on the real binary. See: `issues show 18`.
//!
//! 1. never destroy an input (`overwrite`);
//! 2. a failed or empty run keeps the previous output (`empty`);
//! 3. interrupted runs clean up (`signals`);
//! 4. merge verifies its shards, every run writes a manifest (`manifest`);
//! 5. encoding and format edges (`jsonl`, `rule_files`);
//! 6. files and flags (`files`); one error style (`errors`).

mod empty;
mod errors;
mod files;
mod jsonl;
mod manifest;
mod overwrite;
mod rule_files;
mod signals;

use std::path::Path;

/// Names in `dir`, sorted (hidden ones included: temporary files are).
pub fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

/// Names in `dir` that look like yomitori's temporary files.
pub fn temp_files(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|n| n.starts_with('.') && Path::new(n).extension().is_some_and(|e| e == "tmp"))
        .collect()
}
