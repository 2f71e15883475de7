#!/usr/bin/env bash
# System test of `krm publish` (issue 18) against a real PostgreSQL server.
#
# Installs PostgreSQL from the distribution's packages if it is missing,
# creates a throw-away cluster with initdb in a temporary directory, as an
# unprivileged account, on a free port of 127.0.0.1, with a generated CA and
# a server certificate for "localhost" (so krm's TLS verifies it, host name
# and all); loads docs/publish/schema.sql; makes a role per office (two
# with a password, one with a client certificate) and a statistician; then
# runs tests/system_publish.rs, which builds three registers and checks what
# they publish. The cluster is stopped and removed when done, whatever
# happened.
#
#   bash tests/system/publish.sh          (as root, or with sudo for apt-get)
set -euo pipefail
cd "$(dirname "$0")/../.."

root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

pg_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

PGBIN="$(pg_bin)"
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ] || ! command -v openssl >/dev/null; then
    echo "publish.sh: installing PostgreSQL and openssl from the distribution's packages" >&2
    root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql openssl >/dev/null
    PGBIN="$(pg_bin)"
fi

WORK="$(mktemp -d /tmp/krm-pg.XXXXXX)"
chmod 755 "$WORK"
# The server runs as an unprivileged account: a system account of its own
# when we are root (initdb refuses root), else as ourselves.
if [ "$(id -u)" = 0 ]; then
    RUNAS=krm-pgtest
    id "$RUNAS" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUNAS"
    as() { runuser -u "$RUNAS" -- "$@"; }
    chown "$RUNAS" "$WORK"
else
    as() { "$@"; }
fi

stop() {
    as "$PGBIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap stop EXIT

# A free port: the first from 55432 on that nothing answers.
PORT=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do
    PORT=$((PORT + 1))
done

# The CA, the server's certificate (for localhost and 127.0.0.1), and a
# client certificate for the office that logs in with one (CN = its role).
cd "$WORK"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=krm test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout ca.key -out ca.crt 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' >server.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext -out server.crt 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=jc_b" -keyout client.key -out client.csr 2>/dev/null
printf 'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n' >client.ext
openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile client.ext -out client.crt 2>/dev/null
# A second CA that signed nothing: a server certificate it cannot verify.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=other CA" \
    -addext "basicConstraints=critical,CA:TRUE" -keyout other-ca.key -out other-ca.crt 2>/dev/null
chmod 600 ./*.key
if [ "$(id -u)" = 0 ]; then chown "$RUNAS" server.key; fi
cd - >/dev/null

as "$PGBIN/initdb" -D "$WORK/data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
cat >>"$WORK/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$WORK'
ssl = on
ssl_cert_file = '$WORK/server.crt'
ssl_key_file = '$WORK/server.key'
ssl_ca_file = '$WORK/ca.crt'
fsync = off
EOF
cat >"$WORK/data/pg_hba.conf" <<EOF
local   all       all                     trust
hostssl krm_stat  jc_b    127.0.0.1/32    cert
hostssl all       all     127.0.0.1/32    scram-sha-256
EOF
as "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w start >/dev/null

psql_() { psql -X -q -v ON_ERROR_STOP=1 -h "$WORK" -p "$PORT" -U postgres "$@"; }
psql_ -d postgres -c "CREATE DATABASE krm_stat"
psql_ -d krm_stat -f docs/publish/schema.sql
psql_ -d krm_stat <<'EOF'
CREATE ROLE jc_a LOGIN PASSWORD 'pw-a' IN ROLE krm_office;
CREATE ROLE jc_b LOGIN IN ROLE krm_office;
CREATE ROLE jc_c LOGIN PASSWORD 'pw:c\x' IN ROLE krm_office;
CREATE ROLE statistik LOGIN PASSWORD 'pw-s' IN ROLE krm_statistik;
INSERT INTO krm.office (code, name, db_role) VALUES
    ('JC-A', 'Jobcenter A', 'jc_a'), ('JC-B', 'Jobcenter B', 'jc_b'), ('JC-C', 'Jobcenter C', 'jc_c');
INSERT INTO krm.office_set (name, office) VALUES ('Nord', 'JC-A'), ('Nord', 'JC-B');
EOF

cargo build --quiet --bin krm --example generate
target="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
KRM_BIN="$target/debug/krm" KRM_GENERATE="$target/debug/examples/generate" \
    KRM_PG_PORT="$PORT" KRM_PG_SOCKET="$WORK" KRM_PG_CA="$WORK/ca.crt" KRM_PG_WORK="$WORK" \
    cargo test --quiet --features system-postgres --test system_publish -- --test-threads=1
echo "publish.sh: passed"
