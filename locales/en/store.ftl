# What the register store says: opening, schema, stored values, deadlines.
store-policy-missing = policy { $id } missing
store-answer-from-ack = counted from the acknowledgment on { $on }, the answer deadline
store-unknown-stored = unknown { $what } '{ $value }'
store-stored = stored values
    .status = case status
    .message-kind = message kind
    .retention-mode = retention mode
store-unknown-event = unknown event '{ $key }': the register was written by a newer krm
store-migration-failed = schema migration step { $step } failed
store-newer-schema = this register has schema version { $version }, but krm { $krm } knows only versions up to { $known }: it was written by a newer krm; use that version (nothing was changed)
store-no-register = no register at { $path } — run 'krm init' first (or 'krm demo' to try krm on a demo register)
store-read-only = cannot write the register { $path }: permission denied (it is read-only for you)
store-memory-second-connection = a register in memory has no second connection
store-cannot-create-dir = cannot create the directory { $dir }
store-new-register = the new register
store-journal-stayed = cannot finish the new register { $path }: its journal stayed behind
store-cannot-open = cannot open the register { $path }
store-no-wal = cannot switch the register to WAL mode (journal mode is { $mode })
store-not-sqlite = { $path } is not a krm register: it is not an SQLite database at all; nothing was changed
store-busy = the register { $path } is busy: another program has held its lock for more than { $seconds } s; nothing was changed — try again
store-disk-full = cannot open the register { $path }: the disk is full; nothing was changed — free some space
store-damaged = the register { $path } is damaged ({ $cause }); nothing was changed — restore it from a backup (a backup is a register: copy it into place)
store-unreadable = cannot read the register { $path }: { $cause }; nothing was changed
store-unknown-day-unit = policy { $id }: unknown day unit '{ $unit }'
store-deadline-of-case = a deadline of the case received on { $received }
store-no-policy = the register has no policy
store-not-a-closure-day = { $day } is not a closure day (see 'krm calendar list')
store-answer-deadline = the answer deadline
store-ack-deadline = the acknowledgment deadline
store-for-received = for --received { $received }, { $what }
# What the register's own history says (written in the language of the person who made the change).
store-log-init = register created with policy { $preset }; { $officer } is its officer
store-log-user-add = { $name } as { $role }
store-log-setting = { $key }: { $old } → { $new }
store-log-load = { $count ->
    [one] 1 case loaded
   *[other] { $count } cases loaded
}, { $first } to { $last }
store-log-policy-set = version { $id } from { $from }: ack { $ack } { $ack_unit } for { $ack_scope }, answer { $answer } { $answer_unit } from { $answer_from } for { $answer_scope }, retention { $years } years ({ $mode }), state { $state }
store-log-purge = { $count ->
    [one] 1 case
   *[other] { $count } cases
} ({ $mode }), closed { $first } to { $last }

## people
store-log-user-login = account of { $name }: { $login }
store-log-user-units = units of { $name }: { $units }
store-log-user-retire = { $name } retired
store-log-user-role = { $name }: role { $from } → { $role }
store-login-taken = the account '{ $login }' is already mapped to { $holder } (an account belongs to one person only)
store-no-such-user = '{ $name }' is not a user of this register (krm user list shows all)

## Removal (krm remove)
store-log-remove = case { $no } removed ({ $reason ->
    [mistake] mistake
   *[erasure_request] erasure request
}), with all its data; the number is never given again
