#!/usr/bin/env bash
# The krm benchmark: generates registers of 10,000, 100,000 and 1,000,000 cases
# (once; kept in $BENCH_DIR) and measures krm's commands beside the sqlite3
# shell on the same files. Needs cargo and, for the comparison, sqlite3.
#   bench/run.sh                 # all three sizes
#   SIZES="10000" bench/run.sh   # just one
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/krm-bench}
SIZES=${SIZES:-"10000 100000 1000000"}
RUNS=${RUNS:-5}
mkdir -p "$BENCH_DIR"
cargo build --release --quiet --bin krm --example generate --example bench
for n in $SIZES; do
  db="$BENCH_DIR/$n.sqlite"
  if [ ! -f "$db" ]; then
    target/release/examples/generate --cases "$n" --db "$db"
  fi
  echo
  target/release/examples/bench --db "$db" --runs "$RUNS"
done
