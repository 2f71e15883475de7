# Logged reads, the access log, search and subject access (issue 14).

## domain::reads, domain::search
domain-read-kind = Arten von Zugriffen
    .show = Anzeige
    .search = Suche
    .subject-access = Auskunft
    .letter = Brief
domain-read-criterion = Suchkriterien
    .name = Name
    .postcode = PLZ
    .email = E-Mail
    .case = Fallnummer
domain-search-empty = { $flag } { $value }: darin ist nichts zu suchen (Buchstaben oder Ziffern angeben)
domain-search-email = --email { $value }: das ist keine ganze E-Mail-Adresse (z. B. erika.muster@example.de)
domain-search-nothing = wonach suchen? --name, --postcode oder --email angeben

## store::read_only
store-read-only-old-schema = { $path } ist schreibgeschützt und hat die Schemaversion { $version }, diese krm-Version braucht { $known }: legen Sie eine beschreibbare Kopie an (cp) und öffnen Sie diese

store-log-purge-reads = { $count ->
    [one] 1 Eintrag
   *[other] { $count } Einträge
} des Zugriffsprotokolls gelöscht (älter als { $days } Tage)

## commands::reads
cmd-reads-not-logged = Hinweis: { $path } ist eine schreibgeschützte Kopie (z. B. eine Sicherung); dieser Zugriff auf Kundendaten wird nicht protokolliert
cmd-reads-busy = das Register { $path } blieb länger als { $seconds } s belegt; ohne Eintrag im Zugriffsprotokoll zeigt krm keine Kundendaten – bitte gleich noch einmal versuchen
cmd-reads-purged = { $count ->
        [one] 1 Eintrag
       *[other] { $count } Einträge
    } des Zugriffsprotokolls gelöscht (älter als { $days } Tage)

## audit --reads
cmd-audit-reads-col = Spalten des Zugriffsprotokolls
    .date = Datum
    .time = Uhrzeit
    .who = Wer
    .account = Konto
    .kind = Zugriff
    .criteria = Kriterien
    .hits = Treffer
    .cases = Fälle

## search
cmd-search-none = Kein Fall gefunden.
cmd-search-col = Spalten der Suche
    .case = KRM-Nr.
    .received = Eingang
    .type = Art
    .status = Status
    .name = Name

## subject-access
cmd-subject-access-nothing = wessen Daten? --name, --postcode, --email oder --case KRM-NO angeben (krm search findet die Fälle einer Person)
cmd-subject-access-no-csv = eine Auskunft gibt es als JSON (--format json) oder als Text (--format table), nicht als CSV
cmd-subject-access-written = { $count ->
        [0] Auskunft (keine Fälle)
        [one] Auskunft über 1 Fall
       *[other] Auskunft über { $count } Fälle
    } in { $path } geschrieben
cmd-subject-access-title = Auskunft nach Art. 15 DSGVO und § 83 SGB X aus dem KRM-Register, erstellt am { $day }
cmd-subject-access-found-by = Gefunden über: { $criteria }
cmd-subject-access-count = { $count ->
        [0] Das Register enthält keine Daten zu dieser Person.
        [one] Das Register enthält 1 Fall zu dieser Person.
       *[other] Das Register enthält { $count } Fälle zu dieser Person.
    }
cmd-subject-access-case = Fall { $krm_no }
cmd-subject-access-messages = Schreiben an die Person
cmd-subject-access-message-col = Spalten der Schreiben
    .date = Datum
    .kind = Art
    .promised = Zugesagt bis
    .contact = Ansprechperson
cmd-subject-access-escalations = Eskalationen
cmd-subject-access-escalation-col = Spalten der Eskalationen
    .date = Datum
    .levels = Stufe
    .reason = Grund
    .appointment = Termin
