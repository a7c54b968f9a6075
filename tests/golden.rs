//! The golden files: the shipped rules over `seeds/` must give exactly
//! `tests/golden/extractions.csv` and the acronym glossary
//! `tests/golden/acronyms.csv`, compared with the same code path as
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
    assert_eq!(names, ["extractions.csv", "acronyms.csv"]);
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
