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

/// A document larger than a section is extracted section by section, the
/// passes carrying what they know from one section to the next: the rows
/// and glossaries are the same bytes as for the document extracted whole,
/// with date anchoring off and on (the smallest section size, so that the
/// seeds and a generated document are cut into many sections).
#[test]
fn sectioned_documents_equal_whole() {
    let dir = tempfile::tempdir().unwrap();
    let spec = CorpusSpec {
        seeds: root().join("seeds"),
        out: dir.path().to_path_buf(),
        bytes: 1 << 20,
        file_size: 25 << 10,
        seed: 5,
    };
    generate(&spec).unwrap();
    let one = dir.path().join("one.txt");
    for anchor in [yomitori::Anchor::Off, yomitori::Anchor::Context] {
        let ex = shipped().with_anchor(anchor);
        for input in [root().join("seeds"), one.clone()] {
            let whole = outputs(&ex.with_section_size(usize::MAX / 4), &input);
            let sectioned = outputs(&ex.with_section_size(20 << 10), &input);
            for ((name, a), (_, b)) in whole.iter().zip(&sectioned) {
                if a != b {
                    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
                    let diff: Vec<_> = a.lines().zip(b.lines()).filter(|(x, y)| x != y).take(5).collect();
                    panic!("{name} of {} differs in sections ({anchor:?}): {diff:#?}", input.display());
                }
            }
        }
    }
}

/// What each pass carries across a section edge: a date's antecedent, a
/// person's full name, an acronym's definition, a treaty an acronym names,
/// all given in the first section and used in the third.
#[test]
fn passes_carry_their_state_across_sections() {
    let filler = "The committee met again and discussed the agenda at length without any decision.\n\n".repeat(600);
    let text = format!(
        "On 3 June 2019, Prime Minister Fumio Kishida opened the Space Situational Awareness (SSA) meeting \
         and recalled the Treaty on the Non-Proliferation of Nuclear Weapons (NPT).\n\n\
         {filler}The following month, Kishida spoke about SSA and the NPT.\n"
    );
    let doc = yomitori::Document::new("carry", text);
    let ex = shipped().with_anchor(yomitori::Anchor::Context);
    let whole = ex.with_section_size(usize::MAX / 4).extract(&doc);
    let sectioned = ex.with_section_size(20 << 10).extract(&doc);
    assert_eq!(whole, sectioned);
    let tail = doc.text.len() - 60;
    let late: Vec<_> = sectioned.iter().filter(|r| r.start > tail).collect();
    let find = |text: &str| late.iter().find(|r| r.text == text).unwrap_or_else(|| panic!("no row {text}: {late:#?}"));
    assert_eq!(find("The following month").normalized, "2019-07");
    assert_eq!(find("The following month").ref_start, Some(3));
    assert_eq!(find("Kishida").normalized, "Fumio Kishida");
    assert_eq!(find("SSA").normalized, "Space Situational Awareness");
    let law = late.iter().find(|r| r.text == "NPT" && r.ty.as_ref() == "LAW").expect("NPT as a LAW row");
    assert_eq!(law.normalized, "Treaty on the Non-Proliferation of Nuclear Weapons");
    assert!(law.ref_start.is_some_and(|s| s < 300), "{law:?}");
}
