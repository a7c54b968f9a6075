//! Command-line flags (clap derive). The first paragraph of each doc
//! comment is the `-h` line; the whole comment is the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use yomitori::{Anchor, CivilDate};

const EXIT_CODES: &str = "\
Exit status:
  0  success
  1  a golden file or an inline example does not match
  2  an error: bad rules, an unreadable or non-UTF-8 document (the others are
     still processed and written), bad arguments, or failed output";

/// Rule-based extraction of entities, dates and acronyms, with provenance.
///
/// With no command, runs the main job: `extract` over `seeds/` with the rules
/// in `rules/`, writing `output/extractions.csv`.
#[derive(Debug, Parser)]
#[command(name = "yomitori", version, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    /// What to do (default: extract).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract rows from documents into CSV or JSON Lines.
    ///
    /// PATHS are files and folders (searched recursively for `*.txt`, or
    /// `*.jsonl` with `--input-format jsonl`), or `-` for stdin.
    #[command(after_help = EXIT_CODES)]
    Extract(ExtractArgs),
    /// Compare extraction with golden CSV files; print a row diff.
    ///
    /// Exits 1 when the rows differ. `--bless` rewrites the golden files
    /// with the current output instead (read the diff first).
    #[command(after_help = EXIT_CODES)]
    Check(CheckArgs),
    /// Inspect and test rule files.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Merge the CSV outputs of `--shard` runs into one run's output.
    ///
    /// Each shard's CSV holds whole documents in input order; the merge
    /// restores the order of one run over the same folder, byte for byte.
    #[command(after_help = EXIT_CODES)]
    Merge(MergeArgs),
    /// Generate a reproducible benchmark corpus from the seed texts.
    ///
    /// Writes OUT/files/ (many ~25 KB files), OUT/one.txt (one file) and
    /// OUT/corpus.jsonl (JSON Lines), all with the same documents:
    /// paragraphs of the seeds recombined in an order fixed by --seed.
    BenchCorpus(BenchCorpusArgs),
}

/// `yomitori merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Shard CSV files.
    #[arg(required = true, value_name = "SHARDS")]
    pub shards: Vec<PathBuf>,
    /// Output file, or `-` for stdout.
    #[arg(short, long, value_name = "PATH", default_value = "-")]
    pub output: PathBuf,
}

/// `yomitori bench-corpus`.
#[derive(Debug, Args)]
pub struct BenchCorpusArgs {
    /// Output folder.
    #[arg(long, value_name = "DIR", default_value = "target/bench-corpus")]
    pub out: PathBuf,
    /// Total size of the documents (K, M, G suffixes).
    #[arg(long, value_name = "SIZE", default_value = "1G")]
    pub size: String,
    /// Size of one document.
    #[arg(long, value_name = "SIZE", default_value = "25K")]
    pub file_size: String,
    /// Seed of the paragraph order.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Folder of seed texts.
    #[arg(long, value_name = "DIR", default_value = "seeds")]
    pub seeds: PathBuf,
}

/// Input selection shared by `extract` and `check`.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders to read, or `-` for stdin [default: seeds]
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Folder of rule files [default: ./rules when it exists, otherwise the
    /// built-in shipped rules]
    #[arg(long, value_name = "DIR", help_heading = "Rules")]
    pub rules: Option<PathBuf>,
    /// How input files are read.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Text, help_heading = "Input")]
    pub input_format: InputFormatArg,
    /// Glob for files in folders [default: *.txt, or *.jsonl]
    #[arg(long, value_name = "GLOB", help_heading = "Input")]
    pub glob: Option<String>,
    /// Worker threads [default: one per core]
    #[arg(
        short = 'j',
        long,
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true,
        help_heading = "Performance"
    )]
    pub threads: usize,
    /// Process only share K of N (0-based), chosen by a hash of the doc id.
    ///
    /// N machines running `--shard 0/N` ... `--shard N-1/N` over the same
    /// input together process every document exactly once; `yomitori merge`
    /// combines their outputs into what one run would write.
    #[arg(long, value_name = "K/N", help_heading = "Input")]
    pub shard: Option<String>,
    /// Match documents longer than 1.5 chunks in chunks of SIZE, in parallel.
    ///
    /// K, M, G suffixes; 0 never splits. The output is the same bytes for
    /// every chunk size; smaller chunks spread one large file over more
    /// threads.
    #[arg(long, value_name = "SIZE", default_value = "1M", help_heading = "Performance")]
    pub chunk_size: String,
    /// Resolve dates without a year from each document's context.
    ///
    /// `in October`, `Wednesday`, `the same month` get their year from the
    /// document's dateline, else from the dates before them. Resolved rows
    /// carry the flag `anchored` and point `ref_start`/`ref_end` at the
    /// expression that supplied the year (docs/dates.md).
    #[arg(long, help_heading = "Dates")]
    pub anchor: bool,
    /// Resolve dates without a year against this date (implies --anchor).
    ///
    /// A JSON Lines record's own `date` field takes precedence.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_anchor_date, help_heading = "Dates")]
    pub anchor_date: Option<CivilDate>,
    /// Which year an English fiscal year (`FY2020`) is: jp, us or auto.
    ///
    /// jp: April–March (2020-04/2021-03); us: the U.S. federal year,
    /// October–September (2019-10/2020-09); auto (default): U.S. when its
    /// sentence names a U.S. institution (docs/dates.md), else jp. Japanese
    /// 年度 are always April–March.
    #[arg(long, value_name = "MODE", default_value = "auto", help_heading = "Dates")]
    pub fiscal_year: yomitori::FiscalYear,
}

impl InputArgs {
    /// The date anchoring the flags ask for.
    pub fn anchoring(&self) -> Anchor {
        match (self.anchor_date, self.anchor) {
            (Some(d), _) => Anchor::Date(d),
            (None, true) => Anchor::Context,
            (None, false) => Anchor::Off,
        }
    }
}

fn parse_anchor_date(s: &str) -> Result<CivilDate, String> {
    CivilDate::parse_iso(s).filter(|_| s.len() == 10).ok_or_else(|| format!("expected a date YYYY-MM-DD, found `{s}`"))
}

/// `yomitori extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output file, or `-` for stdout.
    #[arg(short, long, value_name = "PATH", default_value = "output/extractions.csv", help_heading = "Output")]
    pub output: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Csv, help_heading = "Output")]
    pub format: FormatArg,
    /// Spreadsheet-safe output: a UTF-8 BOM, formula-like cells neutralized.
    ///
    /// Cells starting with `=`, `+`, `-`, `@`, tab or CR get a leading `'`
    /// (OWASP "CSV injection"), so `text` may then differ from the source.
    #[arg(long, help_heading = "Output")]
    pub excel: bool,
    /// Acronym glossary [default: acronyms.csv beside the output]
    ///
    /// One row per distinct (short, long) pair: short, long, documents,
    /// definitions, mentions, first_doc, first_start. Written beside the
    /// output file by default; not written when rows go to stdout unless a
    /// path is given.
    #[arg(long, value_name = "PATH", help_heading = "Output")]
    pub glossary: Option<PathBuf>,
    /// Do not write the acronym glossary.
    #[arg(long, conflicts_with = "glossary", help_heading = "Output")]
    pub no_glossary: bool,
    /// No summary line and no progress bar.
    #[arg(short, long, help_heading = "Messages")]
    pub quiet: bool,
    /// No progress bar.
    #[arg(long, help_heading = "Messages")]
    pub no_progress: bool,
}

/// `yomitori check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Folder of golden files (`extractions.csv`).
    #[arg(long, value_name = "DIR")]
    pub golden: PathBuf,
    #[command(flatten)]
    pub input: InputArgs,
    /// Rewrite the golden files with the current output.
    #[arg(long)]
    pub bless: bool,
}

/// `yomitori rules ...`.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Run every inline example; exit 1 on any failure.
    Test(RulesArgs),
    /// Validate the rule files without running anything.
    Lint(RulesArgs),
    /// Show what the rules compile to (automaton, regex groups).
    Plan(RulesArgs),
    /// Write every gazetteer term, one per line (for `rg -F -f`).
    ExportTerms {
        /// Output file, or `-` for stdout.
        #[arg(short, long, value_name = "PATH", default_value = "-")]
        output: PathBuf,
        #[command(flatten)]
        rules: RulesArgs,
    },
    /// Write the built-in shipped rules into a folder, to edit them and run
    /// with `--rules DIR`.
    Dump {
        /// The folder to create (it must not exist, or be empty).
        dir: PathBuf,
    },
    /// Print a rule's description, settings and examples.
    Explain {
        /// Rule name (`file/id`) or id.
        id: String,
        #[command(flatten)]
        rules: RulesArgs,
    },
}

/// The rules folder.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Folder of rule files [default: ./rules when it exists, otherwise the
    /// built-in shipped rules]
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

/// `--input-format`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum InputFormatArg {
    /// One document per file.
    Text,
    /// One JSON object per line with string fields `id` and `text`.
    Jsonl,
}

/// `--format`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    /// CSV with a header row.
    Csv,
    /// JSON Lines, one object per row.
    Jsonl,
}
