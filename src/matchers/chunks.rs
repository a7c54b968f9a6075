//! A large document's normalized text → its candidates, matched chunk by
//! chunk in parallel.
//!
//! The text is cut into chunks of about `chunk_size` bytes, at a blank line
//! or a line break when one is near (else at a space). Each chunk is matched on a window
//! that reaches [`OVERLAP`] bytes into its neighbours, and keeps only the
//! candidates that *start* inside the chunk. So a match across a chunk edge
//! is found by the chunk it starts in (its window holds all of it) and by no
//! other: neither lost nor doubled. The window also gives edge conditions,
//! acronym long forms and word edges the text before a chunk, and lets a
//! leftmost-first regex scan that starts mid-text fall back into step with
//! a scan from the start long before it reaches the chunk itself.
//!
//! Everything after matching (overlap resolution and the document passes)
//! runs on the whole document's candidates, as for a small document, so the
//! output is the same bytes as unchunked extraction; `tests/chunks.rs`
//! checks that on the seeds and on a generated corpus.

use rayon::prelude::*;

use super::Candidate;
use crate::compile::Compiled;

/// Bytes of context a chunk's window takes from each neighbour: far more
/// than the longest match or condition (an acronym's long form, an event
/// name, a look-back regex).
pub const OVERLAP: usize = 8 << 10;

/// The chunks of `hay`: half-open ranges that cover it, each ending just
/// after a blank line or a line break when there is one near, else after a
/// space, else at a character boundary.
pub fn chunk_ranges(hay: &str, chunk_size: usize) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = 0;
    while let Some(c) = next_cut(hay, start, chunk_size) {
        ranges.push((start, c));
        start = c;
    }
    ranges.push((start, hay.len()));
    ranges
}

/// Where the chunk that starts at `start` ends: `None` when the rest of
/// `hay` is at most one and a half chunks (it is the last chunk).
pub fn next_cut(hay: &str, start: usize, chunk_size: usize) -> Option<usize> {
    let bytes = hay.as_bytes();
    if hay.len() - start <= chunk_size + chunk_size / 2 {
        return None;
    }
    let target = start + chunk_size;
    // Prefer a blank line in the last quarter before the target, then a
    // line break in the quarter after it, then a space, then any
    // character boundary (a document may be one long line).
    let lo = target - chunk_size / 4;
    let hi = (target + chunk_size / 4).min(hay.len());
    memchr::memmem::rfind(&bytes[lo..target], b"\n\n")
        .map(|p| lo + p + 2)
        .or_else(|| memchr::memchr(b'\n', &bytes[target..hi]).map(|p| target + p + 1))
        .or_else(|| memchr::memchr(b' ', &bytes[target..hi]).map(|p| target + p + 1))
        .or_else(|| Some(floor(hay, target)).filter(|&c| c > start))
        .filter(|&c| c < hay.len())
}

/// The character boundary at or before `i`.
pub fn floor(hay: &str, mut i: usize) -> usize {
    while !hay.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Matches the chunks of `hay` in parallel with `matcher(window, state,
/// out)`, which pushes candidates with offsets relative to the window.
/// Returns the candidates in chunk order, offsets relative to `hay`.
///
/// The chunks are dealt in contiguous runs to one worker per thread, each
/// with a state from `states` (topped up with `init`): the states (regex
/// caches, whose lazy DFAs take a while to warm up) are kept by the caller
/// from one call to the next, as a large document is matched section by
/// section, instead of starting cold for every chunk.
pub fn match_chunks<S, I, M>(
    c: &Compiled,
    hay: &str,
    chunk_size: usize,
    states: &mut Vec<S>,
    init: I,
    matcher: M,
) -> Vec<Candidate>
where
    S: Send,
    I: Fn() -> S,
    M: Fn(&Compiled, &str, &mut S, &mut Vec<Candidate>) + Sync + Send,
{
    let ranges = chunk_ranges(hay, chunk_size);
    let workers = rayon::current_num_threads().clamp(1, ranges.len());
    while states.len() < workers {
        states.push(init());
    }
    let per = ranges.len().div_ceil(workers);
    let parts: Vec<Vec<Candidate>> = states[..workers]
        .par_iter_mut()
        .zip(ranges.par_chunks(per))
        .map(|(state, run)| {
            let (mut out, mut chunk) = (Vec::new(), Vec::new());
            for &(start, end) in run {
                let ws = floor(hay, start.saturating_sub(OVERLAP));
                let we = floor(hay, (end + OVERLAP).min(hay.len()));
                matcher(c, &hay[ws..we], state, &mut chunk);
                out.extend(chunk.drain(..).filter_map(|mut cand| {
                    cand.start += ws;
                    cand.end += ws;
                    if let super::Value::Computed(n) = &mut cand.value {
                        if let Some(crate::normalize::RefSpan::Here(a, b)) = &mut n.reference {
                            *a += ws;
                            *b += ws;
                        }
                    }
                    (start..end).contains(&cand.start).then_some(cand)
                }));
            }
            out
        })
        .collect();
    let mut all = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    parts.into_iter().for_each(|p| all.extend(p));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_text_and_end_at_line_breaks() {
        let line = "a line of text\n";
        let text = line.repeat(1000) + "tail without newline";
        let ranges = chunk_ranges(&text, 1000);
        assert!(ranges.len() > 10);
        assert_eq!(ranges[0].0, 0);
        assert_eq!(ranges.last().unwrap().1, text.len());
        for w in ranges.windows(2) {
            assert_eq!(w[0].1, w[1].0);
            assert_eq!(&text[w[0].1 - 1..w[0].1], "\n");
        }
    }

    #[test]
    fn one_long_line_is_cut_at_spaces() {
        let text = "word ".repeat(2000);
        let ranges = chunk_ranges(&text, 1000);
        assert!(ranges.len() >= 8);
        assert!(ranges[..ranges.len() - 1].iter().all(|&(_, e)| &text[e - 1..e] == " "));
    }

    #[test]
    fn short_text_is_one_chunk() {
        assert_eq!(chunk_ranges("short", 1000), vec![(0, 5)]);
    }
}
