stdout-failed = die Ausgabe lässt sich nicht auf stdout schreiben: { $cause }
