//! Document passes: after overlap resolution, per document, over the
//! surviving [`Candidate`]s. A pass reads the whole document's candidates
//! and may add rows (acronym mentions, later mentions of a person) or
//! change values (a date's year from its context). Families declare their
//! passes; this stage only defines what a pass is given and runs them in
//! the declared order.

use crate::compile::Compiled;
use crate::matchers::Candidate;
use crate::normalize::Resources;

/// What a pass is given besides the candidates.
pub struct PassContext<'a> {
    /// The normalized text the candidates' offsets are in.
    pub hay: &'a str,
    /// The document's own reference date (`date` of a JSON Lines record).
    pub doc_date: Option<&'a str>,
    /// Run options that families read by type (the date anchoring mode).
    pub options: &'a Resources,
}

/// The signature of a pass.
pub type PassFn = fn(&Compiled, &PassContext<'_>, &mut Vec<Candidate>);

/// A named document pass.
#[derive(Clone, Copy)]
pub struct Pass {
    /// For docs and `rules plan`.
    pub name: &'static str,
    /// The pass.
    pub run: PassFn,
}

impl std::fmt::Debug for Pass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pass").field("name", &self.name).finish_non_exhaustive()
    }
}

/// Runs `passes` in order over one document's candidates.
pub fn run(passes: &[Pass], c: &Compiled, cx: &PassContext<'_>, cands: &mut Vec<Candidate>) {
    for pass in passes {
        (pass.run)(c, cx, cands);
    }
}
