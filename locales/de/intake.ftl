# Issue 15, intake: the recording gate (BS 5.1), why a reaction reached the
# officer (HRO 3.2.2), initials (BS 5.2), sites (HRO 3.2.6), the tally of
# reactions settled at once, possible repetitions (BS 4).

gate-reached-nicht_geklaert = nicht innerhalb eines Tages geklärt
gate-reached-teamleitung = muss von der Teamleitung bearbeitet werden
gate-reached-bereichsleitung = muss von der Bereichsleitung bearbeitet werden
gate-reached-geschaeftsfuehrung = muss von der Geschäftsführung bearbeitet werden
gate-reached-unknown = --reached-because { $value } ist kein bekannter Grund (gültig: { $keys })
gate-reached-not-applicable = --reached-because gibt es nur bei persönlichen und telefonischen Reaktionen, die nicht beim KRM eingegangen sind, wenn die Regel reached_reason gilt (HRO 3.2.2)
gate-settled-missing = Konnte der Reaktion unmittelbar abgeholfen werden? Persönliche und telefonische Reaktionen, die im Bereich eingehen, werden nur erfasst, wenn nicht (BS 5.1): geben Sie --not-settled an (nicht sofort erledigt, wird erfasst) oder --settled-at-once (sofort erledigt, wird nicht erfasst, sondern mit „krm tally add“ gezählt)
gate-settled-not-gated = --settled-at-once gilt nur für persönliche und telefonische Reaktionen, die im Bereich eingehen (Mitarbeiter/in, Teamleitung, Bereichsleitung), wenn die Regel recording_gate gilt (BS 5.1); eine sofort erledigte Reaktion zählen Sie mit „krm tally add“

details-site-none = --site { $value }: Das Register hat keine Standorte (anlegen mit „krm site add NAME“)
details-site-unknown = --site { $value } ist kein aktiver Standort (bekannt: { $sites })
details-initialled-unknown = --initialled-by { $value } ist weder Benutzer/in des Registers noch in der Personalliste (siehe „krm staff list“)
details-settled-invalid = settled { $value } ist weder „ja“ noch „nein“
details-field-site = Standort
details-field-reached = Grund der Weiterleitung
details-field-initialled = Eingang abgezeichnet von

sites-name-empty = Der Name des Standorts ist leer
sites-exists = Den Standort { $value } gibt es schon als { $known }

tally-unit-empty = --unit ist leer: Welche Org.-Einheit hat die Reaktionen erledigt?
tally-count-range = --count { $count } liegt nicht zwischen 1 und { $max }
tally-other-units = übrige Einheiten
tally-row = { $form }, { $unit }
tally-refused = { $problems }; nichts wurde gezählt
tally-added = { $count } sofort erledigte Reaktion(en) gezählt: { $form }, { $unit }, am { $day } (ohne personenbezogene Daten)
tally-from-after-to = --from { $from } liegt nach --to { $to }
tally-none = Vom { $from } bis { $to } wurden keine sofort erledigten Reaktionen gezählt
tally-col = Spalten der Zählung
    .day = Tag
    .form = Form
    .unit = Org.-Einheit
    .count = Anzahl

site-added = Standort { $site } angelegt
site-retired = Standort { $site } ab { $on } stillgelegt: Seine Fälle behalten ihn, neue Fälle können ihn nicht nennen
site-none = Das Register hat keine Standorte (anlegen mit „krm site add NAME“)
site-col = Spalten der Standorte
    .name = Standort
    .added = angelegt
    .retired = stillgelegt

store-log-site-add = Standort { $site } angelegt
store-log-site-retire = Standort { $site } stillgelegt
store-log-tally-add = { $count } sofort erledigte Reaktion(en) gezählt: { $form }, { $unit }, am { $day }
store-site-unknown = Den Standort { $value } gibt es nicht (siehe „krm site list“)
store-site-retired-already = Der Standort { $value } ist seit { $on } stillgelegt

record-settled-not-recorded = Nicht erfasst: Einer Reaktion ({ $form }, Eingang bei { $intake }), der im Bereich unmittelbar abgeholfen werden konnte, wird nicht erfasst (BS 5.1). Zählen Sie sie anonym, ohne personenbezogene Daten: krm tally add --form { $form_key } --unit '{ $unit }' --on { $day }
record-note-earlier-cases = Hinweis: Die Kundin oder der Kunde ist möglicherweise dieselbe Person wie in { $numbers } (gleicher Nachname und gleiche Postleitzahl oder gleiche E-Mail-Adresse): vielleicht eine Mehrfachbeschwerde („krm flag … repeated“) oder eine Folgereaktion; es wurde nichts zusätzlich erfasst
record-ask-settled = Konnte der Reaktion im Bereich unmittelbar abgeholfen werden?
record-ask-reached = Warum erreicht die Reaktion die/den KRM-Beauftragte/n? (HRO 3.2.2)
record-ask-initialled = Eingang abgezeichnet von (Geschäftsleitung, Bereichsleitung oder Teamleitung; leer: unbekannt)
record-ask-site = Standort, an dem die Reaktion einging
record-site-none = keine Angabe
record-ask-earlier = Frühere Fälle derselben Kundin oder desselben Kunden: { $numbers }
record-earlier-repeated = { $no }: mögliche Wiederholung (als Mehrfachbeschwerde kennzeichnen)
record-earlier-follows = { $no }: Folgereaktion darauf
record-earlier-neither = weder noch

import-settled-row = Die Zeile sagt settled = ja: Einer Reaktion, der im Bereich unmittelbar abgeholfen wurde, wird nicht erfasst (BS 5.1); entfernen Sie die Zeile und zählen Sie sie mit „krm tally add“

report-site-none = ohne Standort
details-initialled-post = --initialled-by { $value } ist in der Personalliste als { $post } geführt: Den Eingang zeichnen Geschäftsleitung, Bereichsleitung oder Teamleitung ab (BS 5.2; gültig: { $posts })
record-note-earlier-more = und { $count } frühere
