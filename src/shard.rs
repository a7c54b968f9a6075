//! Distributed runs: a deterministic partition of the documents into N
//! shards, and the merge of shard outputs back into the bytes one run over
//! all documents writes.
//!
//! A document belongs to shard `fnv1a(doc id) % N`, where the doc id is the
//! path relative to the input folder (or the JSON Lines `id`). The hash is
//! computed here rather than with `std`'s hasher, whose output may change
//! between Rust releases: machines in one job must agree.
//!
//! Each shard's output has a manifest (`crate::emit::manifest`) naming its
//! `K/N` and rule set; [`verify`] checks a set of them before [`merge`].
//!
//! [`merge`] streams: each shard's CSV is a subsequence of the single-run
//! output, so a k-way merge by document order restores it. Documents are
//! ordered the way a run walks one input folder: path components compared
//! one by one.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::Path;

use crate::emit::manifest::{Fnv, Manifest, OutputOptions};
use crate::error::{Error, Result};

/// One share of a partition: `index` in `0..count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// This machine's share, 0-based.
    pub index: u64,
    /// Number of shares.
    pub count: u64,
}

impl Shard {
    /// Parses `K/N` (0-based `K`, `K < N`).
    ///
    /// # Errors
    /// When the text is not `K/N` with `K < N`.
    pub fn parse(s: &str) -> Result<Shard> {
        let bad = || Error::usage(format!("invalid --shard `{s}`: expected K/N with 0 <= K < N, e.g. 0/4"));
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u64 = k.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// True when the document `doc_id` belongs to this shard.
    pub fn contains(&self, doc_id: &str) -> bool {
        fnv1a(doc_id.as_bytes()) % self.count == self.index
    }
}

/// 64-bit FNV-1a, a stable hash for partitioning.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h = Fnv::default();
    h.write(bytes);
    h.finish()
}

/// Orders document ids as a folder walk visits them: by path component.
pub fn doc_order(a: &str, b: &str) -> Ordering {
    a.split('/').cmp(b.split('/'))
}

struct ShardReader {
    rows: csv::StringRecordsIntoIter<Box<dyn BufRead>>,
    next: Option<csv::StringRecord>,
    path: String,
}

impl ShardReader {
    fn advance(&mut self) -> Result<()> {
        self.next = match self.rows.next() {
            None => None,
            Some(Ok(r)) => Some(r),
            Some(Err(e)) => return Err(Error::golden("invalid shard", &self.path, format!("not valid CSV: {e}"))),
        };
        Ok(())
    }
}

const PARQUET_MAGIC: &[u8] = b"PAR1";

fn parquet_shard(path: &Path) -> Error {
    Error::golden(
        "invalid shard",
        path,
        "a Parquet file; merge reads CSV shards, and Parquet shards load as one dataset without a merge \
         (docs/scale.md)",
    )
}

/// Fails for a shard that cannot be read or is a Parquet file, before its
/// manifest is looked for.
///
/// # Errors
/// The I/O error, or the Parquet hint.
pub fn check_readable(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut head = [0u8; 4];
    let mut file = std::fs::File::open(path).map_err(|e| Error::io("cannot read shard", path, e))?;
    let n = file.read(&mut head).map_err(|e| Error::io("cannot read shard", path, e))?;
    if head[..n].starts_with(PARQUET_MAGIC) && n == PARQUET_MAGIC.len() {
        return Err(parquet_shard(path));
    }
    Ok(())
}

/// Checks that `shards` (each path with its manifest) are every shard
/// `K/N` of one `N` exactly once, made by one version and rule set with the
/// same output options, in CSV. Every problem is named, not just the first.
///
/// # Errors
/// A usage error listing what is missing, duplicated or mismatched.
pub fn verify(shards: &[(&Path, &Manifest)]) -> Result<()> {
    let mut problems = Vec::new();
    let Some((first_path, first)) = shards.first() else { return Ok(()) };
    let mut count = None;
    for (path, m) in shards {
        match (m.shard, count) {
            (None, _) => problems.push(format!("{} is not a shard (made without --shard)", path.display())),
            (Some(s), None) => count = Some((s.count, *path)),
            (Some(s), Some((n, by))) if s.count != n => problems.push(format!(
                "mismatched shards: {} is shard {}/{}, but {} is of {n}",
                path.display(),
                s.index,
                s.count,
                by.display()
            )),
            (Some(_), Some(_)) => {}
        }
        let differs = |what: &str, a: &str, b: &str| {
            format!("{what} differs: {} has {a}, {} has {b}", path.display(), first_path.display())
        };
        if m.rules.hash != first.rules.hash {
            problems.push(differs("rules hash", &m.rules.hash, &first.rules.hash));
        }
        if m.version != first.version {
            problems.push(differs("yomitori version", &m.version, &first.version));
        }
        if m.options.format != "csv" {
            problems.push(format!("{} is {}; merge reads CSV shards", path.display(), m.options.format));
        }
        let opts = |o: &OutputOptions| {
            format!("excel={} anchor={} fiscal_year={} input={}", o.excel, o.anchor, o.fiscal_year, o.input_format)
        };
        if opts(&m.options) != opts(&first.options) {
            problems.push(differs("output options", &opts(&m.options), &opts(&first.options)));
        }
    }
    if let Some((n, _)) = count {
        let mut seen: BTreeMap<u64, &Path> = BTreeMap::new();
        for (path, m) in shards {
            let Some(s) = m.shard.filter(|s| s.count == n) else { continue };
            if let Some(prev) = seen.insert(s.index, path) {
                problems.push(format!(
                    "shard {}/{n} is given twice: {} and {}",
                    s.index,
                    prev.display(),
                    path.display()
                ));
            }
        }
        let missing: Vec<String> = (0..n).filter(|k| !seen.contains_key(k)).map(|k| format!("{k}/{n}")).collect();
        if !missing.is_empty() {
            let s = if missing.len() == 1 { "" } else { "s" };
            problems.push(format!("missing shard{s} {}", missing.join(", ")));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::usage(format!("cannot merge the shards: {}", problems.join("; "))))
    }
}

/// Merges shard CSVs (each with the standard header) into `out`, with a
/// BOM first when `bom` (shards of `--excel` runs have one; the reader
/// skips it).
///
/// # Errors
/// When a shard cannot be read, its header differs, or writing fails.
pub fn merge<W: Write>(shards: &[&Path], mut out: W, bom: bool) -> Result<W> {
    let mut readers = Vec::new();
    let mut header: Option<csv::StringRecord> = None;
    for path in shards {
        let file = std::fs::File::open(path).map_err(|e| Error::io("cannot read shard", path, e))?;
        let mut buf: Box<dyn BufRead> = Box::new(std::io::BufReader::with_capacity(1 << 16, file));
        if buf.fill_buf().map_err(|e| Error::io("cannot read shard", path, e))?.starts_with(PARQUET_MAGIC) {
            return Err(parquet_shard(path));
        }
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(buf);
        let h =
            reader.headers().map_err(|e| Error::golden("invalid shard", *path, format!("not valid CSV: {e}")))?.clone();
        match &header {
            None => header = Some(h),
            Some(first) if *first != h => {
                return Err(Error::golden("invalid shard", *path, "header differs from the first shard's"));
            }
            Some(_) => {}
        }
        let mut r = ShardReader { rows: reader.into_records(), next: None, path: path.display().to_string() };
        r.advance()?;
        readers.push(r);
    }
    let write_err = |e: csv::Error| Error::io("cannot write the output", "<merge>", e.into());
    if bom {
        out.write_all(crate::emit::excel::BOM.as_bytes())
            .map_err(|e| Error::io("cannot write the output", "<merge>", e))?;
    }
    let mut w = csv::WriterBuilder::new().buffer_capacity(1 << 16).from_writer(out);
    let header = header.unwrap_or_else(|| csv::StringRecord::from(crate::emit::HEADER.to_vec()));
    w.write_record(&header).map_err(write_err)?;
    // Repeatedly take the shard whose next document comes first.
    while let Some(best) = (0..readers.len())
        .filter(|&i| readers[i].next.is_some())
        .min_by(|&a, &b| doc_order(&readers[a].next.as_ref().unwrap()[0], &readers[b].next.as_ref().unwrap()[0]))
    {
        let r = &mut readers[best];
        let doc = r.next.as_ref().expect("a row")[0].to_string();
        while r.next.as_ref().is_some_and(|row| row[0] == *doc) {
            w.write_record(r.next.as_ref().expect("a row")).map_err(write_err)?;
            r.advance()?;
        }
    }
    w.into_inner().map_err(|e| Error::io("cannot write the output", "<merge>", e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_partition() {
        assert_eq!(Shard::parse("1/4").unwrap(), Shard { index: 1, count: 4 });
        assert!(Shard::parse("4/4").is_err());
        assert!(Shard::parse("x").is_err());
        let ids = ["a.txt", "b.txt", "c/d.txt", "e.txt", "f.txt"];
        for id in ids {
            let owners = (0..3).filter(|&k| Shard { index: k, count: 3 }.contains(id)).count();
            assert_eq!(owners, 1, "{id} belongs to exactly one shard");
        }
    }

    #[test]
    fn fnv_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn walk_order() {
        assert_eq!(doc_order("a/x.txt", "a-b.txt"), Ordering::Less);
        assert_eq!(doc_order("a/b.txt", "a.txt"), Ordering::Less);
    }
}
