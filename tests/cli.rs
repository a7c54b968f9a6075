//! The binary, end to end, in a fresh temporary folder: the default job,
//! formats, stdin, error paths and exit codes.

use crate::util::{records, stderr, stdout, Workspace};

const HEADER: &str =
    "doc,kind,type,text,normalized,id,start,end,char_start,char_end,line,column,rule,ref_start,ref_end,flags";

#[test]
fn default_job_writes_output_and_summary() {
    let ws = Workspace::new();
    let out = ws.run(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = ws.read("output/extractions.csv");
    assert_eq!(csv.lines().next(), Some(HEADER));
    let err = stderr(&out);
    assert!(err.starts_with("yomitori: 5 documents ("), "{err}");
    assert!(err.contains("-> output/extractions.csv"), "{err}");
    // No temporary files are left beside the output; the manifest is there.
    let mut names: Vec<_> = std::fs::read_dir(ws.path("output")).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    assert_eq!(names, ["acronym-pairs.csv", "acronyms.csv", "extractions.csv", "extractions.csv.manifest.json"]);
}

#[test]
fn header_is_the_contract() {
    assert_eq!(yomitori::HEADER.join(","), HEADER);
}

#[test]
fn bad_document_is_reported_and_the_rest_written() {
    let ws = Workspace::new();
    ws.write("seeds/zz_bad.txt", b"Japan \xff\xfe and more");
    let out = ws.run(&["extract", "seeds", "-o", "out.csv"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("error: document is not UTF-8: zz_bad.txt: invalid byte sequence at byte 6"), "{err}");
    assert!(err.contains("5 documents") && err.contains("1 failed"), "{err}");
    let csv = ws.read("out.csv");
    let docs: std::collections::BTreeSet<_> = records(&csv)[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(docs.len(), 5, "the five good documents are written");
}

#[test]
fn malformed_json_lines_record_names_its_line() {
    let ws = Workspace::new();
    let input = "{\"id\": \"a\", \"text\": \"Japan since March 2015\"}\n{\"id\": \"b\", \"text\": \n{\"id\": \"c\", \"text\": \"令和元年\", \"extra\": 1}\n";
    let out = ws.run_with_stdin(&["extract", "--input-format", "jsonl", "-", "-o", "-"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("error: malformed JSON Lines record: -:2: "), "{}", stderr(&out));
    let rows = records(&stdout(&out));
    let docs: Vec<_> = rows[1..].iter().map(|r| (r[0].as_str(), r[3].as_str())).collect();
    assert_eq!(docs, [("a", "Japan"), ("a", "March 2015"), ("c", "令和元年")]);
}

#[test]
fn stdin_text_is_document_dash_and_jsonl_output_has_the_same_fields() {
    let ws = Workspace::new();
    let out = ws.run_with_stdin(&["extract", "-", "-o", "-", "--format", "jsonl"], Some("Japan (令和元年)".as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    let keys: Vec<&str> = lines[0].as_object().unwrap().keys().map(String::as_str).collect();
    let mut want: Vec<&str> = HEADER.split(',').collect();
    want.sort_unstable();
    let mut got = keys.clone();
    got.sort_unstable();
    assert_eq!(got, want);
    assert_eq!(lines[0]["doc"], "-");
    assert_eq!(lines[0]["id"], "JP");
    assert_eq!(lines[0]["ref_start"], serde_json::Value::Null);
    assert_eq!(lines[1]["normalized"], "2019");
    assert_eq!(lines[1]["flags"], "");
}

#[test]
fn excel_output_has_bom_and_neutralized_cells() {
    let ws = Workspace::new();
    ws.write("rules/zz_formula.toml", "[[rule]]\nid = \"f\"\nkind = \"entity\"\ntype = \"X\"\npattern = '=SUM\\([A-Z0-9:]+\\)'\nwhole_word = false\n\n[[rule.example]]\ntext = \"=SUM(A1:A2)\"\nexpect = [{ text = \"=SUM(A1:A2)\" }]\n");
    ws.write("in/a.txt", "cell =SUM(A1:A9) here");
    let out = ws.run(&["extract", "in", "-o", "x.csv", "--excel"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = std::fs::read(ws.path("x.csv")).unwrap();
    assert!(bytes.starts_with("\u{FEFF}doc,kind".as_bytes()));
    let rows = records(&String::from_utf8(bytes).unwrap());
    assert_eq!(rows[1][3], "'=SUM(A1:A9)");
}

#[test]
fn bad_rules_extract_nothing_and_keep_the_old_output() {
    let ws = Workspace::new();
    ws.write("out.csv", "previous good output\n");
    ws.write("rules/zz_bad.toml", "[[rule]]\nid = \"oops\"\nkind = \"date\"\ntype = \"DATE\"\npattern = '(unclosed'\n");
    let out = ws.run(&["extract", "seeds", "-o", "out.csv"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("error[invalid-regex]: rule \"oops\": unclosed group"), "{err}");
    assert!(err.contains("--> rules/zz_bad.toml:5:12"), "{err}");
    assert!(err.contains("nothing was extracted"), "{err}");
    assert_eq!(ws.read("out.csv"), "previous good output\n");
}

#[test]
fn check_reports_row_diff_and_bless_fixes_it() {
    let ws = Workspace::new();
    let out = ws.run(&["check", "--golden", "golden", "--bless"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = ws.run(&["check", "--golden", "golden"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // A rule change shows up as a readable row diff and exit 1.
    ws.write("rules/zz_extra.toml", "[[rule]]\nid = \"tokyo\"\nkind = \"entity\"\ntype = \"CITY\"\npattern = 'Tokyo'\n\n[[rule.example]]\ntext = \"Tokyo\"\nexpect = [{ text = \"Tokyo\" }]\n");
    let out = ws.run(&["check", "--golden", "golden"]);
    assert_eq!(out.status.code(), Some(1));
    let diff = stdout(&out);
    assert!(diff.contains("rows removed, "), "{diff}");
    assert!(diff.contains("+ 003_68bcc37456b667b6.txt,entity,CITY,Tokyo,Tokyo,,"), "{diff}");
    assert!(!diff.contains("\n- "), "nothing removed: {diff}");
}

#[test]
fn help_documents_exit_codes() {
    let ws = Workspace::new();
    let out = ws.run(&["--help"]);
    let help = stdout(&out);
    assert!(help.contains("1  a golden file or an inline example does not match"), "{help}");
    let short = ws.run(&["extract", "-h"]);
    for line in stdout(&short).lines() {
        assert!(line.chars().count() <= 100, "long -h line: {line}");
    }
}

/// See: the dates engineer's report: `-o /dev/null` once renamed a file
/// over the device. A target that is not a regular file (here a named pipe)
/// is written directly and stays what it was.
#[test]
fn output_to_a_pipe_keeps_the_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let ws = Workspace::new();
    let fifo = ws.path("rows.fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = ws.run(&["extract", "seeds", "-o", "rows.fifo", "--no-glossary", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Checked before joining: a replaced pipe would leave the reader blocked.
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let csv = reader.join().unwrap();
    assert!(csv.starts_with(HEADER), "the rows went through the pipe");
}

/// A reader that goes away (`yomitori extract -o - | head`) ends the run
/// quietly with status 0, not with an error.
#[test]
fn broken_pipe_exits_zero() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let ws = Workspace::new();
    let mut child = Command::new(env!("CARGO_BIN_EXE_yomitori"))
        .args(["extract", "seeds", "-o", "-", "-q"])
        .current_dir(ws.dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe is closed here, with most of the output still to come.
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with(b"doc,kind,type"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn manifest_records_the_fiscal_year_reading_and_merge_checks_it() {
    let ws = Workspace::new();
    for (fy, shard, out) in [("us", "0/2", "a.csv"), ("jp", "1/2", "b.csv")] {
        let o = ws.run(&["extract", "seeds", "--fiscal-year", fy, "--shard", shard, "-q", "-o", out]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let manifest = ws.read("a.csv.manifest.json");
    assert!(manifest.contains("\"fiscal_year\": \"us\""), "{manifest}");
    let o = ws.run(&["merge", "a.csv", "b.csv", "-o", "all.csv"]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("fiscal_year=jp"), "{}", stderr(&o));
}
