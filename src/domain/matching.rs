//! Whether two cases' customers are the same person, for the possible
//! repetition of BS 4 (Mehrfachbeschwerde) or the case a Folgereaktion
//! follows: the one customer-matching rule of krm.
//!
//! Two customers match when they have the same last name (folded: case,
//! umlauts and punctuation forgiven, as everywhere in krm) and the same
//! postcode, or the same e-mail address (folded the same way). A name
//! alone is too common, a postcode alone is a whole district; an e-mail
//! address is one person's. Nothing else is compared: the form's other
//! fields are too often left out or spelt differently.
//!
//! To be found among a million cases without reading them, each customer
//! row carries two buckets (a 16-bit hash of each key, indexed): a new
//! case reads only the rows of its buckets and compares them with
//! [`same_customer`]. A bucket is shared by one in 65,536 of all
//! customers, so it says nothing about anyone.

use super::case::Customer;
use super::text::fold;

/// A bucket that no key has (nothing to match on).
pub const NO_BUCKET: i64 = -1;

fn folded(v: &Option<String>) -> Option<String> {
    v.as_deref().map(fold).filter(|s| !s.is_empty())
}

/// The name key: folded last name and postcode, both present.
fn name_key(c: &Customer) -> Option<String> {
    Some(format!("{}|{}", folded(&c.last_name)?, folded(&c.postcode)?))
}

/// The e-mail key.
fn mail_key(c: &Customer) -> Option<String> {
    folded(&c.email)
}

/// Whether two customers are, by krm's rule, the same person.
pub fn same_customer(a: &Customer, b: &Customer) -> bool {
    let same = |x: Option<String>, y: Option<String>| x.is_some() && x == y;
    same(name_key(a), name_key(b)) || same(mail_key(a), mail_key(b))
}

/// FNV-1a folded to 16 bits: stable across builds, unlike std's hasher.
fn bucket(key: Option<String>) -> i64 {
    use std::hash::Hasher;
    key.map_or(NO_BUCKET, |k| {
        let mut h = super::fnv::Fnv::default();
        h.write(k.as_bytes());
        (h.finish() & 0xFFFF) as i64
    })
}

/// The customer's two buckets (name, e-mail); [`NO_BUCKET`] where a key is missing.
pub fn buckets(c: &Customer) -> (i64, i64) {
    (bucket(name_key(c)), bucket(mail_key(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(last: &str, postcode: &str, email: &str) -> Customer {
        let some = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
        Customer { last_name: some(last), postcode: some(postcode), email: some(email), ..Customer::default() }
    }

    #[test]
    fn same_name_and_postcode_or_same_email() {
        assert!(same_customer(&c("Müller", "18055", ""), &c("mueller", "18055", "x@y.de")));
        assert!(same_customer(&c("", "", "Erika@Example.de"), &c("Schmidt", "", "erika@example.de")));
        assert!(!same_customer(&c("Müller", "18055", ""), &c("Müller", "18057", "")));
        assert!(!same_customer(&c("Müller", "", ""), &c("Müller", "", "")), "a name alone is no match");
        assert!(!same_customer(&c("", "18055", ""), &c("", "18055", "")));
        assert!(!same_customer(&Customer::default(), &Customer::default()));
    }

    #[test]
    fn matching_customers_share_a_bucket() {
        let (a, b) = (c("Müller", "18055", "e@x.de"), c("MUELLER", "18055", "E@x.de"));
        assert_eq!(buckets(&a), buckets(&b));
        assert!(buckets(&a).0 >= 0 && buckets(&a).0 <= 65535);
        assert_eq!(buckets(&Customer::default()), (NO_BUCKET, NO_BUCKET));
    }
}
