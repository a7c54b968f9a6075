//! The manifest written beside every output file, `<output>.manifest.json`:
//! which yomitori, which rules (by a hash of their content), which shard,
//! inputs, options and counts made it. A CSV cannot carry this itself (a
//! trailing comment line would not be CSV), so it is a sidecar, written
//! atomically like the output. A Parquet output carries it in its own
//! key-value metadata instead ([`PARQUET_KEY`]).
//!
//! `yomitori merge` reads the manifests of its shards to check that it has
//! every shard `K/N` of one `N` exactly once, all made by the same rules,
//! version and output options.
//!
//! The rules hash is 64-bit FNV-1a over every file of the rule set (rule
//! files and the data files beside them), each as its path relative to the
//! rules folder, a NUL, its length and its bytes, in path order: the same
//! files give the same hash whether they are a folder or the built-in
//! rules (`yomitori rules dump` writes the latter as the former). It tells
//! rule sets apart; it is not a defence against someone forging one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The key of the manifest in the key-value metadata of a Parquet output,
/// which has no sidecar (a folder of Parquet shards is loaded whole by
/// Arrow datasets and Spark, which would read a sidecar as data).
pub const PARQUET_KEY: &str = "yomitori.manifest";

/// The manifest's file name for `output`: `<output>.manifest.json`.
pub fn path_for(output: &Path) -> PathBuf {
    let mut name = output.as_os_str().to_owned();
    name.push(".manifest.json");
    PathBuf::from(name)
}

/// What made an output file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The yomitori version (`CARGO_PKG_VERSION`).
    pub version: String,
    /// The rule set.
    pub rules: RulesId,
    /// The shard of a `--shard K/N` run; `null` otherwise.
    pub shard: Option<ShardId>,
    /// The paths given on the command line (or the shards merged).
    pub inputs: Vec<String>,
    /// Documents extracted.
    pub documents: usize,
    /// Documents skipped because of an error.
    pub failed: usize,
    /// Bytes of text extracted.
    pub bytes: u64,
    /// Rows by kind (every kind of the rule set, zero included).
    pub rows: BTreeMap<String, usize>,
    /// All rows.
    pub rows_total: usize,
    /// The options that shape the output.
    pub options: OutputOptions,
    /// The files written: the output first, then side outputs.
    pub outputs: Vec<String>,
}

/// A rule set: where it came from and the hash of its content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesId {
    /// `built-in`, `./rules` or the `--rules` folder.
    pub source: String,
    /// 16 hex digits (module doc).
    pub hash: String,
}

/// `K/N` of a shard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardId {
    /// K, 0-based.
    pub index: u64,
    /// N.
    pub count: u64,
}

/// The options of a run that change its output bytes, and a few that
/// explain it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputOptions {
    /// `csv` or `jsonl`.
    pub format: String,
    /// `--excel`.
    pub excel: bool,
    /// `text` or `jsonl`.
    pub input_format: String,
    /// `--glob`, when given.
    pub glob: Option<String>,
    /// `off`, `context` or the `--anchor-date`.
    pub anchor: String,
    /// `--fiscal-year`: `auto`, `jp` or `us`. Absent in manifests written
    /// before it was recorded, which read as `auto` (the only reading then).
    #[serde(default = "auto")]
    pub fiscal_year: String,
    /// `--chunk-size` in bytes (the output does not depend on it).
    pub chunk_size: u64,
    /// `--allow-empty`.
    pub allow_empty: bool,
    /// `--allow-duplicate-ids`.
    pub allow_duplicate_ids: bool,
}

fn auto() -> String {
    "auto".to_string()
}

impl Manifest {
    /// The manifest as pretty JSON, with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a manifest serializes");
        s.push('\n');
        s
    }

    /// Reads the manifest of `output`.
    ///
    /// # Errors
    /// When it cannot be read or is not a manifest.
    pub fn read_for(output: &Path) -> Result<Manifest> {
        let path = path_for(output);
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io("cannot read the manifest", &path, e))?;
        serde_json::from_str(&text).map_err(|e| Error::golden("invalid manifest", &path, e.to_string()))
    }

    /// Writes the manifest of `output` atomically beside it.
    ///
    /// # Errors
    /// When it cannot be written.
    pub fn write_for(&self, output: &Path) -> Result<()> {
        super::atomic::write_file(&path_for(output), self.to_json().as_bytes())
    }
}

/// 64-bit FNV-1a, fed in pieces: stable across Rust releases and machines.
#[derive(Clone, Copy, Debug)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    /// Adds `bytes`.
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// The hash so far.
    pub fn finish(self) -> u64 {
        self.0
    }
}

/// The hash of a rule set given as `(relative path, bytes)` pairs.
fn hash_files<'a>(files: impl IntoIterator<Item = (String, std::borrow::Cow<'a, [u8]>)>) -> String {
    let mut files: Vec<_> = files.into_iter().collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut h = Fnv::default();
    for (rel, bytes) in &files {
        h.write(rel.as_bytes());
        h.write(&[0]);
        h.write(&(bytes.len() as u64).to_le_bytes());
        h.write(bytes);
    }
    format!("{:016x}", h.finish())
}

/// The hash of the built-in rules.
pub fn builtin_rules_hash() -> String {
    hash_files(
        crate::rules::tree::RuleTree::builtin_files()
            .map(|(rel, text)| (rel.to_string(), std::borrow::Cow::Borrowed(text.as_bytes()))),
    )
}

/// The hash of the rules folder `dir`: every file under it but hidden ones.
///
/// # Errors
/// When the folder or a file cannot be read.
pub fn rules_dir_hash(dir: &Path) -> Result<String> {
    let mut files = Vec::new();
    let walk = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_str().is_some_and(|n| n.starts_with('.')));
    for entry in walk {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            Error::io("cannot read the rules folder", path, e.into())
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(|e| Error::io("cannot read the rule file", entry.path(), e))?;
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        files.push((rel.to_string_lossy().replace('\\', "/"), std::borrow::Cow::Owned(bytes)));
    }
    Ok(hash_files(files))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_name_is_beside_the_output() {
        assert_eq!(path_for(Path::new("out/x.csv")), Path::new("out/x.csv.manifest.json"));
    }

    #[test]
    fn hash_depends_on_names_and_content_not_order() {
        let f = |v: &[(&str, &str)]| {
            hash_files(v.iter().map(|(p, t)| (p.to_string(), std::borrow::Cow::Borrowed(t.as_bytes()))))
        };
        let a = f(&[("a.toml", "x"), ("b.csv", "y")]);
        assert_eq!(a, f(&[("b.csv", "y"), ("a.toml", "x")]));
        assert_ne!(a, f(&[("a.toml", "x"), ("b.csv", "z")]));
        assert_ne!(a, f(&[("a.toml", "xb.csv"), ("", "y")]), "lengths keep files apart");
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn the_shipped_folder_hashes_as_the_builtin_rules() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        assert_eq!(rules_dir_hash(&dir).unwrap(), builtin_rules_hash());
    }
}
