# Logged reads, the access log, search and subject access (issue 14).

## domain::reads, domain::search
domain-read-kind = Kinds of reads
    .show = show
    .search = search
    .subject-access = subject access
    .letter = letter
domain-read-criterion = Search criteria
    .name = name
    .postcode = postcode
    .email = e-mail
    .case = case number
domain-search-empty = { $flag } { $value }: there is nothing in it to look for (give letters or digits)
domain-search-email = --email { $value }: that is not a whole e-mail address (e.g. erika.muster@example.de)
domain-search-nothing = look for what? Give --name, --postcode or --email

## store::read_only
store-read-only-old-schema = { $path } is read-only and has schema version { $version }, this krm needs { $known }: make a writable copy (cp) and open that

store-log-purge-reads = { $count ->
    [one] 1 entry
   *[other] { $count } entries
} of the access log deleted (older than { $days } days)

## commands::reads
cmd-reads-not-logged = note: { $path } is a read-only copy (e.g. a backup); this read of customer data is not logged
cmd-reads-busy = the register { $path } stayed busy for more than { $seconds } s; without an entry in the access log krm shows no customer data – please try again in a moment
cmd-reads-purged = { $count ->
        [one] 1 entry
       *[other] { $count } entries
    } of the access log deleted (older than { $days } days)

## audit --reads
cmd-audit-reads-col = Columns of the access log
    .date = Date
    .time = Time
    .who = Who
    .account = Account
    .kind = Read
    .criteria = Criteria
    .hits = Hits
    .cases = Cases

## search
cmd-search-none = No case found.
cmd-search-col = Columns of the search
    .case = KRM no.
    .received = Received
    .type = Type
    .status = Status
    .name = Name

## subject-access
cmd-subject-access-nothing = whose data? Give --name, --postcode, --email or --case KRM-NO (krm search finds a person's cases)
cmd-subject-access-no-csv = subject access comes as JSON (--format json) or as text (--format table), not as CSV
cmd-subject-access-written = { $count ->
        [0] Subject access (no cases)
        [one] Subject access for 1 case
       *[other] Subject access for { $count } cases
    } written to { $path }
cmd-subject-access-title = Information under GDPR art. 15 and § 83 SGB X from the KRM register, made on { $day }
cmd-subject-access-found-by = Found by: { $criteria }
cmd-subject-access-count = { $count ->
        [0] The register holds no data about this person.
        [one] The register holds 1 case about this person.
       *[other] The register holds { $count } cases about this person.
    }
cmd-subject-access-case = Case { $krm_no }
cmd-subject-access-messages = Letters to the person
cmd-subject-access-message-col = Columns of the letters
    .date = Date
    .kind = Kind
    .promised = Promised by
    .contact = Contact person
cmd-subject-access-escalations = Escalations
cmd-subject-access-escalation-col = Columns of the escalations
    .date = Date
    .levels = Level
    .reason = Reason
    .appointment = Appointment
