# Stammdaten, Monatsbericht und Aufbewahrung (Issue 15, refdata)

domain-category-retired-use = Kategorie { $code } ({ $path }) wird seit { $since } nicht mehr vergeben; stattdessen: { $instead } ({ $instead_path })
domain-category-retired-since = Kategorie { $code } ({ $path }) wird seit { $since } nicht mehr vergeben; in Gebrauch daneben: { $valid }
domain-categories-label-empty = --label: die Bezeichnung fehlt
domain-categories-future = --from { $from } liegt nach heute ({ $today }): eine Änderung der Kategorien gilt ab heute oder einem früheren Tag; bitte am Tag selbst eintragen
domain-categories-exists = Kategorie { $code } gibt es schon ({ $path }); Codes werden nie neu vergeben
domain-categories-parent-retired = { $parent } wird nicht mehr verwendet; darunter kommt keine neue Kategorie
domain-categories-parent-leaf = { $parent } ({ $label }) ist selbst eine Kategorie, die Fälle nennen; eine neue Kategorie gehört unter einen Bereich oder Teilbereich (z. B. 2.2)
domain-categories-next-code = { $code } passt nicht: unter { $parent } kommt als nächste { $next } (Codes werden angehängt, nie eingeschoben oder wieder vergeben)
domain-categories-formerly-leaf = --formerly { $code }: das ist keine Kategorie, die Fälle nennen
domain-categories-same-label = Kategorie { $code } heißt schon „{ $label }“
domain-categories-rename-before = Kategorie { $code }: --from { $from } liegt nicht nach der letzten Umbenennung (ab { $last }); Umbenennungen gelten der Reihe nach
domain-categories-already-retired = Kategorie { $code } wird seit { $since } nicht mehr vergeben
domain-categories-retire-node = { $code } ({ $label }) ist ein Bereich oder Teilbereich; bitte seine Kategorien einzeln zurückziehen
domain-categories-instead-self = --instead { $code }: das ist dieselbe Kategorie
domain-categories-note-added-formerly = { $code } seit { $since }; vorher unter { $formerly } erfasst
domain-categories-note-added = { $code } seit { $since }; vorher nicht erfasst
domain-categories-note-renamed = { $code } heißt seit { $since } „{ $label }“ (vorher „{ $old }“)
domain-retention-years-range = { $years } Jahre: die Pseudonymisierung muss nach 1 bis { $archive } Jahren ab Abschluss kommen (höchstens die Archivfrist)
domain-retention-nothing-to-decide = Dieses Register hat keine Fälle nach der Zehn-Jahres-Regel ({ $years } Jahre mit Kundendaten); es ist nichts zu entscheiden (die Fristen ändert „krm policy set“)
domain-retention-decided = Die Entscheidung über die bestehenden Fälle ist am { $on } von { $by } getroffen worden ({ $applied ->
        [yes] die neuen Fristen gelten auch für sie
       *[no] sie behalten ihre Frist
    }); sie wird nur einmal getroffen

store-log-category-add = Kategorie { $code } „{ $label }“ unter { $parent } hinzugefügt, für Eingänge ab { $from }{ $formerly ->
        [none] {""}
       *[other] ; vorher unter { $formerly } erfasst
    }
store-log-category-rename = Kategorie { $code } umbenannt: „{ $old }“ → „{ $label }“, für Eingänge ab { $from }
store-log-category-retire = Kategorie { $code } „{ $label }“ ab { $from } nicht mehr vergeben{ $instead ->
        [none] {""}
       *[other] ; stattdessen { $instead }
    }
store-log-report-delivered = Monatsbericht { $month } an die Geschäftsleitung übergeben ({ $figures } Zahlen festgehalten)
store-log-report-delivered-again = Monatsbericht { $month } erneut übergeben ({ $figures } Zahlen festgehalten)
store-log-retention-decision = Aufbewahrung: ab heute Pseudonymisierung nach { $years } Jahren, Anonymisierung nach { $archive } (Fassung { $id }); { $applied ->
        [yes] gilt auch für die { $cases } Fälle der Zehn-Jahres-Regel (Fassungen { $versions })
       *[no] die { $cases } Fälle der Zehn-Jahres-Regel behalten ihre Frist
    }
store-log-retention-confirmed = Aufbewahrung: Pseudonymisierung { $years } Jahre nach Abschluss, Anonymisierung nach { $archive } ({ $how ->
        [office] von der Dienststelle bestätigt
       *[default] Vorgabe von krm, nicht der Geschäftsanweisung
    })

categories-added = Kategorie { $code } hinzugefügt: { $path } (für Eingänge ab { $from })
categories-renamed = Kategorie { $code } heißt für Eingänge ab { $from } „{ $label }“; ältere Fälle behalten ihre Bezeichnung
categories-retired-done = Kategorie { $code } wird ab { $from } nicht mehr vergeben; die Fälle, die sie nennen, behalten sie
categories-retired-instead = Kategorie { $code } wird ab { $from } nicht mehr vergeben (stattdessen { $instead }); die Fälle, die sie nennen, behalten sie

report-section-flag = Markierungen nach BS 4 (Fälle)
report-delivery-difference = { $section } › { $label } ({ $measure }): { $delivered } → { $now }
report-delivered-unchanged = Übergeben am { $on } von { $by }; die Zahlen sind seitdem unverändert.
report-delivered-changed = Übergeben am { $on } von { $by }; seitdem { $count ->
        [one] eine Zahl geändert
       *[other] { $count } Zahlen geändert
    } (übergeben → jetzt): { $list }
report-deliver-not-finished = { $period } ist noch nicht vorbei (heute { $today }); übergeben wird der Bericht eines abgeschlossenen Monats
report-delivered = Bericht für { $period } am { $on } als übergeben vermerkt, mit seinen Zahlen

cmd-init-pseudonymise-not-here = --pseudonymise-after gilt nur für rostock; { $preset } löscht die Fälle nach der Aufbewahrung vollständig (BS 6)
cmd-init-retention = Aufbewahrung: Kundendaten werden { $years } Jahre nach Abschluss pseudonymisiert, die Fälle nach der Archivfrist von 10 Jahren anonymisiert
cmd-init-retention-default = Aufbewahrung: Kundendaten werden { $years } Jahre nach Abschluss pseudonymisiert — das ist die Vorgabe von krm (§ 84 SGB X, Datenminimierung), nicht die der Geschäftsanweisung; bitte prüfen und ggf. mit „krm policy set --retention-years“ ändern
cmd-init-retention-explain = Die 10 Jahre der GA 3.8 gelten für die Akte im Archiv der Geschäftsführung, nicht für Kundendaten im Register. krm schlägt vor, sie { $years } Jahre nach Abschluss zu pseudonymisieren (§ 84 SGB X, Datenminimierung) — eine Vorgabe von krm, nicht der GA — und nach { $archive } Jahren zu anonymisieren.
cmd-init-retention-ask = Pseudonymisieren nach wie vielen Jahren ab Abschluss
cmd-init-retention-not-a-number = bitte eine Zahl von Jahren

cmd-policy-retention-which = Bitte entscheiden: --apply-to-existing (die neuen Fristen gelten auch für die bestehenden Fälle) oder --new-cases-only (sie behalten ihre Frist)
cmd-policy-retention-none = Keine Fälle nach der Zehn-Jahres-Regel: nichts zu entscheiden.
cmd-policy-retention-open = Entscheidung offen: { $cases ->
        [one] ein Fall wird
       *[other] { $cases } Fälle werden
    } nach der Zehn-Jahres-Regel mit Kundendaten aufbewahrt. Die 10 Jahre der GA 3.8 gelten der Akte im Archiv; bitte einmal entscheiden: „krm policy retention --pseudonymise-after JAHRE --apply-to-existing“ oder „--new-cases-only“.
cmd-policy-retention-decided = Entschieden am { $on } von { $by }: Pseudonymisierung nach { $years } Jahren, Anonymisierung nach { $archive }; { $applied ->
        [yes] gilt auch für die Fälle, die vorher erfasst waren
       *[no] die vorher erfassten Fälle behalten ihre Frist
    }.
cmd-policy-retention-applied = Fassung { $id } ab { $from }: Pseudonymisierung nach { $years } Jahren; sie gilt auch für { $cases ->
        [one] den einen Fall
       *[other] die { $cases } Fälle
    } der Zehn-Jahres-Regel („krm purge --dry-run“ zeigt, was die nächste Löschung pseudonymisiert)
cmd-policy-retention-kept = Fassung { $id } ab { $from }: Pseudonymisierung nach { $years } Jahren für neue Fälle; { $cases ->
        [one] der eine Fall
       *[other] die { $cases } Fälle
    } der Zehn-Jahres-Regel { $cases ->
        [one] behält
       *[other] behalten
    } ihre Frist
cmd-policy-retention-default = { $years } Jahre sind die Vorgabe von krm (§ 84 SGB X, Datenminimierung), nicht die der Geschäftsanweisung
report-deliver-month-only = --deliver: übergeben wird nur der Bericht eines Monats (--month JJJJ-MM), nicht der eines Jahres oder Zeitraums
categories-retired-since = nicht mehr verwendet seit { $on }
categories-retired-since-instead = nicht mehr verwendet seit { $on }; stattdessen { $instead }
policy-row-report = Monatsbericht
policy-report-day = bis zum { $day }. des Folgemonats an die Geschäftsleitung (krm report --deliver)
policy-report-day-none = kein fester Tag
