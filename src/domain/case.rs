//! A case (Kundenreaktion) as the commands see it: what is recorded, and how
//! it is read back for `show` and `list`. The JSON shapes here are the stable
//! ones of CLI.md; customer data is its own type because it is personal data
//! and is shown, exported and deleted on its own terms.

use chrono::NaiveDate;
use serde::Serialize;

use super::case_no::CaseNo;

/// The staff-protection flags of BS 4, by key and German label.
pub const FLAGS: [(&str, &str); 3] =
    [("offensive", "beleidigende Form"), ("repeated", "Mehrfachbeschwerde"), ("unsubstantiated", "ohne Substanz")];

/// The label of a staff-protection flag (a key of `FLAGS`) in the language
/// in use; `FLAGS` keeps the German words that are typed and matched.
pub fn flag_label(key: &str) -> String {
    match key {
        "offensive" => crate::tr!("domain-flag-offensive"),
        "repeated" => crate::tr!("domain-flag-repeated"),
        "unsubstantiated" => crate::tr!("domain-flag-unsubstantiated"),
        other => other.to_string(),
    }
}

/// Where a case stands in its life (SPEC §3). Stored and printed in JSON
/// by its key; read by a person in German.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Open,
    Acknowledged,
    Answered,
    Closed,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Open, Status::Acknowledged, Status::Answered, Status::Closed];

    pub fn key(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Acknowledged => "acknowledged",
            Status::Answered => "answered",
            Status::Closed => "closed",
        }
    }

    /// What a person reads, in the language in use.
    pub fn label(self) -> &'static str {
        use super::text::fixed;
        match self {
            Status::Open => fixed!(crate::tr!("domain-status-open")),
            Status::Acknowledged => fixed!(crate::tr!("domain-status-acknowledged")),
            Status::Answered => fixed!(crate::tr!("domain-status-answered")),
            Status::Closed => fixed!(crate::tr!("domain-status-closed")),
        }
    }

    /// A status by its key or German word, with or without umlauts
    /// (`offen`, `bestätigt`/`bestaetigt`, `beantwortet`,
    /// `abgeschlossen`/`geschlossen`), whatever the language in use.
    pub fn parse(text: &str) -> Option<Status> {
        let t = super::text::fold(text);
        let german: &[&str] = match t.as_str() {
            "offen" => &["open"],
            "bestaetigt" => &["acknowledged"],
            "beantwortet" => &["answered"],
            "abgeschlossen" | "geschlossen" => &["closed"],
            _ => &[],
        };
        Status::ALL.into_iter().find(|s| s.key() == t || german.contains(&s.key()))
    }

    /// The status of a case not closed, by what was sent.
    pub fn of_open(acknowledged: bool, answered: bool) -> Status {
        match (answered, acknowledged) {
            (true, _) => Status::Answered,
            (false, true) => Status::Acknowledged,
            (false, false) => Status::Open,
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// A message to the customer (SPEC §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MessageKind {
    /// Eingangsbestätigung.
    Ack,
    /// Zwischennachricht.
    Interim,
    /// Antwortschreiben.
    Answer,
}

impl MessageKind {
    pub const ALL: [MessageKind; 3] = [MessageKind::Ack, MessageKind::Interim, MessageKind::Answer];

    pub fn key(self) -> &'static str {
        match self {
            MessageKind::Ack => "ack",
            MessageKind::Interim => "interim",
            MessageKind::Answer => "answer",
        }
    }

    /// What a person reads, in the language in use.
    pub fn label(self) -> &'static str {
        use super::text::fixed;
        match self {
            MessageKind::Ack => fixed!(crate::tr!("domain-message-ack")),
            MessageKind::Interim => fixed!(crate::tr!("domain-message-interim")),
            MessageKind::Answer => fixed!(crate::tr!("domain-message-answer")),
        }
    }

    /// A kind by its key or German word (`eingangsbestaetigung`,
    /// `zwischennachricht`, `antwort`; umlauts and case as one likes).
    pub fn parse(key: &str) -> Option<MessageKind> {
        if let Some(kind) = MessageKind::ALL.into_iter().find(|k| k.key() == key) {
            return Some(kind);
        }
        match super::text::fold(key).as_str() {
            "ack" | "eingangsbestaetigung" => Some(MessageKind::Ack),
            "interim" | "zwischennachricht" => Some(MessageKind::Interim),
            "answer" | "antwort" | "antwortschreiben" => Some(MessageKind::Answer),
            _ => None,
        }
    }
}

/// The customer's personal data from the intake form; every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Customer {
    pub salutation: Option<String>,
    pub title: Option<String>,
    pub first_name: Option<String>,
    pub name_prefix: Option<String>,
    pub last_name: Option<String>,
    pub street: Option<String>,
    pub po_box: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub fax: Option<String>,
}

impl Customer {
    /// The fields with their flag names, in the form's order.
    pub fn fields(&self) -> [(&'static str, &Option<String>); 12] {
        [
            ("salutation", &self.salutation),
            ("title", &self.title),
            ("first-name", &self.first_name),
            ("name-prefix", &self.name_prefix),
            ("last-name", &self.last_name),
            ("street", &self.street),
            ("po-box", &self.po_box),
            ("postcode", &self.postcode),
            ("city", &self.city),
            ("email", &self.email),
            ("phone", &self.phone),
            ("fax", &self.fax),
        ]
    }

    /// Whether there is any way to send the customer an acknowledgment or answer.
    pub fn reachable(&self) -> bool {
        let postal = self.street.is_some() && (self.postcode.is_some() || self.city.is_some());
        postal || self.po_box.is_some() || self.email.is_some() || self.phone.is_some() || self.fax.is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.fields().iter().all(|(_, v)| v.is_none())
    }

    /// `Dr. Erika von Musterfrau`, from whatever name parts are there.
    pub fn name(&self) -> String {
        [&self.title, &self.first_name, &self.name_prefix, &self.last_name]
            .iter()
            .filter_map(|p| p.as_deref())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A validated case, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCase {
    pub kind: String,
    pub claimed_type: String,
    pub form: String,
    pub group: String,
    pub intake: String,
    pub received: NaiveDate,
    pub unit: String,
    /// Category codes, in the order given, without repeats.
    pub concerns: Vec<String>,
    pub summary: Option<String>,
    pub follows: Option<CaseNo>,
    /// Keys of `FLAGS`.
    pub flags: Vec<String>,
    pub customer: Option<Customer>,
    /// The level given for a reaction taken by the KRM or management
    /// (`record --level`); `None`: by where it came in (domain::ladder).
    pub level: Option<u8>,
    /// A petition's or Eingabe's addressee and statement date.
    pub filing: Option<super::separate::Filing>,
    /// What the intake records beyond Anlage 3 (reason, initials, site).
    pub details: super::intake_details::IntakeDetails,
}

/// One concern (Anliegen) of a case.
#[derive(Debug, Clone, Serialize)]
pub struct Concern {
    pub code: String,
    pub label: String,
    pub outcome: Option<String>,
    /// The day the team lead's feedback on it was recorded (BS 5.1; `show` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback_on: Option<NaiveDate>,
}

/// A case as `list` shows it: everything but the free-text summary, the
/// customer and the history — `list` output carries no personal data.
#[derive(Debug, Clone, Serialize)]
pub struct CaseSummary {
    pub krm_no: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub claimed_type: String,
    /// Whether a claimed Dienstaufsichtsbeschwerde still awaits management's decision (BS 5.1).
    pub classification_pending: bool,
    /// Who in management classified it, and when.
    pub classified_by: Option<String>,
    pub classified_on: Option<NaiveDate>,
    pub form: String,
    pub group: String,
    pub intake: String,
    pub received_on: NaiveDate,
    pub unit: String,
    pub assignee: Option<String>,
    pub status: Status,
    pub level: u8,
    pub ack_due: Option<NaiveDate>,
    pub answer_due: Option<NaiveDate>,
    pub promised_on: Option<NaiveDate>,
    pub acknowledged_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub concerns: Vec<Concern>,
    pub flags: Vec<String>,
    pub follows: Option<String>,
    /// Cases recorded as following this one.
    pub followed_by: Vec<String>,
    pub recorded_by: String,
    /// The answer period counts from the acknowledgment, which is not sent
    /// yet: `answer_due` is an estimate, not a deadline (shown so, never
    /// judged).
    #[serde(skip)]
    pub answer_due_estimated: bool,
}

/// One entry of a case's history, rendered from its timeline event.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryEntry {
    /// Wall-clock time of the change.
    pub at: String,
    /// The business date the change was recorded on (`--today`).
    pub on: NaiveDate,
    /// The business date the event concerns (a letter's day, a closing day).
    pub day: NaiveDate,
    pub user: String,
    /// The operating-system account that recorded it.
    pub os_user: Option<String>,
    pub action: String,
    /// The event in words.
    pub detail: String,
    /// Built by the upgrade from an older register, not recorded as it happened.
    pub reconstructed: bool,
    /// The same words without free text (reasons, contacts, authors).
    #[serde(skip)]
    pub public_detail: String,
}

/// A legal hold on a case.
#[derive(Debug, Clone, Serialize)]
pub struct Hold {
    /// Free text; `None` where the reader may not see the customer.
    pub reason: Option<String>,
    pub since: NaiveDate,
    pub by: String,
}

/// A case as `show` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct CaseDetail {
    #[serde(flatten)]
    pub case: CaseSummary,
    /// Free text, personal data: shown only to those who may see the customer.
    pub summary: Option<String>,
    /// A legal hold that keeps the case out of purge.
    pub hold: Option<Hold>,
    pub customer: Option<Customer>,
    pub history: Vec<HistoryEntry>,
    /// Its deadlines judged as of today, or of the day asked for (domain::judgement).
    pub judgement: Option<crate::domain::judgement::Judgement>,
    /// The case as it stood at the end of the day asked for (`show --as-of`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<crate::domain::timeline::CaseAsOf>,
    /// Stufe 4: the day of the appointment with management (HRO 3.7).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appointment: Option<NaiveDate>,
    /// A petition's or Eingabe's filing: addressee, statement due and sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub petition: Option<super::separate::Filing>,
    /// The addressee's name, for people.
    #[serde(skip)]
    pub addressee_label: Option<String>,
    /// Why it reached the officer, who initialled its receipt, its site (issue 15).
    #[serde(flatten)]
    pub intake_details: super::intake_details::IntakeDetails,
    /// The countermeasures linked to it, with their status now (issue 16):
    /// numbers only, a measure's title is not the case's.
    pub measures: Vec<super::measure::Linked>,
    /// The letters made for it (issue 17): kind, format, template version,
    /// who and when — never their text.
    pub letters: Vec<super::letter::Made>,
}

impl CaseDetail {
    /// Leaves out everything that may identify the customer: the customer,
    /// the summary, the hold reason and free-text history details. What is
    /// left is what a role without customer access may read.
    pub fn hide_personal_data(&mut self) {
        self.customer = None;
        self.summary = None;
        if let Some(h) = &mut self.hold {
            h.reason = None;
        }
        for e in &mut self.history {
            e.detail = std::mem::take(&mut e.public_detail);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_letters_are_typed_by_key_or_in_german() {
        let table = [
            ("open", Some(Status::Open)),
            ("offen", Some(Status::Open)),
            ("Bestätigt", Some(Status::Acknowledged)),
            ("bestaetigt", Some(Status::Acknowledged)),
            ("beantwortet", Some(Status::Answered)),
            ("geschlossen", Some(Status::Closed)),
            ("abgeschlossen", Some(Status::Closed)),
            ("closed", Some(Status::Closed)),
            ("zu", None),
        ];
        for (text, want) in table {
            assert_eq!(Status::parse(text), want, "{text}");
        }
        assert_eq!(Status::Acknowledged.label(), "bestätigt");
        for (text, want) in [
            ("ack", Some(MessageKind::Ack)),
            ("eingangsbestaetigung", Some(MessageKind::Ack)),
            ("Eingangsbestätigung", Some(MessageKind::Ack)),
            ("zwischennachricht", Some(MessageKind::Interim)),
            ("antwort", Some(MessageKind::Answer)),
            ("brief", None),
        ] {
            assert_eq!(MessageKind::parse(text), want, "{text}");
        }
        assert_eq!(flag_label("repeated"), "Mehrfachbeschwerde");
    }
}
