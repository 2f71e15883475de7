categories-code = Code
categories-label = Kategorie
categories-retired = nicht mehr verwendet
categories-note =
    Die Codes nimmt 'krm record --concern CODE' (mehrere durch Komma getrennt).
    KRM-NO: die Fallnummer JJJJ-NNNN, z. B. 2026-0042 — Eingangsjahr und
    laufende Nummer; so nennen show, respond, close und die anderen einen Fall.
