//! yomitori: rule-based extraction of entities, dates and acronyms, with
//! provenance for every row.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! rules/ (TOML + CSV) ─▶ rules ─▶ RuleSet ─▶ compile ─▶ Extractor
//! documents ─▶ input ─▶ text (DocumentView) ─▶ matchers ─▶ Candidates
//!           ─▶ overlap ─▶ normalize ─▶ emit (Row → CSV / JSON Lines)
//! ```
//!
//! The shipped rules are built in; `.rules(dir)` takes a folder instead.
//!
//! ```
//! use yomitori::{Document, Extractor};
//!
//! let extractor = Extractor::builder().build()?;
//! let rows = extractor.extract(&Document::new("memo.txt", "Since March 2015, Japan and France (令和元年)."));
//! let got: Vec<(&str, &str, &str)> =
//!     rows.iter().map(|r| (r.kind.as_str(), r.text.as_str(), r.normalized.as_str())).collect();
//! assert_eq!(
//!     got,
//!     [
//!         ("date", "March 2015", "2015-03"),
//!         ("entity", "Japan", "Japan"),
//!         ("entity", "France", "France"),
//!         ("date", "令和元年", "2019"),
//!     ]
//! );
//! # Ok::<(), yomitori::Error>(())
//! ```

#![deny(missing_docs)]

// The stages, in pipeline order (`docs/architecture.md`; `tests/architecture.rs`
// checks that none imports a later one). The documented surface is the
// re-exports below; the stages stay reachable, hidden from the docs and
// outside any stability promise, for the benchmarks and tests that drive
// one stage alone.
pub mod check;
#[doc(hidden)]
pub mod compile;
pub mod corpus;
#[doc(hidden)]
pub mod diagnostic;
pub mod emit;
mod error;
pub mod explain;
#[doc(hidden)]
pub mod extract;
#[doc(hidden)]
pub mod families;
pub mod input;
#[doc(hidden)]
pub mod matchers;
#[doc(hidden)]
pub mod normalize;
#[doc(hidden)]
pub mod passes;
pub mod pipeline;
#[doc(hidden)]
pub mod row;
#[doc(hidden)]
pub mod rules;
pub mod shard;
#[doc(hidden)]
pub mod text;

pub use emit::atomic::AtomicFile;
pub use emit::{Format, RowWriter};
pub use error::{Error, ErrorKind, Result};
pub use extract::{Document, Extractor, ExtractorBuilder, Scratch, DEFAULT_CHUNK_SIZE};
pub use families::dates::{Anchor, CivilDate, FiscalYear};
pub use families::{side_outputs, SideCollector, SideOutput};
pub use row::{Row, HEADER};
pub use rules::{Kind, RuleId};

/// Every file of the shipped rules built into the binary, as `(path
/// relative to rules/, text)`: what `yomitori rules dump DIR` writes.
pub fn builtin_rule_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    rules::RuleTree::builtin_files()
}
