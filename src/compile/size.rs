//! How large a pattern's compiled NFA would be, for the diagnostic of a
//! pattern over the regex size limit: regex-automata says only that the
//! limit was hit, and building the NFA without a limit to measure it could
//! take gigabytes (`a{1000}{1000}{1000}`). The estimate counts NFA states
//! from the pattern's HIR, as the Thompson compiler emits them, times the
//! heap bytes of one state (calibrated by the test below).

use regex_syntax::hir::{Class, Hir, HirKind};

/// Heap bytes of one NFA state, about (see the test).
const BYTES_PER_STATE: f64 = 24.0;

/// Estimated heap bytes of the NFA of `pattern`, or `None` when it does not
/// parse (the validator reports that).
pub fn estimated_nfa_bytes(pattern: &str) -> Option<f64> {
    let hir = regex_syntax::ParserBuilder::new().build().parse(pattern).ok()?;
    Some(states(&hir) * BYTES_PER_STATE)
}

/// Estimated heap bytes of the NFA of a parsed pattern.
pub fn estimated_hir_bytes(hir: &Hir) -> f64 {
    states(hir) * BYTES_PER_STATE
}

/// Estimated states: multiplicative in repetition counts, which is what
/// makes a short pattern huge.
fn states(hir: &Hir) -> f64 {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) | HirKind::Class(Class::Bytes(_)) => 1.0,
        HirKind::Literal(lit) => lit.0.len() as f64,
        // A Unicode class compiles to UTF-8 byte-range sequences: about a
        // state per byte of a range's longest encoding.
        HirKind::Class(Class::Unicode(c)) => c.ranges().iter().map(|r| r.end().len_utf8() as f64).sum(),
        // `x{n,m}` is n copies, then m - n optional ones (a split state
        // each); `x{n,}` is n copies and a loop.
        HirKind::Repetition(r) => {
            let copies = f64::from(r.max.unwrap_or(r.min.saturating_add(1)).max(1));
            let splits = f64::from(r.max.map_or(1, |m| m - r.min));
            states(&r.sub) * copies + splits
        }
        HirKind::Capture(c) => states(&c.sub) + 2.0,
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().map(states).sum(),
    }
}

/// `bytes` as MiB with one decimal, for messages.
pub fn mib(bytes: f64) -> String {
    format!("{:.1} MiB", bytes / f64::from(1u32 << 20))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::nfa::thompson;

    /// The estimate is within a factor of two of the real NFA's memory on
    /// patterns small enough to build without a limit.
    #[test]
    fn estimate_is_close_to_the_built_nfa() {
        for pattern in ["a{100}{100}", "(?:ab|cd){50}{40}", "[a-z]{2000}", "x(?:[0-9]+年){300}"] {
            let nfa = thompson::Compiler::new()
                .configure(thompson::Config::new().nfa_size_limit(None).shrink(false))
                .build(pattern)
                .unwrap();
            let real = nfa.memory_usage() as f64;
            let guess = estimated_nfa_bytes(pattern).unwrap();
            assert!(guess > real / 2.0 && guess < real * 2.0, "{pattern}: estimate {guess}, built {real}");
        }
    }
}
