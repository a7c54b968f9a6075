//! Number text → `u32`: Arabic digits (ASCII or full-width) and Japanese
//! kanji numerals up to 9999.
//!
//! Japanese dates write numbers in three ways, all of which the date rules
//! capture as text and hand to [`parse`]:
//!
//! * Arabic digits, `2019` or full-width `２０１９` (the document view folds
//!   full-width digits already; they are accepted here too so the function
//!   stands on its own);
//! * positional kanji, digit by digit: `二〇一九` (with `〇`, `○` or `零` for
//!   zero), common for years;
//! * multiplicative kanji with `十` (10), `百` (100) and `千` (1000):
//!   `三十一`, `十二`, `千九百八十九`, `二千十九`.
//!
//! A text that mixes the systems, repeats a unit (`十十`) or puts units out of
//! order (`十百`) is not a number.

/// The value of a kanji or Arabic digit character.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        '〇' | '○' | '零' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// The multiplier of a kanji unit character.
fn unit(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

/// Parses a number written in Arabic digits, positional kanji or
/// multiplicative kanji. `None` for anything else, and for values above 9999
/// written with units.
pub fn parse(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.chars().any(|c| unit(c).is_some()) {
        return multiplicative(s);
    }
    let mut n: u32 = 0;
    for c in s.chars() {
        n = n.checked_mul(10)?.checked_add(digit(c)?)?;
    }
    Some(n)
}

/// `千九百八十九` → 1989: each unit optionally preceded by one digit (1 when
/// absent), units strictly decreasing, then at most one trailing digit.
fn multiplicative(s: &str) -> Option<u32> {
    let mut total = 0;
    let mut pending: Option<u32> = None;
    let mut last_unit = u32::MAX;
    for c in s.chars() {
        if let Some(u) = unit(c) {
            if u >= last_unit {
                return None;
            }
            let d = pending.take().unwrap_or(1);
            if d == 0 {
                return None;
            }
            total += d * u;
            last_unit = u;
        } else {
            let d = digit(c)?;
            if pending.is_some() || matches!(c, '0'..='9' | '０'..='９') {
                return None;
            }
            pending = Some(d);
        }
    }
    Some(total + pending.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_full_width() {
        assert_eq!(parse("2019"), Some(2019));
        assert_eq!(parse("２０１９"), Some(2019));
        assert_eq!(parse("０３"), Some(3));
        assert_eq!(parse(""), None);
        assert_eq!(parse("20x9"), None);
    }

    #[test]
    fn positional_kanji() {
        assert_eq!(parse("二〇一九"), Some(2019));
        assert_eq!(parse("二○一九"), Some(2019));
        assert_eq!(parse("一九八九"), Some(1989));
        assert_eq!(parse("三"), Some(3));
    }

    #[test]
    fn multiplicative_kanji() {
        assert_eq!(parse("十"), Some(10));
        assert_eq!(parse("十二"), Some(12));
        assert_eq!(parse("二十"), Some(20));
        assert_eq!(parse("三十一"), Some(31));
        assert_eq!(parse("六十四"), Some(64));
        assert_eq!(parse("百"), Some(100));
        assert_eq!(parse("千九百八十九"), Some(1989));
        assert_eq!(parse("一千九百八十九"), Some(1989));
        assert_eq!(parse("二千十九"), Some(2019));
        assert_eq!(parse("二千"), Some(2000));
        assert_eq!(parse("九千九百九十九"), Some(9999));
    }

    #[test]
    fn every_number_up_to_9999_round_trips() {
        const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        for n in 1..=9999u32 {
            // Multiplicative form, the way it is written: no 一 before 十, 百, 千.
            let mut s = String::new();
            for (u, c) in [(1000, '千'), (100, '百'), (10, '十')] {
                let d = n / u % 10;
                if d > 1 {
                    s.push(DIGITS[d as usize]);
                }
                if d > 0 {
                    s.push(c);
                }
            }
            if n % 10 > 0 {
                s.push(DIGITS[(n % 10) as usize]);
            }
            assert_eq!(parse(&s), Some(n), "{s}");
            // Positional form.
            let p: String = n.to_string().chars().map(|c| DIGITS[c.to_digit(10).unwrap() as usize]).collect();
            assert_eq!(parse(&p), Some(n), "{p}");
        }
    }

    #[test]
    fn malformed_kanji_numbers() {
        assert_eq!(parse("十十"), None);
        assert_eq!(parse("十百"), None);
        assert_eq!(parse("二三十"), None);
        assert_eq!(parse("〇十"), None);
        assert_eq!(parse("2十"), None);
        assert_eq!(parse("十2"), None);
        assert_eq!(parse("元"), None);
    }
}
