//! A picker for long lists (categories, units) that fits any terminal: one
//! page as high as the terminal allows, every line cut to its width (never
//! wrapped, so each frame replaces the last exactly), the code always in
//! front, and a filter typed on the prompt line — a code (`4.2`, `1.2`) or
//! words of the label (`Termin`, `kontakt`), umlauts and case ignored.
//!
//! dialoguer's `FuzzySelect` was the alternative: with `max_length` its page
//! fits, but its fuzzy match ranks `4.2` among every label holding a 4 and a
//! 2, it shows nothing about how many entries match or where the page is,
//! and it hides the cursor. A filter that means "code starts with" or
//! "label contains" is what an officer copying a paper form expects.

use anyhow::Result;
use console::{Key, Term};

use crate::domain::text::fold;
use crate::error::interrupted;

/// One entry: its code (may be empty), label, the context shown after it,
/// and more words the filter finds it by (a category's whole path).
pub struct Choice {
    pub code: String,
    pub label: String,
    pub context: String,
    pub also: String,
}

impl Choice {
    fn matches(&self, words: &[(String, String)]) -> bool {
        words.iter().all(|(raw, folded)| {
            let code_like = raw.chars().all(|c| c.is_ascii_digit() || c == '.');
            if code_like {
                self.code.starts_with(raw.trim_end_matches('.'))
            } else {
                [&self.label, &self.context, &self.also].iter().any(|text| fold(text).contains(folded.as_str()))
            }
        })
    }
}

/// The entries of `choices` matching `query`, by index.
pub fn filter(choices: &[Choice], query: &str) -> Vec<usize> {
    let words: Vec<(String, String)> = query
        .split_whitespace()
        .map(|w| (w.to_string(), fold(w)))
        .filter(|(raw, folded)| !folded.is_empty() || raw.chars().all(|c| c == '.'))
        .collect();
    (0..choices.len()).filter(|&i| choices[i].matches(&words)).collect()
}

/// `text` cut to `width` characters, with `…` where it was cut.
pub fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    if width > 0 {
        out.push('…');
    }
    out
}

/// How many list lines fit under the prompt and the hint on a terminal of
/// `rows` lines, leaving the last line free.
pub fn page_size(rows: usize) -> usize {
    rows.saturating_sub(4).max(1)
}

/// One frame: its lines, none longer than `cols - 1`, and the column of the
/// cursor on the first (the prompt line, where the filter is typed).
pub fn frame(
    prompt: &str,
    query: &str,
    choices: &[Choice],
    shown: &[usize],
    selected: usize,
    top: usize,
    (rows, cols): (usize, usize),
) -> (Vec<String>, usize) {
    let width = cols.saturating_sub(1).max(10);
    let page = page_size(rows);
    let mut lines = Vec::with_capacity(page + 2);
    let head = format!("{prompt}: ");
    // The end of a long filter stays visible: it is what is being typed.
    let room = width.saturating_sub(head.chars().count()).max(1);
    let typed: String = if query.chars().count() > room {
        query.chars().skip(query.chars().count() - room).collect()
    } else {
        query.to_string()
    };
    let first = cut(&format!("{head}{typed}"), width);
    let cursor = first.chars().count();
    lines.push(first);
    let hint = if shown.is_empty() {
        crate::tr!("record-picker-none", query = query)
    } else {
        let last = (top + page).min(shown.len());
        let (from, count, total) = (top + 1, shown.len(), choices.len());
        if count == total {
            crate::tr!("record-picker-hint-all", from = from, to = last, total = total)
        } else {
            crate::tr!("record-picker-hint", from = from, to = last, count = count, total = total)
        }
    };
    lines.push(cut(&hint, width));
    let code_width = choices.iter().map(|c| c.code.chars().count()).max().unwrap_or(0);
    for (row, &i) in shown.iter().enumerate().skip(top).take(page) {
        let c = &choices[i];
        let marker = if row == selected { '>' } else { ' ' };
        let mut line = if code_width == 0 {
            format!("{marker} {}", c.label)
        } else {
            format!("{marker} {:<code_width$}  {}", c.code, c.label)
        };
        if !c.context.is_empty() {
            line.push_str(&format!("  ({})", c.context));
        }
        lines.push(cut(&line, width));
    }
    (lines, cursor)
}

/// Lets the officer choose one of `choices`; returns its index. Ctrl-C
/// ends the form (nothing recorded); Esc clears the filter.
pub fn pick(term: &Term, prompt: &str, choices: &[Choice]) -> Result<usize> {
    let ended = |e: std::io::Error| crate::error::refused(crate::tr!("record-input-ended", cause = e.to_string()));
    let mut query = String::new();
    let mut selected = 0usize;
    let mut top = 0usize;
    let mut drawn = false;
    loop {
        let shown = filter(choices, &query);
        let (rows, cols) = term.size();
        let (rows, cols) = (usize::from(rows), usize::from(cols));
        let page = page_size(rows);
        selected = selected.min(shown.len().saturating_sub(1));
        if selected < top {
            top = selected;
        } else if selected >= top + page {
            top = selected + 1 - page;
        }
        let (lines, cursor) = frame(prompt, &query, choices, &shown, selected, top, (rows, cols));
        let mut out = String::new();
        if drawn {
            out.push_str("\r\x1b[J");
        }
        out.push_str(&lines.join("\r\n"));
        if lines.len() > 1 {
            out.push_str(&format!("\x1b[{}A", lines.len() - 1));
        }
        out.push('\r');
        if cursor > 0 {
            out.push_str(&format!("\x1b[{cursor}C"));
        }
        term.write_str(&out).map_err(ended)?;
        drawn = true;
        match term.read_key_raw().map_err(ended)? {
            Key::Enter if !shown.is_empty() => {
                let chosen = &choices[shown[selected]];
                term.write_str("\r\x1b[J").map_err(ended)?;
                let answer = format!("{} {}", chosen.code, chosen.label);
                term.write_line(&cut(&format!("{prompt}: {}", answer.trim()), cols.saturating_sub(1)))
                    .map_err(ended)?;
                return Ok(shown[selected]);
            }
            Key::CtrlC => {
                term.write_str("\r\x1b[J").map_err(ended)?;
                return Err(interrupted(crate::tr!("record-interrupted")));
            }
            Key::ArrowUp => selected = selected.saturating_sub(1),
            Key::ArrowDown => selected = (selected + 1).min(shown.len().saturating_sub(1)),
            Key::PageUp => selected = selected.saturating_sub(page),
            Key::PageDown => selected = (selected + page).min(shown.len().saturating_sub(1)),
            Key::Home => selected = 0,
            Key::End => selected = shown.len().saturating_sub(1),
            Key::Backspace => {
                query.pop();
                selected = 0;
            }
            Key::Escape => {
                query.clear();
                selected = 0;
            }
            Key::Char(c) if !crate::domain::text::is_unsafe(c) => {
                query.push(c);
                selected = 0;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices() -> Vec<Choice> {
        [
            ("1.2.1", "Beratung", "Arbeitsvermittlung", "Markt und Integration"),
            ("1.2.6", "Kontaktdichte", "Arbeitsvermittlung", "Markt und Integration"),
            ("4.2", "Umgangsformen", "Mitarbeiterverhalten", ""),
            ("4.4", "Termintreue", "Mitarbeiterverhalten", ""),
            ("5.4", "Terminierung (Terminvergabe/Terminabsage)", "Organisation", ""),
            ("1.4.2", "private Arbeitsvermittlung/Vermittlungsgutschein", "Maßnahmen", "Markt und Integration"),
        ]
        .into_iter()
        .map(|(code, label, context, also)| Choice {
            code: code.into(),
            label: label.into(),
            context: context.into(),
            also: also.into(),
        })
        .collect()
    }

    #[test]
    fn filters_by_code_prefix_or_by_word() {
        let c = choices();
        assert_eq!(filter(&c, ""), [0, 1, 2, 3, 4, 5]);
        assert_eq!(filter(&c, "4.2"), [2], "a code, not every label with a 4 and a 2");
        assert_eq!(filter(&c, "1.2"), [0, 1]);
        assert_eq!(filter(&c, "Termin"), [3, 4]);
        assert_eq!(filter(&c, "termin vergabe"), [4]);
        assert_eq!(filter(&c, "KONTAKT"), [1]);
        assert_eq!(filter(&c, "Mitarbeiter"), [2, 3], "the context counts too");
        assert_eq!(filter(&c, "markt integration"), [0, 1, 5], "and the rest of the path");
        assert_eq!(filter(&c, "massnahmen"), [5], "umlauts and ß either way");
        assert_eq!(filter(&c, "gutschein 1.4"), [5]);
        assert!(filter(&c, "xyz").is_empty());
    }

    #[test]
    fn a_frame_fits_the_terminal_and_keeps_the_code() {
        let c = choices();
        let shown: Vec<usize> = (0..c.len()).collect();
        for (rows, cols) in [(24, 80), (8, 30), (3, 12), (40, 100)] {
            let (lines, cursor) = frame("Anliegen", "", &c, &shown, 0, 0, (rows, cols));
            assert!(lines.len() < rows.max(4), "{rows}x{cols}: {} lines", lines.len());
            for line in &lines {
                assert!(line.chars().count() < cols.max(11), "{rows}x{cols}: {line:?}");
            }
            assert_eq!(cursor, "Anliegen: ".chars().count().min(cols.max(11) - 1));
        }
        let (lines, _) = frame("Anliegen", "", &c, &shown, 0, 0, (24, 30));
        assert!(lines[2].starts_with("> 1.2.1  Beratung"), "{:?}", lines[2]);
        assert!(lines[7].starts_with("  1.4.2  private"), "{:?}", lines[7]);
        assert!(lines[7].ends_with('…'), "{:?}", lines[7]);
    }

    #[test]
    fn the_page_moves_with_the_selection() {
        let c = choices();
        let shown: Vec<usize> = (0..c.len()).collect();
        let (lines, _) = frame("A", "", &c, &shown, 5, 3, (7, 80));
        assert_eq!(lines.len(), 2 + page_size(7));
        assert!(lines[2].contains("4.4") && lines[4].starts_with("> 1.4.2"), "{lines:?}");
        assert!(lines[1].contains("4") && lines[1].contains("6"), "{:?}", lines[1]);
    }
}
