//! Calendar words → numbers: English month, weekday and season names, and
//! their Japanese counterparts (月曜日, 秋).
//!
//! These are fixed calendar facts, so they are code; which spellings a
//! document may use (`Sept.`, `Wed`) is decided by the patterns, and any
//! spelling whose first three letters name a month or weekday converts.

use super::value::Season;

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const WEEKDAYS_JA: [char; 7] = ['月', '火', '水', '木', '金', '土', '日'];

/// The first three letters of `name`, lowercased.
fn prefix3(name: &str) -> Option<String> {
    let lower = name.trim().trim_end_matches('.').to_ascii_lowercase();
    lower.get(..3).map(str::to_string)
}

/// Month number (1 to 12) of an English month name or abbreviation:
/// `March`, `Sept.`, `jan`.
pub fn month(name: &str) -> Option<u32> {
    let key = prefix3(name)?;
    MONTHS.iter().position(|m| *m == key).map(|i| i as u32 + 1)
}

/// ISO weekday (1 = Monday) of an English weekday name (`Wednesday`,
/// `Wed.`) or a Japanese one (`水曜日`, `水曜`, `水`).
pub fn weekday(name: &str) -> Option<u32> {
    let name = name.trim();
    if let Some(c) = name.chars().next().filter(|c| !c.is_ascii()) {
        let rest = &name[c.len_utf8()..];
        if !matches!(rest, "" | "曜" | "曜日") {
            return None;
        }
        return WEEKDAYS_JA.iter().position(|w| *w == c).map(|i| i as u32 + 1);
    }
    let key = prefix3(name)?;
    WEEKDAYS.iter().position(|w| *w == key).map(|i| i as u32 + 1)
}

/// The season named by `name`: `spring`, `summer`, `fall`/`autumn`,
/// `winter`, or 春, 夏, 秋, 冬.
pub fn season(name: &str) -> Option<Season> {
    let lower = name.trim().to_ascii_lowercase();
    Some(match lower.as_str() {
        "spring" | "春" => Season::Spring,
        "summer" | "夏" => Season::Summer,
        "fall" | "autumn" | "秋" => Season::Fall,
        "winter" | "冬" => Season::Winter,
        _ => return None,
    })
}

/// Whether a 12-hour clock marker means the afternoon: `p.m.`, `PM`, 午後;
/// `None` when it is not a marker.
pub fn is_afternoon(marker: &str) -> Option<bool> {
    let m: String = marker.chars().filter(|c| *c != '.' && !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    match m.as_str() {
        "am" | "午前" => Some(false),
        "pm" | "午後" => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names() {
        assert_eq!(month("Sept."), Some(9));
        assert_eq!(month("march"), Some(3));
        assert_eq!(month("Jan."), Some(1));
        assert_eq!(month("Ma"), None);
        assert_eq!(month("Mayday"), Some(5), "the patterns decide what is a month name");
    }

    #[test]
    fn weekday_names() {
        assert_eq!(weekday("Wednesday"), Some(3));
        assert_eq!(weekday("Sun."), Some(7));
        assert_eq!(weekday("水曜日"), Some(3));
        assert_eq!(weekday("日曜"), Some(7));
        assert_eq!(weekday("月"), Some(1));
        assert_eq!(weekday("水道"), None);
    }

    #[test]
    fn seasons_and_clock_markers() {
        assert_eq!(season("Autumn"), Some(Season::Fall));
        assert_eq!(season("秋"), Some(Season::Fall));
        assert_eq!(season("fal"), None);
        assert_eq!(is_afternoon("p.m."), Some(true));
        assert_eq!(is_afternoon("A.M."), Some(false));
        assert_eq!(is_afternoon("午後"), Some(true));
        assert_eq!(is_afternoon("noon"), None);
    }
}
