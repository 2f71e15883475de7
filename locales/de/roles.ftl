## Issue 15, roles: units and areas, the staff list, what a team or area lead sees

domain-unit-empty = { $field } ist leer
domain-unit-unknown = unbekannte Einheit { $unit } (bekannt: { $known }); eine Einheit entsteht mit dem ersten Fall, der sie nennt
domain-unit-same-name = { $unit } ist schon der Name dieser Einheit
domain-unit-rename-exists = { $new } gibt es schon: ein Duplikat führt „krm unit merge { $old } { $new }“ zusammen, eine Umorganisation ist „krm unit rename … --from DATUM“
domain-unit-merge-self = { $unit } kann nicht mit sich selbst zusammengeführt werden
domain-unit-merge-retired = { $unit } gibt es seit dem { $day } nicht mehr; Fälle kommen nur in eine bestehende Einheit
domain-unit-from-future = { $day } liegt nach heute ({ $today }); eine Änderung der Einheiten wird an oder nach dem Tag erfasst, an dem sie gilt
domain-unit-already-retired = { $unit } gibt es seit dem { $day } nicht mehr
domain-unit-retired = Die Einheit { $unit } gibt es seit dem { $day } nicht mehr (krm unit list --all)
domain-staff-name = der Name
domain-staff-unknown-post = unbekannte Funktion { $post } (gültig: { $valid })
domain-staff-is-user = { $name } ist Benutzer dieses Registers; die Personalliste führt nur Personen, die keine Benutzer sind (ein Name, eine Person)
domain-staff-exists = { $name } steht seit dem { $day } auf der Personalliste (krm staff list)
domain-staff-user-taken = { $name } steht auf der Personalliste; ein Benutzer braucht einen anderen Namen (ein Name, eine Person)
domain-staff-already-retired = { $name } ist seit dem { $day } nicht mehr auf der Personalliste
domain-staff-retire-day = { $day } passt nicht: das Ausscheiden liegt zwischen der Aufnahme in die Liste ({ $added }) und heute ({ $today })

store-no-such-staff = „{ $name }“ steht nicht auf der Personalliste (krm staff list --all zeigt alle)
store-log-staff-add = { $name } auf der Personalliste ({ $post }, { $unit })
store-log-staff-retire = { $name } ab { $day } nicht mehr auf der Personalliste
store-log-unit-area = Bereich der Einheit { $unit }: { $area }
store-log-unit-rename = Einheit { $old } heißt jetzt { $new } (Korrektur, { $cases } Fälle)
store-log-unit-merge = Einheit { $from } mit { $into } zusammengeführt ({ $cases } Fälle)
store-log-unit-reorganise = Einheit { $old } ab { $day } fortgeführt als { $new } ({ $cases } Fälle ab dann)
store-log-unit-retire = Einheit { $unit } ab { $day } aufgelöst

cmd-unit-area-set = { $unit } gehört jetzt zum Bereich { $area }
cmd-unit-area-cleared = { $unit } gehört jetzt zu keinem Bereich
cmd-unit-renamed = { $old } heißt jetzt { $new }; { $cases ->
    [one] ein Fall liest
   *[other] { $cases } Fälle lesen
} sich mit dem neuen Namen, auch in früheren Berichten
cmd-unit-reorganised = { $old } ist ab { $day } { $new }; { $cases ->
    [one] ein Fall ab diesem Tag gehört
   *[other] { $cases } Fälle ab diesem Tag gehören
} jetzt zu { $new }, ältere behalten { $old }
cmd-unit-merged = { $from } ist mit { $into } zusammengeführt; { $cases ->
    [one] ein Fall gehört
   *[other] { $cases } Fälle gehören
} jetzt zu { $into }
cmd-unit-retired = { $unit } gibt es ab { $day } nicht mehr; die Fälle behalten die Einheit
cmd-unit-none = Keine Einheiten; eine Einheit entsteht mit dem ersten Fall, der sie nennt.
cmd-unit-continued = { $day } (weiter als { $unit })
cmd-unit-col = Spalten der Einheitenliste
    .name = Einheit
    .area = Bereich
    .cases = Fälle
    .people = Benutzer
    .until = bis

cmd-scope-not-visible = { $user } ({ $role }) sieht nur die Fälle der eigenen Einheiten ({ $units }) und die zugewiesenen; { $krm_no } gehört nicht dazu

cmd-staff-added = { $name } steht jetzt auf der Personalliste ({ $post }, { $unit })
cmd-staff-retired = { $name } ist ab { $day } nicht mehr auf der Personalliste; die Historie behält den Namen
cmd-staff-none = Die Personalliste ist leer.
cmd-staff-col = Spalten der Personalliste
    .name = Name
    .unit = Einheit
    .post = Funktion
    .since = seit
    .until = bis
cmd-staff-post = Funktionen der Personalliste
    .teamleitung = Teamleitung
    .bereichsleitung = Bereichsleitung
    .geschaeftsfuehrung = Geschäftsführung
    .mitarbeiter = Mitarbeiter/in

cmd-audit-roles = Änderungen an Einheiten und Personalliste
    .unit-area = Bereich einer Einheit
    .unit-rename = Einheit umbenannt
    .unit-merge = Einheiten zusammengeführt
    .unit-reorganise = Einheit umorganisiert
    .unit-retire = Einheit aufgelöst
    .staff-add = Personalliste ergänzt
    .staff-retire = von der Personalliste

cmd-demo-team-lead = Die Teamleitung { $name } ({ $units }) sieht { $seen } der { $all } Fälle: die ihrer Einheiten und die ihr zugewiesenen.
cmd-demo-as-team-lead = (was die Teamleitung sieht)
cmd-unit-continued-by = Die Einheit { $old } wird am Eingangstag als { $new } fortgeführt; der Fall gehört zu { $new }
