//! Case 1: an output or glossary path that is one of the inputs is refused
//! before anything is read: the document survives, exit 2, both named.

use crate::util::{stderr, Workspace};

fn ws_with_docs() -> Workspace {
    let ws = Workspace::new();
    ws.write("a.txt", "Japan and France since March 2015.");
    ws.write("b.txt", "The Space Situational Awareness (SSA) office.");
    ws
}

fn assert_refused(ws: &Workspace, args: &[&str], out_name: &str, input_name: &str) {
    let before_a = ws.read("a.txt");
    let before_b = ws.read("b.txt");
    let out = ws.run(args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("refusing to overwrite an input"), "{err}");
    assert!(err.contains(out_name) && err.contains(input_name), "names both: {err}");
    assert!(!err.contains("documents ("), "nothing was read or summarized: {err}");
    assert_eq!(ws.read("a.txt"), before_a, "a.txt untouched");
    assert_eq!(ws.read("b.txt"), before_b, "b.txt untouched");
    assert!(super::temp_files(ws.dir.path()).is_empty(), "no temporary file left");
}

#[test]
fn output_that_is_an_input_is_refused() {
    let ws = ws_with_docs();
    assert_refused(&ws, &["extract", "a.txt", "b.txt", "-o", "a.txt"], "a.txt", "a.txt");
}

#[test]
fn glossary_that_is_an_input_is_refused() {
    let ws = ws_with_docs();
    assert_refused(&ws, &["extract", "a.txt", "b.txt", "-o", "out.csv", "--glossary", "b.txt"], "b.txt", "b.txt");
}

#[test]
fn the_same_file_through_dotdot_and_symlink_is_refused() {
    let ws = ws_with_docs();
    std::fs::create_dir(ws.path("sub")).unwrap();
    assert_refused(&ws, &["extract", "a.txt", "-o", "sub/../a.txt"], "sub/../a.txt", "a.txt");
    std::os::unix::fs::symlink(ws.path("b.txt"), ws.path("link.csv")).unwrap();
    assert_refused(&ws, &["extract", "b.txt", "-o", "link.csv"], "link.csv", "b.txt");
    // An input given through a symlink, the output by its real name.
    std::os::unix::fs::symlink(ws.path("a.txt"), ws.path("alias.txt")).unwrap();
    assert_refused(&ws, &["extract", "alias.txt", "-o", "a.txt"], "a.txt", "alias.txt");
}

#[test]
fn output_inside_an_input_folder_that_the_glob_reads_is_refused() {
    let ws = ws_with_docs();
    ws.write("docs/one.txt", "Japan.");
    ws.write("docs/two.txt", "France.");
    let before = ws.read("docs/two.txt");
    let out = ws.run(&["extract", "docs", "-o", "docs/two.txt", "--no-glossary"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("refusing to overwrite an input") && err.contains("docs/two.txt"), "{err}");
    assert_eq!(ws.read("docs/two.txt"), before);
    // An output in the folder that the glob does not read is fine.
    let out = ws.run(&["extract", "docs", "-o", "docs/rows.csv", "--no-glossary", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn merge_output_that_is_a_shard_is_refused() {
    let ws = Workspace::new();
    for k in 0..2 {
        let out = ws.run(&["extract", "seeds", "--shard", &format!("{k}/2"), "-o", &format!("s{k}.csv"), "-q"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let before = ws.read("s0.csv");
    let out = ws.run(&["merge", "s0.csv", "s1.csv", "-o", "s0.csv"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("refusing to overwrite an input") && err.contains("s0.csv"), "{err}");
    assert_eq!(ws.read("s0.csv"), before);
}
