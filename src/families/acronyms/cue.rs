//! Cue-phrase definitions: the patterns of `[[settings.acronyms.cue]]`, compiled once,
//! each capturing the short form as `short` and maybe the long form as
//! `long`.
//!
//! * With `long` (`(so-called “Acquisition and Cross-Servicing Agreement,”
//!   or ACSA)`), the long form is the capture, quotes and trailing commas
//!   left out, and the short form's first letter must match its first word.
//! * Without it (`..., or ABC`, `hereinafter referred to as “ABC”`), the
//!   long form is found before the match as for a parenthesized short form.

use super::align::{acceptable, long_form, region_end, region_start, region_words, spells_whole, Mode};
use super::short_form::{trim_quotes, ShortForm};
use super::Definition;
use crate::families::acronyms::settings::AcronymSettings;

/// Pushes the definitions the cue patterns find in `hay`.
pub fn find(hay: &str, s: &AcronymSettings, out: &mut Vec<Definition>) {
    ryaku(hay, s, out);
    let Some(cues) = &s.cues else { return };
    for caps in cues.cues.iter().flat_map(|(_, re)| re.captures_iter(hay)) {
        let (Some(m), Some(short)) = (caps.get_match(), caps.get_group_by_name("short")) else { continue };
        let (a, b) = trim_quotes(hay, short.start, short.end);
        let Some(sf) = ShortForm::parse(&hay[a..b], a, s) else { continue };
        let long = if let Some(l) = caps.get_group_by_name("long") {
            let (la, lb) = trim_quotes(hay, l.start, l.end);
            let lb = region_end(hay, la, lb);
            let text = &hay[la..lb];
            let letters = sf.match_letters();
            let whole = spells_whole(&letters, text, s) && acceptable(sf.text, sf.letters(), text, Mode::Extended, s);
            whole.then_some((la, lb))
        } else {
            // The long form ends before the cue and an opening bracket.
            let before = hay[..m.start()].trim_end();
            let cue = before.strip_suffix("also").filter(|b| b.ends_with([' ', ','])).unwrap_or(before);
            let cue = cue.trim_end().trim_end_matches('(').len();
            let start = region_start(hay, cue, region_words(&sf, s), s);
            let end = region_end(hay, start, cue);
            // A single word before the cue is a synonym (`IL-22RA1 (also
            // known as IL-22R)`), not a long form.
            (end > start)
                .then(|| long_form(&sf, hay, start, end, s))
                .flatten()
                .filter(|&(a, b)| hay[a..b].split_whitespace().nth(1).is_some())
        };
        if let Some(long) = long {
            out.push(Definition::new(&sf, long));
        }
    }
}

/// `IPCCとは、「Intergovernmental Panel on Climate Change」の略`: a Japanese
/// sentence that spells out an English long form (`XとはYの略`, `XはYの略`,
/// the short form maybe quoted). Found from the rare literal `」の略` and
/// read backwards, not by a cue pattern: a regex for it has no literal to
/// start from and cost 7% of the acronym rules' work. The long form is
/// ASCII, two words or more, and its letters are checked as for
/// `so-called`.
fn ryaku(hay: &str, s: &AcronymSettings, out: &mut Vec<Definition>) {
    out.extend(memchr::memmem::find_iter(hay.as_bytes(), RYAKU).filter_map(|p| ryaku_at(hay, p, s)));
}

/// The literal that [`ryaku`] starts from.
pub const RYAKU: &str = "」の略";

/// The definition of [`ryaku`] whose [`RYAKU`] starts at `p`, if any.
pub fn ryaku_at(hay: &str, p: usize, s: &AcronymSettings) -> Option<Definition> {
    let before = &hay[..p];
    let q = before.rfind('「').filter(|&q| p - q <= 200)?;
    let (la, lb) = (q + '「'.len_utf8(), p);
    let text = &hay[la..lb];
    if !text.starts_with(|c: char| c.is_ascii_alphabetic())
        || !text.is_ascii()
        || text.split_whitespace().nth(1).is_none()
    {
        return None;
    }
    let head = before[..q].strip_suffix('、').unwrap_or(&before[..q]);
    let head = head.strip_suffix('は')?;
    let head = head.strip_suffix('と').unwrap_or(head);
    let head = head.strip_suffix('」').unwrap_or(head);
    let a = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || "-/&.".contains(c)))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let sf = ShortForm::parse(&hay[a..head.len()], a, s)?;
    let letters = sf.match_letters();
    let whole = spells_whole(&letters, text, s) && acceptable(sf.text, sf.letters(), text, Mode::Extended, s);
    whole.then(|| Definition::new(&sf, (la, lb)))
}
