#!/usr/bin/env bash
# The krm benchmark: generates registers of 10,000, 100,000 and 1,000,000 cases
# (once; kept in $BENCH_DIR) and measures krm's commands beside the sqlite3
# shell on the same files. Needs cargo and, for the comparison, sqlite3.
#   bench/run.sh                 # all three sizes
#   SIZES="10000" bench/run.sh   # just one
#   READS_ONLY=1 bench/run.sh    # only the measurement of issue 14 (reads logged)
# KRM_BASELINE=BIN KRM_BASELINE_DB=FILE: a krm binary without the access log
# (e.g. built from the commit before it) and a copy of the register of its
# schema, to compare `show` against as well.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/krm-bench}
SIZES=${SIZES:-"10000 100000 1000000"}
RUNS=${RUNS:-5}
TARGET=${CARGO_TARGET_DIR:-target}
mkdir -p "$BENCH_DIR"
cargo build --release --quiet --bin krm --example generate --example bench

# Milliseconds of one run of krm with the given environment and arguments.
ms() {
  local start end
  start=$(date +%s%N)
  env "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000 ))
}

# The median of the numbers on stdin (microseconds), in ms with one decimal.
median() {
  sort -n | awk '{ v[NR] = $1 } END { m = v[int((NR + 1) / 2)]; printf "%.1f", m / 1000 }'
}

# Issue 14, reads logged: `show` of one case by the officer (customer data,
# so the read is logged before it prints) in turns with `show` by
# management (no customer data, nothing logged; otherwise the same work),
# RUNS_READS times each; with KRM_BASELINE also the binary before the log,
# in the same turns.
# Then `search` (a scan of every customer) and `subject-access`.
reads() {
  local db=$1 krm=$TARGET/release/krm runs=${RUNS_READS:-31}
  local env=(KRM_DB="$db" KRM_TODAY=2026-11-20)
  "$krm" --db "$db" --today 2026-11-20 --user anna --format csv user list | grep -q '^gf,' ||
    "$krm" --db "$db" --today 2026-11-20 --user anna user add gf --role management >/dev/null
  local probe
  probe=$(sqlite3 "$db" "SELECT printf('%04d-%04d', year, seq) FROM krm_case WHERE id = (SELECT max(id) / 2 FROM krm_case)")
  local base=""
  if [ -n "${KRM_BASELINE:-}" ] && [ -n "${KRM_BASELINE_DB:-}" ]; then
    base=$KRM_BASELINE_DB
  fi
  local logged=() unlogged=() before=() i
  "$krm" --db "$db" --today 2026-11-20 --user anna show "$probe" >/dev/null
  for ((i = 0; i < runs; i++)); do
    logged+=("$(ms "${env[@]}" KRM_USER=anna "$krm" show "$probe")")
    unlogged+=("$(ms "${env[@]}" KRM_USER=gf "$krm" show "$probe")")
    if [ -n "$base" ]; then
      before+=("$(ms KRM_DB="$base" KRM_TODAY=2026-11-20 KRM_USER=anna "$KRM_BASELINE" show "$probe")")
    fi
  done
  local l u
  l=$(printf '%s\n' "${logged[@]}" | median)
  u=$(printf '%s\n' "${unlogged[@]}" | median)
  echo "reads logged ($(basename "$db")): show $probe, median of $runs turns each"
  echo "  officer (customer data, logged)   $l ms"
  echo "  management (nothing logged)       $u ms   ratio $(awk -v a="$l" -v b="$u" 'BEGIN { printf "%.2f", a / b }')"
  if [ -n "$base" ]; then
    local b
    b=$(printf '%s\n' "${before[@]}" | median)
    echo "  officer, krm before the log       $b ms   ratio $(awk -v a="$l" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
  fi
  local search=() access=()
  for ((i = 0; i < 5; i++)); do
    search+=("$(ms "${env[@]}" KRM_USER=anna "$krm" search --name "Schneider" --postcode 18057)")
    access+=("$(ms "${env[@]}" KRM_USER=anna "$krm" --format json subject-access --email nobody@example.de)")
  done
  echo "  search --name --postcode          $(printf '%s\n' "${search[@]}" | median) ms (median of 5)"
  echo "  subject-access --email            $(printf '%s\n' "${access[@]}" | median) ms (median of 5)"
}

for n in $SIZES; do
  db="$BENCH_DIR/$n.sqlite"
  if [ ! -f "$db" ]; then
    "$TARGET"/release/examples/generate --cases "$n" --db "$db"
  fi
  echo
  if [ -z "${READS_ONLY:-}" ]; then
    "$TARGET"/release/examples/bench --db "$db" --runs "$RUNS" --krm "$TARGET"/release/krm
  fi
  reads "$db"
done
