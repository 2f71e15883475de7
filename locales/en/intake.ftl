# Issue 15, intake: the recording gate (BS 5.1), why a reaction reached the
# officer (HRO 3.2.2), initials (BS 5.2), sites (HRO 3.2.6), the tally of
# reactions settled at once, possible repetitions (BS 4).

gate-reached-nicht_geklaert = not settled within a day
gate-reached-teamleitung = must be handled by the team lead
gate-reached-bereichsleitung = must be handled by the area lead
gate-reached-geschaeftsfuehrung = must be handled by management
gate-reached-unknown = --reached-because { $value } is not a known reason (valid: { $keys })
gate-reached-not-applicable = --reached-because exists only for personal and telephone reactions not received by the KRM, where the rule reached_reason applies (HRO 3.2.2)
gate-settled-missing = Could the reaction be settled at once? Personal and telephone reactions received in a Bereich are recorded only if not (BS 5.1): give --not-settled (not settled at once, recorded) or --settled-at-once (settled at once, not recorded but counted with 'krm tally add')
gate-settled-not-gated = --settled-at-once applies only to personal and telephone reactions received in a Bereich (staff, team lead, area lead) where the rule recording_gate applies (BS 5.1); count a reaction settled at once with 'krm tally add'

details-site-none = --site { $value }: the register has no sites (add one with 'krm site add NAME')
details-site-unknown = --site { $value } is not an active site (known: { $sites })
details-initialled-unknown = --initialled-by { $value } is neither a register user nor on the staff list (see 'krm staff list')
details-settled-invalid = settled { $value } is neither 'ja' nor 'nein'
details-field-site = Site
details-field-reached = Why it reached the officer
details-field-initialled = Receipt initialled by

sites-name-empty = The site's name is empty
sites-exists = The site { $value } exists already as { $known }

tally-unit-empty = --unit is empty: which unit settled the reactions?
tally-count-range = --count { $count } is not between 1 and { $max }
tally-other-units = other units
tally-row = { $form }, { $unit }
tally-refused = { $problems }; nothing was counted
tally-added = Counted { $count } reaction(s) settled at once: { $form }, { $unit }, on { $day } (no personal data)
tally-from-after-to = --from { $from } is after --to { $to }
tally-none = No reactions settled at once were counted from { $from } to { $to }
tally-col = Columns of the tally
    .day = Day
    .form = Form
    .unit = Unit
    .count = Count

site-added = Site { $site } added
site-retired = Site { $site } retired from { $on }: its cases keep it, new cases cannot name it
site-none = The register has no sites (add one with 'krm site add NAME')
site-col = Columns of the sites
    .name = Site
    .added = added
    .retired = retired

store-log-site-add = Site { $site } added
store-log-site-retire = Site { $site } retired
store-log-tally-add = Counted { $count } reaction(s) settled at once: { $form }, { $unit }, on { $day }
store-site-unknown = There is no site { $value } (see 'krm site list')
store-site-retired-already = The site { $value } has been retired since { $on }

record-settled-not-recorded = Not recorded: a reaction ({ $form }, received by { $intake }) that could be settled at once in the Bereich is not recorded (BS 5.1). Count it anonymously, without personal data: krm tally add --form { $form_key } --unit '{ $unit }' --on { $day }
record-note-earlier-cases = Note: the customer may be the same person as in { $numbers } (same last name and postcode, or same e-mail address): perhaps a repeated complaint ('krm flag … repeated') or a follow-up; nothing extra was recorded
record-ask-settled = Could the reaction be settled at once in the Bereich?
record-ask-reached = Why does the reaction reach the officer? (HRO 3.2.2)
record-ask-initialled = Receipt initialled by (management, area lead or team lead; empty: unknown)
record-ask-site = Site where the reaction came in
record-site-none = not given
record-ask-earlier = Earlier cases of the same customer: { $numbers }
record-earlier-repeated = { $no }: possible repetition (flag as repeated complaint)
record-earlier-follows = { $no }: a follow-up to it
record-earlier-neither = neither

import-settled-row = The row says settled = ja: a reaction settled at once in the Bereich is not recorded (BS 5.1); remove the row and count it with 'krm tally add'

report-site-none = no site
details-initialled-post = --initialled-by { $value } is on the staff list as { $post }: receipts are initialled by management, an area lead or a team lead (BS 5.2; valid: { $posts })
record-note-earlier-more = and { $count } earlier ones
