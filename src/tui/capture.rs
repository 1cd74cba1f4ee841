//! A picture of the screen from the very buffer the terminal is drawn from: an SVG (for the README)
//! and plain text. Used by `tests/tui_capture.rs`, which renders a real run into `assets/`.

use std::fmt::Write;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// Cell width and height in SVG units.
const CW: f64 = 8.4;
const CH: f64 = 17.0;

/// The buffer as text, one line per row, trailing spaces trimmed.
pub fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut row = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            row.push_str(symbol);
            // A wide character covers the next cell too.
            x += (UnicodeWidthStr::width(symbol) as u16).max(1);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

fn hex(c: Color, fallback: &str) -> String {
    let s = match c {
        Color::Reset => return fallback.to_string(),
        Color::Black => "#1e1e1e",
        Color::Red => "#e05561",
        Color::Green => "#8cc265",
        Color::Yellow => "#d18f52",
        Color::Blue => "#4aa5f0",
        Color::Magenta => "#c162de",
        Color::Cyan => "#42b3c2",
        Color::Gray => "#a0a0a0",
        Color::DarkGray => "#6b6b6b",
        Color::LightRed => "#ff7b86",
        Color::LightGreen => "#a5e075",
        Color::LightYellow => "#f0a45d",
        Color::LightBlue => "#6cb6ff",
        Color::LightMagenta => "#de73ff",
        Color::LightCyan => "#4cd1e0",
        Color::White => "#e6e6e6",
        Color::Rgb(r, g, b) => return format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(_) => return fallback.to_string(),
    };
    s.to_string()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The buffer as an SVG: a dark terminal, each run of equally styled cells one `<text>` stretched
/// to its cells, so box lines and CJK text line up whatever the font.
pub fn svg(buf: &Buffer) -> String {
    let (w, h) = (buf.area.width, buf.area.height);
    let (fg0, bg0) = ("#d4d4d4", "#1e1e1e");
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{:.0}" height="{:.0}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">"#,
        f64::from(w) * CW + 16.0,
        f64::from(h) * CH + 16.0
    );
    let _ = writeln!(out, r#"<rect width="100%" height="100%" fill="{bg0}"/>"#);
    let _ = writeln!(out, r#"<g transform="translate(8,8)">"#);
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let cell = &buf[(x, y)];
            let style = (cell.fg, cell.bg, cell.modifier);
            let start = x;
            let mut text = String::new();
            while x < w {
                let c = &buf[(x, y)];
                if (c.fg, c.bg, c.modifier) != style {
                    break;
                }
                text.push_str(c.symbol());
                x += (UnicodeWidthStr::width(c.symbol()) as u16).max(1);
            }
            x = x.min(w);
            let cells = f64::from(x - start);
            let (mut fg, mut bg) = (hex(style.0, fg0), hex(style.1, bg0));
            if style.2.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            let (px, py) = (f64::from(start) * CW, f64::from(y) * CH);
            if bg != bg0 {
                let _ = writeln!(
                    out,
                    r#"<rect x="{px:.1}" y="{py:.1}" width="{:.1}" height="{CH}" fill="{bg}"/>"#,
                    cells * CW
                );
            }
            if text.trim().is_empty() {
                continue;
            }
            let weight = if style.2.contains(Modifier::BOLD) {
                r#" font-weight="bold""#
            } else {
                ""
            };
            let _ = writeln!(
                out,
                r#"<text x="{px:.1}" y="{:.1}" fill="{fg}"{weight} textLength="{:.1}" lengthAdjust="spacingAndGlyphs" xml:space="preserve">{}</text>"#,
                py + CH * 0.78,
                cells * CW,
                escape(&text)
            );
        }
    }
    out.push_str("</g>\n</svg>\n");
    out
}
