//! FNV-1a, a hasher for the short keys that reports count by (types, units,
//! category codes, words of a case): a year's report hashes about a million
//! of them, and std's SipHash, built to resist crafted keys, was a tenth of
//! its time. The keys here come from the register's own reference data.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` hashed with FNV-1a.
pub type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The FNV-1a state.
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_and_maps() {
        // Published FNV-1a test vectors.
        let hash = |s: &str| {
            let mut h = Fnv::default();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash("foobar"), 0x85944171f73967e8);
        let mut m: FnvMap<&str, u32> = FnvMap::default();
        *m.entry("Team 110").or_default() += 2;
        *m.entry("Team 110").or_default() += 1;
        assert_eq!(m["Team 110"], 3);
    }
}
