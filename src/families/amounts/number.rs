//! Exact decimal numbers for amounts: `1,234.5`, `1.2` × 10⁹, `5兆4,005億`.
//!
//! Budgets are read by people who check the last digit, so nothing here
//! touches floating point: a value is an integer mantissa and a count of
//! fraction digits, and scaling by a power of ten moves the decimal point.
//! `u128` holds 38 digits, more than any amount written in words (京 is
//! 10¹⁶); anything larger is rejected rather than rounded.

use std::cmp::Ordering;
use std::fmt;

/// A non-negative exact decimal: `mantissa / 10^scale`.
#[derive(Clone, Copy, Debug)]
pub struct Decimal {
    mantissa: u128,
    scale: u32,
}

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal { mantissa: 0, scale: 0 };

    /// Parses ASCII digits with optional thousands commas and at most one
    /// decimal point (`1,234.50`). The patterns decide where commas may go;
    /// here they are skipped.
    pub fn parse(s: &str) -> Option<Decimal> {
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        let mut mantissa: u128 = 0;
        let mut digits = 0;
        let mut push = |c: char| -> Option<()> {
            let d = c.to_digit(10)?;
            mantissa = mantissa.checked_mul(10)?.checked_add(u128::from(d))?;
            digits += 1;
            Some(())
        };
        for c in int.chars().filter(|&c| c != ',') {
            push(c)?;
        }
        let mut scale = 0;
        if let Some(f) = frac {
            for c in f.chars() {
                push(c)?;
                scale += 1;
            }
        }
        (digits > 0).then_some(Decimal { mantissa, scale })
    }

    /// `self × 10^power`, exact; `None` on overflow.
    pub fn shift(self, power: u32) -> Option<Decimal> {
        if self.scale >= power {
            return Some(Decimal { mantissa: self.mantissa, scale: self.scale - power });
        }
        let up = 10u128.checked_pow(power - self.scale)?;
        Some(Decimal { mantissa: self.mantissa.checked_mul(up)?, scale: 0 })
    }

    /// `self + other`, exact; `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let a = self.mantissa.checked_mul(10u128.checked_pow(scale - self.scale)?)?;
        let b = other.mantissa.checked_mul(10u128.checked_pow(scale - other.scale)?)?;
        Some(Decimal { mantissa: a.checked_add(b)?, scale })
    }

    /// True for zero.
    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// True when the value is below `10^power` (a group such as the `4,005`
    /// of `5兆4,005億` must be below the ratio of its unit to the next).
    pub fn below_power(&self, power: u32) -> bool {
        match 10u128.checked_pow(power) {
            Some(limit) => *self < (Decimal { mantissa: limit, scale: 0 }),
            None => true,
        }
    }

    /// The value with its fraction's trailing zeros dropped, so that equal
    /// amounts render alike (`1.50` → `1.5`, `2.0` → `2`).
    fn trimmed(self) -> Decimal {
        let mut d = self;
        while d.scale > 0 && d.mantissa.is_multiple_of(10) {
            d.mantissa /= 10;
            d.scale -= 1;
        }
        d
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Decimal) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        let (a, b) = (self.trimmed(), other.trimmed());
        let scale = a.scale.max(b.scale);
        let widen = |d: Decimal| 10u128.checked_pow(scale - d.scale).and_then(|f| d.mantissa.checked_mul(f));
        match (widen(a), widen(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            // Only the value with more fraction digits can overflow when
            // widened, and it is then the larger one.
            (None, _) => Ordering::Greater,
            (_, None) => Ordering::Less,
        }
    }
}

impl fmt::Display for Decimal {
    /// Plain decimal notation: no exponent, no thousands separator.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.trimmed();
        let digits = d.mantissa.to_string();
        let scale = d.scale as usize;
        if scale == 0 {
            return f.write_str(&digits);
        }
        if digits.len() <= scale {
            return write!(f, "0.{}{digits}", "0".repeat(scale - digits.len()));
        }
        let (int, frac) = digits.split_at(digits.len() - scale);
        write!(f, "{int}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn parses_commas_and_fractions() {
        assert_eq!(d("1,234").to_string(), "1234");
        assert_eq!(d("1,234.50").to_string(), "1234.5");
        assert_eq!(d("0.05").to_string(), "0.05");
        assert_eq!(d("007").to_string(), "7");
        assert!(Decimal::parse("").is_none());
        assert!(Decimal::parse("1.2.3").is_none());
        assert!(Decimal::parse("12a").is_none());
    }

    #[test]
    fn shifting_is_exact() {
        assert_eq!(d("1.2").shift(9).unwrap().to_string(), "1200000000");
        assert_eq!(d("15.53").shift(6).unwrap().to_string(), "15530000");
        assert_eq!(d("0.1").shift(0).unwrap().to_string(), "0.1");
        assert_eq!(d("1.23456").shift(3).unwrap().to_string(), "1234.56");
        // 0.1 + 0.2 is 0.3 here, not 0.30000000000000004.
        assert_eq!(d("0.1").checked_add(d("0.2")).unwrap().to_string(), "0.3");
    }

    #[test]
    fn sums_of_groups() {
        let v = d("5").shift(12).unwrap().checked_add(d("4,005").shift(8).unwrap()).unwrap();
        assert_eq!(v.to_string(), "5400500000000");
    }

    #[test]
    fn overflow_is_rejected_not_rounded() {
        assert!(d("1").shift(39).is_none());
        assert!(d("340282366920938463463374607431768211455").checked_add(d("1")).is_none());
        assert!(d("99999999999999999999999").shift(20).is_none());
    }

    #[test]
    fn ordering_ignores_representation() {
        assert_eq!(d("1.50"), d("1.5"));
        assert!(d("300") < d("500"));
        assert!(d("2.5") > d("2.45"));
        assert!(d("4,005").below_power(4));
        assert!(!d("10,000").below_power(4));
        assert!(d("9999.9").below_power(4));
    }
}
