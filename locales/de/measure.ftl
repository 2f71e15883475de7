## Issue 16: Gegenmaßnahmen

measure-year-full = das Jahr { $year } hat schon 9999 Gegenmaßnahmen; eine weitere Nummer gibt es nicht
measure-no-invalid = { $value } ist keine Nummer einer Gegenmaßnahme; erwartet wird M-JJJJ-NNNN, z. B. M-2026-0001
measure-status-planned = geplant
measure-status-in_progress = in Umsetzung
measure-status-done = umgesetzt
measure-status-effective = wirksam
measure-status-not_effective = nicht wirksam
measure-status-dropped = verworfen
measure-status-unknown = { $value } ist kein Stand einer Gegenmaßnahme; möglich sind { $valid } (oder geplant, in_umsetzung, umgesetzt, wirksam, nicht_wirksam, verworfen)
measure-step-add = angelegt
measure-step-start = begonnen
measure-step-done = umgesetzt
measure-step-review = überprüft
measure-step-drop = verworfen
measure-step-owner = neue Verantwortung
measure-step-due = neue Frist
measure-step-review_on = neuer Überprüfungstermin
measure-step-link = verknüpft
measure-step-note = Vermerk
measure-step-broken = ein gespeicherter Schritt '{ $step }' dieser Gegenmaßnahme ist unvollständig; das Register wurde außerhalb von krm verändert
measure-in-future = der { $day } liegt nach heute ({ $today }): ein Schritt wird erst eingetragen, wenn er getan ist
measure-final = { $no } ist { $status }: danach ist nur noch ein Vermerk möglich ('krm measure note'); für einen neuen Anlauf eine neue Gegenmaßnahme mit --follows { $no }
measure-before = der { $day } liegt vor dem Tag, an dem die Gegenmaßnahme { $what } ({ $last })
measure-what-created = angelegt wurde
measure-what-started = begonnen wurde
measure-what-done = umgesetzt wurde
measure-what-last = zuletzt einen Schritt weiterkam
measure-not-planned = { $no } ist { $status }, nicht geplant: begonnen wird eine Gegenmaßnahme einmal
measure-done-not-started = { $no } ist noch nicht begonnen: zuerst 'krm measure start { $no }' (mit --on TAG, wenn sie früher begann)
measure-not-in-progress = { $no } ist { $status }, nicht in Umsetzung
measure-done-needs-what = --what fehlt: was wurde getan? (ohne Kundendaten)
measure-review-before-done = der Überprüfungstermin { $review } liegt vor der Umsetzung am { $done }
measure-review-not-done = { $no } ist { $status }: überprüft wird eine umgesetzte Gegenmaßnahme (zuerst 'krm measure done { $no } --what TEXT')
measure-drop-done = { $no } ist { $status }: verworfen wird nur eine geplante oder begonnene Gegenmaßnahme; eine umgesetzte wird überprüft ('krm measure review { $no } --not-effective')
measure-drop-needs-reason = --reason fehlt: warum wird die Gegenmaßnahme verworfen?
measure-same-owner = { $no } liegt schon bei { $owner }
measure-due-not-open = { $no } ist { $status }: eine Frist hat nur eine geplante oder begonnene Gegenmaßnahme
measure-due-past = die Frist { $due } liegt vor heute ({ $today }); eine Frist liegt heute oder später
measure-personal = { $field } { $value }: eine Gegenmaßnahme enthält keine Kundendaten — keine KRM-Nummer (den Fall mit --case verknüpfen), keine E-Mail-Adresse, keine Kunden-, BG- oder Telefonnummer
measure-unknown = es gibt keine Gegenmaßnahme { $no } ('krm measure list' zeigt alle)
measure-owner-unknown = --owner { $name }: keine aktive Person dieses Registers (weder Benutzer noch in der Personalliste); wer keinen Zugang hat, kommt mit 'krm staff add NAME' in die Personalliste
measure-unit-unknown = --unit { $unit }: keine Einheit dieses Registers ('krm unit list' zeigt sie)
measure-link-nothing-new = { $no } ist mit allem Genannten schon verknüpft
store-log-measure-add = Gegenmaßnahme { $no } angelegt
store-log-measure-step = Gegenmaßnahme { $no }: { $step ->
        [start] begonnen
        [done] umgesetzt
        [review] überprüft
        [drop] verworfen
        [owner] neue Verantwortung
        [due] neue Frist
        [review_on] neuer Überprüfungstermin
        [link] verknüpft
       *[other] Vermerk
    }
measure-form-no-customer-data = Eine Gegenmaßnahme enthält keine Kundendaten: keine Namen, keine KRM-Nummern (Fälle werden mit --case verknüpft), keine Adressen, Kunden- oder Telefonnummern. Titel und Vermerke beschreiben, was getan wird.
measure-ask-title = Was wird getan (Titel)
measure-ask-owner = Wer ist verantwortlich (Benutzer oder Personalliste)
measure-ask-due = Bis wann (TT.MM.JJJJ)
measure-missing = es fehlt { $flags } (eine Gegenmaßnahme hat einen Titel, eine verantwortliche Person und eine Frist)
measure-title-empty = --title ist leer: was wird getan?
measure-needs-subject = eine Gegenmaßnahme geht auf etwas zurück: mindestens ein Fall (--case), eine Kategorie (--concern) oder eine Einheit (--unit)
measure-not-own = { $user } ({ $role }) trägt Fortschritte nur bei eigenen Gegenmaßnahmen ein; { $no } liegt bei { $owner }
measure-not-visible = { $user } sieht { $no } nicht: Team- und Bereichsleitungen sehen eigene Gegenmaßnahmen und die ihrer Einheiten
measure-linked = { $no } verknüpft mit { $what }
measure-said-done = { $no } ist umgesetzt; überprüft wird am { $review } ('krm measure review')
measure-said-owner = { $no } liegt jetzt bei { $owner }
measure-said-due = { $no } ist jetzt fällig am { $due }
measure-said-review-on = { $no } wird am { $review } überprüft
measure-said-note = Vermerk zu { $no } eingetragen
measure-said-status = { $no } ist jetzt { $status }
measure-overdue-since = { $status }, überfällig seit { $due }
measure-overdue = { $status }, überfällig
measure-review-due = { $status }, Überprüfung fällig
measure-review-short = Überprüfung { $review }
measure-owner-left = { $owner } (ausgeschieden: neu vergeben mit 'krm measure assign')
measure-whole-office = ganzes Jobcenter
measure-field-no = Nummer
measure-field-title = Titel
measure-field-status = Stand
measure-field-owner = Verantwortlich
measure-field-unit = Einheit
measure-field-due = Frist
measure-field-review = Überprüfung
measure-field-categories = Kategorien
measure-field-units = Einheiten
measure-field-cases = Fälle
measure-field-follows = folgt auf
measure-col-day = Tag
measure-col-step = Schritt
measure-col-by = von
measure-col-detail = Angaben
measure-col-no = Nummer
measure-col-status = Stand
measure-col-owner = Wer
measure-col-due = Frist
measure-col-title = Titel
measure-recorded-on = { $day } (eingetragen { $on })
measure-detail-add = Frist { $due }, verantwortlich { $owner }
measure-detail-review = Überprüfung am { $review }
measure-detail-due = Frist { $due }
measure-none = keine Gegenmaßnahmen
measure-interrupted = abgebrochen: keine Gegenmaßnahme eingetragen
measure-reschedule-nothing = was wird verschoben? --due DATUM (Frist) oder --review DATUM (Überprüfung)
measure-link-nothing = womit verknüpfen? --case KRM-NR, --concern CODE oder --unit EINHEIT
measure-field-before = Berechtigte Anliegen davor
measure-field-after = Berechtigte Anliegen danach
measure-evidence-window = { $justified } vom { $from } bis { $to } ({ $days } Tage)
measure-evidence-not-done = noch nicht umgesetzt
measure-review-short-due = Überprüfung { $review }, fällig
measure-due-overdue = { $due }, überfällig

# krm due (issue 16): a measure's items, by number and owner only
measure-due-measure = Gegenmaßnahme fällig
measure-due-review = Bewertung der Gegenmaßnahme (Nachhalten)
measure-due-owner = Gegenmaßnahme ohne Verantwortliche(n): neu zuweisen
measure-due-kind-measure = Maßnahme
measure-due-kind-review = Bewertung
measure-due-kind-owner = Neu zuweisen
measure-left-behind = { $count ->
        [one] Eine Gegenmaßnahme
       *[other] { $count } Gegenmaßnahmen
    } von { $name } neu zuweisen: { $list } (krm measure assign M-NR --owner NAME)
measure-suggest-intro = Berechtigte Anliegen vom { $from } bis { $to }, mindestens { $threshold } je Kategorie und Org.-Einheit, für die keine offene Gegenmaßnahme besteht:
measure-suggest-none = keine Vorschläge: vom { $from } bis { $to } erreicht keine Kategorie in einer Org.-Einheit ohne offene Gegenmaßnahme { $threshold } berechtigte Anliegen
measure-suggest-col-category = Kategorie
measure-suggest-col-unit = Org.-Einheit
measure-suggest-col-justified = berechtigt
measure-suggest-col-done = umgesetzte GM
