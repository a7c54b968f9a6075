//! Scale features: the benchmark corpus generator is reproducible, and
//! `--shard` runs merged with `yomitori merge` give the bytes of one run.

use crate::util::{stderr, Workspace};

#[test]
fn shards_merge_into_the_single_run_output() {
    let ws = Workspace::new();
    let single = ws.run(&["extract", "seeds", "-o", "single.csv", "-q"]);
    assert_eq!(single.status.code(), Some(0), "{}", stderr(&single));
    let mut shard_files = Vec::new();
    let mut docs_seen = 0;
    for k in 0..3 {
        let name = format!("shard{k}.csv");
        let out = ws.run(&["extract", "seeds", "--shard", &format!("{k}/3"), "-o", &name]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let err = stderr(&out);
        docs_seen += err.split_whitespace().nth(1).unwrap().parse::<usize>().unwrap();
        shard_files.push(name);
    }
    assert_eq!(docs_seen, 5, "every document is in exactly one shard");
    let mut args = vec!["merge", "-o", "merged.csv"];
    args.extend(shard_files.iter().map(String::as_str));
    let out = ws.run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ws.read("merged.csv"), ws.read("single.csv"));
}

#[test]
fn bad_shard_is_a_usage_error() {
    let ws = Workspace::new();
    let out = ws.run(&["extract", "seeds", "--shard", "3/3", "-o", "x.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("invalid --shard `3/3`"), "{}", stderr(&out));
}

#[test]
fn bench_corpus_is_reproducible_and_consistent() {
    let ws = Workspace::new();
    for (dir, seed) in [("a", "7"), ("b", "7"), ("c", "8")] {
        let out = ws.run(&["bench-corpus", "--out", dir, "--size", "300K", "--file-size", "20K", "--seed", seed]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let one_a = ws.read("a/one.txt");
    assert_eq!(one_a, ws.read("b/one.txt"), "same seed, same corpus");
    assert_ne!(one_a, ws.read("c/one.txt"), "another seed, another corpus");
    // The three forms hold the same documents.
    let mut files: Vec<_> = walk(&ws.path("a/files"));
    files.sort();
    let texts: Vec<String> = files.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    assert!(texts.len() >= 15);
    assert_eq!(texts.join("\n"), one_a);
    let jsonl: Vec<serde_json::Value> =
        ws.read("a/corpus.jsonl").lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(jsonl.len(), texts.len());
    assert!(jsonl.iter().zip(&texts).all(|(r, t)| r["text"] == t.as_str()));
    // Varied: no two documents are the same.
    let distinct: std::collections::BTreeSet<_> = texts.iter().collect();
    assert_eq!(distinct.len(), texts.len());
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
