//! Seed texts → a reproducible benchmark corpus of a requested size.
//!
//! The seeds are split into paragraphs (at blank lines) and recombined in a
//! random order fixed by a seed number, so the corpus is varied (no file is
//! another repeated byte for byte) yet the same on every machine. The corpus
//! is written three ways with the same documents:
//!
//! * `files/NNN/NNNNNN.txt`: many files of about `file_size` bytes each;
//! * `one.txt`: all documents in one file, separated by blank lines;
//! * `corpus.jsonl`: one JSON Lines record per document (`id`, `text`).

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// What to generate.
#[derive(Clone, Debug)]
pub struct CorpusSpec {
    /// Folder of seed `.txt` files.
    pub seeds: PathBuf,
    /// Output folder.
    pub out: PathBuf,
    /// Total size of the documents, in bytes (each form holds all of them).
    pub bytes: u64,
    /// Size a document grows to before it is closed.
    pub file_size: usize,
    /// Seed of the random order.
    pub seed: u64,
}

/// What was generated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CorpusStats {
    /// Documents written.
    pub documents: usize,
    /// Bytes of document text.
    pub bytes: u64,
    /// Paragraphs the seeds were split into.
    pub paragraphs: usize,
}

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny generator whose output
/// never changes with a dependency's version, which a reproducible corpus
/// needs more than statistical quality.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Splits `text` into paragraphs at blank lines, dropping empty ones.
pub fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n").map(|p| p.trim_matches('\n')).filter(|p| !p.trim().is_empty()).collect()
}

/// Reads the seeds and returns their paragraphs, in file-name order.
fn seed_paragraphs(seeds: &Path) -> Result<Vec<String>> {
    let mut files: Vec<PathBuf> = fs::read_dir(seeds)
        .map_err(|e| Error::io("cannot read the seeds folder", seeds, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = fs::read_to_string(&f).map_err(|e| Error::io("cannot read a seed text", &f, e))?;
        out.extend(paragraphs(&text).into_iter().map(str::to_string));
    }
    if out.is_empty() {
        return Err(Error::usage(format!("{}: no seed text to build a corpus from", seeds.display())));
    }
    Ok(out)
}

/// Generates the corpus described by `spec`.
///
/// # Errors
/// When the seeds cannot be read or the output cannot be written.
pub fn generate(spec: &CorpusSpec) -> Result<CorpusStats> {
    let paras = seed_paragraphs(&spec.seeds)?;
    let mut rng = SplitMix64(spec.seed);
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |e| Error::io("cannot write the corpus", p.clone(), e)
    };
    fs::create_dir_all(spec.out.join("files")).map_err(io(&spec.out))?;
    let one_path = spec.out.join("one.txt");
    let jsonl_path = spec.out.join("corpus.jsonl");
    let mut one = BufWriter::new(File::create(&one_path).map_err(io(&one_path))?);
    let mut jsonl = BufWriter::new(File::create(&jsonl_path).map_err(io(&jsonl_path))?);
    let mut stats = CorpusStats { paragraphs: paras.len(), ..CorpusStats::default() };
    let mut doc = String::with_capacity(spec.file_size + 4096);
    while stats.bytes < spec.bytes {
        doc.clear();
        while doc.len() < spec.file_size {
            if !doc.is_empty() {
                doc.push_str("\n\n");
            }
            doc.push_str(&paras[rng.below(paras.len())]);
        }
        doc.push('\n');
        let n = stats.documents;
        let rel = format!("{:03}/{n:06}.txt", n / 1000);
        let path = spec.out.join("files").join(&rel);
        if n.is_multiple_of(1000) {
            fs::create_dir_all(path.parent().expect("file in a folder")).map_err(io(&spec.out))?;
        }
        fs::write(&path, &doc).map_err(io(&path))?;
        if n > 0 {
            one.write_all(b"\n").map_err(io(&one_path))?;
        }
        one.write_all(doc.as_bytes()).map_err(io(&one_path))?;
        let record = serde_json::json!({ "id": rel, "text": doc });
        serde_json::to_writer(&mut jsonl, &record)
            .map_err(|e| Error::io("cannot write the corpus", &jsonl_path, e.into()))?;
        jsonl.write_all(b"\n").map_err(io(&jsonl_path))?;
        stats.documents += 1;
        stats.bytes += doc.len() as u64;
    }
    one.flush().map_err(io(&one_path))?;
    jsonl.flush().map_err(io(&jsonl_path))?;
    Ok(stats)
}

/// Parses a size such as `1G`, `25K`, `300M` or `4096` (binary units).
///
/// # Errors
/// When the text is not a number with an optional K, M or G suffix.
pub fn parse_size(s: &str) -> Result<u64> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 1 << 10),
        Some((i, 'm' | 'M')) => (&t[..i], 1 << 20),
        Some((i, 'g' | 'G')) => (&t[..i], 1 << 30),
        _ => (t, 1),
    };
    let n = num
        .trim()
        .parse::<u64>()
        .map_err(|_| Error::usage(format!("invalid size `{s}`: expected a number with an optional K, M or G")))?;
    n.checked_mul(mult).ok_or_else(|| Error::usage(format!("invalid size `{s}`: too large (at most 2^64 - 1 bytes)")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("25K").unwrap(), 25 * 1024);
        assert_eq!(parse_size("1G").unwrap(), 1 << 30);
        assert_eq!(parse_size("4096").unwrap(), 4096);
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999G").unwrap_err().to_string().contains("too large"));
    }

    #[test]
    fn splitmix_is_stable() {
        // The first outputs for seed 0, from the reference implementation.
        let mut r = SplitMix64(0);
        assert_eq!(r.next(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next(), 0x6E78_9E6A_A1B9_65F4);
    }
}
