//! The golden file: the shipped rules over `seeds/` must give exactly
//! `tests/golden/extractions.csv`, compared with the same code path as
//! `yomitori check`. After an intended change, read the diff, then run
//! `cargo run --release -- check --golden tests/golden --bless`.

use yomitori::pipeline::RunOptions;

use crate::util::{root, seeds_csv};

#[test]
fn seeds_match_golden_files() {
    let csv = seeds_csv(&RunOptions::default());
    let outputs = vec![(yomitori::check::EXTRACTIONS.to_string(), csv.into_bytes())];
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
