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
     still processed and written), no document at all (outputs kept), an
     output that is an input, shards that do not fit together, bad
     arguments, or failed output
  129, 130, 143  interrupted by SIGHUP, SIGINT, SIGTERM (temporary files
     removed, previous outputs kept)";

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
    /// Write one offline HTML page showing every row over its document.
    ///
    /// Same inputs and rules options as `extract`. The page is one file (no
    /// network resources): a document list with counts, each document's text
    /// with every row marked over its span, filters by kind, type and rule, a
    /// search box, and each row's value, id, flags and evidence on hover.
    #[command(after_help = EXIT_CODES)]
    Review(ReviewArgs),
    /// Show every candidate in a text and what became of it.
    ///
    /// Kept (the row), or dropped and why: a context condition (which, with
    /// the neighbouring text), a word edge, the normalizer, an overlap (to
    /// which rule and span, under which policy). With --rule, a rule that
    /// has no candidate at all is reported with the nearest partial match
    /// of its pattern. From the traces the stages record while extracting.
    #[command(after_help = EXIT_CODES)]
    Explain(ExplainArgs),
}

/// `yomitori explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The text to explain.
    #[arg(long, value_name = "TEXT", conflicts_with = "file", required_unless_present = "file")]
    pub text: Option<String>,
    /// A file whose text to explain (`-` for stdin).
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
    /// Only this rule (`file/id` or id); reports it even without candidates.
    #[arg(long, value_name = "ID")]
    pub rule: Option<String>,
    /// Only matches covering this byte offset.
    #[arg(long, value_name = "OFFSET")]
    pub at: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
    /// Folder of rule files [default: ./rules when it exists, otherwise the
    /// built-in shipped rules]
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

/// `explain --format`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExplainFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per match (and per rule without candidates).
    Jsonl,
}

/// `yomitori review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output HTML file.
    #[arg(short, long, value_name = "PATH", default_value = "output/review.html", help_heading = "Output")]
    pub output: PathBuf,
    /// Most documents in one page; more is an error and writes nothing.
    ///
    /// A browser stays responsive with a few hundred documents in the list;
    /// review a larger corpus folder by folder (or with --shard K/N).
    #[arg(long, value_name = "N", default_value_t = yomitori::emit::review::DEFAULT_MAX_DOCUMENTS, help_heading = "Output")]
    pub max_documents: usize,
    /// No summary line.
    #[arg(short, long, help_heading = "Messages")]
    pub quiet: bool,
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
    /// Worker threads; 0 means one per core (the default).
    ///
    /// More than the available cores is capped to them, with a note.
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
    /// Accept JSON Lines records with an empty or repeated `id`.
    ///
    /// By default each such record is an error (reported with its line,
    /// skipped): their rows could not be told apart.
    #[arg(long, help_heading = "Input")]
    pub allow_duplicate_ids: bool,
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
    /// Output file, or `-` for stdout; a folder with `--format brat` or `timeml`.
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
    /// path is given. CSV, or Parquet when PATH ends in `.parquet`.
    #[arg(long, value_name = "PATH", help_heading = "Output")]
    pub glossary: Option<PathBuf>,
    /// Do not write the acronym glossary.
    #[arg(long, conflicts_with = "glossary", help_heading = "Output")]
    pub no_glossary: bool,
    /// Write the outputs even when no document was extracted.
    ///
    /// Without it, a run that extracted no document (every input failed,
    /// or nothing matched the paths and glob) leaves existing outputs as
    /// they were and exits 2.
    #[arg(long, help_heading = "Output")]
    pub allow_empty: bool,
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
    /// Parquet, the columns typed (offsets Int64, empty refs null).
    Parquet,
    /// brat standoff: per document `.txt` and `.ann` in the folder `-o DIR`.
    Brat,
    /// TimeML: per document a `.tml` file, the text with inline TIMEX3
    /// elements for the date rows, in the folder `-o DIR`.
    Timeml,
}
