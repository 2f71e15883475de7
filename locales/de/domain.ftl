# Texte der Fachlogik (src/domain): Prüfungen, Ablehnungen, Fristen, Verlauf.

## Freitext (text.rs)
domain-text-control = { $field } enthält das Steuerzeichen { $code } an Position { $at }; bitte entfernen
domain-text-invisible = { $field } enthält das unsichtbare Formatierungszeichen { $code } an Position { $at }; bitte entfernen
domain-text-too-long = { $field } ist { $count } Zeichen lang; erlaubt { $max ->
    [one] ist höchstens ein Zeichen
   *[other] sind höchstens { $max } Zeichen
}
domain-text-cut = { $head }… ({ $count } Zeichen)
domain-text-quote-cut = '{ $head }…' ({ $count } Zeichen)
domain-login-empty = { $field } ist leer; bitte einen Anmeldenamen angeben
domain-login-spaces = { $field } { $name } enthält Leerzeichen; bitte den Anmeldenamen angeben

## Fall (case.rs)
domain-status-open = offen
domain-status-acknowledged = bestätigt
domain-status-answered = beantwortet
domain-status-closed = abgeschlossen
domain-message-ack = Eingangsbestätigung
domain-message-interim = Zwischennachricht
domain-message-answer = Antwort
domain-flag-offensive = beleidigende Form
domain-flag-repeated = Mehrfachbeschwerde
domain-flag-unsubstantiated = ohne Substanz

## Daten, Zeiträume, Nummern (dates.rs, period.rs, case_no.rs)
domain-date-beyond-register = { $what } fiele auf den { $day }, nach dem { $last } — dem letzten Tag, den ein Register aufnehmen kann
domain-period-not-a-month = { $value } ist kein Monat (erwartet JJJJ-MM, z. B. 2026-03, MM.JJJJ, z. B. 03.2026, oder März 2026)
domain-period-not-a-year = { $value } ist kein Jahr (erwartet JJJJ, z. B. 2026)
domain-period-month = { $month ->
    [1] Januar
    [2] Februar
    [3] März
    [4] April
    [5] Mai
    [6] Juni
    [7] Juli
    [8] August
    [9] September
    [10] Oktober
    [11] November
   *[12] Dezember
} { $year }
domain-case-no-year-full = das Jahr { $year } hat schon 999.999 Fälle (mehr kann ein Jahr nicht haben)
domain-case-no-invalid = { $value } ist keine KRM-Nummer (erwartet JJJJ-NNNN, z. B. 2026-0042)

## Eskalationsstufen (workflow.rs)
domain-level-team = Team
domain-level-teamleitung = Teamleitung
domain-level-bereichsleitung = Bereichsleitung
domain-level-geschaeftsfuehrung = Geschäftsführung
domain-level-invalid = { $value } ist keine Stufe (1 Team, 2 Teamleitung, 3 Bereichsleitung, 4 Geschäftsführung)

## Schritte eines Falls und ihre Ablehnungen (workflow.rs)
# Was datiert wird (Nominativ) und wovor es nicht liegen darf (Dativ).
domain-step-ack = die Eingangsbestätigung
domain-step-interim = die Zwischennachricht
domain-step-answer = die Antwort
domain-step-close = der Abschluss
domain-step-after-receipt = dem Eingang
domain-step-after-ack = der Eingangsbestätigung
domain-step-after-interim = der Zwischennachricht
domain-step-after-answer = der Antwort
domain-step-after-reopening = der Wiedereröffnung
domain-refuse-anonymised = { $no } wurde am { $on } pseudonymisiert, als seine Aufbewahrungsfrist ablief; der Fall kann nicht mehr geändert werden (SPEC §6)
domain-refuse-closed = { $no } wurde am { $on } abgeschlossen; zuerst 'krm reopen { $no }'
domain-refuse-before = { $what } von { $no } am { $on } läge vor { $floor } am { $floor_on }
domain-refuse-future = { $what } von { $no } am { $on } liegt in der Zukunft (heute ist der { $today })
domain-refuse-acknowledged = { $no } hat schon am { $on } eine Eingangsbestätigung erhalten
domain-refuse-expected-before-ack = --expected { $expected } liegt vor der Eingangsbestätigung ({ $on })
domain-refuse-interim-after-answer = { $no } wurde am { $on } beantwortet; eine Zwischennachricht kommt vor der Antwort
domain-refuse-expected-after-interim = --expected { $expected } muss nach der Zwischennachricht ({ $on }) liegen: es ist der neue Termin, der dem Kunden zugesagt wird
domain-refuse-answered = { $no } wurde schon am { $on } beantwortet
domain-refuse-outcome-not-a-concern = --outcome { $code }: { $code } ist kein Anliegen von { $no }
domain-refuse-close-answered = { $no } wurde am { $on } beantwortet; bitte ohne --without-answer abschließen
domain-refuse-close-unanswered = { $no } hat noch keine Antwort: erfassen Sie sie mit 'krm respond { $no } --kind answer' oder schließen Sie mit --without-answer --reason TEXT ab
domain-refuse-not-closed = { $no } ist nicht abgeschlossen (Status { $status })
domain-refuse-assign-unknown = --to { $name }: kein Benutzer dieses Registers (anlegen mit 'krm user add { $name } --role teamlead')
domain-refuse-assign-analyst = --to { $name }: die Rolle analyst (Auswertung) kann keine Fälle bearbeiten
domain-refuse-assign-service = --to { $name }: die Rolle service (Dienstkonto für cron) kann keine Fälle bearbeiten
domain-refuse-assigned = { $no } ist bereits so zugewiesen; nichts zu ändern
domain-refuse-assigned-to = { $no } ist bereits { $name } zugewiesen; nichts zu ändern
domain-refuse-assigned-in = { $no } liegt bereits bei der Organisationseinheit { $unit }; nichts zu ändern
domain-refuse-assigned-to-in = { $no } ist bereits { $name } in der Organisationseinheit { $unit } zugewiesen; nichts zu ändern
domain-refuse-top-level = { $no } ist bereits auf Stufe 4 ({ $top }), der obersten Stufe
domain-refuse-level-off-ladder = --to { $to }: es gibt die Stufen 1 bis 4
domain-refuse-level-down = { $no } ist auf Stufe { $level } ({ $name }); eskaliert wird nur nach oben, auf Stufe { $next } oder höher
domain-refuse-appointment-missing = Stufe 4 ist ein Termin bei der Geschäftsführung (HRO 3.7): bitte dessen Datum mit --appointment DATUM angeben
domain-refuse-appointment-not-top = --appointment gibt es nur für Stufe 4 (einen Termin bei der Geschäftsführung)
domain-refuse-classified = { $no } wurde am { $on } von { $by } eingestuft; die Entscheidung steht
domain-refuse-nothing-to-classify = { $no } ist als { $kind } erfasst und wurde nie als Dienstaufsichtsbeschwerde bezeichnet: es gibt nichts einzustufen
domain-refuse-flag-unknown = unbekanntes Kennzeichen { $flag } (gültig: { $valid })
domain-refuse-flag-set = { $no } ist bereits gekennzeichnet: { $flag }
domain-refuse-flag-not-set = { $no } ist nicht gekennzeichnet: { $flag }
domain-refuse-held = { $no } ist seit dem { $since } gesperrt ({ $reason }); zuerst 'krm release { $no }'
domain-refuse-not-held = { $no } ist nicht gesperrt
domain-refuse-follows-unknown = --follows { $no }: kein solcher Fall in diesem Register
domain-refuse-follows-later = --follows { $no }: der genannte Fall ist am { $earlier } eingegangen, nach diesem ({ $received }); bitte die Nummer prüfen
domain-refuse-user-exists = { $name } ist bereits Benutzer dieses Registers (siehe 'krm user list')

## Verlauf und Prüfprotokoll (timeline.rs)
domain-event-record = erfasst
domain-event-ack = Eingangsbestätigung
domain-event-interim = Zwischennachricht
domain-event-answer = Antwort
domain-event-close = abgeschlossen
domain-event-reopen = wieder geöffnet
domain-event-classify = eingestuft
domain-event-assign = zugewiesen
domain-event-unit = Organisationseinheit
domain-event-escalate = eskaliert
domain-event-hold = Sperre
domain-event-release = Sperre aufgehoben
domain-event-flag = gekennzeichnet
domain-event-unflag = Kennzeichen entfernt
domain-event-deadline = Fristen verschoben
domain-history-received = eingegangen am { $day }
domain-history-unit = Organisationseinheit { $unit }
domain-history-sent = versandt am { $day }
domain-history-promised = Antwort zugesagt bis { $day }
domain-history-contact = Ansprechperson { $name }
domain-history-author = verfasst von { $name }
domain-history-signer = gezeichnet von { $name }
domain-history-outcomes = Ergebnisse { $outcomes }
domain-history-closed = abgeschlossen am { $day }
domain-history-closed-without-answer = abgeschlossen am { $day } ohne Antwort
domain-history-reopened = wieder geöffnet am { $day }
domain-history-level = Stufe { $level }
domain-history-level-named = Stufe { $level } ({ $name })
domain-history-appointment = Termin bei der Geschäftsführung am { $day }
domain-history-assigned = an { $name }
domain-history-recorded-later = nachgetragen am { $day }
domain-decision-pending = Entscheidung der GF offen

## Auswahllisten und Kategorien (taxonomy.rs)
domain-field-type = Art der Reaktion
domain-field-form = Form der Reaktion
domain-field-group = Kundengruppe
domain-field-intake = Eingangsstelle
domain-field-salutation = Anrede
domain-field-outcome = Ergebnis
# $gender: das grammatische Geschlecht von $field (feminine, neuter).
domain-reference-unknown = { $gender ->
    [neuter] unbekanntes
   *[feminine] unbekannte
} { $field } { $value } (gültig: { $valid })
domain-reference-retired = { $field } { $value } ({ $label }) wird für neue Fälle nicht mehr vergeben (gültig: { $valid })
domain-category-unknown = unbekannte Kategorie { $code } (die Codes zeigt 'krm categories', z. B. 1.2.1 oder 4.2)
domain-category-retired = Kategorie { $code } ({ $path }) wird für neue Fälle nicht mehr vergeben
domain-category-see-list = siehe 'krm categories'
domain-category-is-area = { $code } ist der Bereich { $label }, keine Kategorie; bitte eine seiner Kategorien angeben ({ $range })
domain-category-is-sub-area = { $code } ist der Teilbereich { $label }, keine Kategorie; bitte eine seiner Kategorien angeben ({ $range })

## Fälligkeiten (due.rs)
domain-due-ack = Eingangsbestätigung
domain-due-interim = Zwischennachricht
domain-due-promised = zugesagte Antwort
domain-due-answer = Antwort

## Rollen (role.rs)
domain-role-own-cases = { $role } (eigene Fälle)
# Trenner zwischen den Rollen: „officer oder deputy“.
domain-role-or = {" "}oder{" "}
domain-role-unknown = unbekannte Rolle { $role } (gültig: { $valid })

## Registerdatei (register_file.rs)
domain-register-directory = { $path } ist ein Verzeichnis, keine Registerdatei
domain-register-foreign = { $path } ist eine SQLite-Datei, aber kein krm-Register (application_id { $id }); nichts wurde geändert
domain-register-exists = { $path } gibt es schon; 'krm init' verändert nie eine vorhandene Datei (bitte ein anderes --db wählen)
domain-register-not-utf8 = { $path } ist kein UTF-8-Pfad

## Rechtsbehelfe (refusal.rs)
domain-legal-remedy = { $given } ist ein förmlicher Rechtsbehelf ({ $remedy }) und wird im KRM nicht erfasst (HRO 3.1.6, BS 5.1): bitte noch am selben Tag an die Widerspruchsstelle weitergeben (eine Klage an die Rechtsbehelfsstelle bzw. das Sozialgerichtsteam). Beschwert sich der Kunde außerdem über seine Behandlung, diese Beschwerde gesondert erfassen (--type beschwerde)

## Urteile über Fristen (judgement.rs, compliance.rs)
domain-verdict-met = rechtzeitig
domain-verdict-late = verspätet
domain-verdict-late-after-interim = verspätet, nach rechtzeitiger Zwischennachricht
domain-verdict-running = Frist läuft
domain-verdict-overdue = überfällig
domain-verdict-overdue-after-interim = überfällig, nach rechtzeitiger Zwischennachricht
domain-verdict-closed-without-answer = abgeschlossen ohne Antwort
domain-verdict-estimate = vorläufig (Frist beginnt mit der Eingangsbestätigung)
domain-verdict-none = keine Frist
domain-reason = { $what }: { $verdict }
domain-reason-sent = { $what }: fällig { $due }, versandt am { $sent }: { $verdict }
domain-reason-not-sent = { $what }: fällig { $due }, nicht versandt: { $verdict }
domain-reason-promise = Zugesagter Termin { $on }: { $verdict }
domain-promise-kept = gehalten
domain-promise-broken = nicht gehalten
domain-promise-running = läuft
domain-promise-superseded = entfallen (neuer Termin oder Abschluss ohne Antwort)
domain-ack-status-on-time = Eingangsbestätigung rechtzeitig
domain-ack-status-late = Eingangsbestätigung verspätet
domain-ack-status-open-overdue = Eingangsbestätigung offen, Frist überschritten
domain-ack-status-pending = Eingangsbestätigung offen, Frist läuft
domain-ack-status-no-deadline = Eingangsbestätigung ohne Frist (gilt nicht für diesen Fall)
domain-answer-status-on-time = Antwort rechtzeitig
domain-answer-status-late-with-interim = Antwort verspätet, mit rechtzeitiger Zwischennachricht
domain-answer-status-late-without-interim = Antwort verspätet, ohne rechtzeitige Zwischennachricht
domain-answer-status-open-overdue-with-interim = Antwort ausgeblieben, mit rechtzeitiger Zwischennachricht
domain-answer-status-open-overdue = Antwort ausgeblieben, ohne rechtzeitige Zwischennachricht
domain-answer-status-pending = Antwort offen, Frist läuft
domain-answer-status-closed-without-answer = abgeschlossen ohne Antwort
domain-answer-status-no-deadline = Antwort ohne Frist (gilt nicht für diesen Fall)

## Fristen und ihre Herleitung (deadlines.rs)
domain-retention-delete = löschen
domain-retention-anonymize = pseudonymisieren, nach der Archivfrist anonymisieren
domain-archive-before-retention = Archivfrist { $archive } Jahre: geben Sie 1 bis 100 Jahre an, nicht weniger als die Aufbewahrung ({ $retention } Jahre), denn ein Fall wird erst pseudonymisiert und dann anonymisiert
domain-scope-all-types = alle Arten
domain-scope-all-forms = alle Formen
domain-not-applicable-separate = Petitionen und Eingaben folgen ihrem förmlichen Verfahren, ohne KRM-Frist
domain-not-applicable-anonymous = ohne Anschrift, E-Mail, Telefon oder Fax des Kunden (anonym) kann nichts versandt werden
domain-not-applicable-type = die Frist der Dienstanweisung gilt nicht für die Art { $kind }
domain-not-applicable-form = die Frist der Dienstanweisung gilt nicht für die Form { $form }
domain-policy-none-in-force = am { $day } gilt keine Fristenrichtlinie (siehe 'krm policy show')
domain-policy-from-past = --from { $day } liegt in der Vergangenheit: eine Richtlinie gilt ab heute oder später, damit schon eingegangene Fälle ihre Fristen behalten
domain-policy-preset-unknown = unbekannte Vorlage { $preset } (gültig: { $valid })
domain-closure-exists = der { $day } ist bereits ein Schließtag ({ $reason })
domain-day-saturday = Samstag
domain-day-sunday = Sonntag
domain-day-holiday = Feiertag { $name }
domain-day-closure = Schließtag ({ $reason })
domain-day-shown = { $weekday ->
    [1] Mo
    [2] Di
    [3] Mi
    [4] Do
    [5] Fr
    [6] Sa
   *[7] So
} { $day }
domain-step-calendar = { $from } + { $days ->
    [one] 1 Kalendertag
   *[other] { $days } Kalendertage
} = { $end } (der Tag selbst wird nicht mitgezählt, § 187 BGB)
domain-step-moved = { $day } ist { $why } → verschoben auf { $next } (§ 193 BGB, § 26 Abs. 3 SGB X)
domain-step-working = { $days ->
    [one] 1 Arbeitstag
   *[other] { $days } Arbeitstage
} ab { $from } (der Tag selbst wird nicht mitgezählt)
domain-step-day-off = { $day }: kein Arbeitstag ({ $why })
domain-step-working-day = { $day }: Arbeitstag { $n }
domain-answer-from-receipt = Antwortfrist ab Eingang
domain-answer-from-ack-sent = Antwortfrist ab Versand der Eingangsbestätigung am { $day }
domain-answer-from-ack-due = Antwortfrist ab Frist der Eingangsbestätigung ({ $day }), solange keine versandt ist

## settings
domain-setting-out-of-range = { $flag } { $given }: erlaubt sind { $lo } bis { $hi }
domain-setting = Einstellung
    .access_log_days = Zugriffsprotokoll aufbewahren (Tage)
    .min_unit_cases = Mindestzahl Fälle je Einheit für Zahlen zum Personal
    .audit_years = Registerverlauf, Löschprotokoll und Namen ausgeschiedener Benutzer aufbewahren (Jahre)
    .measure_years = Gegenmaßnahmen nach ihrer Bewertung oder Einstellung aufbewahren (Jahre)

## identity
domain-identity-no-account = das Betriebssystem kennt kein Konto für die Person, die krm gestartet hat; in einem gemeinsamen Register handelt nur ein bekanntes Konto
domain-identity-user-refused = --user / KRM_USER { $user }: in einem gemeinsamen Register handelt das Konto, mit dem Sie angemeldet sind (hier: { $acting }); nur root darf einen anderen Benutzer nennen
domain-identity-today-refused = --today / KRM_TODAY { $today }: in einem gemeinsamen Register ändert krm nur am Tag der Systemuhr ({ $clock }); lassen Sie --today weg (lesende Befehle dürfen es nehmen, ein set-group-id-krm nie)
domain-identity-officer-only = nur die oder der KRM-Beauftragte (officer) legt KRM-Beauftragte und Vertretungen an oder ändert sie; Ihre Rolle ist { $role }
domain-identity-last-officer = { $name } ist die einzige aktive Person mit der Rolle officer (KRM-Beauftragte/r), und ein Register braucht eine; geben Sie zuerst einer anderen Person diese Rolle („krm user role NAME officer“)

## Korrekturen (krm edit, domain::correction)
domain-event-correct = korrigiert
domain-history-corrected-fact = { $field } korrigiert: { $old } → { $new }
domain-history-corrected-field = { $field } korrigiert (der alte Wert wird nicht aufbewahrt)
domain-history-reason = Grund: { $reason }
domain-correct-nothing = Fall { $no }: nichts zu korrigieren — jede Angabe ist schon so erfasst; bitte mindestens eine Angabe mit neuem Wert nennen (z. B. --last-name, --received, --concern)
domain-correct-classified = Fall { $no }: Die Art hat die Geschäftsführung ({ $by }) am { $on } entschieden (krm classify); die erfasste Art kann danach nicht mehr korrigiert werden, die Entscheidung gilt
domain-correct-follow-up = Fall { $no }: Eine Folgereaktion ist es durch ihre Verknüpfung mit dem früheren Fall (krm record --follows); diese Art kann durch eine Korrektur weder entstehen noch entfallen — den Fall austragen (krm remove) und richtig neu erfassen
domain-correct-year = --received { $day }: Fall { $no } ist { $year } eingegangen, und die Jahreszahl ist Teil seiner KRM-Nummer, die auf den Schreiben an den Kunden steht; ein Eingang in einem anderen Jahr ist keine Korrektur — den Fall austragen (krm remove --reason irrtum) und neu erfassen
domain-correct-after-event = --received { $day }: Fall { $no } kann nicht danach eingegangen sein — { $what } ist schon am { $on } eingetragen
domain-correct-before-followed = --received { $day }: Fall { $no } folgt Fall { $follows }, der erst am { $on } eingegangen ist
domain-correct-after-follower = --received { $day }: Fall { $follower } folgt Fall { $no } und ist schon am { $on } eingegangen
domain-correct-moved = --unit: Fall { $no } wurde schon an { $unit } abgegeben (krm assign --unit); die Einheit bei Eingang ist nur zu korrigieren, solange der Fall nicht abgegeben wurde
domain-corrected-type = Art der Reaktion
domain-corrected-claimed-type = Art laut Kunde
domain-corrected-form = Form
domain-corrected-group = Kundengruppe
domain-corrected-intake = Eingang bei
domain-corrected-received = Eingangsdatum
domain-corrected-unit = Organisationseinheit
domain-corrected-concern = Anliegen
domain-corrected-ack-due = Frist der Eingangsbestätigung
domain-corrected-answer-due = Antwortfrist
domain-corrected-summary = Zusammenfassung
domain-corrected-salutation = Anrede
domain-corrected-title = Titel
domain-corrected-first-name = Vorname
domain-corrected-name-prefix = Namenszusatz
domain-corrected-last-name = Nachname
domain-corrected-street = Straße
domain-corrected-po-box = Postfach
domain-corrected-postcode = Postleitzahl
domain-corrected-city = Ort
domain-corrected-email = E-Mail
domain-corrected-phone = Telefon
domain-corrected-fax = Fax

## Austragung (krm remove, domain::removal)
domain-removal-mistake = Irrtum
domain-removal-erasure = Löschverlangen
domain-remove-held = Fall { $no } hat seit { $since } einen Sperrvermerk (krm hold) und wird nicht ausgetragen; erst den Sperrvermerk aufheben (krm release { $no }), wenn er nicht mehr nötig ist
