# krm record and its intake form (Anlage 3)

record-form-intro = Kundenreaktion erfassen (Anlage 3) — Strg-C bricht ab, dann wird nichts gespeichert.
record-interrupted = abgebrochen; nichts wurde erfasst
record-error = Fehler: { $problem }
record-input-ended = Eingabe beendet ({ $cause }); nichts wurde erfasst

## yes/no
record-yes-no-default-yes = [J/n]
record-yes-no-default-no = [j/N]
record-yes = ja
record-no = nein

## the fields, in the order of Anlage 3
record-field-salutation = Geschlecht/Anrede
record-field-title = Titel
record-field-first-name = Vorname
record-field-name-prefix = Vorsatzwort
record-field-last-name = Familienname
record-field-street = Straße/Haus-Nr.
record-field-po-box = Postfach
record-field-postcode = Postleitzahl
record-field-city = Ort
record-field-email = E-Mail
record-field-phone = Telefon
record-field-fax = Telefax
record-field-received = Eingangsdatum
record-field-type = Art der Reaktion
record-field-follows = Folgt auf KRM-Nr.
record-field-form = Form der Reaktion
record-field-group = Kundengruppe
record-field-unit = Betroffene Org.-Einheit
record-field-concerns = Kategorien
record-field-intake = Eingang bei
record-field-summary = Inhalt

## questions
record-ask-customer = Kundendaten erfassen?
record-ask-summary = Inhalt in Stichworten (optional)
record-ask-concern = Kategorie (Tippen von Code oder Stichwort filtert)
record-ask-concern-more = Weitere Kategorie (bisher { $chosen })
record-ask-another-concern = Weitere Kategorie hinzufügen?
record-ask-confirm = So erfassen?
record-ask-correct = Welches Feld korrigieren? (oder „verwerfen“)
record-correct-none = (nichts korrigieren, so erfassen)
record-discard = (alles verwerfen, nichts erfassen)
record-discarded = verworfen; nichts wurde erfasst
record-form-problems = So kann der Fall nicht erfasst werden:
    { $problems }
    Bitte ein Feld korrigieren.
record-follows-no-such-case = { $no }: diesen Fall gibt es nicht

## the picker
record-picker-hint-all = { $from }–{ $to } von { $total } · ↑↓ blättern, Enter übernimmt, Tippen filtert
record-picker-hint = { $from }–{ $to } von { $count ->
        [one] einem Treffer
       *[other] { $count } Treffern
    } ({ $total } insgesamt) · Enter übernimmt, Esc leert den Filter
record-picker-none = kein Eintrag passt zu „{ $query }“ · Rücktaste löscht, Esc leert den Filter

## units
record-unit-other = (andere Einheit eingeben)
record-unit-empty = bitte eine Einheit angeben
record-unit-known = { $unit } (vorhandene Einheit)
record-unit-new = { $unit } als neue Einheit anlegen
record-unit-similar = „{ $unit }“ ähnelt einer vorhandenen Einheit
record-note-new-unit = Hinweis: „{ $unit }“ ist eine neue Einheit in diesem Register{ $note }

## the summary
record-summary-customer = Kunde
record-summary-no-customer = keine Kundendaten (anonym)
record-summary-name = Name
record-summary-claimed = vom Kunden genannt

## the outcome
record-recorded = erfasst: { $no } ({ $kind }, eingegangen am { $received })
record-note-anonymous = Hinweis: Zu { $no } gibt es keine Anschrift, E-Mail, Telefon- oder Faxnummer der Kundin oder des Kunden: Es kann nichts verschickt werden, daher gilt keine Frist für Eingangsbestätigung oder Antwort (anonym); „krm due --explain { $no }“ erklärt das
record-saved-anyway = { $no } wurde erfasst und ist gespeichert
record-refused = { $problems }; nichts wurde erfasst{ $hint }
record-refused-hint = {""}
    (als Optionen angeben oder „krm record“ ohne --no-input in einem Terminal aufrufen, dann fragt krm nach)

## checks (shared by flags, the form and import)
record-missing-fields = Pflichtangaben fehlen: { $fields }
record-postcode-shape = --postcode { $value } ist keine deutsche Postleitzahl (genau 5 Ziffern, z. B. 18055)
record-email-shape = --email { $value } ist keine E-Mail-Adresse (erwartet wie name@beispiel.de: genau ein @, dahinter eine Domain mit Punkt, keine Leerzeichen)
record-phone-shape = --phone { $value } ist keine Telefonnummer (mindestens 6 Ziffern, vorn ggf. +, dazwischen nur Leerzeichen, /, -, ( und ), z. B. 0381 1234567)
record-fax-shape = --fax { $value } ist keine Faxnummer (mindestens 6 Ziffern, vorn ggf. +, dazwischen nur Leerzeichen, /, -, ( und ), z. B. 0381 1234568)
record-received-future = --received { $day } liegt in der Zukunft (heute ist der { $today })
record-received-too-old = --received { $day } liegt mehr als { $years } Jahre vor heute ({ $today }); bitte das Jahr prüfen
record-received-empty = --received ist leer (das Eingangsdatum angeben, z. B. { $today }, oder die Option weglassen, dann gilt heute)
record-received-invalid = --received: { $problem }
record-claimed-dienstaufsicht = die Kundin oder der Kunde nennt es Dienstaufsichtsbeschwerde, daher wird es als --type dienstaufsicht erfasst: ob es eine ist oder --type { $kind }, entscheidet die Geschäftsführung (BS 5.1), später mit „krm classify“
record-claimed-differs = --claimed-type { $claimed } weicht von --type { $kind } ab: beide dürfen sich nur bei einer Dienstaufsichtsbeschwerde unterscheiden, über die die Geschäftsführung entscheidet; erfassen Sie, was es ist, allein mit --type
record-concern-twice = --concern { $code } ist doppelt angegeben
record-flag-unknown = unbekanntes Kennzeichen { $value } (gültig: offensive, repeated, unsubstantiated)
record-follows-invalid = --follows: { $problem }
record-follows-not-follow-up = --follows gibt es nur bei --type folgereaktion (eine weitere Reaktion auf einen früheren Fall)
