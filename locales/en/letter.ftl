# Letters to the customer, the office profile, templates, plain language (issue 17).
# The letters themselves are always German; these are krm's own messages.

## domain::letter, domain::office
domain-letter-separate = { $krm_no } is a petition or Eingabe: it is answered through its formal procedure to the body that forwarded it (krm petition), not by a letter to the customer. A file sheet: --kind sheet.
domain-letter-anonymous = { $krm_no } has no customer data (recorded anonymously or anonymised): there is no one to write to. A file sheet: --kind sheet.
domain-letter-thanks-not-for = Thanks are for praise or an idea; { $krm_no } is neither. For its answer: --kind answer.
domain-letter-answer-is-thanks = { $krm_no } is praise or an idea: it is answered with thanks, --kind thanks.
domain-letter-no-postal = { $krm_no } has no complete postal address (name, street or PO box, postcode, town): no paper letter. With an e-mail address, --as email gives the text of an e-mail.
domain-letter-no-email = An e-mail to the customer is offered only where they wrote by e-mail or gave only an e-mail address ({ $krm_no }); otherwise --as pdf or --as text.
domain-letter-template-syntax = Error in the template at line { $line }: { $detail }
domain-letter-template-unknown = Unknown placeholders: { $names }. Known are: { $known }
domain-letter-template-needs-privacy = An acknowledgment must carry the data-protection notice: {"{{"} datenschutz {"}}"} as a paragraph of its own (GDPR art. 13).
domain-letter-template-no-subject = The template's first line is the subject and must not be empty.
domain-letter-template-no-body = After the subject and an empty line comes the text; the template has none.
domain-office-bad-value = { $value } does not fit --{ $field } (postcode: five digits; office code: letters, digits, -; e-mail: with @, no spaces).

## store::letters
store-log-office = office profile { $key }: { $old } → { $new }
store-log-office-logo = office profile: logo set
store-log-office-no-logo = office profile: logo removed
store-log-signature = signature lines of { $name } set
store-log-signature-cleared = signature lines of { $name } removed
store-log-template = letter template { $kind }: version { $version } set
store-log-template-reset = letter template { $kind }: version { $version } is the shipped one again
store-signature-no-person = { $name } is neither a user nor on the staff list (krm user list, krm staff list).

## commands::letter
cmd-letter-not-allowed = { $user } may not see the customer data of { $krm_no } and so may not write a letter for it.
cmd-letter-office-incomplete = The office profile is not enough for a letter yet: krm office set { $flags }
cmd-letter-no-ack = No acknowledgment is recorded for { $krm_no }. Record it and write its letter in one step: krm respond { $krm_no } --kind ack --letter FILE
cmd-letter-no-interim = No interim notice is recorded for { $krm_no }: krm respond { $krm_no } --kind interim --expected DATE --letter FILE
cmd-letter-no-pdf = This krm was built without PDF (cargo feature "pdf"); --as text gives the letter as text.
cmd-letter-pdf-needs-out = A PDF needs a file: --out FILE (or --as text for the text of { $krm_no }).
cmd-letter-template-broken = The template { $kind } cannot be filled: { $detail }
cmd-letter-unknown-signer = { $name } is not an active person of the register (krm user list, krm staff list).
cmd-letter-written = { $letter } for { $krm_no } written: { $path } (template version { $version })
cmd-letter-draft = This is a draft for { $author }: fill in the places in [ ] and, once sent, record it with krm respond --kind answer.
cmd-letter-check-finding = line { $line }: { $kind }: "{ $excerpt }" — { $suggestion }
cmd-letter-check-score = Amstad readability: { $score } (60 and above: easy to medium; { $sentences } sentences, { $words } words)
cmd-letter-check-stdin = cannot read standard input
cmd-letter-check-unreadable = cannot read { $path }: { $error }
cmd-letter-check-not-utf8 = { $path } is not UTF-8 text.
cmd-letter-template-unknown-kind = Unknown template { $given }; known are: { $valid }
cmd-letter-template-no-version = The template { $kind } has no version { $version } (krm letter template list).
cmd-letter-template-refused = Template { $kind } not set: { $detail }
cmd-letter-template-set = Template { $kind }: version { $version } is in force now.
cmd-letter-template-reset = Template { $kind }: version { $version } is the shipped one again.
cmd-letter-template-findings = The plain-language check (HRO 3.6) flags { $count } places:
cmd-letter-template-line-shipped = { $kind } ({ $label }): shipped
cmd-letter-template-line = { $kind } ({ $label }): version { $version }, shipped: { $shipped }, set on { $on } by { $by }
cmd-letter-template-placeholders = Placeholders:

## commands::office
cmd-office-incomplete = Letters still need: krm office set { $flags }
cmd-office-nothing = Nothing to set: krm office set --name … (krm office set --help)
cmd-office-unchanged = The office profile is so already.
cmd-office-set = Office profile changed: { $fields }
cmd-office-logo-too-big = { $path } has { $size } bytes, too big for a logo (at most 1 MiB).
cmd-office-logo-broken = { $path } cannot be drawn as a logo: { $error }
cmd-office-logo-not-png = { $path } is not a PNG image.
cmd-office-signature-needs-line = Which lines? --line "Maria Schulz" --line "Kundenreaktionsmanagement", or --clear.
cmd-office-signature-too-many = { $count } lines are too many for a signature (at most 4).
cmd-office-signature-set = Signature lines of { $name } saved.
