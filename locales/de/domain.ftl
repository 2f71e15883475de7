# Texte der Fachlogik (src/domain): Prüfungen, Ablehnungen, Fristen, Verlauf.

## Freitext (text.rs)
domain-text-control = { $field } enthält das Steuerzeichen { $code } an Stelle { $at }; bitte entfernen
domain-text-invisible = { $field } enthält das unsichtbare Formatierungszeichen { $code } an Stelle { $at }; bitte entfernen
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
domain-period-not-a-month = { $value } ist kein Monat (erwartet JJJJ-MM, z. B. 2026-03, oder MM.JJJJ, z. B. 03.2026)
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
domain-refuse-anonymised = { $no } wurde am { $on } anonymisiert, als seine Aufbewahrungsfrist ablief; der Fall kann nicht mehr geändert werden (SPEC §6)
domain-refuse-closed = { $no } wurde am { $on } abgeschlossen; zuerst 'krm reopen { $no }'
domain-refuse-before = { $what } von { $no } am { $on } läge vor { $floor } am { $floor_on }
domain-refuse-future = { $what } von { $no } am { $on } liegt in der Zukunft (heute ist der { $today })
domain-refuse-acknowledged = { $no } hat schon am { $on } eine Eingangsbestätigung erhalten
domain-refuse-expected-before-ack = --expected { $expected } liegt vor der Eingangsbestätigung ({ $on })
domain-refuse-interim-after-answer = { $no } wurde am { $on } beantwortet; eine Zwischennachricht kommt vor der Antwort
domain-refuse-expected-after-interim = --expected { $expected } muss nach der Zwischennachricht ({ $on }) liegen: es ist der neue Termin, der dem Kunden zugesagt wird
domain-refuse-answered = { $no } wurde schon am { $on } beantwortet
domain-refuse-outcome-not-a-concern = --outcome { $code }: { $code } ist kein Anliegen von { $no }
domain-refuse-close-answered = { $no } wurde am { $on } beantwortet; ohne --without-answer abschließen
domain-refuse-close-unanswered = { $no } hat noch keine Antwort: erfassen Sie sie mit 'krm respond { $no } --kind answer' oder schließen Sie mit --without-answer --reason TEXT ab
domain-refuse-not-closed = { $no } ist nicht abgeschlossen (Status { $status })
domain-refuse-assign-unknown = --to { $name }: kein Benutzer dieses Registers (anlegen mit 'krm user add { $name } --role teamlead')
domain-refuse-assign-analyst = --to { $name }: eine Auswerterin oder ein Auswerter kann keine Fälle bearbeiten
domain-refuse-assigned = { $no } ist bereits so zugewiesen; nichts zu ändern
domain-refuse-assigned-to = { $no } ist bereits { $name } zugewiesen; nichts zu ändern
domain-refuse-assigned-in = { $no } liegt bereits bei der Organisationseinheit { $unit }; nichts zu ändern
domain-refuse-assigned-to-in = { $no } ist bereits { $name } in der Organisationseinheit { $unit } zugewiesen; nichts zu ändern
domain-refuse-top-level = { $no } ist bereits auf Stufe 4 ({ $top }), der obersten Stufe
domain-refuse-level-off-ladder = --to { $to }: es gibt die Stufen 1 bis 4
domain-refuse-level-down = { $no } ist auf Stufe { $level } ({ $name }); eskaliert wird nur nach oben, auf Stufe { $next } oder höher
domain-refuse-appointment-missing = Stufe 4 ist ein Termin bei der Geschäftsführung (HRO 3.7): bitte dessen Datum mit --appointment DATUM angeben
domain-refuse-appointment-before-receipt = --appointment { $day } liegt vor dem Eingang des Falls ({ $received })
domain-refuse-appointment-not-top = --appointment gibt es nur für Stufe 4 (einen Termin bei der Geschäftsführung)
domain-refuse-classified = { $no } wurde am { $on } von { $by } eingestuft; die Entscheidung steht
domain-refuse-nothing-to-classify = { $no } ist als { $kind } erfasst und niemand hat es als Dienstaufsichtsbeschwerde bezeichnet: es gibt nichts einzustufen
domain-refuse-flag-unknown = unbekannte Markierung { $flag } (gültig: { $valid })
domain-refuse-flag-set = { $no } ist bereits markiert: { $flag }
domain-refuse-flag-not-set = { $no } ist nicht markiert: { $flag }
domain-refuse-held = { $no } ist seit dem { $since } gesperrt ({ $reason }); zuerst 'krm release { $no }'
domain-refuse-not-held = { $no } ist nicht gesperrt
domain-refuse-follows-unknown = --follows { $no }: kein solcher Fall in diesem Register
domain-refuse-follows-later = --follows { $no }: dieser Fall ist am { $earlier } eingegangen, nach diesem ({ $received }); bitte die Nummer prüfen
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
domain-event-flag = markiert
domain-event-unflag = Markierung entfernt
domain-event-deadline = Fristen verschoben
domain-history-received = eingegangen am { $day }
domain-history-unit = Organisationseinheit { $unit }
domain-history-sent = versandt am { $day }
domain-history-promised = Antwort zugesagt bis { $day }
domain-history-contact = Ansprechpartner { $name }
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
