#!/usr/bin/env bash
# System test of the shared install (README: "Installing a shared register"):
# a set-group-id krm, a register in a directory of the group `krm` that people
# are not members of, and real accounts made with useradd. Runs as root (CI
# does; .ci/run runs it); it builds the debug binary unless KRM_BIN names one.
# It writes /etc/krm/krm.conf (the path a set-group-id krm reads) and puts back
# whatever was there; accounts, group and files go again at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "$(id -u)" != 0 ]; then
    echo "tests/system/setgid.sh must run as root (it makes accounts and a set-group-id binary)" >&2
    exit 1
fi
for tool in useradd userdel groupadd groupdel runuser stat install; do
    command -v "$tool" >/dev/null || { echo "setgid.sh needs $tool" >&2; exit 1; }
done

BIN=${KRM_BIN:-}
if [ -z "$BIN" ]; then
    cargo build --quiet
    BIN="${CARGO_TARGET_DIR:-target}/debug/krm"
fi

GROUP=krm
OFFICER=krm-st-officer   # the officer's account (register user anna)
LEAD=krm-st-lead         # a team lead (register user tl.nord)
ANALYST=krm-st-analyst   # an analyst (register user ana)
OUTSIDER=krm-st-out      # an account without a register user
PEOPLE="$OFFICER $LEAD $ANALYST $OUTSIDER"
CONF=/etc/krm/krm.conf
W=$(mktemp -d /var/tmp/krm-setgid.XXXXXX)
chmod 755 "$W"
made_group=no made_etc=no saved_conf=""

cleanup() {
    set +e
    for p in $PEOPLE; do userdel "$p" >/dev/null 2>&1; done
    [ "$made_group" = yes ] && groupdel "$GROUP"
    if [ -n "$saved_conf" ]; then mv "$saved_conf" "$CONF"; else rm -f "$CONF"; fi
    [ "$made_etc" = yes ] && rmdir /etc/krm
    rm -rf "$W"
}
trap cleanup EXIT

fails=0
ok()   { echo "ok   $*"; }
bad()  { echo "FAIL $*" >&2; fails=$((fails + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }

if getent group "$GROUP" >/dev/null; then
    echo "setgid.sh: the group $GROUP exists already; run it where it does not (a CI container)" >&2
    exit 1
fi
groupadd "$GROUP" && made_group=yes
for p in $PEOPLE; do
    useradd -M -s /bin/sh "$p"
    mkdir -p "$W/home/$p" && chown "$p:" "$W/home/$p" && chmod 700 "$W/home/$p"
done

# The install of the README, in a temporary place.
install -d -m 755 "$W/bin"
install -o root -g "$GROUP" -m 2755 "$BIN" "$W/bin/krm"
KRM="$W/bin/krm"
install -d -o root -g "$GROUP" -m 2770 "$W/lib" "$W/lib/backups"
[ -d /etc/krm ] || { mkdir -m 755 /etc/krm && made_etc=yes; }
if [ -e "$CONF" ]; then saved_conf="$W/krm.conf.saved"; cp -p "$CONF" "$saved_conf"; fi
cat > "$CONF" <<CONFIG
# the shared register of the system test
register = $W/lib/krm.sqlite
backup_dir = $W/lib/backups
group = $GROUP
CONFIG
DB="$W/lib/krm.sqlite"

# `as ACCOUNT CMD…`: runs CMD as that account, in its home, with a clean
# environment (no KRM_* unless given with env).
as() {
    local who=$1; shift
    runuser -u "$who" -- env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$W/home/$who" \
        sh -c 'cd "$HOME" && exec "$@"' sh "$@"
}
# `code ACCOUNT CMD…`: the exit code of that run.
code() { local rc=0; as "$@" >/dev/null 2>"$W/stderr" || rc=$?; echo "$rc"; }

# Every register file, its journals included: the group's, never anyone else's.
journal_modes_ok() {
    local f mode group
    for f in "$DB" "$DB-wal" "$DB-shm" "$DB-journal"; do
        [ -e "$f" ] || continue
        mode=$(stat -c %a "$f"); group=$(stat -c %G "$f")
        if [ $((8#$mode & 8#007)) -ne 0 ] || [ "$group" != "$GROUP" ]; then
            echo "  $f: mode $mode, group $group" >&2
            return 1
        fi
    done
}

TODAY=$(date +%F)

# --- set up: root makes the register, the officer adds people and a case
check "root creates the register" "$KRM" init --officer anna --login "$OFFICER"
check "the register is 0660, group $GROUP" \
    test "$(stat -c '%a %G' "$DB")" = "660 $GROUP"
check "the officer adds a team lead" as "$OFFICER" "$KRM" user add tl.nord --role teamlead --login "$LEAD"
check "the officer adds an analyst" as "$OFFICER" "$KRM" user add ana --role analyst --login "$ANALYST"
# An analyst evaluates by the office's grant (HRO 3.9; issue 15), recorded in the history.
check "the officer grants the analyst evaluation" as "$OFFICER" "$KRM" policy procedure --grant-evaluation analyst
NO=$(as "$OFFICER" "$KRM" record --no-input --type beschwerde --form email --group an --intake krm \
    --unit "Team 1" --concern 1.2.1 --phone "0381 000" --last-name Systemtest)
check "the officer records a case ($NO)" test -n "$NO"
check "the officer assigns it" as "$OFFICER" "$KRM" assign "$NO" --to tl.nord
check "root names a user with --user; the history names anna" \
    sh -c "'$KRM' --user anna audit | grep -q anna"
check "the case's timeline names the officer's account" \
    sh -c "'$KRM' --user anna --format json show '$NO' | grep -q '\"os_user\": *\"$OFFICER\"'"
check "register files stay the group's" journal_modes_ok

# --- people reach the register only through krm, within their role
for p in $LEAD $ANALYST $OUTSIDER; do
    check "$p cannot read the register file directly" test "$(code "$p" cat "$DB")" != 0
    check "$p cannot list its directory" test "$(code "$p" ls "$W/lib")" != 0
done
check "the team lead lists cases" test "$(code "$LEAD" "$KRM" list)" = 0
check "the team lead sees the customer of an own case" \
    sh -c "runuser -u '$LEAD' -- '$KRM' show '$NO' | grep -q Systemtest"
check "the team lead may not record (exit 5)" \
    test "$(code "$LEAD" "$KRM" record --no-input --type lob --form email --group an --intake krm --unit 'Team 1' --concern 4.6)" = 5
check "the analyst may not list cases (exit 5)" test "$(code "$ANALYST" "$KRM" list)" = 5
check "an account without a register user is refused (exit 5)" test "$(code "$OUTSIDER" "$KRM" list)" = 5
check "… and told so" grep -q "$OUTSIDER" "$W/stderr"

# --- what a person may not choose
check "--db is refused (exit 5)" test "$(code "$LEAD" "$KRM" --db "$W/home/$LEAD/own.sqlite" list)" = 5
check "KRM_DB is refused (exit 5)" test "$(code "$LEAD" env KRM_DB="$W/home/$LEAD/own.sqlite" "$KRM" list)" = 5
check "XDG_DATA_HOME does not move the register" \
    test "$(code "$LEAD" env XDG_DATA_HOME="$W/home/$LEAD" "$KRM" list)" = 0
check "--user naming someone else is refused (exit 5)" test "$(code "$LEAD" "$KRM" --user anna list)" = 5
check "KRM_USER naming someone else is refused (exit 5)" test "$(code "$ANALYST" env KRM_USER=anna "$KRM" report)" = 5
check "--today is refused for reading (exit 5)" test "$(code "$LEAD" "$KRM" --today 2020-01-02 list)" = 5
check "--today is refused for purge (exit 5)" test "$(code "$OFFICER" "$KRM" --today 2099-01-01 purge)" = 5
chmod 666 "$CONF"
check "a configuration file others may change is refused (exit 3)" test "$(code "$LEAD" "$KRM" list)" = 3
chmod 644 "$CONF"
check "the case is still there" sh -c "'$KRM' --user anna list | grep -q '$NO'"

# --- files a person asks for are theirs, 0600; backups the group's
check "the analyst exports to a file" as "$ANALYST" "$KRM" export --out export.csv
check "the export is 0600 and the analyst's" \
    test "$(stat -c '%a %U %G' "$W/home/$ANALYST/export.csv")" = "600 $ANALYST $(id -gn "$ANALYST")"
check "the analyst writes a report to a file" as "$ANALYST" "$KRM" report --out report.txt
check "the report is 0600 and the analyst's" \
    test "$(stat -c '%a %U' "$W/home/$ANALYST/report.txt")" = "600 $ANALYST"
check "no export into the register's directory" \
    test "$(code "$ANALYST" "$KRM" export --out "$W/lib/stolen.csv")" != 0
check "… and nothing landed there" test ! -e "$W/lib/stolen.csv"
check "no import of the register itself" test "$(code "$OFFICER" "$KRM" import "$DB")" != 0
check "the officer makes a backup" as "$OFFICER" "$KRM" backup nightly.sqlite
check "the backup is in the backup directory, group $GROUP, mode 0040" \
    test "$(stat -c '%a %G' "$W/lib/backups/nightly.sqlite")" = "40 $GROUP"
check "the backup is a register with the case (root, another krm)" \
    sh -c "'$BIN' --db '$W/lib/backups/nightly.sqlite' --user anna list 2>/dev/null | grep -q '$NO'"
check "the officer cannot read the backup" test "$(code "$OFFICER" cat "$W/lib/backups/nightly.sqlite")" != 0
check "a backup elsewhere is refused (exit 5)" \
    test "$(code "$OFFICER" "$KRM" backup "$W/home/$OFFICER/mine.sqlite")" = 5
check "… and not written" test ! -e "$W/home/$OFFICER/mine.sqlite"

# --- the journals while krm works: a long import, its files watched
{
    echo "type;form;group;intake;received;unit;concern;summary"
    for i in $(seq 1 4000); do echo "anregung;email;an;krm;$TODAY;Team 1;5.1;Vorschlag Nummer $i"; done
} > "$W/home/$OFFICER/many.csv"
chown "$OFFICER" "$W/home/$OFFICER/many.csv"
as "$OFFICER" "$KRM" import many.csv >/dev/null 2>&1 &
importer=$!
seen=0 modes_ok=yes
while kill -0 "$importer" 2>/dev/null; do
    if [ -e "$DB-wal" ] || [ -e "$DB-shm" ]; then
        seen=$((seen + 1))
        journal_modes_ok || modes_ok=no
        for p in $LEAD $OUTSIDER; do
            [ "$(code "$p" cat "$DB-wal")" != 0 ] || modes_ok=no
        done
    fi
    sleep 0.05
done
wait "$importer" && ok "the officer imports 4000 cases" || bad "the officer imports 4000 cases"
check "the journals were watched while krm had them open ($seen looks)" test "$seen" -gt 0
check "… and never readable by people" test "$modes_ok" = yes
for p in $LEAD $ANALYST; do as "$p" "$KRM" due >/dev/null 2>&1 || true; done
check "register files stay the group's after all of it" journal_modes_ok
check "no temporary file of krm's is left beside the register" \
    sh -c "! ls -A '$W/lib' | grep -q '^\.krm-'"

if [ "$fails" -ne 0 ]; then
    echo "setgid.sh: $fails checks failed" >&2
    exit 1
fi
echo "setgid.sh: all checks passed"
