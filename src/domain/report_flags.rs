//! The report's section of BS 4 flags: for each flag (beleidigende Form,
//! Mehrfachbeschwerde, ohne Substanz), how many cases received in the
//! period carry it — so that the staff-protection side of BS 4 shows in
//! the figures, beside the previous period and the year before.

use super::case::flag_label;
use super::report::Figure;

/// The figures of the `flag` section from the counts per flag key (a flag
/// no case carries is left out, as every count of nothing is).
pub fn figures(counts: &[(&'static str, u64)]) -> Vec<Figure> {
    counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(key, n)| Figure {
            dimension: "flag",
            key: key.to_string(),
            label: flag_label(key),
            measure: "cases",
            value: *n as f64,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_flag_carried() {
        let f = figures(&[("offensive", 2), ("repeated", 0), ("unsubstantiated", 1)]);
        let keys: Vec<&str> = f.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["offensive", "unsubstantiated"]);
        assert_eq!(f[0].value, 2.0);
        assert_eq!(f[0].label, "beleidigende Form");
    }
}
