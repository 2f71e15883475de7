//! Text for the paper writer: the two embedded faces (DejaVu Sans and
//! DejaVu Sans Bold, assets/fonts, Bitstream Vera licence), a string's
//! glyphs and advance widths (read with skrifa), and krm's own line
//! breaking by those widths. There is no shaper: Latin, Cyrillic and Greek
//! in DejaVu need none for plain letter text (no ligatures are required,
//! kerning is left out; a combining accent, which DejaVu gives no advance,
//! sits on the letter before it, though precomposed letters look better).
//! A character the font lacks is drawn as U+FFFD, because PDF/A forbids
//! the .notdef glyph; control and invisible format characters are skipped,
//! a tab or a line break where none is expected counts as a space.

use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// What is drawn for a character the font lacks; `?` if even that is missing.
const REPLACEMENT: char = '\u{FFFD}';

/// Room left at a line's end, in points: rendering rounds, the measure must not.
const SAFETY_PT: f32 = 0.5;

/// One face: krilla's font for drawing, skrifa's tables for measuring.
pub struct Face {
    font: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
    fallback: (char, GlyphId),
}

/// The regular and the bold face.
pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    /// Both embedded faces. They are part of the binary, so failing to
    /// read them is a build defect, not a run-time condition.
    pub fn embedded() -> Fonts {
        Fonts { regular: Face::new(REGULAR, "DejaVuSans.ttf"), bold: Face::new(BOLD, "DejaVuSans-Bold.ttf") }
    }

    pub fn face(&self, bold: bool) -> &Face {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }
}

impl Face {
    fn new(data: &'static [u8], name: &str) -> Face {
        let parsed = FontRef::new(data).unwrap_or_else(|e| panic!("embedded font {name} is not a font: {e}"));
        let font = Font::new(data.into(), 0).unwrap_or_else(|| panic!("krilla cannot read embedded font {name}"));
        let charmap = parsed.charmap();
        let metrics = parsed.glyph_metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(parsed.metrics(Size::unscaled(), LocationRef::default()).units_per_em);
        let fallback = [REPLACEMENT, '?']
            .into_iter()
            .find_map(|c| charmap.map(c).filter(|g| g.to_u32() != 0).map(|g| (c, GlyphId::new(g.to_u32()))))
            .unwrap_or_else(|| panic!("embedded font {name} has neither U+FFFD nor '?'"));
        Face { font, charmap, metrics, units_per_em, fallback }
    }

    pub fn font(&self) -> Font {
        self.font.clone()
    }

    /// The character drawn for `c` and its glyph; `None` for a character
    /// that is not drawn at all.
    fn glyph(&self, c: char) -> Option<(char, GlyphId)> {
        let c = match c {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_control() || is_invisible(c) => return None,
            c => c,
        };
        match self.charmap.map(c) {
            Some(g) if g.to_u32() != 0 => Some((c, GlyphId::new(g.to_u32()))),
            _ => Some(self.fallback),
        }
    }

    /// A glyph's advance in em.
    fn advance(&self, glyph: GlyphId) -> f32 {
        let id = skrifa::GlyphId::new(glyph.to_u32());
        self.metrics.advance_width(id).unwrap_or(0.0) / self.units_per_em
    }

    /// The text as drawn (substitutes in, skipped characters out) and its
    /// glyphs, with advances in em, for `Surface::draw_glyphs`.
    pub fn glyphs(&self, text: &str) -> (String, Vec<KrillaGlyph>) {
        let mut drawn = String::with_capacity(text.len());
        let mut glyphs = Vec::with_capacity(text.len());
        for (c, glyph) in text.chars().filter_map(|c| self.glyph(c)) {
            let start = drawn.len();
            drawn.push(c);
            glyphs.push(KrillaGlyph::new(glyph, self.advance(glyph), 0.0, 0.0, 0.0, start..drawn.len(), None));
        }
        (drawn, glyphs)
    }

    /// The width of `text` at `size`, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().filter_map(|c| self.glyph(c)).map(|(_, g)| self.advance(g)).sum::<f32>() * size
    }

    /// The largest size from `max` down to `min` (in half points) at
    /// which `text` fits `width` points on one line; `None` if none does.
    pub fn fitting_size(&self, text: &str, max: f32, min: f32, width: f32) -> Option<f32> {
        let natural = self.width(text, 1.0);
        let mut size = max;
        while size >= min {
            if natural * size <= width - SAFETY_PT {
                return Some(size);
            }
            size -= 0.5;
        }
        None
    }
}

/// Characters that have no business on paper and no glyph worth drawing:
/// the soft hyphen, zero-width characters and bidirectional controls.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// `text` broken into lines of at most `width` points at `size`: at
/// spaces, after a hyphen inside a word (`Łukasiewicz-` / `Müller`), and a
/// word longer than a line by characters. A short number stays with the
/// word after it (`2. Oktober`, `38100 Braunschweig`, `12 Uhr`), as do `§`
/// and `Nr.`, unless the two do not fit on a line together. Runs of spaces
/// (tabs, line breaks) count as one. An empty text is one empty line.
pub fn wrap(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Lines { face, size, limit: width - SAFETY_PT, done: Vec::new(), line: String::new(), used: 0.0 };
    for unit in units(text) {
        for (i, piece) in hyphen_pieces(&unit).into_iter().enumerate() {
            lines.push(piece, i == 0);
        }
    }
    lines.finish()
}

/// `parts` joined by `separator` into as few lines as fit `width` points,
/// broken between parts where possible (a return address or a footer at
/// its ` · `), a part too long for a line wrapped on its own.
pub fn wrap_parts(face: &Face, parts: &[&str], separator: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in parts.iter().filter(|p| !p.trim().is_empty()) {
        let joined = if line.is_empty() { part.to_string() } else { format!("{line}{separator}{part}") };
        if face.width(&joined, size) <= width - SAFETY_PT {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut wrapped = wrap(face, part, size, width);
        line = wrapped.pop().unwrap_or_default();
        lines.extend(wrapped);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The words of `text`, each with the words bound to it.
fn units(text: &str) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    let mut bind = false;
    for word in text.split([' ', '\t', '\n', '\r']).filter(|w| !w.is_empty()) {
        match units.last_mut() {
            Some(unit) if bind => {
                unit.push(' ');
                unit.push_str(word);
            }
            _ => units.push(word.to_string()),
        }
        bind = binds_to_next(word);
    }
    units
}

/// A number of up to five digits (a day, a postcode, an hour, with or
/// without a full stop), `§`, `§§` or `Nr.`.
fn binds_to_next(word: &str) -> bool {
    let digits = word.strip_suffix('.').unwrap_or(word);
    let number = !digits.is_empty() && digits.len() <= 5 && digits.bytes().all(|b| b.is_ascii_digit());
    number || matches!(word, "§" | "§§" | "Nr.")
}

/// A word cut after each hyphen that has two characters before it (since
/// the last cut) and a letter after it, so `E-Mail` stays whole; an e-mail
/// or web address is not cut at its hyphens (a reader would type the cut).
fn hyphen_pieces(word: &str) -> Vec<&str> {
    if word.contains(['@', '/']) || word.starts_with("www.") {
        return vec![word];
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        let before = word[start..at].chars().count();
        let letter_after = chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphabetic());
        if c == '-' && before >= 2 && letter_after {
            pieces.push(&word[start..at + 1]);
            start = at + 1;
        }
    }
    pieces.push(&word[start..]);
    pieces
}

/// The greedy line filler behind `wrap`.
struct Lines<'a> {
    face: &'a Face,
    size: f32,
    limit: f32,
    done: Vec<String>,
    line: String,
    used: f32,
}

impl Lines<'_> {
    /// Adds a piece, after a space if `spaced` (a new word) and the line
    /// is not empty.
    fn push(&mut self, piece: &str, spaced: bool) {
        let width = self.face.width(piece, self.size);
        let gap = if spaced && !self.line.is_empty() { self.face.width(" ", self.size) } else { 0.0 };
        if self.used + gap + width <= self.limit {
            if gap > 0.0 {
                self.line.push(' ');
            }
            self.line.push_str(piece);
            self.used += gap + width;
            return;
        }
        self.break_line();
        if width <= self.limit {
            self.line.push_str(piece);
            self.used = width;
        } else if piece.contains(' ') {
            // Words bound together that do not fit a line together.
            for word in piece.split(' ') {
                self.push(word, true);
            }
        } else {
            self.push_chars(piece);
        }
    }

    /// A piece wider than a line, character by character.
    fn push_chars(&mut self, piece: &str) {
        for c in piece.chars() {
            let mut buf = [0; 4];
            let width = self.face.width(c.encode_utf8(&mut buf), self.size);
            // A combining accent (no advance) stays with its letter.
            if width > 0.0 && self.used + width > self.limit && !self.line.is_empty() {
                self.break_line();
            }
            self.line.push(c);
            self.used += width;
        }
    }

    fn break_line(&mut self) {
        if !self.line.is_empty() {
            self.done.push(std::mem::take(&mut self.line));
        }
        self.used = 0.0;
    }

    fn finish(mut self) -> Vec<String> {
        if !self.line.is_empty() || self.done.is_empty() {
            self.done.push(self.line);
        }
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_and_keep_every_word() {
        let fonts = Fonts::embedded();
        let text = "Wir haben Ihre Beschwerde vom 28. November 2026 erhalten und prüfen sie sorgfältig.";
        let lines = wrap(&fonts.regular, text, 10.0, 150.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| fonts.regular.width(l, 10.0) <= 150.0));
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn long_words_break_by_hyphen_then_characters() {
        let fonts = Fonts::embedded();
        let lines = wrap(&fonts.regular, "Łukasiewicz-Müller", 10.0, 70.0);
        assert_eq!(lines, ["Łukasiewicz-", "Müller"]);
        let long = "x".repeat(80);
        let lines = wrap(&fonts.regular, &long, 10.0, 100.0);
        assert!(lines.len() > 1 && lines.concat() == long);
        assert_eq!(wrap(&fonts.regular, "E-Mail", 10.0, 20.0).concat(), "E-Mail");
        let mail = "jobcenter-braunschweig@jobcenter-ge.de";
        assert!(wrap(&fonts.regular, mail, 10.0, 150.0).iter().all(|l| !l.ends_with('-')));
    }

    #[test]
    fn numbers_stay_with_their_word() {
        let fonts = Fonts::embedded();
        let text = "Ihr Antrag vom 2. Oktober 2026 ging in 38100 Braunschweig ein";
        for width in (120..300).step_by(7) {
            for line in wrap(&fonts.regular, text, 10.0, width as f32) {
                assert!(!line.ends_with(" 2.") && !line.ends_with("38100"), "{line:?} at {width} pt");
            }
        }
        assert_eq!(wrap(&fonts.regular, "1 2 3 4 5 6 7 8 9", 10.0, 30.0).join(" "), "1 2 3 4 5 6 7 8 9");
    }

    #[test]
    fn a_line_gets_smaller_only_if_that_makes_it_fit() {
        let fonts = Fonts::embedded();
        let width = fonts.regular.width("Musterstraße 12 a", 10.0);
        assert_eq!(fonts.regular.fitting_size("Musterstraße 12 a", 10.0, 8.0, width + 1.0), Some(10.0));
        assert_eq!(fonts.regular.fitting_size("Musterstraße 12 a", 12.0, 8.0, width + 1.0), Some(10.0));
        assert_eq!(fonts.regular.fitting_size("Musterstraße 12 a", 10.0, 8.0, width / 2.0), None);
    }

    #[test]
    fn parts_break_at_their_separator() {
        let fonts = Fonts::embedded();
        let parts = ["Jobcenter Braunschweig", "Friedrich-Voigtländer-Straße 41", "38104 Braunschweig"];
        let width = fonts.regular.width(&parts[..2].join(" · "), 7.0) + 5.0;
        let lines = wrap_parts(&fonts.regular, &parts, " · ", 7.0, width);
        assert_eq!(lines, ["Jobcenter Braunschweig · Friedrich-Voigtländer-Straße 41", "38104 Braunschweig"]);
    }

    #[test]
    fn missing_characters_become_the_replacement_and_controls_vanish() {
        let fonts = Fonts::embedded();
        let (drawn, glyphs) = fonts.regular.glyphs("a\u{7}漢\u{200B}b");
        assert_eq!(drawn, "a\u{FFFD}b");
        assert_eq!(glyphs.len(), 3);
        assert!(glyphs.iter().all(|g| g.glyph_id.to_u32() != 0));
        assert_eq!(wrap(&fonts.regular, "", 10.0, 100.0), [""]);
    }
}
