//! Case 4: every run writes `<output>.manifest.json`; `merge` checks the
//! shards against their manifests and keeps the BOM of `--excel` shards.

use serde_json::Value;

use crate::util::{stderr, Workspace};

fn manifest(ws: &Workspace, output: &str) -> Value {
    serde_json::from_str(&ws.read(&format!("{output}.manifest.json"))).unwrap()
}

fn shards(ws: &Workspace, n: u32, extra: &[&str]) -> Vec<String> {
    (0..n)
        .map(|k| {
            let name = format!("s{k}of{n}.csv");
            let shard = format!("{k}/{n}");
            let mut args = vec!["extract", "seeds", "--shard", &shard, "-o", &name, "-q", "--no-glossary"];
            args.extend(extra);
            let out = ws.run(&args);
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            name
        })
        .collect()
}

fn merge(ws: &Workspace, files: &[&str]) -> std::process::Output {
    let mut args = vec!["merge", "-o", "merged.csv"];
    args.extend(files);
    ws.run(&args)
}

#[test]
fn every_run_writes_a_manifest() {
    let ws = Workspace::new();
    let out = ws.run(&["extract", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let m = manifest(&ws, "output/extractions.csv");
    assert_eq!(m["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(m["documents"], 5);
    assert_eq!(m["failed"], 0);
    assert_eq!(m["shard"], Value::Null);
    assert!(m["rules"]["hash"].as_str().is_some_and(|h| h.len() == 16), "{m}");
    assert_eq!(m["inputs"], serde_json::json!(["seeds"]));
    let rows = m["rows"].as_object().unwrap();
    let csv_rows = ws.read("output/extractions.csv").lines().count() - 1;
    assert!(rows.contains_key("entity") && rows.contains_key("date") && rows.contains_key("acronym"));
    assert!(m["rows_total"].as_u64().unwrap() > 1000);
    assert!(csv_rows as u64 >= m["rows_total"].as_u64().unwrap(), "multi-line cells make more lines");
    assert_eq!(m["options"]["format"], "csv");
    assert_eq!(m["options"]["excel"], false);
    assert_eq!(m["outputs"], serde_json::json!(["output/extractions.csv", "output/acronyms.csv"]));
    assert!(super::temp_files(&ws.path("output")).is_empty());
}

#[test]
fn rules_hash_follows_the_rules_content() {
    let ws = Workspace::new();
    assert!(ws.run(&["extract", "-o", "a.csv", "-q"]).status.success());
    assert!(ws.run(&["extract", "-o", "b.csv", "-q"]).status.success());
    ws.write("rules/zz_extra.toml", "[[rule]]\nid = \"tokyo\"\nkind = \"entity\"\ntype = \"CITY\"\npattern = 'Tokyo'\n\n[[rule.example]]\ntext = \"Tokyo\"\nexpect = [{ text = \"Tokyo\" }]\n");
    assert!(ws.run(&["extract", "-o", "c.csv", "-q"]).status.success());
    let h = |o: &str| manifest(&ws, o)["rules"]["hash"].as_str().unwrap().to_string();
    assert_eq!(h("a.csv"), h("b.csv"));
    assert_ne!(h("a.csv"), h("c.csv"));
}

#[test]
fn shard_manifest_records_k_of_n() {
    let ws = Workspace::new();
    let files = shards(&ws, 3, &[]);
    let m = manifest(&ws, &files[1]);
    assert_eq!(m["shard"], serde_json::json!({"index": 1, "count": 3}));
}

#[test]
fn merge_of_all_shards_succeeds() {
    let ws = Workspace::new();
    assert!(ws.run(&["extract", "seeds", "-o", "single.csv", "-q"]).status.success());
    let files = shards(&ws, 3, &[]);
    let names: Vec<&str> = files.iter().map(String::as_str).collect();
    let out = merge(&ws, &names);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ws.read("merged.csv"), ws.read("single.csv"));
}

#[test]
fn merge_refuses_a_missing_shard() {
    let ws = Workspace::new();
    let files = shards(&ws, 3, &[]);
    let out = merge(&ws, &[&files[0], &files[1]]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("missing shard 2/3"), "{err}");
    assert!(!ws.path("merged.csv").exists(), "nothing written");
}

#[test]
fn merge_refuses_a_duplicated_shard() {
    let ws = Workspace::new();
    let files = shards(&ws, 3, &[]);
    std::fs::copy(ws.path(&files[1]), ws.path("copy.csv")).unwrap();
    std::fs::copy(ws.path(&format!("{}.manifest.json", files[1])), ws.path("copy.csv.manifest.json")).unwrap();
    let out = merge(&ws, &[&files[0], &files[1], "copy.csv", &files[2]]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("shard 1/3 is given twice") && err.contains("copy.csv"), "{err}");
}

#[test]
fn merge_refuses_shards_of_different_n_or_rules() {
    let ws = Workspace::new();
    let three = shards(&ws, 3, &[]);
    let two = shards(&ws, 2, &[]);
    let out = merge(&ws, &[&three[0], &three[1], &two[1]]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("mismatched shards") && err.contains("1/2") && err.contains("of 3"), "{err}");

    ws.write("rules/zz_extra.toml", "[[rule]]\nid = \"tokyo\"\nkind = \"entity\"\ntype = \"CITY\"\npattern = 'Tokyo'\n\n[[rule.example]]\ntext = \"Tokyo\"\nexpect = [{ text = \"Tokyo\" }]\n");
    let out = ws.run(&["extract", "seeds", "--shard", "2/3", "-o", "other.csv", "-q", "--no-glossary"]);
    assert!(out.status.success());
    let out = merge(&ws, &[&three[0], &three[1], "other.csv"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("rules hash") && err.contains("other.csv"), "{err}");
}

#[test]
fn merge_refuses_a_shard_without_manifest() {
    let ws = Workspace::new();
    let files = shards(&ws, 2, &[]);
    std::fs::remove_file(ws.path(&format!("{}.manifest.json", files[0]))).unwrap();
    let out = merge(&ws, &[&files[0], &files[1]]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("manifest.json") && err.contains(&files[0]), "{err}");
}

#[test]
fn merge_keeps_the_bom_of_excel_shards() {
    let ws = Workspace::new();
    assert!(ws.run(&["extract", "seeds", "-o", "single.csv", "-q", "--excel", "--no-glossary"]).status.success());
    let files = shards(&ws, 2, &["--excel"]);
    let out = merge(&ws, &[&files[0], &files[1]]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let merged = std::fs::read(ws.path("merged.csv")).unwrap();
    assert!(merged.starts_with("\u{FEFF}doc,".as_bytes()));
    assert_eq!(merged, std::fs::read(ws.path("single.csv")).unwrap());
}

/// A Parquet output carries its manifest in the file's metadata: a sidecar
/// would be read as data when a folder of shards is loaded as a dataset.
#[test]
fn parquet_output_has_the_manifest_in_its_metadata() {
    use parquet::file::reader::FileReader;
    let ws = Workspace::new();
    let out = ws.run(&["extract", "seeds", "--format", "parquet", "-o", "rows.parquet", "--no-glossary", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!ws.path("rows.parquet.manifest.json").exists(), "no sidecar beside a Parquet file");
    let file = std::fs::File::open(ws.path("rows.parquet")).unwrap();
    let reader = parquet::file::reader::SerializedFileReader::new(file).unwrap();
    let kv = reader.metadata().file_metadata().key_value_metadata().cloned().unwrap_or_default();
    let manifest = kv.iter().find(|k| k.key == "yomitori.manifest").and_then(|k| k.value.clone()).unwrap();
    let m: Value = serde_json::from_str(&manifest).unwrap();
    assert_eq!(m["documents"], 5);
    assert_eq!(m["options"]["format"], "parquet");
}
