//! The paper writer: a letter to the customer after DIN 5008:2020 form B
//! and the case sheet for the paper file, both on A4 as PDF/A-2b with the
//! embedded, subset DejaVu faces. Layout is in millimetres from the page's
//! top-left corner, every text placed by its baseline: first each page is
//! laid out as a list of marks (text, thin rules, the logo), so the page
//! count is known before "Seite N von M" and the footer are added; then
//! krilla writes the marks. Text flows on a grid of single line spacing
//! (4.23 mm), keeps two lines of a paragraph together at a page break and
//! never parts the closing from the signature. Every string is drawn as
//! glyphs, never read as markup, and the same input gives the same bytes:
//! the creation date is `created`, nothing comes from the clock.

#[path = "pdf_text.rs"]
mod pdf_text;

use anyhow::{anyhow, bail, Context, Result};
use chrono::{Datelike, NaiveDate};
use krilla::color::luma;
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::image::Image;
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::{Document, SerializeSettings};

use super::letter_doc::{LetterDoc, SheetDoc};
use din::*;
use pdf_text::{wrap, wrap_parts, Fonts};

/// DIN 5008:2020 form B on A4, and krm's own positions on the same page,
/// in millimetres from the top-left corner.
pub mod din {
    pub const PAGE_WIDTH_MM: f32 = 210.0;
    pub const PAGE_HEIGHT_MM: f32 = 297.0;
    /// The text's left edge (Fluchtlinie) and the right margin.
    pub const LEFT_MARGIN_MM: f32 = 25.0;
    pub const RIGHT_MARGIN_MM: f32 = 20.0;
    pub const TEXT_WIDTH_MM: f32 = PAGE_WIDTH_MM - LEFT_MARGIN_MM - RIGHT_MARGIN_MM;
    /// The letterhead's zone, from the top of the page.
    pub const LETTERHEAD_BOTTOM_MM: f32 = 45.0;
    /// The address field: 85 × 45 mm, 20 mm from the left, 45 mm from the top.
    pub const ADDRESS_FIELD_LEFT_MM: f32 = 20.0;
    pub const ADDRESS_FIELD_TOP_MM: f32 = 45.0;
    pub const ADDRESS_FIELD_WIDTH_MM: f32 = 85.0;
    pub const ADDRESS_FIELD_HEIGHT_MM: f32 = 45.0;
    /// Where the field's text starts: 5 mm inside it, on the text's edge.
    pub const ADDRESS_LEFT_MM: f32 = 25.0;
    /// The Anschriftzone's top; above it, the Zusatz- und Vermerkzone
    /// (45–62.7 mm) with the return address at its bottom.
    pub const ADDRESS_TOP_MM: f32 = 62.7;
    pub const ADDRESS_BOTTOM_MM: f32 = ADDRESS_FIELD_TOP_MM + ADDRESS_FIELD_HEIGHT_MM;
    /// The width the field's text may take: 5 mm inside on either side.
    pub const ADDRESS_TEXT_WIDTH_MM: f32 = ADDRESS_FIELD_WIDTH_MM - 10.0;
    /// The information block: 125 mm from the left, from 50 mm, 75 mm wide.
    pub const INFO_LEFT_MM: f32 = 125.0;
    pub const INFO_TOP_MM: f32 = 50.0;
    pub const INFO_WIDTH_MM: f32 = 75.0;
    /// Single line spacing, 1/6 inch: the body's grid and the address's pitch.
    pub const LINE_PITCH_MM: f32 = 4.233;
    /// From a line's top to its baseline at 10 pt on that grid.
    pub const ASCENT_MM: f32 = 3.35;
    /// The subject's top: two blank lines below the address field.
    pub const SUBJECT_TOP_MM: f32 = ADDRESS_BOTTOM_MM + 2.0 * LINE_PITCH_MM;
    /// The fold marks (form B) and the hole mark on the left edge, drawn
    /// from `MARK_LEFT_MM` to `MARK_RIGHT_MM` (the hole mark a little longer).
    pub const FOLD_MARKS_MM: [f32; 2] = [105.0, 210.0];
    pub const HOLE_MARK_MM: f32 = 148.5;
    pub const MARK_LEFT_MM: f32 = 3.5;
    pub const MARK_RIGHT_MM: f32 = 8.5;
    /// A follow page's header (baseline) and its text's first baseline.
    pub const FOLLOW_HEADER_MM: f32 = 15.0;
    pub const FOLLOW_TEXT_TOP_MM: f32 = 30.0;
    /// The footer's first baseline, and the lowest baseline of running text
    /// above it and the page number (a footer of more lines moves up).
    pub const FOOTER_TOP_MM: f32 = 282.0;
    pub const TEXT_BOTTOM_MM: f32 = 270.0;
    /// The page number's baseline ("Seite N von M", right-aligned).
    pub const PAGE_NUMBER_MM: f32 = 276.0;
}

/// How much text a line shows; no colour but black and one grey.
#[derive(Debug, Clone, Copy)]
struct Style {
    size: f32,
    bold: bool,
    grey: bool,
}

const BODY: Style = Style { size: 10.0, bold: false, grey: false };
const BOLD: Style = Style { size: 10.0, bold: true, grey: false };
const SMALL: Style = Style { size: 7.0, bold: false, grey: true };
const HEADLINE: Style = Style { size: 14.0, bold: true, grey: false };
const LETTERHEAD: Style = Style { size: 8.0, bold: false, grey: true };
const PAGE_NUMBER: Style = Style { size: 8.0, bold: false, grey: false };
const LABEL: Style = Style { size: 9.0, bold: true, grey: false };
const BLOCK_HEADING: Style = Style { size: 11.0, bold: true, grey: false };

/// The grey of small print (dark enough for a copier) and of rules.
const GREY_TEXT: u8 = 85;
const GREY_RULE: u8 = 140;

/// The list marker drawn for a line that starts with `- `, and the
/// indent of the item's text (hanging, so wrapped lines align with it).
const LIST_MARKER: &str = "–";
const LIST_INDENT_MM: f32 = 5.0;

/// The logo's box in the letterhead's left part.
const LOGO_TOP_MM: f32 = 10.0;
const LOGO_MAX_HEIGHT_MM: f32 = 25.0;
const LOGO_MAX_WIDTH_MM: f32 = 95.0;

/// The footer's line pitch and its lowest baseline.
const FOOTER_PITCH_MM: f32 = 3.2;
const FOOTER_LOWEST_MM: f32 = 291.0;

/// What `letter` and `sheet` hard-code in German, like the letters' text.
const PAGE_LABEL: &str = "Seite";
const PAGE_OF: &str = "von";
const COPIES_HEADING: &str = "Zur Kenntnis:";
const REFERENCE_LABEL: &str = "Unser Zeichen";

/// The letter as PDF/A-2b.
pub fn letter(doc: &LetterDoc, created: NaiveDate) -> Result<Vec<u8>> {
    let fonts = Fonts::embedded();
    let footer = Footer::new(&fonts, &doc.footer);
    let first = letter_first_page(&fonts, doc)?;
    let top = body_top(&first);
    let header = follow_header(&fonts, doc.letterhead.first().map_or("", String::as_str), &letter_reference(doc));
    let mut flow = Flow::new(first.marks, top, footer.text_bottom, header);
    for (i, paragraph) in doc.body.iter().enumerate() {
        if i > 0 {
            flow.blank(1);
        }
        flow.block(paragraph_lines(&fonts, paragraph, LEFT_MARGIN_MM, TEXT_WIDTH_MM, BODY), Keep::Paragraph);
    }
    closing(&mut flow, &fonts, doc);
    write(&fonts, &footer.finish(&fonts, flow.pages), &doc.title, created)
}

/// The case sheet as PDF/A-2b.
pub fn sheet(doc: &SheetDoc, created: NaiveDate) -> Result<Vec<u8>> {
    let fonts = Fonts::embedded();
    let footer = Footer::new(&fonts, &doc.footer);
    let mut marks = vec![hole_mark()];
    let mut y = 20.0;
    for line in &doc.heading {
        for part in wrap_mm(&fonts, line, HEADLINE, TEXT_WIDTH_MM) {
            marks.push(text(LEFT_MARGIN_MM, y, part, HEADLINE));
            y += 6.5;
        }
    }
    marks.push(rule(LEFT_MARGIN_MM, y - 3.5, PAGE_WIDTH_MM - RIGHT_MARGIN_MM, y - 3.5));
    let header = follow_header(&fonts, doc.heading.first().map_or("", String::as_str), &doc.title);
    let mut flow = Flow::new(marks, y + LINE_PITCH_MM, footer.text_bottom, header);
    sheet_rows(&mut flow, &fonts, &doc.rows);
    sheet_blocks(&mut flow, &fonts, &doc.blocks);
    write(&fonts, &footer.finish(&fonts, flow.pages), &doc.title, created)
}

/// What page 1 of a letter holds above the body, and where it ends.
struct FirstPage {
    marks: Vec<Mark>,
    /// The baseline of the subject's last line.
    subject_end: f32,
}

/// The body's first baseline: two blank lines below the subject (DIN 5008).
fn body_top(first: &FirstPage) -> f32 {
    first.subject_end + 3.0 * LINE_PITCH_MM
}

fn letter_first_page(fonts: &Fonts, doc: &LetterDoc) -> Result<FirstPage> {
    let mut marks = fold_and_hole_marks();
    if let Some(png) = &doc.logo_png {
        marks.push(logo(png)?);
    }
    marks.extend(letterhead(fonts, &doc.letterhead));
    marks.extend(return_address(fonts, &doc.return_address));
    let address_end = push_lines(&mut marks, address(fonts, &doc.address));
    let info_end = push_lines(&mut marks, info_block(fonts, &doc.info));
    let first_subject = (SUBJECT_TOP_MM + ASCENT_MM).max(address_end.max(info_end) + 3.0 * LINE_PITCH_MM);
    let mut subject_end = first_subject - LINE_PITCH_MM;
    for (i, part) in wrap_mm(fonts, &doc.subject, BOLD, TEXT_WIDTH_MM).into_iter().enumerate() {
        subject_end = first_subject + i as f32 * LINE_PITCH_MM;
        marks.push(text(LEFT_MARGIN_MM, subject_end, part, BOLD));
    }
    Ok(FirstPage { marks, subject_end })
}

/// Appends text marks and returns the lowest baseline among them (0 if none).
fn push_lines(marks: &mut Vec<Mark>, lines: Vec<Mark>) -> f32 {
    let lowest = lines.iter().map(Mark::baseline).fold(0.0, f32::max);
    marks.extend(lines);
    lowest
}

fn fold_and_hole_marks() -> Vec<Mark> {
    let mut marks: Vec<Mark> = FOLD_MARKS_MM.iter().map(|&y| rule(MARK_LEFT_MM, y, MARK_RIGHT_MM, y)).collect();
    marks.push(hole_mark());
    marks
}

fn hole_mark() -> Mark {
    rule(MARK_LEFT_MM, HOLE_MARK_MM, MARK_RIGHT_MM + 2.0, HOLE_MARK_MM)
}

/// The office's name (bold) and its further lines, on the information
/// block's edge; whatever would reach below the letterhead's zone is left
/// out (the letterhead is the office's configuration, not case data).
fn letterhead(fonts: &Fonts, lines: &[String]) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut y = 20.0;
    for (i, line) in lines.iter().enumerate() {
        let (style, pitch) =
            if i == 0 { (fitting(fonts, line, HEADLINE, 11.0, INFO_WIDTH_MM), 5.5) } else { (LETTERHEAD, 3.6) };
        if i == 1 {
            y += 0.8;
        }
        for part in wrap_mm(fonts, line, style, INFO_WIDTH_MM) {
            if y > LETTERHEAD_BOTTOM_MM - 2.0 {
                return marks;
            }
            marks.push(text(INFO_LEFT_MM, y, part, style));
            y += pitch;
        }
    }
    marks
}

/// The office's logo in the letterhead's left part, at most 25 mm high
/// and 95 mm wide, its aspect ratio kept.
/// Whether a logo can be drawn: an empty letter is made with it, so an
/// image that only looks like a PNG is refused when the office sets it,
/// not when a letter is written.
pub fn check_logo(png: &[u8]) -> Result<()> {
    let doc = LetterDoc { title: "Logo".into(), logo_png: Some(png.to_vec()), ..LetterDoc::default() };
    letter(&doc, chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()).map(|_| ())
}

fn logo(png: &[u8]) -> Result<Mark> {
    let image = Image::from_png(png.to_vec().into(), false)
        .map_err(|e| anyhow!("the office's logo is not a PNG krm can read: {e}"))?;
    let (w, h) = image.size();
    if w == 0 || h == 0 {
        bail!("the office's logo has no pixels");
    }
    let ratio = w as f32 / h as f32;
    let (mut width, mut height) = (LOGO_MAX_HEIGHT_MM * ratio, LOGO_MAX_HEIGHT_MM);
    if width > LOGO_MAX_WIDTH_MM {
        (width, height) = (LOGO_MAX_WIDTH_MM, LOGO_MAX_WIDTH_MM / ratio);
    }
    Ok(Mark::Logo { x: LEFT_MARGIN_MM, y: LOGO_TOP_MM, width, height, image })
}

/// The return address, small, at the bottom of the Vermerkzone, over the
/// field's width from the text's edge: made smaller (to 6 pt) to fit one
/// line, else at 7 pt broken at its ` · `, upwards.
fn return_address(fonts: &Fonts, line: &str) -> Vec<Mark> {
    let width = ADDRESS_FIELD_LEFT_MM + ADDRESS_FIELD_WIDTH_MM - ADDRESS_LEFT_MM;
    let style = fitting(fonts, line, SMALL, 6.0, width);
    let parts: Vec<&str> = line.split(" · ").collect();
    let lines = wrap_parts(fonts.face(false), &parts, " · ", style.size, pt(width));
    let last = ADDRESS_TOP_MM - 1.6;
    let n = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, p)| text(ADDRESS_LEFT_MM, last - (n - 1 - i) as f32 * 2.8, p, style))
        .collect()
}

/// The address, one line per line at single spacing from the
/// Anschriftzone's top; a line too long gets smaller (down to 8 pt) if
/// that makes it fit, and wraps if not.
/// More lines than the zone's six (long lines wrapped) are set again at
/// 8 pt on a closer pitch; what still does not fit keeps the name's first
/// line and the lines nearest the town, so the address never leaves the
/// envelope's window.
fn address(fonts: &Fonts, lines: &[String]) -> Vec<Mark> {
    let set = |size: f32| -> Vec<(String, Style)> {
        let mut parts = Vec::new();
        for line in lines {
            let style = fitting(fonts, line, Style { size, ..BODY }, 8.0, ADDRESS_TEXT_WIDTH_MM);
            for part in wrap_mm(fonts, line, style, ADDRESS_TEXT_WIDTH_MM) {
                parts.push((part, style));
            }
        }
        parts
    };
    let mut parts = set(BODY.size);
    let mut pitch = LINE_PITCH_MM;
    if parts.len() > 6 {
        const SMALL_PITCH_MM: f32 = 3.4;
        let room = ADDRESS_BOTTOM_MM - 1.0 - (ADDRESS_TOP_MM + ASCENT_MM);
        let fit = (room / SMALL_PITCH_MM) as usize + 1;
        parts = set(8.0);
        if parts.len() > fit {
            let tail = parts.split_off(parts.len() - (fit - 1));
            parts.truncate(1);
            parts.extend(tail);
        }
        pitch = SMALL_PITCH_MM.min(LINE_PITCH_MM);
    }
    let y = ADDRESS_TOP_MM + ASCENT_MM;
    parts
        .into_iter()
        .enumerate()
        .map(|(i, (part, style))| text(ADDRESS_LEFT_MM, y + i as f32 * pitch, part, style))
        .collect()
}

/// The information block: each label small and grey above its value; a
/// value too long gets smaller (down to 8 pt) if that makes it fit, and
/// wraps if not.
fn info_block(fonts: &Fonts, info: &[(String, String)]) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut y = INFO_TOP_MM + 2.6;
    for (label, value) in info {
        for part in wrap_mm(fonts, label, SMALL, INFO_WIDTH_MM) {
            marks.push(text(INFO_LEFT_MM, y, part, SMALL));
            y += 3.0;
        }
        y += 0.6;
        let style = fitting(fonts, value, BODY, 8.0, INFO_WIDTH_MM);
        for part in wrap_mm(fonts, value, style, INFO_WIDTH_MM) {
            marks.push(text(INFO_LEFT_MM, y, part, style));
            y += 4.0;
        }
        y += 0.4;
    }
    marks
}

/// `Unser Zeichen …` for a follow page's header, or the title.
fn letter_reference(doc: &LetterDoc) -> String {
    let reference = doc.info.iter().find(|(label, _)| label.trim().trim_end_matches(':') == REFERENCE_LABEL);
    match reference {
        Some((_, value)) => format!("{REFERENCE_LABEL} {value}"),
        None => doc.title.clone(),
    }
}

/// The closing, room for the signature, the signer's lines: one block
/// that moves to the next page whole; then the copies, if any.
fn closing(flow: &mut Flow, fonts: &Fonts, doc: &LetterDoc) {
    let mut lines = Vec::new();
    if !doc.closing.is_empty() {
        lines.extend(wrapped(fonts, &doc.closing, LEFT_MARGIN_MM, TEXT_WIDTH_MM, BODY));
    }
    if !doc.signature.is_empty() {
        lines.extend((0..3).map(|_| Line::default()));
        for line in &doc.signature {
            lines.extend(wrapped(fonts, line, LEFT_MARGIN_MM, TEXT_WIDTH_MM, BODY));
        }
    }
    if !lines.is_empty() {
        flow.blank(1);
        flow.block(lines, Keep::Whole);
    }
    if !doc.copies.is_empty() {
        let mut lines = wrapped(fonts, COPIES_HEADING, LEFT_MARGIN_MM, TEXT_WIDTH_MM, BODY);
        for copy in &doc.copies {
            lines.extend(paragraph_lines(fonts, copy, LEFT_MARGIN_MM, TEXT_WIDTH_MM, BODY));
        }
        flow.blank(1);
        flow.block(lines, Keep::Whole);
    }
}

/// The sheet's table: labels bold in a 45 mm column, values wrapped
/// beside them; a row stays on one page unless it is longer than one.
fn sheet_rows(flow: &mut Flow, fonts: &Fonts, rows: &[(String, String)]) {
    const LABEL_WIDTH_MM: f32 = 45.0;
    let value_x = LEFT_MARGIN_MM + LABEL_WIDTH_MM;
    for (label, value) in rows {
        let labels = wrap_mm(fonts, label, LABEL, LABEL_WIDTH_MM - 3.0);
        let values = paragraph_lines(fonts, value, value_x, TEXT_WIDTH_MM - LABEL_WIDTH_MM, BODY);
        let n = labels.len().max(values.len());
        let mut labels = labels.into_iter();
        let mut values = values.into_iter();
        let lines = (0..n)
            .map(|_| {
                let mut line = values.next().unwrap_or_default();
                if let Some(label) = labels.next() {
                    line.cells.insert(0, (LEFT_MARGIN_MM, label, LABEL));
                }
                line
            })
            .collect();
        flow.block(lines, Keep::Whole);
        flow.space(1.2);
    }
}

/// The sheet's headed blocks: a heading stays with the block's first lines.
fn sheet_blocks(flow: &mut Flow, fonts: &Fonts, blocks: &[(String, Vec<String>)]) {
    for (heading, lines) in blocks {
        flow.blank(1);
        let heading = wrapped(fonts, heading, LEFT_MARGIN_MM, TEXT_WIDTH_MM, BLOCK_HEADING);
        flow.ensure(heading.len() + lines.len().min(2));
        flow.block(heading, Keep::Whole);
        flow.space(1.0);
        for line in lines {
            flow.block(paragraph_lines(fonts, line, LEFT_MARGIN_MM, TEXT_WIDTH_MM, BODY), Keep::Paragraph);
        }
    }
}

/// A text's lines: one or more per `\n`-separated line, a `- ` line as a
/// list item with a hanging indent, an empty line as a blank one.
fn paragraph_lines(fonts: &Fonts, text: &str, x: f32, width: f32, style: Style) -> Vec<Line> {
    let mut lines = Vec::new();
    for line in text.split('\n') {
        match line.strip_prefix("- ") {
            Some(item) => {
                let mut item_lines = wrapped(fonts, item, x + LIST_INDENT_MM, width - LIST_INDENT_MM, style);
                item_lines[0].cells.insert(0, (x, LIST_MARKER.to_string(), style));
                lines.extend(item_lines);
            }
            None => lines.extend(wrapped(fonts, line, x, width, style)),
        }
    }
    lines
}

/// `text` wrapped to `width` mm, as flow lines at `x`; at least one line.
fn wrapped(fonts: &Fonts, text: &str, x: f32, width: f32, style: Style) -> Vec<Line> {
    wrap_mm(fonts, text, style, width).into_iter().map(|part| Line { cells: vec![(x, part, style)] }).collect()
}

fn wrap_mm(fonts: &Fonts, text: &str, style: Style, width: f32) -> Vec<String> {
    wrap(fonts.face(style.bold), text, style.size, pt(width))
}

/// `style` made smaller, down to `min` pt, until `text` fits `width` mm
/// on one line; as it is (for wrapping) if even `min` does not fit.
fn fitting(fonts: &Fonts, text: &str, style: Style, min: f32, width: f32) -> Style {
    let size = fonts.face(style.bold).fitting_size(text, style.size, min, pt(width));
    Style { size: size.unwrap_or(style.size), ..style }
}

/// A follow page's header: the office on the left, the reference on the
/// right, a thin rule below.
fn follow_header(fonts: &Fonts, left: &str, right: &str) -> Vec<Mark> {
    let both = format!("{left}      {right}");
    let size = fonts.regular.fitting_size(&both, LETTERHEAD.size, 6.0, pt(TEXT_WIDTH_MM)).unwrap_or(6.0);
    let style = Style { size, ..LETTERHEAD };
    let right_edge = PAGE_WIDTH_MM - RIGHT_MARGIN_MM;
    vec![
        text(LEFT_MARGIN_MM, FOLLOW_HEADER_MM, left.to_string(), style),
        text_right(fonts, right_edge, FOLLOW_HEADER_MM, right.to_string(), style),
        rule(LEFT_MARGIN_MM, FOLLOW_HEADER_MM + 2.0, right_edge, FOLLOW_HEADER_MM + 2.0),
    ]
}

/// What may be drawn on a page.
#[derive(Debug, Clone)]
enum Mark {
    /// Text from `x`, on the baseline `y`.
    Text { x: f32, y: f32, text: String, style: Style },
    /// A thin grey line.
    Rule { x1: f32, y1: f32, x2: f32, y2: f32 },
    /// An image in the box from (`x`, `y`), `width` × `height`.
    Logo { x: f32, y: f32, width: f32, height: f32, image: Image },
}

impl Mark {
    fn baseline(&self) -> f32 {
        match self {
            Mark::Text { y, .. } | Mark::Rule { y1: y, .. } | Mark::Logo { y, .. } => *y,
        }
    }
}

fn text(x: f32, y: f32, text: String, style: Style) -> Mark {
    Mark::Text { x, y, text, style }
}

/// Text that ends at `right`.
fn text_right(fonts: &Fonts, right: f32, y: f32, text: String, style: Style) -> Mark {
    let width = mm(fonts.face(style.bold).width(&text, style.size));
    Mark::Text { x: right - width, y, text, style }
}

fn rule(x1: f32, y1: f32, x2: f32, y2: f32) -> Mark {
    Mark::Rule { x1, y1, x2, y2 }
}

/// A line of running text: cells on one baseline; none is a blank line.
#[derive(Debug, Default)]
struct Line {
    cells: Vec<(f32, String, Style)>,
}

/// How a block may be split at a page break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Anywhere, but not one line alone at a page's foot or head.
    Paragraph,
    /// Not at all (unless the block is longer than a page).
    Whole,
}

/// Running text over as many pages as it takes.
struct Flow {
    pages: Vec<Vec<Mark>>,
    /// The next line's baseline.
    y: f32,
    bottom: f32,
    header: Vec<Mark>,
    /// Nothing placed yet on this page.
    fresh: bool,
}

impl Flow {
    fn new(first: Vec<Mark>, y: f32, bottom: f32, header: Vec<Mark>) -> Flow {
        Flow { pages: vec![first], y, bottom, header, fresh: true }
    }

    /// How many lines still fit on this page.
    fn room(&self) -> usize {
        if self.y > self.bottom + 0.01 {
            0
        } else {
            ((self.bottom - self.y) / LINE_PITCH_MM + 0.01) as usize + 1
        }
    }

    fn new_page(&mut self) {
        self.pages.push(self.header.clone());
        self.y = FOLLOW_TEXT_TOP_MM;
        self.fresh = true;
    }

    /// Blank lines, dropped at the top of a page.
    fn blank(&mut self, lines: usize) {
        self.space(lines as f32 * LINE_PITCH_MM);
    }

    fn space(&mut self, mm: f32) {
        if !self.fresh {
            self.y += mm;
        }
    }

    /// A new page unless `lines` lines still fit.
    fn ensure(&mut self, lines: usize) {
        if self.room() < lines && !self.fresh {
            self.new_page();
        }
    }

    fn block(&mut self, mut lines: Vec<Line>, keep: Keep) {
        loop {
            let room = self.room();
            if lines.len() <= room {
                lines.into_iter().for_each(|line| self.place(line));
                return;
            }
            let take = self.split_at(lines.len(), room, keep);
            lines.drain(..take).for_each(|line| self.place(line));
            self.new_page();
        }
    }

    /// How many of `len` lines to place before a page break with `room`.
    fn split_at(&self, len: usize, room: usize, keep: Keep) -> usize {
        if self.fresh {
            return room.max(1);
        }
        match keep {
            Keep::Whole => 0,
            Keep::Paragraph if room < 2 => 0,
            Keep::Paragraph => {
                // Two lines at the foot at least, and two carried over.
                let take = if len - room < 2 { room - 1 } else { room };
                if take >= 2 {
                    take
                } else {
                    0
                }
            }
        }
    }

    fn place(&mut self, line: Line) {
        let page = self.pages.last_mut().expect("a flow always has a page");
        for (x, text, style) in line.cells.into_iter().filter(|(_, t, _)| !t.is_empty()) {
            page.push(Mark::Text { x, y: self.y, text, style });
            self.fresh = false;
        }
        self.y += LINE_PITCH_MM;
    }
}

/// The footer, laid out once, and where running text must end above it.
struct Footer {
    marks: Vec<Mark>,
    page_number: f32,
    text_bottom: f32,
}

impl Footer {
    /// Two or three footer lines become columns (each cut at ` · ` into
    /// lines); one line, or more than three, are centred lines.
    fn new(fonts: &Fonts, lines: &[String]) -> Footer {
        let columns = footer_columns(fonts, lines).unwrap_or_else(|| footer_centred(fonts, lines));
        let count = columns.iter().map(Vec::len).max().unwrap_or(0);
        let top = FOOTER_TOP_MM.min(FOOTER_LOWEST_MM - count.saturating_sub(1) as f32 * FOOTER_PITCH_MM);
        let marks = columns
            .into_iter()
            .flat_map(|column| {
                column
                    .into_iter()
                    .enumerate()
                    .map(move |(i, (x, part))| text(x, top + i as f32 * FOOTER_PITCH_MM, part, SMALL))
            })
            .collect();
        let shift = FOOTER_TOP_MM - top;
        Footer { marks, page_number: PAGE_NUMBER_MM - shift, text_bottom: TEXT_BOTTOM_MM - shift }
    }

    /// Every page with the page number (when there is more than one) and the footer.
    fn finish(&self, fonts: &Fonts, pages: Vec<Vec<Mark>>) -> Vec<Vec<Mark>> {
        let total = pages.len();
        let right = PAGE_WIDTH_MM - RIGHT_MARGIN_MM;
        let numbered = pages.into_iter().enumerate().map(|(i, mut marks)| {
            if total > 1 {
                let label = format!("{PAGE_LABEL} {} {PAGE_OF} {total}", i + 1);
                marks.push(text_right(fonts, right, self.page_number, label, PAGE_NUMBER));
            }
            marks.extend(self.marks.iter().cloned());
            marks
        });
        numbered.collect()
    }
}

/// Footer columns, each a list of (x, text) from the top: each line cut
/// at ` · ` into parts, a column as wide as its widest part, the columns
/// spread over the text's width (the first on the left edge, the last
/// ending on the right one); if they do not fit side by side, equal
/// columns with the parts wrapped. `None` when the lines are not two or
/// three, or a column would need more than 4 lines.
fn footer_columns(fonts: &Fonts, lines: &[String]) -> Option<Vec<Vec<(f32, String)>>> {
    if !(2..=3).contains(&lines.len()) {
        return None;
    }
    let n = lines.len() as f32;
    let parts: Vec<Vec<&str>> = lines.iter().map(|l| l.split(" · ").collect()).collect();
    let natural: Vec<f32> = parts
        .iter()
        .map(|column| column.iter().map(|p| mm(fonts.regular.width(p, SMALL.size)) + 1.0).fold(0.0, f32::max))
        .collect();
    let spare = TEXT_WIDTH_MM - natural.iter().sum::<f32>();
    let (widths, gap) = if spare >= 4.0 * (n - 1.0) {
        (natural, spare / (n - 1.0))
    } else {
        (vec![TEXT_WIDTH_MM / n - 3.0; lines.len()], 3.0 * n / (n - 1.0))
    };
    let mut x = LEFT_MARGIN_MM;
    let mut columns = Vec::new();
    for (column, width) in parts.iter().zip(widths) {
        columns.push(column.iter().flat_map(|p| wrap_mm(fonts, p, SMALL, width)).map(|p| (x, p)).collect::<Vec<_>>());
        x += width + gap;
    }
    columns.iter().all(|c| c.len() <= 4).then_some(columns)
}

/// The footer as centred lines: all its lines joined by ` · `, wrapped.
fn footer_centred(fonts: &Fonts, lines: &[String]) -> Vec<Vec<(f32, String)>> {
    if lines.iter().all(|l| l.is_empty()) {
        return Vec::new();
    }
    let parts: Vec<&str> = lines.iter().flat_map(|l| l.split(" · ")).collect();
    let centre = LEFT_MARGIN_MM + TEXT_WIDTH_MM / 2.0;
    let parts = wrap_parts(&fonts.regular, &parts, " · ", SMALL.size, pt(TEXT_WIDTH_MM));
    let column = parts.into_iter().map(|p| (centre - mm(fonts.regular.width(&p, SMALL.size)) / 2.0, p)).collect();
    vec![column]
}

/// The pages as PDF/A-2b: fonts embedded (subset), sRGB output intent, XMP
/// metadata with the title, the language and `created` as the date.
fn write(fonts: &Fonts, pages: &[Vec<Mark>], title: &str, created: NaiveDate) -> Result<Vec<u8>> {
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_B)
        .finish()
        .map_err(|e| anyhow!("krilla rejects PDF/A-2b: {e:?}"))?;
    let mut document = Document::new_with(SerializeSettings { configuration, ..SerializeSettings::default() });
    document.set_metadata(metadata(title, created)?);
    let a4 = PageSettings::from_wh(pt(PAGE_WIDTH_MM), pt(PAGE_HEIGHT_MM)).context("A4 is a valid page size")?;
    for marks in pages {
        let mut page = document.start_page_with(a4.clone());
        let mut surface = page.surface();
        for mark in marks {
            draw(&mut surface, fonts, mark);
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| anyhow!("cannot write the PDF/A-2b file: {e}"))
}

fn metadata(title: &str, created: NaiveDate) -> Result<Metadata> {
    let year = u16::try_from(created.year()).context("the letter's year is outside what a PDF date can state")?;
    // month() and day() are 1–12 and 1–31, so the casts cannot cut.
    let date = DateTime::new(year).month(created.month() as u8).day(created.day() as u8);
    Ok(Metadata::new()
        .title(title.to_string())
        .language("de-DE".to_string())
        .creator("krm".to_string())
        .creation_date(date))
}

fn draw(surface: &mut Surface, fonts: &Fonts, mark: &Mark) {
    match mark {
        Mark::Text { x, y, text, style } => {
            let face = fonts.face(style.bold);
            let (drawn, glyphs) = face.glyphs(text);
            if glyphs.is_empty() {
                return;
            }
            let grey = if style.grey { GREY_TEXT } else { 0 };
            surface.set_fill(Some(Fill { paint: luma::Color::new(grey).into(), ..Fill::default() }));
            surface.draw_glyphs(Point::from_xy(pt(*x), pt(*y)), &glyphs, face.font(), &drawn, style.size, false);
        }
        Mark::Rule { x1, y1, x2, y2 } => {
            let mut path = PathBuilder::new();
            path.move_to(pt(*x1), pt(*y1));
            path.line_to(pt(*x2), pt(*y2));
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: luma::Color::new(GREY_RULE).into(),
                    width: 0.5,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
        Mark::Logo { x, y, width, height, image } => {
            if let Some(size) = Size::from_wh(pt(*width), pt(*height)) {
                surface.push_transform(&Transform::from_translate(pt(*x), pt(*y)));
                surface.draw_image(image.clone(), size);
                surface.pop();
            }
        }
    }
}

/// Millimetres to points.
fn pt(mm: f32) -> f32 {
    mm * 72.0 / 25.4
}

/// Points to millimetres.
fn mm(pt: f32) -> f32 {
    pt * 25.4 / 72.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(n: usize) -> Vec<Line> {
        (0..n).map(|i| Line { cells: vec![(LEFT_MARGIN_MM, format!("line {i}"), BODY)] }).collect()
    }

    /// A flow with `room` lines left on its first page, after some text.
    fn flow_with_room(room: usize) -> Flow {
        let mut flow =
            Flow::new(Vec::new(), TEXT_BOTTOM_MM - (room as f32 + 0.5) * LINE_PITCH_MM, TEXT_BOTTOM_MM, Vec::new());
        flow.block(lines(1), Keep::Paragraph);
        assert_eq!(flow.room(), room);
        flow
    }

    fn per_page(flow: &Flow) -> Vec<usize> {
        flow.pages.iter().map(Vec::len).collect()
    }

    #[test]
    fn an_address_of_many_long_lines_stays_in_the_window() {
        let fonts = Fonts::embedded();
        let long = "Am Langen Weg zur Hinteren Kirchgasse 123 b, Hinterhaus, 3. Etage links bei Familie Beispiel";
        let lines: Vec<String> = (0..6).map(|_| long.to_string()).collect();
        let marks = address(&fonts, &lines);
        assert!(marks.len() > 6, "the long lines wrapped");
        for m in &marks {
            let y = m.baseline();
            assert!((ADDRESS_TOP_MM..=ADDRESS_BOTTOM_MM - 1.0).contains(&y), "baseline {y} mm outside the zone");
        }
        let short = address(&fonts, &["Frau Erika Musterfrau".to_string(), "Weg 1".to_string()]);
        assert!(
            (short[1].baseline() - short[0].baseline() - LINE_PITCH_MM).abs() < 0.01,
            "six lines or fewer keep the grid"
        );
    }

    #[test]
    fn paragraphs_leave_no_single_line_at_a_break() {
        let mut flow = flow_with_room(2);
        flow.block(lines(3), Keep::Paragraph);
        assert_eq!(per_page(&flow), [1, 3], "two at the foot would leave one alone");
        let mut flow = flow_with_room(4);
        flow.block(lines(5), Keep::Paragraph);
        assert_eq!(per_page(&flow), [1 + 3, 2], "one line moves along with the last");
        let mut flow = flow_with_room(1);
        flow.block(lines(4), Keep::Paragraph);
        assert_eq!(per_page(&flow), [1, 4]);
    }

    #[test]
    fn whole_blocks_move_and_overlong_ones_split() {
        let mut flow = flow_with_room(3);
        flow.block(lines(4), Keep::Whole);
        assert_eq!(per_page(&flow), [1, 4]);
        let page = Flow::new(Vec::new(), FOLLOW_TEXT_TOP_MM, TEXT_BOTTOM_MM, Vec::new()).room();
        let mut flow = flow_with_room(3);
        flow.block(lines(page + 5), Keep::Whole);
        assert_eq!(per_page(&flow), [1, page, 5]);
    }

    #[test]
    fn blank_lines_vanish_at_the_top_of_a_page() {
        let mut flow = flow_with_room(1);
        flow.block(lines(1), Keep::Paragraph);
        flow.blank(1);
        flow.block(lines(2), Keep::Paragraph);
        assert_eq!(flow.pages[1][0].baseline(), FOLLOW_TEXT_TOP_MM);
    }
}
