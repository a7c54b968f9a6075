//! The commands: glue from parsed flags to the library, and the text they
//! print. Data goes to stdout or the output file; messages go to stderr.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use yomitori::check::examples;
use yomitori::emit::RowWriter;
use yomitori::input::{Documents, InputFormat};
use yomitori::pipeline::{self, RunOptions, Summary};
use yomitori::AtomicFile;
use yomitori::SideCollector;
use yomitori::{Extractor, ExtractorBuilder, Format, Kind};

use super::args::{
    BenchCorpusArgs, CheckArgs, ExtractArgs, FormatArg, InputArgs, InputFormatArg, MergeArgs, RulesArgs,
};
use super::progress::Progress;

/// Exit status for a run whose documents partly failed.
const ERRORS: u8 = 2;

/// The rules a command runs with: `--rules DIR`, else `./rules` when it
/// exists, else the shipped rules built into the binary. Returns the
/// builder and how the summary names the choice.
fn rules_builder(flag: Option<&Path>) -> Result<(ExtractorBuilder, String)> {
    match flag {
        Some(dir) => {
            if !dir.is_dir() {
                anyhow::bail!(
                    "rules folder not found: {}\n  hint: `yomitori rules dump {}` writes the built-in rules there \
                     for editing; without --rules, ./rules or the built-in rules are used",
                    dir.display(),
                    dir.display()
                );
            }
            Ok((Extractor::builder().rules(dir), dir.display().to_string()))
        }
        None if Path::new(DEFAULT_RULES).is_dir() => {
            Ok((Extractor::builder().rules(DEFAULT_RULES), format!("./{DEFAULT_RULES}")))
        }
        None => Ok((Extractor::builder().builtin_rules(), "built-in".to_string())),
    }
}

/// The folder used for rules when `--rules` is not given and it exists.
const DEFAULT_RULES: &str = "rules";

fn extractor(args: &RulesArgs) -> Result<(Extractor, String)> {
    let (builder, label) = rules_builder(args.rules.as_deref())?;
    Ok((builder.build()?, label))
}

fn extractor_for(input: &InputArgs) -> Result<(Extractor, String)> {
    let chunk_size = usize::try_from(yomitori::corpus::parse_size(&input.chunk_size)?)?;
    let (builder, label) = rules_builder(input.rules.as_deref())?;
    let extractor = builder.anchor(input.anchoring()).chunk_size(chunk_size).build()?;
    Ok((extractor.with_fiscal_year(input.fiscal_year), label))
}

fn documents(input: &InputArgs) -> Result<Documents> {
    let paths = if input.paths.is_empty() { vec![PathBuf::from("seeds")] } else { input.paths.clone() };
    let format = match input.input_format {
        InputFormatArg::Text => InputFormat::Text,
        InputFormatArg::Jsonl => InputFormat::Jsonl,
    };
    let shard = input.shard.as_deref().map(yomitori::shard::Shard::parse).transpose()?;
    Ok(Documents::new(&paths, format, input.glob.as_deref())?.shard(shard))
}

/// Opens `path` for writing (atomically), or stdout for `-`.
fn destination(path: &Path) -> Result<Destination> {
    Ok(if path.as_os_str() == "-" {
        Destination::Stdout(io::BufWriter::with_capacity(1 << 16, io::stdout().lock()))
    } else {
        Destination::File(AtomicFile::create(path)?)
    })
}

impl Destination {
    /// Flushes stdout, or renames the file into place.
    fn commit(self, name: &str) -> Result<()> {
        match self {
            Destination::File(f) => f.commit()?,
            Destination::Stdout(mut s) => s.flush().map_err(|e| yomitori_io(name, e))?,
        }
        Ok(())
    }
}

fn run_options(input: &InputArgs) -> RunOptions {
    RunOptions { threads: input.threads, ..RunOptions::default() }
}

/// Where rows go: an atomically replaced file, or stdout.
enum Destination {
    File(AtomicFile),
    Stdout(io::BufWriter<io::StdoutLock<'static>>),
}

impl Write for Destination {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Destination::File(f) => f.write(buf),
            Destination::Stdout(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Destination::File(f) => f.flush(),
            Destination::Stdout(s) => s.flush(),
        }
    }
}

/// `yomitori extract` (and the default job).
pub fn extract(args: &ExtractArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let (ex, rules_label) = extractor_for(&args.input)?;
    let docs = documents(&args.input)?;
    let dest = destination(&args.output)?;
    let format = match args.format {
        FormatArg::Csv => Format::Csv,
        FormatArg::Jsonl => Format::Jsonl,
    };
    let out_name = args.output.display().to_string();
    let mut sides = side_outputs(args)?;
    let mut writer = RowWriter::new(dest, format, args.excel).with_context(|| format!("writing {out_name}"))?;
    let mut progress = Progress::new(!args.quiet && !args.no_progress && io::stderr().is_terminal());
    let summary = pipeline::run(
        &ex,
        docs,
        &run_options(&args.input),
        |_, rows| {
            for r in rows {
                writer.write(r).map_err(|e| yomitori_io(&out_name, e))?;
            }
            for (_, side) in &mut sides {
                side.add(rows);
            }
            Ok(())
        },
        &mut progress,
    );
    progress.finish();
    let summary = summary?;
    writer.finish().map_err(|e| yomitori_io(&out_name, e))?.commit(&out_name)?;
    let mut out_names = out_name;
    for (path, side) in &sides {
        let name = path.display().to_string();
        let mut file = AtomicFile::create(path)?;
        side.write(&mut file, args.excel).map_err(|e| yomitori_io(&name, e))?;
        file.commit()?;
        out_names = format!("{out_names}, {name}");
    }
    if !args.quiet {
        eprintln!("{}", summary_line(&summary, ex.kinds(), started, &out_names, &rules_label));
    }
    Ok(if summary.failed > 0 { ExitCode::from(ERRORS) } else { ExitCode::SUCCESS })
}

/// The families' side outputs of this run and where each goes: its file
/// name beside the output file, nowhere with stdout output. The acronym
/// family's `glossary` also answers to `--glossary PATH` and
/// `--no-glossary`.
fn side_outputs(args: &ExtractArgs) -> Result<Vec<(PathBuf, Box<dyn SideCollector>)>> {
    let mut out = Vec::new();
    for side in yomitori::side_outputs() {
        let is_glossary = side.name == "glossary";
        let path = match (args.glossary.as_ref().filter(|_| is_glossary), is_glossary && args.no_glossary) {
            (_, true) => continue,
            (Some(p), false) => p.clone(),
            (None, false) if args.output.as_os_str() == "-" => continue,
            (None, false) => args.output.parent().unwrap_or(Path::new("")).join(side.file_name),
        };
        if path == args.output {
            anyhow::bail!(
                "the {} would overwrite the output {}; choose another path with --{} or --no-{}",
                side.name,
                path.display(),
                side.name,
                side.name
            );
        }
        out.push((path, (side.new)()));
    }
    Ok(out)
}

fn yomitori_io(path: &str, e: io::Error) -> yomitori::Error {
    // Route through the library's error so a broken pipe is recognized.
    yomitori::emit::atomic::io_error(path, e)
}

fn summary_line(s: &Summary, kinds: &[Kind], started: Instant, out: &str, rules: &str) -> String {
    let kinds: Vec<String> = kinds.iter().map(|k| format!("{} {}", s.rows_of(*k), k.as_str())).collect();
    let failed = if s.failed > 0 { format!(", {} failed", s.failed) } else { String::new() };
    format!(
        "yomitori: {} documents ({} bytes){failed}, {} rows ({}) in {:.2} s -> {out}; rules: {rules}",
        s.documents,
        s.bytes,
        s.total_rows(),
        kinds.join(", "),
        started.elapsed().as_secs_f64()
    )
}

/// `yomitori check`.
pub fn check(args: &CheckArgs) -> Result<ExitCode> {
    let (ex, _) = extractor_for(&args.input)?;
    let docs = documents(&args.input)?;
    let mut progress = Progress::new(false);
    let (outputs, summary) = yomitori::check::outputs(&ex, docs, &run_options(&args.input), &mut progress)?;
    let diffs = yomitori::check::check(&outputs, &args.golden, args.bless)?;
    let mut out = io::stdout().lock();
    for d in &diffs {
        writeln!(
            out,
            "--- {} (expected)\n+++ output (got): {} rows removed, {} added",
            d.path.display(),
            d.removed,
            d.added
        )?;
        write!(out, "{}", d.rendered)?;
    }
    if args.bless {
        eprintln!("blessed {} golden file(s) in {}", outputs.len(), args.golden.display());
        return Ok(if summary.failed > 0 { ExitCode::from(ERRORS) } else { ExitCode::SUCCESS });
    }
    if summary.failed > 0 {
        return Ok(ExitCode::from(ERRORS));
    }
    if diffs.is_empty() {
        eprintln!("golden files match ({} rows)", summary.total_rows());
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("golden files differ; if the change is intended, re-run with --bless");
        Ok(ExitCode::from(1))
    }
}

/// `yomitori rules test`.
pub fn rules_test(args: &RulesArgs) -> Result<ExitCode> {
    let (ex, label) = extractor(args)?;
    let report = examples::run_all(&ex);
    for f in &report.failures {
        eprintln!("{f}\n");
    }
    eprintln!(
        "rules: {label}: {} examples in {} rules: {} passed, {} failed",
        report.run,
        ex.rule_count(),
        report.run - report.failures.len(),
        report.failures.len()
    );
    Ok(if report.failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// `yomitori rules lint`.
pub fn rules_lint(args: &RulesArgs) -> Result<ExitCode> {
    let (ex, label) = extractor(args)?;
    eprintln!("{label}: {} rules, {} examples, no errors", ex.rule_count(), ex.example_count());
    Ok(ExitCode::SUCCESS)
}

/// `yomitori rules plan`.
pub fn rules_plan(args: &RulesArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let (ex, label) = extractor(args)?;
    let elapsed = started.elapsed();
    let mut out = io::stdout().lock();
    write!(out, "{}", ex.plan())?;
    writeln!(out, "rules: {label}; load and compile: {:.1} ms", elapsed.as_secs_f64() * 1000.0)?;
    Ok(ExitCode::SUCCESS)
}

/// `yomitori rules explain`.
pub fn rules_explain(id: &str, args: &RulesArgs) -> Result<ExitCode> {
    let (ex, label) = extractor(args)?;
    let found = ex.explain_rule(id);
    if found.is_empty() {
        anyhow::bail!("no rule named `{id}` in the rules ({label})");
    }
    let mut out = io::stdout().lock();
    for text in found {
        writeln!(out, "{text}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `yomitori rules export-terms`.
pub fn export_terms(output: &Path, args: &RulesArgs) -> Result<ExitCode> {
    let (ex, _) = extractor(args)?;
    let name = output.display().to_string();
    let mut dest = destination(output)?;
    let terms = ex.gazetteer_terms();
    for t in &terms {
        // A term with a line break cannot be one line of a pattern file.
        if !t.contains('\n') {
            writeln!(dest, "{t}").map_err(|e| yomitori_io(&name, e))?;
        }
    }
    dest.commit(&name)?;
    eprintln!("{} terms -> {name}", terms.len());
    Ok(ExitCode::SUCCESS)
}

/// `yomitori merge`.
pub fn merge(args: &MergeArgs) -> Result<ExitCode> {
    let name = args.output.display().to_string();
    let shards: Vec<&Path> = args.shards.iter().map(PathBuf::as_path).collect();
    let dest = yomitori::shard::merge(&shards, destination(&args.output)?)?;
    dest.commit(&name)?;
    Ok(ExitCode::SUCCESS)
}

/// `yomitori bench-corpus`.
pub fn bench_corpus(args: &BenchCorpusArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let spec = yomitori::corpus::CorpusSpec {
        seeds: args.seeds.clone(),
        out: args.out.clone(),
        bytes: yomitori::corpus::parse_size(&args.size)?,
        file_size: usize::try_from(yomitori::corpus::parse_size(&args.file_size)?)?,
        seed: args.seed,
    };
    let stats = yomitori::corpus::generate(&spec)?;
    eprintln!(
        "{} documents, {} bytes, from {} seed paragraphs (seed {}) in {:.1} s -> {}",
        stats.documents,
        stats.bytes,
        stats.paragraphs,
        args.seed,
        started.elapsed().as_secs_f64(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// `yomitori rules dump DIR`: the built-in rules, written out for editing.
pub fn rules_dump(dir: &Path) -> Result<ExitCode> {
    if dir.exists() && std::fs::read_dir(dir).with_context(|| format!("{}", dir.display()))?.next().is_some() {
        anyhow::bail!("{}: the folder is not empty; dump into a new or empty folder", dir.display());
    }
    let mut count = 0;
    for (rel, text) in yomitori::builtin_rule_files() {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("{}", parent.display()))?;
        }
        let name = path.display().to_string();
        let mut file = AtomicFile::create(&path)?;
        file.write_all(text.as_bytes()).map_err(|e| yomitori_io(&name, e))?;
        file.commit()?;
        count += 1;
    }
    eprintln!("wrote {count} files of the built-in rules to {}; run with --rules {}", dir.display(), dir.display());
    Ok(ExitCode::SUCCESS)
}
