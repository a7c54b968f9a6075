//! What a run writes and the checks around it: the outputs may not be
//! inputs, flags are checked before anything runs (`-j`, sizes), and every
//! output file gets a manifest (`yomitori::emit::manifest`).

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Result};
use yomitori::emit::manifest::{self, Manifest, OutputOptions, RulesId, ShardId};
use yomitori::input::guard;
use yomitori::pipeline::Summary;
use yomitori::Kind;

use super::args::{ExtractArgs, FormatArg, InputArgs, InputFormatArg};

/// The worker threads for `-j N`: 0 is one per core; more than the
/// available cores is capped to them, with a note (more threads than cores
/// only add switching and memory).
pub fn threads(requested: usize) -> usize {
    let available = available();
    if requested > available {
        eprintln!("note: -j {requested} is more than the {available} available cores; using {available}");
        return available;
    }
    requested
}

/// The cores `-j N` uses (0 or more than the machine has: all of them),
/// without the note of [`threads`]: what sizes the pool that compiles the
/// rules.
pub fn cores_for(requested: usize) -> usize {
    let available = available();
    if requested == 0 || requested > available {
        available
    } else {
        requested
    }
}

fn available() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// A size flag's value in bytes, or an error naming the flag.
pub fn size(flag: &str, value: &str) -> Result<u64> {
    yomitori::corpus::parse_size(value).map_err(|e| anyhow!("{flag}: {e}"))
}

/// A size flag's value as a `usize`.
pub fn size_usize(flag: &str, value: &str) -> Result<usize> {
    let n = size(flag, value)?;
    usize::try_from(n).map_err(|_| anyhow!("{flag}: invalid size `{value}`: too large for this machine"))
}

/// Refuses outputs that are inputs (`yomitori::input::guard`).
pub fn refuse_overwriting_inputs(
    inputs: &[PathBuf],
    glob: &globset::GlobMatcher,
    outputs: &[(&str, &Path)],
) -> Result<()> {
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    Ok(guard::refuse_overwriting_inputs(&inputs, glob, outputs)?)
}

/// The rule set a run uses, for its manifest: `dir` is the rules folder,
/// `None` for the built-in rules.
pub fn rules_id(dir: Option<&Path>, label: &str) -> Result<RulesId> {
    let hash = match dir {
        Some(dir) => manifest::rules_dir_hash(dir)?,
        None => manifest::builtin_rules_hash(),
    };
    Ok(RulesId { source: label.to_string(), hash })
}

/// The output options of `extract` as the manifest records them.
pub fn output_options(args: &ExtractArgs, chunk_size: u64) -> OutputOptions {
    let input = &args.input;
    OutputOptions {
        format: match args.format {
            FormatArg::Csv => "csv",
            FormatArg::Jsonl => "jsonl",
            FormatArg::Parquet => "parquet",
            FormatArg::Brat => "brat",
            FormatArg::Timeml => "timeml",
        }
        .to_string(),
        excel: args.excel,
        input_format: match input.input_format {
            InputFormatArg::Text => "text",
            InputFormatArg::Jsonl => "jsonl",
        }
        .to_string(),
        glob: input.glob.clone(),
        anchor: anchor_text(input),
        fiscal_year: input.fiscal_year.as_str().to_string(),
        chunk_size,
        allow_empty: args.allow_empty,
        allow_duplicate_ids: input.allow_duplicate_ids,
    }
}

fn anchor_text(input: &InputArgs) -> String {
    match (input.anchor_date, input.anchor) {
        (Some(d), _) => d.to_string(),
        (None, true) => "context".into(),
        (None, false) => "off".into(),
    }
}

/// The manifest of one run.
pub struct RunRecord<'a> {
    pub rules: RulesId,
    pub shard: Option<yomitori::shard::Shard>,
    pub inputs: &'a [PathBuf],
    pub summary: &'a Summary,
    pub kinds: &'a [Kind],
    pub options: OutputOptions,
    pub outputs: Vec<String>,
}

impl RunRecord<'_> {
    pub fn manifest(self) -> Manifest {
        let s = self.summary;
        Manifest {
            version: env!("CARGO_PKG_VERSION").to_string(),
            rules: self.rules,
            shard: self.shard.map(|s| ShardId { index: s.index, count: s.count }),
            inputs: self.inputs.iter().map(|p| p.display().to_string()).collect(),
            documents: s.documents,
            failed: s.failed,
            bytes: s.bytes,
            rows: self.kinds.iter().map(|k| (k.as_str().to_string(), s.rows_of(*k))).collect(),
            rows_total: s.total_rows(),
            options: self.options,
            outputs: self.outputs,
        }
    }
}

/// The manifest of a merge: the shards' rules and options, their counts
/// summed, no shard.
pub fn merged_manifest(shards: &[(PathBuf, Manifest)], output: &Path) -> Option<Manifest> {
    let (_, first) = shards.first()?;
    let mut m = first.clone();
    m.shard = None;
    m.inputs = shards.iter().map(|(p, _)| p.display().to_string()).collect();
    m.documents = shards.iter().map(|(_, s)| s.documents).sum();
    m.failed = shards.iter().map(|(_, s)| s.failed).sum();
    m.bytes = shards.iter().map(|(_, s)| s.bytes).sum();
    m.rows_total = shards.iter().map(|(_, s)| s.rows_total).sum();
    for (kind, n) in &mut m.rows {
        *n = shards.iter().map(|(_, s)| s.rows.get(kind).copied().unwrap_or(0)).sum();
    }
    m.outputs = vec![output.display().to_string()];
    Some(m)
}
