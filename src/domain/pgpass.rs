//! The password file of PostgreSQL's convention (`~/.pgpass`, or the file
//! `PGPASSFILE` names): lines `host:port:database:user:password`, `*`
//! matching anything in the first four fields, `\:` and `\\` escaping, `#`
//! starting a comment. The first line that matches is used, as libpq does.
//! That the file is readable by its owner only is checked where it is read.

/// The password of the first line matching host, port, database and user.
pub fn lookup(text: &str, host: &str, port: &str, database: &str, user: &str) -> Option<String> {
    let wanted = [host, port, database, user];
    text.lines().filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty()).find_map(|line| {
        let fields = split(line);
        if fields.len() < 5 {
            return None;
        }
        let matches = fields.iter().zip(wanted).all(|(f, w)| f == "*" || f == w);
        // The password is the rest of the line, colons and all.
        matches.then(|| fields[4..].join(":"))
    })
}

/// The fields of a line, unescaped.
fn split(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    fields.last_mut().expect("one field").push(next);
                }
            }
            ':' => fields.push(String::new()),
            c => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_matching_line_gives_the_password() {
        let file = "# krm\n\
                    stat.example.de:5432:krm_stat:jc_bs:geheim\n\
                    *:*:krm_stat:jc_hro:an\\:der\\\\See\n\
                    *:*:*:*:fallback:with:colons\n";
        let cases = [
            (("stat.example.de", "5432", "krm_stat", "jc_bs"), Some("geheim")),
            (("stat.example.de", "5433", "krm_stat", "jc_bs"), Some("fallback:with:colons")),
            (("other", "5432", "krm_stat", "jc_hro"), Some("an:der\\See")),
            (("other", "1", "x", "y"), Some("fallback:with:colons")),
        ];
        for ((h, p, d, u), want) in cases {
            assert_eq!(lookup(file, h, p, d, u).as_deref(), want, "{h} {p} {d} {u}");
        }
        assert_eq!(lookup("a:1:b:c:pw\n", "a", "1", "b", "d"), None);
        assert_eq!(lookup("short:line\n", "short", "line", "", ""), None);
    }
}
