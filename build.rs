//! Embeds the message files: every `locales/<lang>/*.ftl` becomes a
//! `(lang, file name, text)` entry of `$OUT_DIR/locales.rs`, so adding a file
//! needs no list kept by hand, and the binary carries its texts.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    for lang in ["de", "en"] {
        let dir = root.join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("directory entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let name = file.file_name().and_then(|n| n.to_str()).expect("UTF-8 file name").to_owned();
            entries.push((lang, name, file));
        }
    }
    let mut out = String::from("pub const FILES: &[(&str, &str, &str)] = &[\n");
    let mut index = Vec::new();
    for (n, (lang, name, path)) in entries.iter().enumerate() {
        writeln!(out, "    ({lang:?}, {name:?}, include_str!({:?})),", path.display().to_string()).unwrap();
        let text = std::fs::read_to_string(path).expect("read a message file");
        for line in text.lines() {
            if let Some(id) = message_id(line) {
                index.push((lang.to_string(), id.to_owned(), n));
            }
        }
    }
    out.push_str("];\n");
    // Which file defines which message, so that a command parses only the
    // files whose messages it prints (sorted for a binary search).
    index.sort();
    out.push_str("pub const INDEX: &[(&str, &str, usize)] = &[\n");
    for (lang, id, n) in index {
        writeln!(out, "    ({lang:?}, {id:?}, {n}),").unwrap();
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("locales.rs");
    std::fs::write(target, out).expect("write locales.rs");
}

/// The id a line of a Fluent file defines, if it starts a message.
fn message_id(line: &str) -> Option<&str> {
    let end = line.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))?;
    let (id, rest) = line.split_at(end);
    let starts = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    (starts && rest.trim_start().starts_with('=')).then_some(id)
}
