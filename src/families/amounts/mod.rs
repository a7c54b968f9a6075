//! The amounts family: money and percentages in English and Japanese, as
//! budgets and white papers write them (`¥5.4 trillion`, `US$300 million`,
//! `5兆4,005億円`, `約1,000億円`, `３．５％`, `5 percent`).
//!
//! What it brings, declared in [`family`] and otherwise all in this folder
//! and in `rules/amounts*`:
//!
//! * the kind `amount`, with the types `MONEY` and `PERCENT`;
//! * the normalizers `money` and `percent` ([`money`]), which turn the
//!   captures of `rules/amounts.toml` into `JPY 5400500000000` or `3.5%`
//!   with exact decimal arithmetic ([`number`]) and set the flags `approx`,
//!   `min` and `max`;
//! * the tables `currencies`, `scales` and `qualifiers`
//!   (`rules/amounts/*.csv`, read by [`data`]), which are also the macros
//!   the patterns match.
//!
//! Every form, value and flag is listed in `docs/amounts.md`.

pub mod data;
pub mod family;
pub mod money;
pub mod number;

pub use data::AmountData;
pub use family::FAMILY;

/// The tables the amounts normalizers need, by the capture that needs them.
pub const TABLES: &[(&str, &str)] = &[
    ("cur", "currencies"),
    ("start_cur", "currencies"),
    ("end_cur", "currencies"),
    ("num", "scales"),
    ("end_num", "scales"),
    ("qual", "qualifiers"),
    ("qual_after", "qualifiers"),
];
