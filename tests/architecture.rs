//! The stages import only earlier stages: every `crate::<module>` path in
//! `src/` (the library; the binary's `cli/` sits on top of it) names a
//! module of the same or an earlier stage. The order is the one drawn in
//! `docs/architecture.md`; a new top-level module must be placed here.

use std::path::Path;

use crate::util::root;

/// Stages in pipeline order; modules of one stage may import each other.
const STAGES: &[&[&str]] = &[
    &["text", "diagnostic", "error", "corpus"],
    &["normalize"],
    &["rules"],
    &["compile"],
    &["matchers"],
    &["passes"],
    &["row"],
    &["families"],
    &["extract"],
    &["explain"],
    &["emit"],
    &["shard"],
    &["input"],
    &["pipeline"],
    &["check"],
];

fn stage(module: &str) -> Option<usize> {
    STAGES.iter().position(|s| s.contains(&module))
}

/// The top-level module a file under `src/` belongs to.
fn module_of(rel: &Path) -> String {
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_string()
}

/// `(line, module)` of every `crate::module` outside comments.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            let preceded_by_ident = rest[..at].chars().last().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
            if !name.is_empty() && !preceded_by_ident {
                out.push((i + 1, name));
            }
            rest = after;
        }
    }
    out
}

/// Every violation in the files under `src` (relative paths, text).
fn violations(files: &[(std::path::PathBuf, String)]) -> Vec<String> {
    let mut bad = Vec::new();
    for (rel, text) in files {
        let module = module_of(rel);
        if module == "main" || module == "cli" || module == "lib" {
            continue;
        }
        let Some(own) = stage(&module) else {
            bad.push(format!("src/{}: module `{module}` has no stage in tests/architecture.rs", rel.display()));
            continue;
        };
        for (line, target) in crate_paths(text) {
            match stage(&target) {
                None => bad.push(format!("src/{}:{line}: `crate::{target}` has no stage", rel.display())),
                Some(t) if t > own => bad.push(format!(
                    "src/{}:{line}: `{module}` (stage {own}) imports `crate::{target}` (stage {t}), a later stage",
                    rel.display()
                )),
                Some(_) => {}
            }
        }
    }
    bad
}

fn source_files() -> Vec<(std::path::PathBuf, String)> {
    let src = root().join("src");
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "rs") {
            let rel = entry.path().strip_prefix(&src).unwrap().to_path_buf();
            files.push((rel, std::fs::read_to_string(entry.path()).unwrap()));
        }
    }
    files.sort();
    files
}

#[test]
fn stages_import_only_earlier_stages() {
    let bad = violations(&source_files());
    assert!(bad.is_empty(), "imports against the pipeline direction:\n{}", bad.join("\n"));
}

#[test]
fn a_reverse_import_is_caught() {
    let mut files = source_files();
    let (_, text) = files.iter_mut().find(|(p, _)| p == Path::new("rules/mod.rs")).unwrap();
    text.push_str("\nuse crate::matchers::Candidate;\n");
    let bad = violations(&files);
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(bad[0].contains("`rules` (stage 2) imports `crate::matchers` (stage 4)"), "{}", bad[0]);
}

#[test]
fn every_module_of_lib_rs_has_a_stage() {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    for line in lib.lines() {
        let line = line.trim();
        let decl = line
            .strip_prefix("pub mod ")
            .or_else(|| line.strip_prefix("mod "))
            .or_else(|| line.strip_prefix("pub(crate) mod "));
        if let Some(name) = decl.and_then(|d| d.strip_suffix(';')) {
            assert!(stage(name).is_some(), "src/lib.rs declares `{name}`, which has no stage");
        }
    }
}
