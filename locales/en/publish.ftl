# Issue 18: the facts and publishing them to PostgreSQL.
facts-month-or-year = Facts are made for a finished month (--month YYYY-MM) or a finished year (--year YYYY).
domain-publish-running = { $period } is still running (today is { $today }): only finished periods are published, judged at the end of their last day.
domain-publish-no-decision = No decision of the office to publish is on record. The office decides first (e.g. the Geschäftsführung), then: krm publish decide --by "…" --on YYYY-MM-DD
domain-publish-stopped = Publishing was stopped ({ $by }, { $on }); a new decision: krm publish decide --by "…" --on YYYY-MM-DD
domain-publish-decision-later = The decision to publish applies only from { $on } (today is { $today }).
domain-publish-no-code = The office profile has no office code to publish under: krm office set --code CODE
domain-publish-bad-setting = { $flag }: { $value } will not do (host: a name or address; port: 1–65535; database and role: letters, digits, _ - .; files: an absolute path).
store-log-publish-setting = publishing { $key }: { $old } → { $new }
store-log-publish-decided = decision to publish: { $by }, { $on } (without tables per unit)
store-log-publish-decided-units = decision to publish: { $by }, { $on } (with the annual tables per unit)
store-log-publish-stop = decision to stop publishing: { $by }, { $on }
store-log-published = published: { $period } to { $target }, { $rows } rows ({ $added } new, { $changed } changed, { $removed } gone)
pg-cannot-read = The { $what ->
    [ca] CA file
    [cert] client certificate
    [key] key file
   *[passfile] password file
} { $path } cannot be read.
pg-file-not-private = Others may read the { $what ->
    [ca] CA file
    [cert] client certificate
    [key] key file
   *[passfile] password file
} { $path } (mode { $mode }): it must be readable by its owner only (chmod 600).
pg-no-ca = No CA certificates to check the server's certificate against: krm publish setup --ca-file FILE (or ~/.postgresql/root.crt).
pg-cannot-connect = Cannot connect to { $target } as { $user }: { $reason }
pg-publish-failed = Publishing failed, nothing was committed: { $reason }
pg-office-unknown = The office { $office } is not registered in the database; the statisticians register it (docs/PUBLISH.md). Nothing was committed.
cmd-publish-clear-unknown = --clear { $name }: unknown (host, port, database, role, ca-file, cert-file, key-file, password-file).
cmd-publish-setup-nothing = Nothing to set: --host, --port, --database, --role, --ca-file, --cert-file, --key-file, --password-file or --clear.
cmd-publish-setup-done = { $changed ->
    [0] Nothing changed.
    [one] One setting changed.
   *[other] { $changed } settings changed.
}
cmd-publish-setup-missing = A connection still needs: { $flags }
cmd-publish-decide-no-by = --by: who decided, e.g. "Geschäftsführung, Frau Dr. Beispiel".
cmd-publish-decide-future = --on { $on } is after today ({ $today }): a decision taken is recorded.
cmd-publish-decided = Decision recorded: publish, without tables per unit ({ $by }, { $on }).
cmd-publish-decided-units = Decision recorded: publish, with the annual tables per unit ({ $by }, { $on }).
cmd-publish-decided-stop = Decision recorded: stop publishing ({ $by }, { $on }).
cmd-publish-show-target = Connection:
cmd-publish-show-publication = { $period }: { $on } by { $by } to { $target }, { $rows } rows ({ $added } new, { $changed } changed, { $removed } gone)
cmd-publish-no-target = Where to publish is not fully set up; missing: { $flags } (krm publish setup).
cmd-publish-dry-run = Dry run: { $rows } rows for { $period } of office { $office } to { $target }; nothing sent, nothing recorded.
cmd-publish-units-withdrawn = The table { $table } is no longer published for this period: a correction would have uncovered merged units.
cmd-publish-units-all-merged = The table { $table } is not published: no unit could be shown on its own (too few units or cases above the threshold).
cmd-publish-first = Published: { $period } of office { $office } to { $target }, { $rows } rows.
cmd-publish-unchanged = Published again: { $period } of office { $office } to { $target }, { $rows } rows, unchanged.
cmd-publish-replaced = Published again: { $period } of office { $office } to { $target }, { $rows } rows; replaced: { $added } new, { $changed } changed, { $removed } gone.
cmd-publish-not-built = This krm was built without the feature "publish"; krm export --facts writes the facts to a file.
export-facts-format = export --facts writes CSV (the default) or JSON (--format json).
export-facts-written = Facts { $period }: { $rows } rows written to { $path }.
