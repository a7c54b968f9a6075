//! Case 3: SIGINT, SIGTERM and SIGHUP stop the run, remove its temporary
//! files, keep the previous outputs and exit 130/143/129; what a SIGKILL
//! leaves is removed by the next run to the same target.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::{names, temp_files};
use crate::util::{stderr, Workspace};

/// A workspace with a previous output and a large input folder (about
/// 24 MB: the seeds, many times over), long enough to be interrupted.
fn big_workspace() -> Workspace {
    let ws = Workspace::new();
    ws.write("output/extractions.csv", "previous rows\n");
    ws.write("output/acronyms.csv", "previous glossary\n");
    let mut seeds = String::new();
    for name in names(&ws.path("seeds")) {
        seeds.push_str(&ws.read(&format!("seeds/{name}")));
    }
    for i in 0..220 {
        ws.write(&format!("big/{i:04}.txt"), &seeds);
    }
    ws
}

fn spawn(ws: &Workspace, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_yomitori"))
        .args(args)
        .current_dir(ws.dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits until the run has written part of its output (a temporary file
/// beside the target, not empty).
fn wait_for_output(ws: &Workspace, child: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let dir = ws.path("output");
        let written = temp_files(&dir).iter().any(|n| std::fs::metadata(dir.join(n)).is_ok_and(|m| m.len() > 0));
        if written {
            return;
        }
        assert!(child.try_wait().unwrap().is_none(), "the run ended before it could be interrupted");
        assert!(Instant::now() < deadline, "no output appeared");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn send(child: &Child, signal: &str) {
    let ok = Command::new("kill").args(["-s", signal, &child.id().to_string()]).status().unwrap().success();
    assert!(ok, "kill -s {signal}");
}

fn interrupted(signal: &str, code: i32) {
    let ws = big_workspace();
    let mut child = spawn(&ws, &["extract", "big", "-q"]);
    wait_for_output(&ws, &mut child);
    send(&child, signal);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(code), "SIG{signal}: {}", stderr(&out));
    assert!(stderr(&out).contains("interrupted"), "{}", stderr(&out));
    assert_eq!(names(&ws.path("output")), ["acronyms.csv", "extractions.csv"], "no temporary file is left");
    assert_eq!(ws.read("output/extractions.csv"), "previous rows\n");
    assert_eq!(ws.read("output/acronyms.csv"), "previous glossary\n");
}

#[test]
fn sigint_cleans_up_and_exits_130() {
    interrupted("INT", 130);
}

#[test]
fn sigterm_cleans_up_and_exits_143() {
    interrupted("TERM", 143);
}

#[test]
fn sighup_cleans_up_and_exits_129() {
    interrupted("HUP", 129);
}

#[test]
fn the_next_run_removes_what_a_sigkill_left() {
    let ws = big_workspace();
    let mut child = spawn(&ws, &["extract", "big", "-q"]);
    wait_for_output(&ws, &mut child);
    send(&child, "KILL");
    let _ = child.wait_with_output().unwrap();
    let left = temp_files(&ws.path("output"));
    assert!(!left.is_empty(), "a SIGKILL leaves the temporary file (no O_TMPFILE here; see docs/cli.md)");
    // A temporary file of a live process (this test's) is not touched.
    let live = format!(".extractions.csv.{}.0.tmp", std::process::id());
    ws.write(&format!("output/{live}"), "in use");
    let out = ws.run(&["extract", "seeds", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(temp_files(&ws.path("output")), [live], "the dead run's file is gone, the live one stays");
}
