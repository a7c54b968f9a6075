//! Shared helpers: the repository paths, the shipped extractor, and a
//! temporary workspace for running the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use yomitori::input::{Documents, InputFormat};
use yomitori::pipeline::{Collect, RunOptions};
use yomitori::Extractor;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The extractor of the shipped rules, compiled once per test binary.
pub fn shipped() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| match Extractor::builder().rules(root().join("rules")).build() {
        Ok(ex) => ex,
        Err(e) => panic!("shipped rules do not load:\n{e}"),
    })
}

/// The CSV the shipped rules produce over `seeds/` with `options`.
pub fn seeds_csv(options: &RunOptions) -> String {
    let docs = Documents::new(&[root().join("seeds")], InputFormat::Text, None).unwrap();
    let mut errors = Collect::default();
    let (outputs, _) = yomitori::check::outputs(shipped(), docs, options, &mut errors).unwrap();
    assert!(errors.errors.is_empty(), "{:?}", errors.errors);
    String::from_utf8(outputs.into_iter().next().unwrap().1).unwrap()
}

/// A temporary folder holding copies of `rules/` and `seeds/`.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&root().join("rules"), &dir.path().join("rules"));
        copy_dir(&root().join("seeds"), &dir.path().join("seeds"));
        Workspace { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    /// Runs the binary in the workspace.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with_stdin(args, None)
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: Option<&[u8]>) -> Output {
        use std::io::Write;
        use std::process::Stdio;
        let mut child = Command::new(env!("CARGO_BIN_EXE_yomitori"))
            .args(args)
            .current_dir(self.dir.path())
            .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        if let Some(input) = stdin {
            child.stdin.take().unwrap().write_all(input).unwrap();
        }
        child.wait_with_output().unwrap()
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Parses CSV text into records (header included).
pub fn records(csv_text: &str) -> Vec<Vec<String>> {
    let text = csv_text.strip_prefix('\u{FEFF}').unwrap_or(csv_text);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}
