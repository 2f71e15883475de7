# krm record and its intake form (Anlage 3)

record-form-intro = Recording a customer reaction (Anlage 3) — Ctrl-C cancels, and nothing is saved.
record-interrupted = interrupted; nothing was recorded
record-error = error: { $problem }
record-input-ended = input ended ({ $cause }); nothing was recorded

## yes/no
record-yes-no-default-yes = [Y/n]
record-yes-no-default-no = [y/N]
record-yes = yes
record-no = no

## the fields, in the order of Anlage 3
record-field-salutation = Gender/salutation
record-field-title = Title
record-field-first-name = First name
record-field-name-prefix = Name prefix
record-field-last-name = Last name
record-field-street = Street/house no.
record-field-po-box = PO box
record-field-postcode = Postcode
record-field-city = City
record-field-email = E-mail
record-field-phone = Phone
record-field-fax = Fax
record-field-received = Received on
record-field-type = Type of reaction
record-field-follows = Follows KRM no.
record-field-form = Form of reaction
record-field-group = Customer group
record-field-unit = Unit concerned
record-field-concerns = Categories
record-field-intake = Received by
record-field-summary = Summary

## questions
record-ask-customer = Record customer data?
record-ask-summary = Summary in keywords (optional)
record-ask-concern = Category (type a code or a word to filter)
record-ask-concern-more = Another category (so far { $chosen })
record-ask-another-concern = Add another category?
record-ask-confirm = Record it like this?
record-ask-correct = Which field to correct? (or "discard")
record-correct-none = (correct nothing, record it like this)
record-discard = (discard everything, record nothing)
record-discarded = discarded; nothing was recorded
record-form-problems = The case cannot be recorded like this:
    { $problems }
    Please correct a field.
record-follows-no-such-case = { $no }: no such case

## the picker
record-picker-hint-all = { $from }–{ $to } of { $total } · ↑↓ to move, Enter takes it, typing filters
record-picker-hint = { $from }–{ $to } of { $count ->
        [one] one match
       *[other] { $count } matches
    } ({ $total } in all) · Enter takes it, Esc clears the filter
record-picker-none = nothing matches "{ $query }" · Backspace deletes, Esc clears the filter

## units
record-unit-other = (enter another unit)
record-unit-empty = please name a unit
record-unit-known = { $unit } (existing unit)
record-unit-new = create { $unit } as a new unit
record-unit-similar = '{ $unit }' resembles an existing unit
record-note-new-unit = note: '{ $unit }' is a new unit of this register{ $note }

## the summary
record-summary-customer = Customer
record-summary-no-customer = no customer data (anonymous)
record-summary-name = Name
record-summary-claimed = as the customer calls it

## the outcome
record-recorded = recorded { $no } ({ $kind }, received { $received })
record-note-anonymous = note: { $no } has no address, e-mail, phone or fax of the customer: nothing can be sent, so no acknowledgment or answer deadline applies (anonymous); 'krm due --explain { $no }' says so
record-saved-anyway = { $no } was recorded and is saved
record-refused = { $problems }; nothing was recorded{ $hint }
record-refused-hint = {""}
    (give them as flags, or run 'krm record' on a terminal without --no-input to be asked)

## checks (shared by flags, the form and import)
record-missing-fields = missing required fields: { $fields }
record-postcode-shape = --postcode { $value } is not a German postcode (exactly 5 digits, e.g. 18055)
record-email-shape = --email { $value } is not an e-mail address (expected like name@example.de: one @, then a domain with a dot, no spaces)
record-phone-shape = --phone { $value } is not a phone number (at least 6 digits, a + in front if need be, only spaces, /, -, ( and ) between them, e.g. 0381 1234567)
record-fax-shape = --fax { $value } is not a fax number (at least 6 digits, a + in front if need be, only spaces, /, -, ( and ) between them, e.g. 0381 1234568)
record-received-future = --received { $day } lies in the future (today is { $today })
record-received-too-old = --received { $day } is more than { $years } years before today ({ $today }); check the year
record-received-empty = --received is empty (give the date of receipt, e.g. { $today }, or leave the flag out for today)
record-received-invalid = --received: { $problem }
record-claimed-dienstaufsicht = the customer calls it a Dienstaufsichtsbeschwerde, so it is recorded as --type dienstaufsicht: whether it is one or --type { $kind } is management's decision (BS 5.1), made later with 'krm classify'
record-claimed-differs = --claimed-type { $claimed } differs from --type { $kind }: the two may differ only for a Dienstaufsichtsbeschwerde, which management classifies; record what it is with --type alone
record-concern-twice = --concern { $code } is given twice
record-flag-unknown = unknown flag { $value } (valid: offensive, repeated, unsubstantiated)
record-follows-invalid = --follows: { $problem }
record-follows-not-follow-up = --follows is only for --type folgereaktion (a further reaction on an earlier case)
