//! Who a letter is to, from the customer's data of Anlage 3: the
//! salutation ("Sehr geehrte Frau Dr. Musterfrau,"; "Guten Tag Alex
//! Beispiel," where the customer gave `divers` or `keine_angabe`, or
//! nothing), the address lines of the window envelope, and whether there
//! is a postal address at all. A letter always uses the name as recorded:
//! title and name prefix included, nothing guessed.

use crate::domain::case::Customer;

fn join(parts: &[Option<&str>]) -> String {
    parts.iter().flatten().copied().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The salutation line, with its comma.
pub fn salutation(c: &Customer) -> String {
    let (title, prefix, first, last) =
        (c.title.as_deref(), c.name_prefix.as_deref(), c.first_name.as_deref(), c.last_name.as_deref());
    match (c.salutation.as_deref(), last) {
        (Some("frau"), Some(_)) => format!("Sehr geehrte Frau {},", join(&[title, prefix, last])),
        (Some("herr"), Some(_)) => format!("Sehr geehrter Herr {},", join(&[title, prefix, last])),
        _ => {
            let name = join(&[title, first, prefix, last]);
            if name.is_empty() {
                "Guten Tag,".to_string()
            } else {
                format!("Guten Tag {name},")
            }
        }
    }
}

/// The name as it stands in the address: `Frau Dr. Erika von Musterfrau`
/// (DIN 5008:2020 puts the form of address on the name's line).
pub fn name_line(c: &Customer) -> String {
    let name = join(&[c.title.as_deref(), c.first_name.as_deref(), c.name_prefix.as_deref(), c.last_name.as_deref()]);
    match c.salutation.as_deref() {
        Some("frau") => join(&[Some("Frau"), Some(&name)]),
        Some("herr") => join(&[Some("Herr"), Some(&name)]),
        _ => name,
    }
}

/// Whether there is anyone to write to: a name or an e-mail address by
/// which the customer can be reached. A case without (recorded
/// anonymously, anonymised, or with a phone number only) gets no letter.
pub fn writable(c: &Customer) -> bool {
    c.reachable() && (c.last_name.is_some() || c.first_name.is_some() || c.email.is_some())
}

/// Whether the customer can be written to on paper: a street or PO box,
/// a postcode and a town, and a name to put above them.
pub fn postal(c: &Customer) -> bool {
    (c.street.is_some() || c.po_box.is_some())
        && c.postcode.is_some()
        && c.city.is_some()
        && (c.last_name.is_some() || c.first_name.is_some())
}

/// The address lines (at most six): name, street or PO box, town.
pub fn address(c: &Customer) -> Vec<String> {
    let mut lines = vec![name_line(c)];
    // A PO box takes the letter where both are given (DIN 5008: one
    // delivery address), the street otherwise.
    if let Some(s) = c.po_box.as_deref().or(c.street.as_deref()) {
        lines.push(s.to_string());
    }
    lines.push(join(&[c.postcode.as_deref(), c.city.as_deref()]));
    lines.retain(|l| !l.is_empty());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(
        salutation: Option<&str>,
        title: Option<&str>,
        first: &str,
        prefix: Option<&str>,
        last: &str,
    ) -> Customer {
        Customer {
            salutation: salutation.map(str::to_string),
            title: title.map(str::to_string),
            first_name: Some(first.to_string()).filter(|s| !s.is_empty()),
            name_prefix: prefix.map(str::to_string),
            last_name: Some(last.to_string()).filter(|s| !s.is_empty()),
            ..Customer::default()
        }
    }

    #[test]
    fn salutations_follow_the_recorded_form_of_address() {
        let rows = [
            (customer(Some("frau"), Some("Dr."), "Erika", None, "Musterfrau"), "Sehr geehrte Frau Dr. Musterfrau,"),
            (customer(Some("herr"), None, "Max", Some("von"), "Muster"), "Sehr geehrter Herr von Muster,"),
            (customer(Some("divers"), None, "Alex", None, "Beispiel"), "Guten Tag Alex Beispiel,"),
            (customer(Some("keine_angabe"), Some("Dr."), "Alex", None, "Beispiel"), "Guten Tag Dr. Alex Beispiel,"),
            (customer(None, None, "Alex", None, "Beispiel"), "Guten Tag Alex Beispiel,"),
            (customer(Some("frau"), None, "Erika", None, ""), "Guten Tag Erika,"),
            (customer(None, None, "", None, ""), "Guten Tag,"),
        ];
        for (c, expected) in rows {
            assert_eq!(salutation(&c), expected, "{c:?}");
        }
    }

    #[test]
    fn the_address_puts_the_form_of_address_on_the_name_line() {
        let mut c = customer(Some("frau"), Some("Dr."), "Erika", Some("von"), "Musterfrau");
        c.street = Some("Musterstraße 12 a".into());
        c.postcode = Some("38100".into());
        c.city = Some("Braunschweig".into());
        assert!(postal(&c));
        assert_eq!(address(&c), vec!["Frau Dr. Erika von Musterfrau", "Musterstraße 12 a", "38100 Braunschweig"]);
        c.po_box = Some("Postfach 12 34".into());
        assert_eq!(address(&c)[1], "Postfach 12 34");
        c.city = None;
        assert!(!postal(&c));
    }
}
