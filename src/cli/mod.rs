//! The binary's command-line layer: flags, commands, progress. Nothing here
//! extracts anything; it calls the library.

#![allow(clippy::print_stderr, clippy::print_stdout)]

pub mod args;
pub mod commands;
pub mod outputs;
pub mod progress;
pub mod review;
pub mod signals;

use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use args::{Cli, Command, ExtractArgs, FormatArg, InputArgs, InputFormatArg, RulesCommand};

/// Parses the command line and runs the command.
pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    signals::install().map_err(|e| anyhow::anyhow!("cannot install the signal handlers: {e}"))?;
    match cli.command {
        None => commands::extract(&default_job()),
        Some(Command::Extract(a)) => commands::extract(&a),
        Some(Command::Check(a)) => commands::check(&a),
        Some(Command::Rules(RulesCommand::Test(a))) => commands::rules_test(&a),
        Some(Command::Rules(RulesCommand::Lint(a))) => commands::rules_lint(&a),
        Some(Command::Rules(RulesCommand::Plan(a))) => commands::rules_plan(&a),
        Some(Command::Rules(RulesCommand::Explain { id, rules })) => commands::rules_explain(&id, &rules),
        Some(Command::Rules(RulesCommand::Dump { dir })) => commands::rules_dump(&dir),
        Some(Command::Rules(RulesCommand::ExportTerms { output, rules })) => commands::export_terms(&output, &rules),
        Some(Command::Merge(a)) => commands::merge(&a),
        Some(Command::BenchCorpus(a)) => commands::bench_corpus(&a),
        Some(Command::Review(a)) => review::review(&a),
        Some(Command::Explain(a)) => review::explain(&a),
    }
}

/// The main job: `extract seeds/ -o output/extractions.csv` with the default
/// rules (`./rules`, else built-in).
fn default_job() -> ExtractArgs {
    ExtractArgs {
        input: InputArgs {
            paths: Vec::new(),
            rules: None,
            input_format: InputFormatArg::Text,
            glob: None,
            threads: 0,
            shard: None,
            chunk_size: "1M".into(),
            anchor: false,
            anchor_date: None,
            fiscal_year: yomitori::FiscalYear::Auto,
            allow_duplicate_ids: false,
        },
        output: "output/extractions.csv".into(),
        format: FormatArg::Csv,
        excel: false,
        glossary: None,
        no_glossary: false,
        allow_empty: false,
        quiet: false,
        no_progress: false,
    }
}
