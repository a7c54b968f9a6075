//! Chunked matching of large documents gives the same bytes as matching
//! them whole: on the seeds (cut into chunks far smaller than the default,
//! so that every seed is split) and on a generated multi-megabyte document.

use yomitori::corpus::{generate, CorpusSpec};
use yomitori::input::{Documents, InputFormat};
use yomitori::pipeline::{Collect, RunOptions};
use yomitori::Extractor;

use crate::util::{root, shipped};

fn outputs(ex: &Extractor, path: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let docs = Documents::new(&[path.to_path_buf()], InputFormat::Text, None).unwrap();
    let mut errors = Collect::default();
    let (out, _) = yomitori::check::outputs(ex, docs, &RunOptions::default(), &mut errors).unwrap();
    assert!(errors.errors.is_empty(), "{:?}", errors.errors);
    out
}

#[test]
fn chunked_seeds_equal_unchunked() {
    let whole = outputs(&shipped().with_chunk_size(0), &root().join("seeds"));
    for size in [2 << 10, 5 << 10, 16 << 10] {
        let chunked = outputs(&shipped().with_chunk_size(size), &root().join("seeds"));
        for ((name, a), (_, b)) in whole.iter().zip(&chunked) {
            assert!(a == b, "{name} differs with chunks of {size} bytes");
        }
    }
}

/// The seeds as single long lines: chunks are then cut at spaces, inside
/// sentences, so matches cross the cuts (this fails without the windows'
/// overlap).
#[test]
fn chunked_one_line_documents_equal_unchunked() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(root().join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap().replace('\n', " ");
        std::fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
    }
    let whole = outputs(&shipped().with_chunk_size(0), dir.path());
    for size in [1 << 10, 3 << 10] {
        let chunked = outputs(&shipped().with_chunk_size(size), dir.path());
        for ((name, a), (_, b)) in whole.iter().zip(&chunked) {
            assert!(a == b, "{name} differs with chunks of {size} bytes");
        }
    }
}

#[test]
fn chunked_generated_document_equals_unchunked() {
    let dir = tempfile::tempdir().unwrap();
    let spec = CorpusSpec {
        seeds: root().join("seeds"),
        out: dir.path().to_path_buf(),
        bytes: 1 << 20,
        file_size: 25 << 10,
        seed: 11,
    };
    generate(&spec).unwrap();
    let one = dir.path().join("one.txt");
    let whole = outputs(&shipped().with_chunk_size(0), &one);
    let chunked = outputs(&shipped().with_chunk_size(32 << 10), &one);
    assert!(whole[0].1.len() > 100_000, "a real amount of rows");
    for ((name, a), (_, b)) in whole.iter().zip(&chunked) {
        assert!(a == b, "{name} differs when the generated document is chunked");
    }
}
