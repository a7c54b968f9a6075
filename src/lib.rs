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

pub mod check;
pub mod compile;
pub mod corpus;
pub mod diagnostic;
pub mod emit;
mod error;
pub mod extract;
pub mod input;
pub mod matchers;
pub mod normalize;
pub mod pipeline;
pub mod rules;
pub mod shard;
pub mod text;

pub use emit::{Format, Row, HEADER};
pub use error::{Error, ErrorKind, Result};
pub use extract::{Document, Extractor, ExtractorBuilder, Scratch};
pub use normalize::dates::{Anchor, CivilDate};
pub use rules::Kind;
