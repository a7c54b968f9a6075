//! Extraction families, one folder each (temporary: replaced by the family
//! registry on main).

pub mod amounts;
