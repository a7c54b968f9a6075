//! The golden files: the shipped rules over `seeds/` must give exactly
//! `tests/golden/extractions.csv` and the acronym glossaries
//! `tests/golden/acronyms.csv` (per document) and `acronym-pairs.csv`
//! (corpus), compared with the same code path as
//! `yomitori check`. After an intended change, read the diff, then run
//! `cargo run --release -- check --golden tests/golden --bless`.

use yomitori::input::{Documents, InputFormat};
use yomitori::pipeline::{Collect, RunOptions};

use crate::util::{root, shipped};

#[test]
fn seeds_match_golden_files() {
    let docs = Documents::new(&[root().join("seeds")], InputFormat::Text, None).unwrap();
    let (outputs, _) =
        yomitori::check::outputs(shipped(), docs, &RunOptions::default(), &mut Collect::default()).unwrap();
    let names: Vec<&str> = outputs.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["extractions.csv", "acronyms.csv", "acronym-pairs.csv"]);
    let diffs = yomitori::check::check(&outputs, &root().join("tests/golden"), false).unwrap();
    if !diffs.is_empty() {
        let mut msg = String::new();
        for d in &diffs {
            msg += &format!("{}: {} rows removed, {} added\n{}", d.path.display(), d.removed, d.added, d.rendered);
        }
        panic!(
            "golden files differ (- expected, + got):\n{msg}\nIf intended, read the diff, then run \
             `cargo run --release -- check --golden tests/golden --bless`"
        );
    }
}

/// The example rows in README.md are real: each is a row of the golden file.
#[test]
fn readme_example_rows_are_golden_rows() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("## Example output").unwrap();
    let block = &readme[start..];
    let csv = &block[block.find("```csv\n").unwrap() + 7..];
    let csv = &csv[..csv.find("```").unwrap()];
    let golden = std::fs::read_to_string(root().join("tests/golden/extractions.csv")).unwrap();
    let golden_rows = crate::util::records(&golden);
    let rows = crate::util::records(csv);
    assert!(rows.len() > 2);
    assert_eq!(rows[0], golden_rows[0], "README header");
    for row in &rows[1..] {
        assert!(golden_rows.contains(row), "README row is not in the golden file: {row:?}");
    }
}
