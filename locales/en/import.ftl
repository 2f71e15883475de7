# krm import, purge, backup and the data generator (examples/generate).

## import: reading the file
import-not-text = not valid UTF-8 text, nor Windows-1252 without control characters (save the file as UTF-8; from Excel: 'CSV UTF-8')
import-header-unreadable = cannot read the header row: { $cause }
import-no-header = the file has no header row (expected columns like: { $columns })
import-column-twice = column { $column } appears twice
import-column-unknown = unknown column { $column } (valid: { $valid })
import-row-unreadable = cannot read the row: { $cause }
import-row-too-long = the row is { $size } bytes long; at most { $most } (1 MiB)
import-row-fields = { $fields ->
        [one] 1 field
       *[other] { $fields } fields
    }, but the header has { $columns ->
        [one] 1 column
       *[other] { $columns } columns
    } (check the separator '{ $separator }' and quotes)
import-read-as-windows-1252 = { $file }: read as Windows-1252 (it is not UTF-8; German Excel saves 'CSV' so)

## import: the file
import-file-missing = no import file { $file }
import-file-unreadable = cannot read the import file { $file }: { $cause }
import-file-too-large = { $file } is larger than { $mib } MiB, the most one import reads; nothing was imported — split it into smaller files
import-refused = { $file }: { $count ->
        [one] 1 problem
       *[other] { $count } problems
    }; nothing was imported
import-line = line { $line }: { $problem }
import-more-problems = … and { $count } more
import-before = { $file } was imported before, on { $day } by { $user } ({ $count ->
        [one] 1 case
       *[other] { $count } cases
    }{ $purged }: { $numbers }); a file with the same content is not imported twice, nothing was imported
import-before-all-purged = { $file } was imported before, on { $day } by { $user } ({ $count ->
        [one] 1 case, since purged at the end of its retention period
       *[other] { $count } cases, all since purged at the end of their retention period
    }); a file with the same content is not imported twice, nothing was imported
import-before-some-purged = {", "}{ $count } of them since purged
import-and-more = and { $count } more

## import: the outcome
import-no-rows = { $file }: no rows to import
import-dry-run = { $file }: { $count ->
        [one] the 1 row is valid
       *[other] all { $count } rows are valid
    }; nothing was recorded (--dry-run)
import-saved-anyway = { $count ->
        [one] 1 case was imported and is saved
       *[other] { $count } cases were imported and are saved
    }
import-done = imported { $count ->
        [one] 1 case
       *[other] { $count } cases
    } from { $file } ({ $first } … { $last })
import-progress-check = checking rows
import-progress-repeats = looking for repeats
import-progress-write = recording cases

## import: rows that repeat a case or an earlier row
import-repeat = note: line { $line } matches { $same } in every field
import-repeat-recorded = note: line { $line } ({ $no }) matches { $same } in every field
import-repeat-cases = { $count ->
        [one] case { $numbers }
       *[other] cases { $numbers }
    }
import-repeat-rows = { $count ->
        [one] line { $lines }
       *[other] lines { $lines }
    } of this file
import-and = and
import-repeat-more = note: … and { $count ->
        [one] 1 more line
       *[other] { $count } more lines
    }
import-repeats-recorded = { $count ->
        [one] 1 row repeats an existing case or an earlier row; it was recorded all the same{ $flagged ->
            [0] {""}
           *[other] {" "}and flagged as repeated (to undo: krm flag KRM-NO repeated --off)
        }
       *[other] { $count } rows repeat existing cases or earlier rows; they were recorded all the same{ $flagged ->
            [0] {""}
           *[other] , { $flagged } of them flagged as repeated (to undo: krm flag KRM-NO repeated --off)
        }
    }
import-repeats-would = { $count ->
        [one] 1 row repeats an existing case or an earlier row; it would be recorded all the same{ $flagged ->
            [0] {""}
           *[other] {" "}and flagged as repeated
        }
       *[other] { $count } rows repeat existing cases or earlier rows; they would be recorded all the same{ $flagged ->
            [0] {""}
           *[other] , { $flagged } of them flagged as repeated
        }
    }

## purge
purge-heading-no = KRM no.
purge-heading-closed = closed
purge-heading-would = would be
purge-would-delete = deleted
purge-would-pseudonymize = pseudonymised (the KRM number stays)
purge-would-anonymize = anonymised (only month and year figures remain)
purge-dry-run = { $count ->
        [one] 1 case
       *[other] { $count } cases
    } ({ $deleted } to delete, { $pseudonymized } to pseudonymise, { $anonymized } to anonymise); nothing was changed (--dry-run)
purge-progress = deleting, pseudonymising or anonymising cases
purge-progress-wipe = wiping old copies
purge-dry-run-records = Also past their retention: { $history } entries of the register's history, { $logs } of the purge and removal logs, the names of { $users } retired users, { $reads } entries of the access log, { $measures } countermeasures
purge-measures-expired = { $count ->
        [one] 1 countermeasure
       *[other] { $count } countermeasures
    } deleted after their retention (data-protection setting measure_years), with their steps
purge-register-expired = Deleted after their retention (data-protection setting audit_years): { $history ->
        [one] 1 entry
       *[other] { $history } entries
    } of the register's history, { $purge_log ->
        [one] 1 entry
       *[other] { $purge_log } entries
    } of the purge log, the names of { $users ->
        [one] 1 retired user
       *[other] { $users } retired users
    }
purge-done = purged { $count ->
        [one] 1 case
       *[other] { $count } cases
    } closed { $first } to { $last }: { $deleted } deleted, { $pseudonymized } pseudonymised, { $anonymized } anonymised; old copies wiped from { $wiped } of { $pages } pages
purge-journal-kept-after-purge = the purge is done, but another krm kept reading, so the journal (-wal) still holds the old pages; run 'krm purge' again to empty it
purge-journal-kept-nothing-due = nothing was due, but another krm kept reading, so the journal (-wal) still holds the old pages; run 'krm purge' again to empty it
purge-checkpoint-busy = another krm kept reading, so the journal could not be emptied; try again

## backup
backup-progress = writing the backup
backup-done = backup written to { $path } (mode 0600); open it with 'krm --db { $path } …'

## the data generator (examples/generate)
generate-progress = making cases
generate-progress-indexes = building indexes
generate-done = { $count ->
        [one] 1 case
       *[other] { $count } cases
    } in { $seconds } s → { $path }
generate-officer = its officer is { $officer } (with { $leads } team leads, tl00 to { $last }): run krm on it with --db { $path } --user { $officer } (or KRM_USER={ $officer })
generate-maker-failed = the case maker failed

## backup of a shared install
backup-no-dir = the shared register has no place for backups: 'backup_dir = PATH' is missing in { $config }
backup-outside-dir = { $path }: backups of the shared register go into { $dir } only (a file name alone will do)
backup-done-shared = backup written to { $path } (mode 0040: only the register's group reads it); the administrator restores it
