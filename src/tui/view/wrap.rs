//! Text measured by display width (a CJK character takes two cells): wrapping and cutting.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The cells `s` takes.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` cells, with `…` if it was cut.
pub fn cut(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// A pane title ` {head} · {tail} ` that fits a pane `pane_width` cells wide: `head` is cut (with
/// `…`) before `tail` is, since the tail (a side's total) is what the learner compares.
pub fn fit_title(head: &str, dot: &str, tail: &str, pane_width: usize) -> String {
    // Two corners, and a cell of border on each side of the title.
    let room = pane_width.saturating_sub(4);
    let whole = format!(" {head} {dot} {tail} ");
    if width(&whole) <= room {
        return whole;
    }
    let fixed = width(&format!("  {dot} {tail} "));
    if room > fixed + 3 {
        format!(" {} {dot} {tail} ", cut(head, room - fixed))
    } else {
        format!(
            " {} ",
            cut(&format!("{head} {dot} {tail}"), room.saturating_sub(2))
        )
    }
}

/// `s` padded with spaces (or cut) to exactly `cells` cells.
pub fn pad(s: &str, cells: usize) -> String {
    let s = cut(s, cells);
    let w = width(&s);
    format!("{s}{}", " ".repeat(cells.saturating_sub(w)))
}

/// Wraps a paragraph to lines of at most `max` cells: at spaces, or between two wide characters
/// (Chinese has no spaces), or anywhere in a word longer than a line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    // Pieces: a word with its trailing space, or one wide character.
    for piece in pieces(text) {
        let w = width(piece.trim_end());
        if used + w > max && used > 0 {
            lines.push(line.trim_end().to_string());
            line.clear();
            used = 0;
        }
        if w > max {
            for c in piece.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > max {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
            continue;
        }
        let piece = if used == 0 { piece.trim_start() } else { piece };
        line.push_str(piece);
        used += width(piece);
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// `text` cut into rows of at most `max` cells, keeping every character and space as it is (for
/// program output, whose spacing matters): a row breaks after its last space when it has one
/// past its indentation, else anywhere. Tabs become spaces; an empty text is one empty row.
pub fn hard_wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut rows = vec![String::new()];
    let mut used = 0;
    for c in text.chars() {
        let (c, w) = match c {
            '\t' => (' ', 1),
            c if c.is_control() => continue,
            c => (c, c.width().unwrap_or(0)),
        };
        if used + w > max && used > 0 {
            let row = rows.last_mut().expect("a row");
            // The word being cut moves to the next row whole, if a space before it allows.
            let indent = row.len() - row.trim_start().len();
            let tail = match row[indent..].rfind(' ') {
                Some(at) if c != ' ' => row.split_off(indent + at + 1),
                _ => String::new(),
            };
            used = width(&tail);
            rows.push(tail);
        }
        rows.last_mut().expect("a row").push(c);
        used += w;
    }
    rows
}

fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        let wide = c.width().unwrap_or(0) > 1;
        if wide {
            if i > start {
                out.push(&text[start..i]);
            }
            out.push(&text[i..i + c.len_utf8()]);
            start = i + c.len_utf8();
            in_space = false;
        } else if c == ' ' {
            in_space = true;
        } else if in_space {
            out.push(&text[start..i]);
            start = i;
            in_space = false;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_keeps_its_tail_and_cuts_its_head() {
        let t = fit_title(
            "apply · how tasks are handed over",
            "·",
            "total 30.34 s",
            50,
        );
        assert!(t.ends_with("· total 30.34 s "), "{t}");
        assert!(t.contains('…'), "{t}");
        assert!(width(&t) <= 46, "{t}");
        assert_eq!(
            fit_title("daemon: on", "·", "total 0.02 s", 80),
            " daemon: on · total 0.02 s "
        );
    }

    #[test]
    fn wraps_words_and_cjk_by_width() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        let zh = wrap("主进程走到最后一行时谁等谁", 10);
        assert!(zh.iter().all(|l| width(l) <= 10), "{zh:?}");
        assert_eq!(zh.concat(), "主进程走到最后一行时谁等谁");
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(cut("守护进程", 5), "守护…");
        assert_eq!(width(&pad("守护", 6)), 6);
        assert_eq!(hard_wrap("ab  cd", 3), ["ab ", " cd"]);
        assert_eq!(
            hard_wrap("got a permit, works", 10),
            ["got a ", "permit, ", "works"]
        );
        assert_eq!(hard_wrap("  abcdefgh", 6), ["  abcd", "efgh"]);
        assert_eq!(hard_wrap("", 3), [""]);
        assert!(hard_wrap("守护进程", 3).iter().all(|r| width(r) <= 3));
    }
}
