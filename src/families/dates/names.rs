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

/// `last`/`previous`/昨 → -1, `this`/今/本日 → 0, `next`/`coming`/明/来 → 1.
pub fn direction(text: &str) -> Option<i8> {
    Some(match text.trim().to_ascii_lowercase().as_str() {
        "last" | "previous" | "past" | "yesterday" | "昨" | "先" | "前" => -1,
        "this" | "today" | "to" | "今" | "本日" | "今日" | "本" => 0,
        "next" | "coming" | "tomorrow" | "明" | "来" | "翌" => 1,
        _ => return None,
    })
}

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    /// years, 年
    Year,
    /// months, か月
    Month,
    /// weeks, 週
    Week,
    /// days, 日
    Day,
    /// hours, 時間
    Hour,
    /// minutes, 分
    Minute,
    /// seasons (three months)
    Season,
    /// quarters (three months)
    Quarter,
}

/// The month and day of a U.S. holiday on a fixed date (the federal
/// holidays on a fixed date and two observances), by its first word:
/// `Independence Day` → 7-4. Holidays on a weekday of a month (Memorial
/// Day, Thanksgiving) are not here.
pub fn holiday(name: &str) -> Option<(u32, u32)> {
    let first = name.split(|c: char| !c.is_ascii_alphabetic()).next()?;
    Some(match first {
        "New" => (1, 1),
        "Flag" => (6, 14),
        "Juneteenth" => (6, 19),
        "Independence" => (7, 4),
        "Veterans" => (11, 11),
        "Pearl" => (12, 7),
        "Christmas" => (12, 25),
        _ => return None,
    })
}

/// A unit word and how many of the unit it is: `decade` is ten years,
/// `century` a hundred.
pub fn unit(text: &str) -> Option<(TimeUnit, u32)> {
    let t = text.trim().to_ascii_lowercase();
    let t = t.trim_end_matches('s');
    Some(match t {
        "year" | "年" | "年間" | "yr" | "annually" | "annual" | "yearly" => (TimeUnit::Year, 1),
        "decade" => (TimeUnit::Year, 10),
        "century" | "centurie" => (TimeUnit::Year, 100),
        "month" | "monthly" | "か月" | "ヶ月" | "カ月" | "ヵ月" | "ケ月" | "箇月" | "月" => {
            (TimeUnit::Month, 1)
        }
        "week" | "weekly" | "週" | "週間" => (TimeUnit::Week, 1),
        "day" | "daily" | "日" | "日間" => (TimeUnit::Day, 1),
        "hour" | "時間" => (TimeUnit::Hour, 1),
        "minute" | "分" | "分間" => (TimeUnit::Minute, 1),
        "season" => (TimeUnit::Season, 1),
        // 期 alone counts quarters in 2期連続 (two quarters in a row, of GDP).
        "quarter" | "quarterly" | "四半期" | "期" => (TimeUnit::Quarter, 1),
        _ => {
            // Japanese units may carry 間 or 以上 after them.
            let j = text.trim().trim_end_matches('間');
            return if j == text.trim() { None } else { unit(j) };
        }
    })
}

/// An amount of units: digits, full-width digits, kanji numerals, number
/// words (`a`, `two`, `forty`). `Some(None)` is a vague amount (`several`,
/// `a few`, 数): TIMEX3 writes it `X`.
pub fn amount(text: &str) -> Option<Option<u32>> {
    let t = text.trim().to_ascii_lowercase();
    let t = crate::normalize::collapse_space(&t);
    Some(Some(match t.as_str() {
        "a" | "an" | "one" | "a single" => 1,
        "two" | "a couple of" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "eighteen" => 18,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "hundred" | "a hundred" => 100,
        "several" | "a few" | "few" | "many" | "some" | "数" | "何" | "十数" | "数十" => return Some(None),
        other => super::numerals::parse(other)?,
    }))
}

/// An ordinal or small cardinal as a number: `third`, `3rd`, `3`, `３`, `三`;
/// 上/前 (the first half) are 1, 下/後 2.
pub fn ordinal(text: &str) -> Option<u32> {
    let t = text.trim().to_ascii_lowercase();
    let t = t.trim_end_matches(|c: char| c.is_ascii_alphabetic() && !t.starts_with(|d: char| d.is_ascii_alphabetic()));
    Some(match t {
        "first" | "上" | "前" => 1,
        "second" | "下" | "後" => 2,
        "third" => 3,
        "fourth" => 4,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        other => return super::numerals::parse(other),
    })
}

/// A part of the day: morning, afternoon, evening, night; 午前, 朝, 午後,
/// 夕方, 夜, 晩 (with 中, 今, 昨 around them).
pub fn day_part(text: &str) -> Option<super::value::DayPart> {
    use super::value::DayPart;
    let t = text.trim().to_ascii_lowercase();
    let t = t.trim_end_matches('中');
    Some(match t {
        "morning" | "午前" | "朝" => DayPart::Morning,
        "afternoon" | "午後" => DayPart::Afternoon,
        "evening" | "夕方" | "夕刻" | "夕" => DayPart::Evening,
        "night" | "tonight" | "夜" | "晩" | "深夜" | "未明" => DayPart::Night,
        _ => return None,
    })
}

/// Whether a 12-hour clock marker means the afternoon: `p.m.`, `PM`, 午後;
/// `None` when it is not a marker.
pub fn is_afternoon(marker: &str) -> Option<bool> {
    let m: String = marker.chars().filter(|c| *c != '.' && !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    match m.as_str() {
        "am" | "午前" => Some(false),
        "pm" | "午後" | "夜" | "夕方" => Some(true),
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
    fn holidays_on_a_fixed_date() {
        assert_eq!(holiday("Independence Day"), Some((7, 4)));
        assert_eq!(holiday("Veterans\nDay"), Some((11, 11)));
        assert_eq!(holiday("New Year's Day"), Some((1, 1)));
        assert_eq!(holiday("Pearl Harbor Remembrance Day"), Some((12, 7)));
        assert_eq!(holiday("Memorial Day"), None);
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
