//! The PostgreSQL side of `krm publish` (issue 18, cargo feature
//! `publish`): a TLS connection that verifies the server's certificate and
//! host name (libpq's `verify-full`; there is no weaker mode), with the
//! password from a password file of PostgreSQL's convention (readable by
//! its owner only) or a client certificate; and the publication itself,
//! one transaction per office and period that replaces the period's facts
//! and says what changed. The schema it writes to is `docs/publish/schema.sql`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use postgres::{Client, Config};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

use crate::commands::facts::FactSet;
use crate::domain::facts::{changes, Changes, Fact};
use crate::domain::publish::TargetKey;
use crate::error::refused;

/// Where the system keeps its trusted CA certificates (Debian, Ubuntu,
/// Fedora, openSUSE), tried in turn when no CA file is set and there is no
/// `~/.postgresql/root.crt`.
const SYSTEM_CAS: [&str; 3] =
    ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/ca-bundle.pem"];

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from)
}

/// A file that may hold a secret: refused if others may read it.
fn private_file(path: &Path, what: &str) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(path)
        .with_context(|| crate::tr!("pg-cannot-read", what = what, path = path.display().to_string()))?;
    if meta.permissions().mode() & 0o077 != 0 {
        return Err(refused(crate::tr!(
            "pg-file-not-private",
            what = what,
            path = path.display().to_string(),
            mode = format!("{:o}", meta.permissions().mode() & 0o777)
        )));
    }
    Ok(())
}

/// The TLS configuration: the CA certificates, and the client certificate
/// if one is set.
fn tls(settings: &BTreeMap<TargetKey, String>) -> Result<tokio_postgres_rustls::MakeRustlsConnect> {
    let ca = match settings.get(&TargetKey::CaFile) {
        Some(f) => PathBuf::from(f),
        None => home()
            .map(|h| h.join(".postgresql/root.crt"))
            .filter(|p| p.exists())
            .or_else(|| SYSTEM_CAS.iter().map(PathBuf::from).find(|p| p.exists()))
            .ok_or_else(|| refused(crate::tr!("pg-no-ca")))?,
    };
    let mut roots = rustls::RootCertStore::empty();
    let read_ca = || crate::tr!("pg-cannot-read", what = "ca", path = ca.display().to_string());
    for cert in CertificateDer::pem_file_iter(&ca).with_context(read_ca)? {
        roots.add(cert.with_context(read_ca)?).with_context(read_ca)?;
    }
    if roots.is_empty() {
        return Err(refused(read_ca()));
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots);
    let config = match (settings.get(&TargetKey::CertFile), settings.get(&TargetKey::KeyFile)) {
        (Some(cert), Some(key)) => {
            private_file(Path::new(key), "key")?;
            let read = |p: &str| crate::tr!("pg-cannot-read", what = "cert", path = p.to_string());
            let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
                .with_context(|| read(cert))?
                .collect::<Result<_, _>>()
                .with_context(|| read(cert))?;
            let key = PrivateKeyDer::from_pem_file(key).with_context(|| read(key))?;
            builder.with_client_auth_cert(chain, key)?
        }
        _ => builder.with_no_client_auth(),
    };
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// The password for the connection from the password file (the setting,
/// else `PGPASSFILE`, else `~/.pgpass`), if there is one.
fn password(
    settings: &BTreeMap<TargetKey, String>,
    host: &str,
    port: u16,
    db: &str,
    user: &str,
) -> Result<Option<String>> {
    let file = settings
        .get(&TargetKey::PasswordFile)
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("PGPASSFILE").map(PathBuf::from))
        .or_else(|| home().map(|h| h.join(".pgpass")));
    let Some(file) = file.filter(|f| settings.contains_key(&TargetKey::PasswordFile) || f.exists()) else {
        return Ok(None);
    };
    private_file(&file, "passfile")?;
    let text = std::fs::read_to_string(&file)
        .with_context(|| crate::tr!("pg-cannot-read", what = "passfile", path = file.display().to_string()))?;
    Ok(crate::domain::pgpass::lookup(&text, host, &port.to_string(), db, user))
}

/// Opens the connection the settings describe (they are complete).
pub fn connect(settings: &BTreeMap<TargetKey, String>) -> Result<Client> {
    let get = |k: TargetKey| settings.get(&k).cloned().unwrap_or_default();
    let (host, db, user) = (get(TargetKey::Host), get(TargetKey::Database), get(TargetKey::User));
    let port: u16 = settings.get(&TargetKey::Port).and_then(|p| p.parse().ok()).unwrap_or(5432);
    let mut config = Config::new();
    config
        .host(&host)
        .port(port)
        .dbname(&db)
        .user(&user)
        .application_name("krm")
        .ssl_mode(postgres::config::SslMode::Require)
        .connect_timeout(Duration::from_secs(15));
    if let Some(pw) = password(settings, &host, port, &db, &user)? {
        config.password(pw);
    }
    let tls = tls(settings)?;
    config.connect(tls).map_err(|e| {
        refused(crate::tr!(
            "pg-cannot-connect",
            target = format!("{host}:{port}/{db}"),
            user = user.clone(),
            reason = reason(&e)
        ))
    })
}

/// The server's message, or the client's, without the source chain's noise.
fn reason(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => {
            let mut text = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                text = format!("{text}: {s}");
                source = s.source();
            }
            text
        }
    }
}

/// What a publication did.
pub struct Sent {
    pub changes: Changes,
    /// Whether the period had been published before.
    pub republished: bool,
}

/// Publishes the facts: in one transaction, the period's previous facts
/// of this office are read and replaced and its publication row written.
/// `before_commit` runs when everything is sent and the commit is all that
/// remains (the register records the publication there); if it fails,
/// nothing is committed.
pub fn publish(
    client: &mut Client,
    office: &str,
    facts: &FactSet,
    before_commit: impl FnOnce(&Changes, bool) -> Result<()>,
) -> Result<Sent> {
    let failed = |e: postgres::Error| refused(crate::tr!("pg-publish-failed", reason = reason(&e)));
    let mut tx = client.transaction().map_err(failed)?;
    // Two publications of the same office and period wait for each other.
    tx.execute("SELECT pg_advisory_xact_lock(hashtext('krm:' || $1 || ':' || $2))", &[&office, &facts.period])
        .map_err(failed)?;
    // The statistician registers each office and its role (docs/PUBLISH.md).
    let known: bool =
        tx.query_one("SELECT EXISTS (SELECT 1 FROM krm.office WHERE code = $1)", &[&office]).map_err(failed)?.get(0);
    if !known {
        return Err(refused(crate::tr!("pg-office-unknown", office = office.to_string())));
    }
    let old: Vec<Fact> = tx
        .query(
            "SELECT tbl, key, measure, value FROM krm.fact WHERE office = $1 AND period = $2",
            &[&office, &facts.period],
        )
        .map_err(failed)?
        .into_iter()
        .map(|r| Fact { table: r.get(0), key: r.get(1), measure: r.get(2), value: r.get::<_, i64>(3) as u64 })
        .collect();
    let republished: bool = tx
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM krm.publication WHERE office = $1 AND period = $2)",
            &[&office, &facts.period],
        )
        .map_err(failed)?
        .get(0);
    tx.execute("DELETE FROM krm.fact WHERE office = $1 AND period = $2", &[&office, &facts.period]).map_err(failed)?;
    let tables: Vec<&str> = facts.rows.iter().map(|f| f.table.as_str()).collect();
    let keys: Vec<&str> = facts.rows.iter().map(|f| f.key.as_str()).collect();
    let measures: Vec<&str> = facts.rows.iter().map(|f| f.measure.as_str()).collect();
    let values: Vec<i64> = facts.rows.iter().map(|f| f.value as i64).collect();
    tx.execute(
        "INSERT INTO krm.fact (office, period, tbl, key, measure, value)
         SELECT $1, $2, t, k, m, v FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[]) AS u (t, k, m, v)",
        &[&office, &facts.period, &tables, &keys, &measures, &values],
    )
    .map_err(failed)?;
    tx.execute(
        "INSERT INTO krm.publication (office, period, kind, facts_version, threshold, units, rows, krm_version, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
         ON CONFLICT (office, period) DO UPDATE SET kind = excluded.kind, facts_version = excluded.facts_version,
             threshold = excluded.threshold, units = excluded.units, rows = excluded.rows,
             krm_version = excluded.krm_version, published_at = excluded.published_at",
        &[
            &office,
            &facts.period,
            &facts.kind,
            &(facts.facts_version as i32),
            &(facts.threshold as i32),
            &facts.units,
            &(facts.rows.len() as i32),
            &env!("CARGO_PKG_VERSION"),
        ],
    )
    .map_err(failed)?;
    let changes = changes(&old, &facts.rows);
    before_commit(&changes, republished)?;
    tx.commit().map_err(failed)?;
    Ok(Sent { changes, republished })
}
