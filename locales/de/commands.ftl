# What the commands say: confirmations, refusals, table headings and labels.

## due
cmd-due-col = Spalten der Liste
    .no = KRM-Nr.
    .kind = fällig ist
    .due = Frist
    .days = Stand
    .unit = Einheit
    .assignee = Zust.
    .level = St.
cmd-due-kind-ack = Bestätigung
cmd-due-kind-answer = Antwort
cmd-due-kind-interim = Zw.-Nachr.
cmd-due-kind-promised = Zusage
cmd-due-overdue = { $days ->
    [one] 1 Tag überfällig
   *[other] { $days } Tage überfällig
}
cmd-due-today = heute
cmd-due-tomorrow = morgen
cmd-due-ahead = { $days ->
    [one] in 1 Tag
   *[other] in { $days } Tagen
}
cmd-due-legend = Zust. = zuständig, St. = Stufe; Herleitung einer Frist: krm due --explain KRM-NR
cmd-due-summary = { $count } fällig, davon { $overdue } überfällig (Stand { $today })
cmd-due-hold = { $krm_no } (seit { $since })
cmd-due-holds = Sperrvermerke (von der Löschung ausgenommen): { $list }

## assign
cmd-assign-unit-empty = --unit ist leer: nennen Sie die Org.-Einheit
cmd-assign-new-unit = Hinweis: „{ $unit }“ ist eine neue Einheit in diesem Register{ $similar }
cmd-assign-to-unit = { $krm_no } ist jetzt { $to } zugewiesen, Einheit { $unit }
cmd-assign-to = { $krm_no } ist jetzt { $to } zugewiesen
cmd-assign-unit = { $krm_no } ist jetzt bei der Einheit { $unit }

## audit
cmd-audit-col = Spalten des Protokolls
    .date = Datum
    .time = Uhrzeit
    .who = Wer
    .what = Was
    .case = Fall
    .detail = Einzelheiten
cmd-audit-register = Änderungen am Register selbst
    .init = Register angelegt
    .user-add = Benutzer hinzugefügt
    .user-retire = Benutzer ausgeschieden
    .user-role = Rolle geändert
    .user-units = Einheiten zugeordnet
    .user-login = Konto zugeordnet
    .policy-set = Richtlinie geändert
    .setting = Einstellung geändert
    .procedure = Verfahren geändert
    .calendar-add = Schließtag eingetragen
    .calendar-remove = Schließtag gestrichen
    .load = Fälle geladen
    .purge = Fälle gelöscht
    .purge-reads = Zugriffsprotokoll bereinigt
    .remove = Fall ausgetragen
    .demo = Demo-Register

## calendar
cmd-calendar-reason-empty = --reason ist leer: sagen Sie, was für ein Tag es ist
cmd-calendar-added = Der { $day } ist ein Schließtag ({ $reason }); { $moved ->
    [0] keine Frist eines offenen Falls hat sich verschoben
    [one] die Fristen eines offenen Falls wurden verschoben
   *[other] die Fristen von { $moved } offenen Fällen wurden verschoben
}
cmd-calendar-removed = Der { $day } ist wieder ein Arbeitstag; { $moved ->
    [0] keine Frist eines offenen Falls hat sich verschoben
    [one] die Fristen eines offenen Falls wurden verschoben
   *[other] die Fristen von { $moved } offenen Fällen wurden verschoben
}
cmd-calendar-none = keine Schließtage eingetragen
cmd-calendar-closure = Schließtag
cmd-calendar-holiday = Feiertag
cmd-calendar-col = Spalten des Kalenders
    .date = Datum
    .kind = Art
    .reason = Anlass

## classify
cmd-classify-choice = --as { $given }: die Geschäftsführung entscheidet zwischen { $valid }
cmd-classify-done = { $krm_no } ist eingestuft als { $label }

## close
cmd-close-reason-empty = --reason ist leer: sagen Sie, warum es keine Antwort gibt
cmd-close-reason-alone = --reason gehört zu --without-answer
cmd-close-done = { $krm_no } ist am { $on } abgeschlossen
cmd-close-reopened = { $krm_no } ist wieder offen

## escalate
cmd-escalate-reason-empty = --reason ist leer: sagen Sie, warum die Bearbeitung auf der bisherigen Stufe nicht gelang
cmd-escalate-done = { $krm_no } ist jetzt auf Stufe { $level } ({ $label })

## flag
cmd-flag-unknown = unbekanntes Kennzeichen { $given } (gültig: { $valid })
cmd-flag-set = { $krm_no }: Kennzeichen „{ $flag }“ gesetzt
cmd-flag-removed = { $krm_no }: Kennzeichen „{ $flag }“ entfernt

## hold
cmd-hold-reason-empty = --reason ist leer: sagen Sie, warum der Fall aufbewahrt werden muss
cmd-hold-done = { $krm_no } hat einen Sperrvermerk und wird nicht gelöscht, bis „krm release { $krm_no }“ ihn aufhebt
cmd-hold-released = der Sperrvermerk von { $krm_no } ist aufgehoben

## init
cmd-init-unknown-preset = unbekannte Richtlinie { $given } (gültig: { $valid })
cmd-init-not-created = das Register wurde nicht angelegt
cmd-init-shared = Das Register gehört der Gruppe { $group } (Modus 0660); legen Sie es in ein Verzeichnis dieser Gruppe mit gesetztem setgid-Bit (chmod g+s), damit auch seine Journaldateien der Gruppe gehören
cmd-init-done = Register { $path } mit der Richtlinie { $preset } angelegt; { $officer } ist die oder der KRM-Beauftragte
cmd-init-next = Weiter mit „krm user add NAME --role deputy“ für die Vertretung, dann „krm record“

## list
cmd-list-unknown-status = unbekannter Status { $given } (gültig: { $valid })
cmd-list-unknown-unit = unbekannte Einheit { $given } (Einheiten dieses Registers: { $valid })
cmd-list-none = keine Fälle gefunden

## explain
cmd-explain-stored = Heute gerechnet wäre es der { $today }; es gilt die bei Erfassung bzw. Versand festgelegte Frist { $stored } (Schließtage wurden seither geändert)
cmd-explain-policy-missing = die Richtlinie { $id } fehlt im Register
cmd-explain-no-deadline = keine Frist: { $why }
cmd-explain-not-fixed = bei Erfassung nicht festgelegt (Registerstand vor den Geltungsregeln)
cmd-explain-promise = { $what } vom { $sent } sagt eine Antwort bis { $promised } zu; dieses Datum wird nun beobachtet
cmd-explain-policy = { $label } (Version { $id }, gültig ab { $from }): Eingangsbestätigung { $ack }, Antwort { $answer } { $answer_from }
cmd-explain-head = { $krm_no }: { $kind }, eingegangen am { $received }
cmd-explain-policy-line = Richtlinie: { $policy }
cmd-explain-calendar = Feiertage: { $state }; Schließtage des Amtes: { $closures }
cmd-explain-title = Fristen
    .ack = Eingangsbestätigung
    .answer = Antwort
    .promised = Zusage
cmd-explain-none = { $title }: keine Frist
cmd-explain-due = { $title }: fällig { $due }
cmd-explain-done = erledigt am { $on } ({ $verdict })

## policy
cmd-policy-nothing = nichts zu ändern: geben Sie --preset, --ack, --answer, --answer-from, --ack-types, --ack-forms, --answer-types, --answer-forms, --retention-years, --retention-mode, --archive-years oder --state an
cmd-policy-set = Version { $id } der Richtlinie gilt für Fälle, die ab dem { $from } eingehen; frühere Fälle behalten ihre Fristen
cmd-policy-bad-period = { $flag } { $given } ist keine Frist (erwartet: TAGE und Kalendertage oder Arbeitstage, z. B. „3 Arbeitstage“ oder „14 Kalendertage“; 1 bis 365 Tage)
cmd-policy-scope-empty = { $flag }: geben Sie Schlüssel ({ $valid }) oder „alle“ an
cmd-policy-bad-answer-from = --answer-from { $given }: gültig sind received (ab Eingang) und ack_sent (ab Versand der Eingangsbestätigung)
cmd-policy-bad-retention-mode = --retention-mode { $given }: gültig sind delete (löschen) und anonymize (pseudonymisieren, nach der Archivfrist anonymisieren)
cmd-policy-bad-state = --state { $given }: gültig sind { $valid }
cmd-policy-bad-retention-years = --retention-years { $years }: geben Sie 1 bis 100 Jahre an
cmd-policy-working-days = { $days ->
    [one] 1 Arbeitstag
   *[other] { $days } Arbeitstage
}
cmd-policy-calendar-days = { $days ->
    [one] 1 Kalendertag
   *[other] { $days } Kalendertage
}
cmd-policy-from-received = ab Eingang
cmd-policy-from-ack = ab Versand der Eingangsbestätigung
cmd-policy-row = Zeilen der Richtlinie
    .policy = Richtlinie
    .ack = Eingangsbestätigung
    .applies = {"  "}gilt für
    .answer = Antwort
    .time-frame = Zeitrahmen
    .supervisory = Dienstaufsicht
    .retention = Aufbewahrung
    .archive = Archivfrist
    .holidays = Feiertage
cmd-policy-version = { $label } (Version { $id }, gültig ab { $from })
cmd-policy-time-frame-informs = in der Eingangsbestätigung, nach der Antwortfrist: gilt als Zwischennachricht
cmd-policy-time-frame-not = in der Eingangsbestätigung: ersetzt keine Zwischennachricht
cmd-policy-supervisory-decides = die Geschäftsführung entscheidet, ob eine DAB vorliegt (bis dahin: Entscheidung offen)
cmd-policy-supervisory-as-recorded = ohne Entscheidungsschritt: wie erfasst
cmd-policy-retention = { $years ->
    [one] 1 Jahr
   *[other] { $years } Jahre
} nach Abschluss, dann { $mode }
cmd-policy-archive = { $years ->
    [one] 1 Jahr
   *[other] { $years } Jahre
} nach Abschluss anonymisiert (ohne KRM-Nummer, nur noch in den Monats- und Jahreszahlen); bis dahin pseudonymisiert ab { $retention ->
    [one] 1 Jahr
   *[other] { $retention } Jahren
} (KRM-Nummer bleibt für das Archiv)
cmd-policy-archive-unused = nicht genutzt (Fälle werden gelöscht)
cmd-policy-versions = Versionen
cmd-policy-years = { $years } J.
cmd-policy-col = Spalten der Versionen
    .id = Nr.
    .from = gültig ab
    .ack = Bestätigung
    .answer = Antwort
    .retention = Aufbew.
    .state = Land

## respond
cmd-respond-unknown-channel = unbekannter Versandweg { $given } (gültig: { $valid })
cmd-respond-flag-not-for = { $flag } passt nicht zu --kind { $kind }
cmd-respond-no-contact = Hinweis: kein --contact angegeben; nach HRO 3.5.1 nennt die Eingangsbestätigung eine Ansprechperson
cmd-respond-ack-done = { $krm_no }: Eingangsbestätigung eingetragen
cmd-respond-interim-needs-expected = eine Zwischennachricht braucht --expected DATUM: den Tag, bis zu dem dem Kunden nun eine Antwort zugesagt ist
cmd-respond-interim-done = { $krm_no }: Zwischennachricht eingetragen; die Antwort ist nun bis zum { $expected } zugesagt und wird daran gemessen
cmd-respond-answer-done = { $krm_no }: Antwort eingetragen
cmd-respond-signer-unknown = --signed-by { $name }: Antworten unterschreibt die Geschäftsführung, und { $name } ist kein Benutzer dieses Registers
cmd-respond-signer-role = --signed-by { $name }: Antworten unterschreibt die Geschäftsführung, und { $name } hat die Rolle { $role }
cmd-respond-needs-signature = { $krm_no } ist eine Dienstaufsichtsbeschwerde: ihre Antwort unterschreibt die Geschäftsführung (BS 5.3); geben Sie --signed-by NAME eines Benutzers der Geschäftsführung an
cmd-respond-outcome-not-concern = --outcome { $given }: { $code } ist kein Anliegen von { $krm_no } (seine Anliegen: { $concerns })
cmd-respond-outcome-unnamed = --outcome { $given }: bei mehreren --outcome nennen Sie zu jedem das Anliegen: CODE=ERGEBNIS
cmd-respond-outcome-missing = die Antwort auf { $krm_no } braucht ein Ergebnis für jedes Anliegen; es fehlt: { $missing } (--outcome CODE=ERGEBNIS, oder ein --outcome ERGEBNIS für alle; Ergebnisse: { $outcomes })

## show
cmd-show-as-of-future = --as-of { $day }: dieser Tag ist noch nicht gekommen (heute ist der { $today })
cmd-show-as-of-before = --as-of { $day }: { $krm_no } ist erst am { $received } eingegangen

## user
cmd-user-name = der Benutzername
cmd-user-added = { $name } ist als { $role } hinzugefügt
cmd-user-col = Spalten der Benutzerliste
    .name = Name
    .role = Rolle
    .login = Konto
    .units = Einheiten
    .since = seit
    .until = bis

## show and list (render/case.rs)
cmd-case-claimed-pending = (vom Kunden so bezeichnet; Entscheidung der GF offen)
cmd-case-claimed-as = (vom Kunden bezeichnet als { $label })
cmd-case-claimed-as-pending = (vom Kunden bezeichnet als { $label }; Entscheidung der GF offen)
cmd-case-status = { $status }, Stufe { $level } ({ $label })
cmd-case-answer-due-estimated = { $due } (vorläufig, bis zur Eingangsbestätigung)
cmd-case-unassigned = nicht zugewiesen
cmd-case-classified = { $label } am { $on } ({ $by })
cmd-case-hold = seit { $since }: { $reason } ({ $by }) — wird nicht gelöscht
cmd-case-field = Felder eines Falls
    .krm-no = KRM-Nr.
    .type = Art der Reaktion
    .status = Status
    .received = Eingangsdatum
    .form = Form
    .group = Kundengruppe
    .intake = Eingang bei
    .unit = Org.-Einheit
    .assignee = Zuständig
    .ack-due = Eingangsbest. fällig
    .ack-on = Eingangsbest. am
    .answer-due = Antwort fällig
    .promised = Zugesagt bis
    .answer-on = Antwort am
    .as-of = Stand am
    .ack-verdict = Eingangsbest. Stand
    .answer-verdict = Antwort Stand
    .promise-verdict = Zusage Stand
    .closed-on = Abgeschlossen am
    .flags = Kennzeichen
    .classified = Entscheidung GF
    .hold = Sperrvermerk
    .follows = Folgt auf
    .followed-by = Folgereaktionen
    .measures = Gegenmaßnahmen
    .letters = Briefe
    .recorded-by = Erfasst von
    .summary = Inhalt
cmd-case-concerns = Anliegen
cmd-case-concern-col = Spalten der Anliegen
    .code = Code
    .category = Kategorie
    .outcome = Ergebnis
cmd-case-customer = Kunde
cmd-case-customer-field = Felder der Kundendaten
    .salutation = Anrede
    .title = Titel
    .first-name = Vorname
    .name-prefix = Vorsatzwort
    .last-name = Familienname
    .street = Straße
    .po-box = Postfach
    .postcode = PLZ
    .city = Ort
    .email = E-Mail
    .phone = Telefon
    .fax = Telefax
cmd-case-history = Verlauf
cmd-case-history-col = Spalten des Verlaufs
    .date = Datum
    .who = Wer
    .what = Was
    .detail = Einzelheiten
cmd-case-short-type = Kurznamen der Arten
    .beschwerde = Beschwerde
    .dienstaufsicht = DAB
    .fachaufsicht = FAB
    .lob = Lob
    .anregung = Anregung
    .folgereaktion = Folge
    .petition = Petition
    .eingabe = Eingabe
cmd-case-list-col = Spalten der Fallliste
    .krm-no = KRM-Nr.
    .received = Eingang
    .type = Art
    .unit = Einheit
    .status = Status
    .due = Frist
    .level = Stufe
    .concerns = Anliegen

## demo
cmd-demo-db-exists = { $path } gibt es schon; „krm demo“ schreibt nur eine neue Datei (ohne --db nimmt es das Demo-Register)
cmd-demo-not-a-demo = { $path } gibt es schon, und es ist kein Demo-Register; krm lässt es unberührt
cmd-demo-invalid = ungültiger Demo-Fall
cmd-demo-title = krm demo — ein erfundenes Register des Hanse-Jobcenters Rostock, Stand { $today }
cmd-demo-cases = { $count ->
    [one] 1 Fall
   *[other] { $count } Fälle
} in { $path }
cmd-demo-due = == Was heute zu tun ist (krm due) ==
cmd-demo-case = == Ein Fall (krm show { $krm_no }) ==
cmd-demo-month = == Dieser Monat bisher ({ $from } bis { $to }) ==
cmd-demo-measures = == Gegenmaßnahmen (krm measure list) ==
cmd-demo-try = Probieren Sie es selbst mit dem Demo-Register:
cmd-demo-record = (fragt wie Anlage 3)
cmd-demo-real = Ein echtes Register beginnt mit „krm init“.
cmd-demo-col = Spalten der Monatszahlen
    .type = Art der Reaktion
    .cases = Fälle
    .area = Anliegen nach Bereich
    .count = Anzahl
cmd-demo-received = { $count ->
    [one] 1 Fall eingegangen
   *[other] { $count } Fälle eingegangen
}, davon { $open } noch offen
cmd-demo-acks = { $in_time } von { $count ->
    [one] 1 Eingangsbestätigung
   *[other] { $count } Eingangsbestätigungen
} rechtzeitig verschickt
cmd-demo-log = Demo-Register mit erfundenen Fällen
cmd-user-role = Rollen
    .officer = KRM-Beauftragte/r
    .deputy = Vertretung
    .teamlead = Teamleitung
    .arealead = Bereichsleitung
    .management = Geschäftsführung
    .analyst = Auswertung
    .service = Dienstkonto (cron)
    .dpo = Datenschutzbeauftragte/r

## policy privacy
cmd-privacy-unchanged = nichts geändert: die Einstellungen haben schon diese Werte
cmd-privacy-set = { $setting }: { $old } → { $new }
cmd-privacy-col = Einstellung
    .setting = Einstellung
    .value = Wert
    .default = Standard
    .flag = Option

## user (retire, role, units, login) and init (login)
cmd-user-no-login-yet = { $name } hat noch kein Konto; in diesem gemeinsamen Register handelt { $name } erst nach „krm user login { $name } ANMELDENAME“
cmd-user-retired = { $name } ist ab heute kein Benutzer mehr; die Historie behält den Namen
cmd-user-role-set = { $name } hat jetzt die Rolle { $role }
cmd-user-units-set = Einheiten von { $name }: { $units }
cmd-user-login-set = { $name } handelt im gemeinsamen Register als Konto { $login }
cmd-user-already-retired = { $name } ist seit dem { $day } kein Benutzer mehr und wird nicht mehr geändert
cmd-user-unknown-unit = unbekannte Einheit { $unit } (bekannt: { $known }); eine Einheit entsteht mit dem ersten Fall, der sie nennt
cmd-init-admin-only = das gemeinsame Register legt nur root oder ein Mitglied seiner Gruppe an (die Administration)
cmd-init-login = { $officer } handelt im gemeinsamen Register als Konto { $login }
cmd-init-no-login = { $officer } hat noch kein Konto; root ordnet es zu: „krm --user { $officer } user login { $officer } ANMELDENAME“

## krm edit
cmd-edit-reason-empty = --reason ist leer: sagen Sie, warum korrigiert wird (z. B. „Tippfehler beim Erfassen“, „Anschrift laut Kunde geändert“)
cmd-edit-done = { $krm_no } korrigiert: { $fields }
cmd-edit-journal-kept = die Korrektur ist gespeichert, aber ein anderes krm las noch im Register, daher enthält das Journal (-wal) noch die alten Werte; führen Sie „krm purge“ aus, um es zu leeren

## krm remove
cmd-remove-needs-yes = { $krm_no } wird nur mit --yes ausgetragen, wo krm nicht nachfragen kann: das Austragen löscht den Fall mit allen Daten endgültig
cmd-remove-confirm = Fall { $krm_no } ({ $reason }) mit allen Daten endgültig austragen? Das lässt sich nicht rückgängig machen.
cmd-remove-not-confirmed = { $krm_no } wurde nicht ausgetragen
cmd-remove-done = { $krm_no } ausgetragen ({ $reason }): mit allen Daten gelöscht, { $wiped } von { $pages } Seiten gesäubert; die Nummer wird nicht wieder vergeben
cmd-remove-journal-kept = der Fall ist ausgetragen, aber ein anderes krm las noch im Register, daher enthält das Journal (-wal) noch die alten Seiten; führen Sie „krm purge“ aus, um es zu leeren
