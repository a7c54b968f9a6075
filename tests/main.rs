//! The integration test binary: one crate, one module per concern.
//! Tests that run the real binary do so in a fresh temporary folder.

mod amounts;
mod architecture;
mod brat;
mod builtin;
mod chunks;
mod cli;
mod dates;
mod determinism;
mod diagnostics;
mod entities;
mod eval;
mod explain;
mod fuzz;
mod glossary;
mod golden;
mod offsets;
mod overlap;
mod parquet;
mod reliability;
mod review;
mod rules;
mod scale;
mod timeml;
mod util;
