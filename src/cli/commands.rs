//! The commands: glue from parsed flags to the library, and the text they
//! print. Data goes to stdout or the output file; messages go to stderr.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{anyhow, Result};
use yomitori::check::examples;
use yomitori::emit::manifest::{self, Manifest};
use yomitori::emit::parquet::{self, ParquetRowWriter};
use yomitori::emit::RowWriter;
use yomitori::input::{Documents, InputFormat};
use yomitori::pipeline::{self, Part, RunOptions, Summary};
use yomitori::AtomicFile;
use yomitori::{Extractor, ExtractorBuilder, Format, Kind};
use yomitori::{SideCollector, SideOutput};

use super::args::{
    BenchCorpusArgs, CheckArgs, ExtractArgs, FormatArg, InputArgs, InputFormatArg, MergeArgs, RulesArgs,
};
use super::outputs::{self, RunRecord};
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

pub(super) fn extractor(args: &RulesArgs) -> Result<(Extractor, String)> {
    let (builder, label) = rules_builder(args.rules.as_deref())?;
    Ok((builder.build()?, label))
}

pub(super) fn extractor_for(input: &InputArgs) -> Result<(Extractor, String)> {
    let chunk_size = outputs::size_usize("--chunk-size", &input.chunk_size)?;
    // The rules compile on rayon's global pool: as many threads as `-j`
    // allows. It can be set only once; a second call (never in one run)
    // keeps the first size, which is harmless.
    let _ = rayon::ThreadPoolBuilder::new().num_threads(outputs::cores_for(input.threads)).build_global();
    let (builder, label) = rules_builder(input.rules.as_deref())?;
    let extractor = builder.anchor(input.anchoring()).chunk_size(chunk_size).build()?;
    Ok((extractor.with_fiscal_year(input.fiscal_year), label))
}

/// The rules folder a command uses (`None`: the built-in rules), as
/// [`rules_builder`] chooses it.
fn rules_dir(flag: Option<&Path>) -> Option<&Path> {
    flag.or_else(|| Path::new(DEFAULT_RULES).is_dir().then_some(Path::new(DEFAULT_RULES)))
}

/// The input paths: as given, or `seeds`.
fn input_paths(input: &InputArgs) -> Vec<PathBuf> {
    if input.paths.is_empty() {
        vec![PathBuf::from("seeds")]
    } else {
        input.paths.clone()
    }
}

fn shard(input: &InputArgs) -> Result<Option<yomitori::shard::Shard>> {
    Ok(input.shard.as_deref().map(yomitori::shard::Shard::parse).transpose()?)
}

pub(super) fn documents(input: &InputArgs) -> Result<Documents> {
    let format = match input.input_format {
        InputFormatArg::Text => InputFormat::Text,
        InputFormatArg::Jsonl => InputFormat::Jsonl,
    };
    Ok(Documents::new(&input_paths(input), format, input.glob.as_deref())?
        .shard(shard(input)?)
        .allow_duplicate_ids(input.allow_duplicate_ids))
}

/// Opens `path` for writing (atomically), or stdout for `-`.
fn destination(path: &Path) -> Result<Destination> {
    Ok(if path.as_os_str() == "-" {
        Destination::Stdout(io::BufWriter::with_capacity(1 << 16, io::stdout()))
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

pub(super) fn run_options(input: &InputArgs) -> RunOptions {
    RunOptions { threads: outputs::threads(input.threads), ..RunOptions::default() }
}

/// Where rows go: an atomically replaced file, or stdout. `Send` (stdout
/// unlocked, locked per 64 KiB write) because the Parquet writer asks it.
enum Destination {
    File(AtomicFile),
    Stdout(io::BufWriter<io::Stdout>),
}

/// The rows' writer for the chosen `--format`.
enum Rows {
    Text(RowWriter<Destination>),
    Parquet(Box<ParquetRowWriter<Destination>>),
}

impl Rows {
    fn new(dest: Destination, format: FormatArg, excel: bool) -> io::Result<Rows> {
        Ok(match format {
            FormatArg::Csv => Rows::Text(RowWriter::new(dest, Format::Csv, excel)?),
            FormatArg::Jsonl => Rows::Text(RowWriter::new(dest, Format::Jsonl, excel)?),
            FormatArg::Parquet => Rows::Parquet(Box::new(ParquetRowWriter::new(dest)?)),
            FormatArg::Brat | FormatArg::Timeml => {
                unreachable!("--format brat and timeml are written by review::folder")
            }
        })
    }

    fn write_document(&mut self, rows: &[yomitori::Row]) -> io::Result<()> {
        match self {
            Rows::Text(w) => rows.iter().try_for_each(|r| w.write(r)),
            Rows::Parquet(w) => w.write_document(rows),
        }
    }

    /// Finishes the file; a Parquet file carries `manifest` in its
    /// metadata (text formats get a sidecar instead).
    fn finish(self, manifest: Option<&Manifest>) -> io::Result<Destination> {
        match (self, manifest) {
            (Rows::Text(w), _) => w.finish(),
            (Rows::Parquet(w), Some(m)) => w.finish_with_metadata(manifest::PARQUET_KEY, m.to_json()),
            (Rows::Parquet(w), None) => w.finish(),
        }
    }
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
///
/// Order matters for what survives a failure: flags and the input/output
/// check first (nothing read yet), then the rules, then the rows into a
/// temporary file; side outputs and the manifest are written only once the
/// run has extracted something (or `--allow-empty`), and all are renamed
/// into place at the end.
pub fn extract(args: &ExtractArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let options = run_options(&args.input);
    let chunk_size = outputs::size("--chunk-size", &args.input.chunk_size)?;
    let docs = documents(&args.input)?;
    if args.excel && matches!(args.format, FormatArg::Parquet) {
        anyhow::bail!("--excel is for CSV and JSON Lines; a Parquet file has typed cells");
    }
    let sides = side_outputs(args)?;
    let to_file = args.output.as_os_str() != "-";
    let parquet_out = matches!(args.format, FormatArg::Parquet);
    let manifest_path = (to_file && !parquet_out).then(|| manifest::path_for(&args.output));
    let mut planned: Vec<(&str, &Path)> = vec![("output (-o)", &args.output)];
    for (path, side, _) in &sides {
        planned.push((if side.name == "glossary" { "glossary (--glossary)" } else { "side output" }, path));
    }
    if let Some(m) = &manifest_path {
        planned.push(("manifest", m));
    }
    let inputs = input_paths(&args.input);
    outputs::refuse_overwriting_inputs(&inputs, docs.glob(), &planned)?;
    let found = docs.found();

    let (ex, rules_label) = extractor_for(&args.input)?;
    if matches!(args.format, FormatArg::Brat | FormatArg::Timeml) {
        return super::review::folder(args, &ex, docs, &inputs, &rules_label, started);
    }
    let rules = outputs::rules_id(rules_dir(args.input.rules.as_deref()), &rules_label)?;
    let out_name = args.output.display().to_string();
    let dest = destination(&args.output)?;
    let mut sides = sides;
    let mut writer = Rows::new(dest, args.format, args.excel).map_err(|e| yomitori_io(&out_name, e))?;
    let mut progress = Progress::new(!args.quiet && !args.no_progress && io::stderr().is_terminal());
    // Rows are written as they come, a large document's section by section.
    let summary = pipeline::run_parts(
        &ex,
        docs,
        &options,
        |part| {
            let (Part::Rows(rows) | Part::End(_, rows)) = part;
            writer.write_document(rows).map_err(|e| yomitori_io(&out_name, e))?;
            for (_, _, side) in &mut sides {
                side.add(rows);
                if let Part::End(..) = part {
                    side.end_document();
                }
            }
            Ok(())
        },
        &mut progress,
    );
    progress.finish();
    let summary = summary?;
    // A shard whose share of the documents is empty is still written:
    // merge needs every K.
    let found = found.load(std::sync::atomic::Ordering::Relaxed);
    if summary.documents == 0 && (found == 0 || summary.failed > 0) && !args.allow_empty {
        drop(writer); // removes the temporary file
        let why = if summary.failed > 0 {
            format!("{} failed", summary.failed)
        } else {
            "nothing matched the paths and the glob".to_string()
        };
        eprintln!(
            "error: no document was extracted ({why}); the existing outputs were left as they were; \
             --allow-empty writes the empty result"
        );
        return Ok(ExitCode::from(ERRORS));
    }
    let mut out_names = vec![out_name.clone()];
    out_names.extend(sides.iter().map(|(path, _, _)| path.display().to_string()));
    let record = RunRecord {
        rules,
        shard: shard(&args.input)?,
        inputs: &inputs,
        summary: &summary,
        kinds: ex.kinds(),
        options: outputs::output_options(args, chunk_size),
        outputs: out_names.clone(),
    }
    .manifest();
    let dest = writer.finish(to_file.then_some(&record)).map_err(|e| yomitori_io(&out_name, e))?;
    let mut later = Vec::new();
    for (path, output, side) in &sides {
        let name = path.display().to_string();
        let mut file = AtomicFile::create(path)?;
        if path.extension().is_some_and(|e| e == "parquet") {
            parquet::write_side(output, side.as_ref(), &mut file).map(drop)
        } else {
            side.write(&mut file, args.excel)
        }
        .map_err(|e| yomitori_io(&name, e))?;
        later.push(file);
    }
    if let Some(path) = &manifest_path {
        let mut file = AtomicFile::create(path)?;
        file.write_all(record.to_json().as_bytes()).map_err(|e| yomitori_io(&path.display().to_string(), e))?;
        later.push(file);
    }
    dest.commit(&out_name)?;
    for file in later {
        file.commit()?;
    }
    if !args.quiet {
        eprintln!("{}", summary_line(&summary, ex.kinds(), started, &out_names.join(", "), &rules_label));
    }
    exit_without_freeing(ex);
    Ok(if summary.failed > 0 { ExitCode::from(ERRORS) } else { ExitCode::SUCCESS })
}

/// A side output to write: where, what, and its collector.
type Side = (PathBuf, &'static SideOutput, Box<dyn SideCollector>);

/// The families' side outputs of this run and where each goes: its file
/// name beside the output file, nowhere with stdout output. The acronym
/// family's `glossary` also answers to `--glossary PATH` and
/// `--no-glossary`; its companions (`glossary-pairs`) follow it: beside the
/// `--glossary` path (Parquet when it is), off with `--no-glossary`.
pub(super) fn side_outputs(args: &ExtractArgs) -> Result<Vec<Side>> {
    let mut out = Vec::new();
    for side in yomitori::side_outputs() {
        let is_glossary = side.name == "glossary";
        let follows_glossary = side.name.starts_with("glossary-");
        let path = if (is_glossary || follows_glossary) && args.no_glossary {
            continue;
        } else if let Some(g) = args.glossary.as_ref().filter(|_| is_glossary) {
            g.clone()
        } else if let Some(g) = args.glossary.as_ref().filter(|_| follows_glossary) {
            let mut p = g.parent().unwrap_or(Path::new("")).join(side.file_name);
            if g.extension().is_some_and(|e| e == "parquet") {
                p.set_extension("parquet");
            }
            if &p == g {
                anyhow::bail!(
                    "the {} would overwrite the glossary {}; choose another --glossary",
                    side.name,
                    g.display()
                );
            }
            p
        } else if args.output.as_os_str() == "-" {
            continue;
        } else {
            args.output.parent().unwrap_or(Path::new("")).join(side.file_name)
        };
        if path == args.output {
            let flag = if follows_glossary { "glossary" } else { side.name };
            anyhow::bail!(
                "the {} would overwrite the output {}; choose another path with --{flag} or --no-{flag}",
                side.name,
                path.display(),
            );
        }
        out.push((path, side, (side.new)()));
    }
    Ok(out)
}

pub(super) fn yomitori_io(path: &str, e: io::Error) -> yomitori::Error {
    // Route through the library's error so a broken pipe is recognized.
    yomitori::emit::atomic::io_error(path, e)
}

pub(super) fn summary_line(s: &Summary, kinds: &[Kind], started: Instant, out: &str, rules: &str) -> String {
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
    exit_without_freeing(ex);
    Ok(ExitCode::SUCCESS)
}

/// Leaves the compiled rules to the process exit, which frees their memory
/// at once: dropping them piece by piece took 0.27 G instructions (~90 ms)
/// with a user gazetteer of 200,000 terms, after the work was done.
fn exit_without_freeing(ex: Extractor) {
    std::mem::forget(ex);
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

/// `yomitori merge`: checks the shards against their manifests (every
/// `K/N` of one `N` once, one rule set), then merges, keeping the BOM of
/// `--excel` shards, and writes the merged output's manifest.
pub fn merge(args: &MergeArgs) -> Result<ExitCode> {
    let name = args.output.display().to_string();
    let to_file = args.output.as_os_str() != "-";
    let manifest_path = to_file.then(|| manifest::path_for(&args.output));
    let mut planned: Vec<(&str, &Path)> = vec![("output (-o)", &args.output)];
    if let Some(m) = &manifest_path {
        planned.push(("manifest", m));
    }
    let any = globset::Glob::new("*").expect("a valid glob").compile_matcher();
    outputs::refuse_overwriting_inputs(&args.shards, &any, &planned)?;
    let mut shards: Vec<(PathBuf, Manifest)> = Vec::new();
    for path in &args.shards {
        yomitori::shard::check_readable(path)?;
        let m = Manifest::read_for(path).map_err(|e| match e.io_error() {
            Some(io) if io.kind() == io::ErrorKind::NotFound => anyhow!(
                "{e}\n  hint: merge checks each shard against the manifest that \
                 `yomitori extract --shard K/N -o FILE` writes beside it"
            ),
            _ => e.into(),
        })?;
        shards.push((path.clone(), m));
    }
    let checked: Vec<(&Path, &Manifest)> = shards.iter().map(|(p, m)| (p.as_path(), m)).collect();
    yomitori::shard::verify(&checked)?;
    let bom = shards.first().is_some_and(|(_, m)| m.options.excel);
    let paths: Vec<&Path> = args.shards.iter().map(PathBuf::as_path).collect();
    let dest = yomitori::shard::merge(&paths, destination(&args.output)?, bom)?;
    let merged = match (&manifest_path, outputs::merged_manifest(&shards, &args.output)) {
        (Some(path), Some(m)) => {
            let mut file = AtomicFile::create(path)?;
            file.write_all(m.to_json().as_bytes()).map_err(|e| yomitori_io(&path.display().to_string(), e))?;
            Some(file)
        }
        _ => None,
    };
    dest.commit(&name)?;
    if let Some(file) = merged {
        file.commit()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `yomitori bench-corpus`.
pub fn bench_corpus(args: &BenchCorpusArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let spec = yomitori::corpus::CorpusSpec {
        seeds: args.seeds.clone(),
        out: args.out.clone(),
        bytes: outputs::size("--size", &args.size)?,
        file_size: outputs::size_usize("--file-size", &args.file_size)?,
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
    if dir.exists()
        && std::fs::read_dir(dir)
            .map_err(|e| anyhow!("cannot read the folder: {}: {e}", dir.display()))?
            .next()
            .is_some()
    {
        anyhow::bail!("the folder is not empty: {}: dump into a new or empty folder", dir.display());
    }
    let mut count = 0;
    for (rel, text) in yomitori::builtin_rule_files() {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| anyhow!("cannot create the folder: {}: {e}", parent.display()))?;
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
