//! Golden files: compare a run's CSV with the expected CSV row by row, print
//! a readable diff, and rewrite the expected file on `--bless`.
//!
//! Rows are compared as parsed records, not as bytes, so a diff shows whole
//! rows (`-` expected, `+` got) even when a cell spans lines.

pub mod examples;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::emit::{atomic, Format, RowWriter};
use crate::error::{Error, Result};
use crate::extract::{Document, Extractor};
use crate::pipeline::{self, Observer, Part, RunOptions, Summary};

/// Outputs of a run held in memory: `(file name, bytes)`.
pub type Outputs = Vec<(String, Vec<u8>)>;

/// Name of the golden file of the row output.
pub const EXTRACTIONS: &str = "extractions.csv";

/// Runs `extractor` over `docs` into memory and returns every output a
/// golden check compares, as `(file name, bytes)`: the same bytes
/// `yomitori extract` writes (the rows, then the acronym glossary).
///
/// # Errors
/// As [`pipeline::run`].
pub fn outputs<I>(
    extractor: &Extractor,
    docs: I,
    options: &RunOptions,
    observer: &mut dyn Observer,
) -> Result<(Outputs, Summary)>
where
    I: IntoIterator<Item = Result<Document>>,
    I::IntoIter: Send,
{
    let mut writer = RowWriter::new(Vec::new(), Format::Csv, false)
        .map_err(|e| Error::io("cannot write the output", "<memory>", e))?;
    let mut sides: Vec<_> = crate::families::side_outputs().map(|o| (o.file_name, (o.new)())).collect();
    // In parts, as `yomitori extract` writes them.
    let summary = pipeline::run_parts(
        extractor,
        docs,
        options,
        |part| {
            let (Part::Rows(rows) | Part::End(_, rows)) = part;
            for r in rows {
                writer.write(r).map_err(|e| Error::io("cannot write the output", "<memory>", e))?;
            }
            for (_, side) in &mut sides {
                side.add(rows);
                if let Part::End(..) = part {
                    side.end_document();
                }
            }
            Ok(())
        },
        observer,
    )?;
    let bytes = writer.finish().map_err(|e| Error::io("cannot write the output", "<memory>", e))?;
    let mut outputs = vec![(EXTRACTIONS.to_string(), bytes)];
    for (name, side) in sides {
        let mut bytes = Vec::new();
        side.write(&mut bytes, false).map_err(|e| Error::io("cannot write the output", "<memory>", e))?;
        outputs.push((name.to_string(), bytes));
    }
    Ok((outputs, summary))
}

/// The difference between one golden file and the run's output.
#[derive(Clone, Debug)]
pub struct GoldenDiff {
    /// The golden file.
    pub path: PathBuf,
    /// Rows only in the run's output.
    pub added: usize,
    /// Rows only in the golden file.
    pub removed: usize,
    /// `-`/`+` lines, one per row.
    pub rendered: String,
}

fn records(csv_text: &str, what: &Path) -> Result<Vec<Vec<String>>> {
    let text = csv_text.strip_prefix('\u{FEFF}').unwrap_or(csv_text);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.map(|r| r.iter().map(str::to_string).collect()))
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| Error::golden("invalid golden file", what, format!("not valid CSV: {e}")))
}

fn render(row: &[String]) -> String {
    let cells: Vec<String> = row
        .iter()
        .map(|c| {
            let c = c.replace('\\', "\\\\").replace('\n', "\\n").replace('\r', "\\r");
            if c.contains(',') || c.contains('"') {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c
            }
        })
        .collect();
    cells.join(",")
}

/// Compares two CSV texts; `None` when they hold the same rows in the same
/// order.
///
/// # Errors
/// When either text is not CSV.
pub fn diff(path: &Path, expected: &str, actual: &str) -> Result<Option<GoldenDiff>> {
    let exp = records(expected, path)?;
    let got = records(actual, Path::new("<output>"))?;
    if exp == got {
        return Ok(None);
    }
    let mut d = GoldenDiff { path: path.to_path_buf(), added: 0, removed: 0, rendered: String::new() };
    for op in capture_diff_slices(Algorithm::Myers, &exp, &got) {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete { old_index, old_len, .. } => {
                for row in &exp[old_index..old_index + old_len] {
                    d.removed += 1;
                    let _ = writeln!(d.rendered, "- {}", render(row));
                }
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                for row in &got[new_index..new_index + new_len] {
                    d.added += 1;
                    let _ = writeln!(d.rendered, "+ {}", render(row));
                }
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                for row in &exp[old_index..old_index + old_len] {
                    d.removed += 1;
                    let _ = writeln!(d.rendered, "- {}", render(row));
                }
                for row in &got[new_index..new_index + new_len] {
                    d.added += 1;
                    let _ = writeln!(d.rendered, "+ {}", render(row));
                }
            }
        }
    }
    Ok(Some(d))
}

/// Compares each `(file name, bytes)` output with `golden_dir/<file name>`.
/// With `bless`, writes the outputs there instead and reports what changed.
///
/// # Errors
/// When a golden file is missing (without `bless`), unreadable or not CSV,
/// or cannot be written.
pub fn check(outputs: &[(String, Vec<u8>)], golden_dir: &Path, bless: bool) -> Result<Vec<GoldenDiff>> {
    let mut diffs = Vec::new();
    for (name, bytes) in outputs {
        let path = golden_dir.join(name);
        let actual = String::from_utf8_lossy(bytes);
        let expected = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if bless && e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::golden("golden file is missing", &path, "create it with `yomitori check --bless`"));
            }
            Err(e) => return Err(Error::io("cannot read the golden file", &path, e)),
        };
        if let Some(d) = diff(&path, &expected, &actual)? {
            diffs.push(d);
        }
        if bless {
            atomic::write_file(&path, bytes)?;
        }
    }
    Ok(diffs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_level_diff() {
        let exp = "a,b\n1,x\n2,\"multi\nline\"\n3,z\n";
        let got = "a,b\n1,x\n3,z\n4,\"q,r\"\n";
        let d = diff(Path::new("g.csv"), exp, got).unwrap().unwrap();
        assert_eq!((d.removed, d.added), (1, 1));
        insta::assert_snapshot!(d.rendered, @r#"
        - 2,multi\nline
        + 4,"q,r"
        "#);
        assert!(diff(Path::new("g.csv"), exp, exp).unwrap().is_none());
    }
}
