//! `yomitori review`, `extract --format brat|timeml` and `yomitori explain`: the
//! outputs made for people and annotation tools rather than for row
//! pipelines.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use yomitori::emit::atomic::AtomicFile;
use yomitori::emit::brat::BratWriter;
use yomitori::emit::review::ReviewWriter;
use yomitori::emit::timeml::TimemlWriter;
use yomitori::input::guard;
use yomitori::input::Documents;
use yomitori::pipeline;
use yomitori::Extractor;

use super::args::{ExplainArgs, ExplainFormat, ExtractArgs, FormatArg, ReviewArgs, RulesArgs};
use super::commands::{documents, extractor, extractor_for, run_options, side_outputs, summary_line, yomitori_io};
use super::progress::Progress;

/// Exit status for a run whose documents partly failed.
const ERRORS: u8 = 2;

/// `yomitori review`: one HTML page, written atomically; nothing is written
/// when there are more documents than `--max-documents`.
pub fn review(args: &ReviewArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let (ex, rules_label) = extractor_for(&args.input)?;
    let docs = documents(&args.input)?;
    let name = args.output.display().to_string();
    let file = AtomicFile::create(&args.output)?;
    let inputs: Vec<String> = if args.input.paths.is_empty() {
        vec!["seeds".to_string()]
    } else {
        args.input.paths.iter().map(|p| p.display().to_string()).collect()
    };
    let title = format!("yomitori review: {}", inputs.join(", "));
    let mut page = ReviewWriter::new(file, &title).map_err(|e| yomitori_io(&name, e))?;
    let mut progress = Progress::new(!args.quiet && io::stderr().is_terminal());
    let max = args.max_documents;
    let summary = pipeline::run(
        &ex,
        docs,
        &run_options(&args.input),
        |doc, rows| {
            if page.documents() == max {
                return Err(yomitori::Error::from_usage(format!(
                    "review: more than {max} documents (at `{}`); a page holds at most --max-documents {max}. \
                     Review a subfolder, use --shard K/N, or raise --max-documents; nothing was written",
                    doc.id
                )));
            }
            page.document(doc, rows).map_err(|e| yomitori_io(&name, e))
        },
        &mut progress,
    );
    progress.finish();
    let summary = summary?;
    page.finish().map_err(|e| yomitori_io(&name, e))?.commit()?;
    if !args.quiet {
        eprintln!("{}", summary_line(&summary, ex.kinds(), started, &name, &rules_label));
    }
    Ok(if summary.failed > 0 { ExitCode::from(ERRORS) } else { ExitCode::SUCCESS })
}

/// A writer of one file (or two) per document into the folder `-o DIR`.
enum FolderWriter {
    Brat(BratWriter),
    Timeml(TimemlWriter),
}

/// `extract --format brat|timeml -o DIR`: per document `.txt` and `.ann`,
/// then `annotation.conf` (brat), or one `.tml` (TimeML). A document's file
/// that would replace an input is refused (an error of that document). Side
/// outputs (the glossary) only with `--glossary PATH`.
pub fn folder(
    args: &ExtractArgs,
    ex: &Extractor,
    docs: Documents,
    inputs: &[PathBuf],
    rules_label: &str,
    started: Instant,
) -> Result<ExitCode> {
    let format = if matches!(args.format, FormatArg::Timeml) { "timeml" } else { "brat" };
    if args.output.as_os_str() == "-" {
        anyhow::bail!("--format {format} writes a folder of files; give it with -o DIR");
    }
    if args.output.is_file() {
        anyhow::bail!("--format {format} writes a folder, but {} is a file", args.output.display());
    }
    let mut sides = if args.glossary.is_some() {
        side_outputs(args)?.into_iter().filter(|(p, _, _)| Some(p) == args.glossary.as_ref()).collect()
    } else {
        Vec::new()
    };
    let glob = docs.glob().clone();
    let mut writer = if format == "timeml" {
        FolderWriter::Timeml(TimemlWriter::new(&args.output, ex.anchor())?)
    } else {
        FolderWriter::Brat(BratWriter::new(&args.output)?)
    };
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let mut progress = Progress::new(!args.quiet && !args.no_progress && io::stderr().is_terminal());
    let summary = pipeline::run(
        ex,
        docs,
        &run_options(&args.input),
        |doc, rows| {
            for (_, _, side) in &mut sides {
                side.add(rows);
                side.end_document();
            }
            match &mut writer {
                FolderWriter::Brat(w) => w.document(doc, rows),
                FolderWriter::Timeml(w) => {
                    let path = w.path_for(doc);
                    guard::refuse_overwriting_inputs(&inputs, &glob, &[("TimeML file", &path)])?;
                    w.document(doc, rows)
                }
            }
        },
        &mut progress,
    );
    progress.finish();
    let summary = summary?;
    if let FolderWriter::Brat(w) = writer {
        w.finish()?;
    }
    let mut out_names = args.output.display().to_string();
    for (path, _, side) in &sides {
        let name = path.display().to_string();
        let mut file = AtomicFile::create(path)?;
        side.write(&mut file, args.excel).map_err(|e| yomitori_io(&name, e))?;
        file.commit()?;
        out_names = format!("{out_names}, {name}");
    }
    if !args.quiet {
        eprintln!("{}", summary_line(&summary, ex.kinds(), started, &out_names, rules_label));
    }
    Ok(if summary.failed > 0 { ExitCode::from(ERRORS) } else { ExitCode::SUCCESS })
}

/// `yomitori explain`.
pub fn explain(args: &ExplainArgs) -> Result<ExitCode> {
    use std::io::{Read, Write};
    let (ex, _) = extractor(&RulesArgs { rules: args.rules.clone() })?;
    let (id, text) = match (&args.text, &args.file) {
        (Some(t), _) => ("--text".to_string(), t.clone()),
        (None, Some(p)) if p.as_os_str() == "-" => {
            let mut t = String::new();
            io::stdin().read_to_string(&mut t).context("reading stdin")?;
            ("-".to_string(), t)
        }
        (None, Some(p)) => {
            (p.display().to_string(), std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?)
        }
        (None, None) => anyhow::bail!("explain needs --text TEXT or --file PATH"),
    };
    let query = yomitori::explain::Query { rule: args.rule.clone(), at: args.at };
    let explanation = yomitori::explain::explain(&ex, &yomitori::Document::new(id, text), &query)?;
    let mut out = io::stdout().lock();
    match args.format {
        ExplainFormat::Text => write!(out, "{explanation}")?,
        ExplainFormat::Jsonl => {
            for e in &explanation.entries {
                serde_json::to_writer(&mut out, e)?;
                writeln!(out)?;
            }
            for m in &explanation.missing {
                serde_json::to_writer(&mut out, m)?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
