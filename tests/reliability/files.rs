//! Case 6: file modes follow the umask and survive replacement, `-o`
//! through a symlink writes its target, `-j 0` and a capped `-j`, sizes
//! that overflow.

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use super::temp_files;
use crate::util::{stderr, stdout, Workspace};

fn mode(ws: &Workspace, rel: &str) -> u32 {
    std::fs::metadata(ws.path(rel)).unwrap().permissions().mode() & 0o777
}

fn run_with_umask(ws: &Workspace, umask: &str, args: &str) -> std::process::Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask}; exec \"$0\" {args}"))
        .arg(env!("CARGO_BIN_EXE_yomitori"))
        .current_dir(ws.dir.path())
        .output()
        .unwrap()
}

#[test]
fn new_files_get_the_mode_of_the_umask() {
    let ws = Workspace::new();
    let out = run_with_umask(&ws, "027", "extract seeds -o out/rows.csv -q");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(mode(&ws, "out/rows.csv"), 0o640);
    assert_eq!(mode(&ws, "out/acronyms.csv"), 0o640);
    assert_eq!(mode(&ws, "out/rows.csv.manifest.json"), 0o640);
    let out = run_with_umask(&ws, "022", "extract seeds -o out/other.csv -q");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(mode(&ws, "out/other.csv"), 0o644);
}

#[test]
fn replacing_an_output_keeps_its_mode() {
    let ws = Workspace::new();
    ws.write("rows.csv", "old");
    std::fs::set_permissions(ws.path("rows.csv"), std::fs::Permissions::from_mode(0o604)).unwrap();
    let out = run_with_umask(&ws, "077", "extract seeds -o rows.csv -q");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(ws.read("rows.csv").starts_with("doc,kind"));
    assert_eq!(mode(&ws, "rows.csv"), 0o604);
}

#[test]
fn output_through_a_symlink_writes_the_target() {
    let ws = Workspace::new();
    std::fs::create_dir(ws.path("real")).unwrap();
    ws.write("real/rows.csv", "old");
    std::os::unix::fs::symlink("real/rows.csv", ws.path("link.csv")).unwrap();
    let out = ws.run(&["extract", "seeds", "-o", "link.csv", "--no-glossary", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let link = std::fs::symlink_metadata(ws.path("link.csv")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    assert!(ws.read("real/rows.csv").starts_with("doc,kind"), "the target has the rows");
    assert!(temp_files(&ws.path("real")).is_empty() && temp_files(ws.dir.path()).is_empty());
    // A dangling link: its target is created.
    std::os::unix::fs::symlink("real/new.csv", ws.path("dangling.csv")).unwrap();
    let out = ws.run(&["extract", "seeds", "-o", "dangling.csv", "--no-glossary", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(ws.path("dangling.csv")).unwrap().file_type().is_symlink());
    assert!(ws.read("real/new.csv").starts_with("doc,kind"));
}

#[test]
fn threads_zero_is_all_cores_and_too_many_are_capped() {
    let ws = Workspace::new();
    let help = stdout(&ws.run(&["extract", "--help"]));
    assert!(help.contains("0 means one per core"), "{help}");
    let out = ws.run(&["extract", "seeds", "-o", "a.csv", "-j", "0", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let out = ws.run(&["extract", "seeds", "-o", "b.csv", "-j", "100000", "-q"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.starts_with("note: -j 100000 is more than the ") && err.contains("using "), "{err}");
    assert_eq!(ws.read("a.csv"), ws.read("b.csv"));
}

#[test]
fn sizes_that_overflow_are_rejected_with_the_flag() {
    let ws = Workspace::new();
    let out = ws.run(&["extract", "seeds", "-o", "x.csv", "--chunk-size", "99999999999G"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--chunk-size") && err.contains("too large"), "{err}");
    let out = ws.run(&["bench-corpus", "--out", "c", "--size", "99999999999G"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--size") && err.contains("too large"), "{err}");
}
