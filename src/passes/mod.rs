//! Document passes: after overlap resolution, per document, over the
//! surviving [`Candidate`]s. A pass reads the whole document's candidates
//! and may add rows (acronym mentions, later mentions of a person) or
//! change values (a date's year from its context). Families declare their
//! passes; this stage only defines what a pass is given and runs them in
//! the declared order.
//!
//! A document larger than one section is extracted section by section
//! (`crate::extract`), and its passes run once per section. Every pass reads
//! the text forward, so what it has learnt by the end of a section (the
//! acronyms defined, the full names seen, the latest dates) is all that the
//! sections after it need: the pass leaves that in the [`Carry`] and takes it
//! back at the next section, with its spans in source bytes
//! ([`RefSpan::Earlier`](crate::normalize::RefSpan)).

use crate::compile::Compiled;
use crate::matchers::Candidate;
use std::any::Any;

use crate::normalize::Resources;

/// What a pass is given besides the candidates.
pub struct PassContext<'a> {
    /// The normalized text the candidates' offsets are in.
    pub hay: &'a str,
    /// The document's own reference date (`date` of a JSON Lines record).
    pub doc_date: Option<&'a str>,
    /// Run options that families read by type (the date anchoring mode).
    pub options: &'a Resources,
    /// State carried to the next section; `None` when the document is
    /// extracted whole (a pass then keeps nothing).
    pub carry: Option<&'a mut Carry>,
    /// Maps a span of `hay` to source bytes (for what a pass carries).
    pub to_source: &'a dyn Fn(usize, usize) -> (usize, usize),
}

impl<'a> PassContext<'a> {
    /// The context of a whole text that is its own source (no record date,
    /// nothing carried): for benches and tests of one pass.
    pub fn whole(hay: &'a str, options: &'a Resources) -> PassContext<'a> {
        fn same(a: usize, b: usize) -> (usize, usize) {
            (a, b)
        }
        PassContext { hay, doc_date: None, options, carry: None, to_source: &same }
    }

    /// What a pass left for this section, if anything (taken out).
    pub fn carried<T: Any + Send + Default>(&mut self) -> T {
        self.carry.as_deref_mut().map(Carry::take).unwrap_or_default()
    }

    /// Whether there is a next section to carry state to.
    pub fn carrying(&self) -> bool {
        self.carry.is_some()
    }

    /// Leaves `value` for the next section (nothing when there is none).
    pub fn carry<T: Any + Send>(&mut self, value: T) {
        if let Some(c) = self.carry.as_deref_mut() {
            c.put(value);
        }
    }
}

/// What the passes carry from one section of a document to the next: one
/// value per type, each pass's own.
#[derive(Default)]
pub struct Carry {
    parts: Vec<Box<dyn Any + Send>>,
}

impl Carry {
    /// Takes the value of type `T` out, or its default.
    fn take<T: Any + Send + Default>(&mut self) -> T {
        match self.parts.iter().position(|p| p.is::<T>()) {
            Some(i) => *self.parts.swap_remove(i).downcast::<T>().expect("checked type"),
            None => T::default(),
        }
    }

    /// Puts `value` in, replacing the value of its type.
    fn put<T: Any + Send>(&mut self, value: T) {
        self.parts.retain(|p| !p.is::<T>());
        self.parts.push(Box::new(value));
    }
}

impl std::fmt::Debug for Carry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Carry").field("parts", &self.parts.len()).finish()
    }
}

/// The signature of a pass.
pub type PassFn = fn(&Compiled, &mut PassContext<'_>, &mut Vec<Candidate>);

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
pub fn run(passes: &[Pass], c: &Compiled, cx: &mut PassContext<'_>, cands: &mut Vec<Candidate>) {
    for pass in passes {
        (pass.run)(c, cx, cands);
    }
}
