stdout-failed = die Ausgabe lässt sich nicht auf stdout schreiben: { $cause }
date-invalid = { $value } ist kein gültiges Datum (TT.MM.JJJJ, z. B. 08.03.2026, TT.MM.JJ, z. B. 8.3.26, oder JJJJ-MM-TT, z. B. 2026-03-08)
common-from-after-to = --from { $from } liegt nach --to { $to }
common-no-case = kein Fall { $krm_no } in diesem Register (siehe „krm list“)
