# Clap's own words in German (the English ones are clap's).
clap-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    Aufruf: {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
clap-commands = Befehle
clap-command-value = BEFEHL
clap-options = Optionen
clap-arguments = Argumente
clap-env = Umgebungsvariable
clap-default = Standard
clap-values = mögliche Werte
clap-possible-values = Mögliche Werte
clap-help-flag = Hilfe anzeigen
    .long = Hilfe anzeigen (Kurzfassung mit '-h')
clap-version-flag = Version anzeigen
clap-help-command = Diese Hilfe oder die Hilfe des genannten Befehls anzeigen
clap-usage = Aufruf:
clap-more = Mehr dazu mit '--help'.
clap-error = Fehler
clap-error-value-missing = '{ $arg }' braucht einen Wert
clap-error-invalid-value = ungültiger Wert '{ $value }' für '{ $arg }'
clap-error-unknown-argument = unbekannte Option '{ $arg }'
clap-error-unknown-command = unbekannter Befehl '{ $name }'
clap-error-no-equals = '{ $arg }' braucht '=' vor dem Wert
clap-error-validation = ungültiger Wert '{ $value }' für '{ $arg }'
clap-error-number-of-values = falsche Zahl von Werten für '{ $arg }'
clap-error-conflict = '{ $arg }' kann nicht zusammen mit { $other } angegeben werden
clap-error-missing = folgende Angaben fehlen: { $args }
clap-error-missing-command = es fehlt ein Befehl
clap-error-utf8 = ein Argument ist kein gültiges UTF-8
clap-error-suggestion = Meinten Sie { $names }?
clap-value-PATH = PFAD
clap-value-DATE = DATUM
clap-value-FORMAT = FORMAT
clap-value-NAME = NAME
clap-or = oder
