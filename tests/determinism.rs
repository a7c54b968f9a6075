//! The same input and rules give byte-identical output whatever the thread
//! count and batch size.

use yomitori::pipeline::RunOptions;

use crate::util::seeds_csv;

#[test]
fn one_and_four_threads_write_the_same_bytes() {
    let one = seeds_csv(&RunOptions { threads: 1, ..RunOptions::default() });
    let four = seeds_csv(&RunOptions { threads: 4, ..RunOptions::default() });
    let tiny_window = seeds_csv(&RunOptions { threads: 4, window_docs: 1, window_bytes: 1 });
    assert!(one.lines().count() > 100, "too few rows to prove anything");
    assert_eq!(one, four);
    assert_eq!(one, tiny_window);
}
