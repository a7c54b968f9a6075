//! Case 2: a run that produced no document leaves the existing outputs as
//! they were, says so and exits 2; `--allow-empty` writes the empty result.

use crate::util::{records, stderr, Workspace};

fn ws_with_previous_output() -> Workspace {
    let ws = Workspace::new();
    let out = ws.run(&["extract", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    ws
}

fn assert_kept(ws: &Workspace, args: &[&str]) {
    let rows = ws.read("output/extractions.csv");
    let glossary = ws.read("output/acronyms.csv");
    assert!(rows.len() > 100_000, "a real previous output");
    let out = ws.run(args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains("no document was extracted"), "{err}");
    assert!(err.contains("left as they were") && err.contains("--allow-empty"), "{err}");
    assert_eq!(ws.read("output/extractions.csv"), rows, "{args:?}: the output is kept");
    assert_eq!(ws.read("output/acronyms.csv"), glossary, "{args:?}: the glossary is kept");
    assert!(super::temp_files(&ws.path("output")).is_empty());
}

#[test]
fn a_missing_input_keeps_the_previous_output() {
    let ws = ws_with_previous_output();
    assert_kept(&ws, &["extract", "nosuch.txt"]);
}

#[test]
fn a_glob_that_matches_nothing_keeps_the_previous_output() {
    let ws = ws_with_previous_output();
    assert_kept(&ws, &["extract", "seeds", "--glob", "*.md"]);
}

#[test]
fn an_empty_folder_keeps_the_previous_output() {
    let ws = ws_with_previous_output();
    std::fs::create_dir(ws.path("empty")).unwrap();
    assert_kept(&ws, &["extract", "empty"]);
}

#[test]
fn allow_empty_writes_the_empty_result() {
    let ws = ws_with_previous_output();
    let out = ws.run(&["extract", "seeds", "--glob", "*.md", "--allow-empty"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(records(&ws.read("output/extractions.csv")).len(), 1, "the header alone");
    // Failed documents still make the status 2, and the result is written.
    let out = ws.run(&["extract", "nosuch.txt", "--allow-empty", "-q"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(records(&ws.read("output/extractions.csv")).len(), 1);
}

#[test]
fn some_failed_documents_still_write() {
    let ws = ws_with_previous_output();
    let out = ws.run(&["extract", "seeds", "nosuch.txt", "-o", "output/extractions.csv"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let rows = records(&ws.read("output/extractions.csv"));
    assert!(rows.len() > 1000, "the good documents are written");
}

/// Not "nothing matched": a shard whose share is empty, and an empty stdin
/// (a pipe's empty partition), are empty results and are written.
#[test]
fn an_empty_shard_and_an_empty_stdin_are_written() {
    let ws = Workspace::new();
    ws.write("one/a.txt", "Japan.");
    // One document in two shards: one of them is empty.
    let mut empty = 0;
    for k in 0..2 {
        let out = ws.run(&["extract", "one", "--shard", &format!("{k}/2"), "-o", &format!("s{k}.csv"), "-q"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        empty += usize::from(records(&ws.read(&format!("s{k}.csv"))).len() == 1);
    }
    assert_eq!(empty, 1);
    let out = ws.run_with_stdin(&["extract", "--input-format", "jsonl", "-", "-o", "-", "-q"], Some(b""));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
