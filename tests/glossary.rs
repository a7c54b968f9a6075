//! The acronym glossary from the command line: where it is written, and
//! what it holds.

use crate::util::{records, stderr, Workspace};

#[test]
fn glossary_path_follows_the_flags() {
    let ws = Workspace::new();
    // Rows to stdout: no glossary unless asked for.
    let out = ws.run(&["extract", "seeds", "-o", "-", "--glossary", "g/terms.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = records(&ws.read("g/terms.csv"));
    assert_eq!(rows[0], ["short", "long", "documents", "definitions", "mentions", "first_doc", "first_start"]);
    let ssa = rows.iter().find(|r| r[0] == "SSA" && r[1] == "Space Situational Awareness").expect("SSA row");
    assert_eq!(&ssa[2..6], ["3", "4", "5", "000_4134859e788760ab.txt"], "{ssa:?}");
    assert!(rows.iter().any(|r| r[0] == "SSA" && r[1] == "宇宙状況監視"), "the Japanese long form is its own pair");

    let out = ws.run(&["extract", "seeds", "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!ws.path("acronyms.csv").exists());

    let out = ws.run(&["extract", "seeds", "-o", "out/rows.csv", "--no-glossary"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(ws.path("out/rows.csv").exists() && !ws.path("out/acronyms.csv").exists());

    // The glossary never overwrites the rows.
    let out = ws.run(&["extract", "seeds", "-o", "out/acronyms.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("the glossary would overwrite the output"), "{}", stderr(&out));
}
