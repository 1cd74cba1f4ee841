//! Process names cut to a width so that the part that tells them apart survives: the lanes, the
//! output and the objects all call [`shorten`], so `ForkPoolWorker-2` reads `…Worker-2` everywhere.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `name` in at most `width` terminal cells. A numbered name (`ForkPoolWorker-12`,
/// `Process-1:3`) keeps its end, where the number is; any other keeps its start. Either way a cut
/// name shows `…` where the cut is.
pub fn shorten(name: &str, width: usize) -> String {
    if name.width() <= width {
        return name.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let room = width - 1;
    if let Some((head, number)) = numbered(name) {
        // Whole words of a CamelCase name first (`…Worker-2`), then its initials (`FPW-2`).
        let words: Vec<usize> = head
            .char_indices()
            .filter(|(_, c)| c.is_uppercase())
            .map(|(i, _)| i)
            .collect();
        for &at in &words[words.len().min(1)..] {
            let tail = &name[at..];
            if tail.width() <= room {
                return format!("…{tail}");
            }
        }
        let initials: String = head.chars().filter(|c| c.is_uppercase()).collect();
        if initials.chars().count() > 1 && initials.width() + 1 + number.width() <= width {
            return format!("{initials}-{number}");
        }
        let mut tail: Vec<char> = Vec::new();
        let mut used = 0;
        for c in name.chars().rev() {
            let w = c.width().unwrap_or(0);
            if used + w > room {
                break;
            }
            used += w;
            tail.push(c);
        }
        std::iter::once('…').chain(tail.into_iter().rev()).collect()
    } else {
        let mut head = String::new();
        let mut used = 0;
        for c in name.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > room {
                break;
            }
            used += w;
            head.push(c);
        }
        head + "…"
    }
}

/// The name and number of a name that ends in `-N` or `-N:M...` (multiprocessing's own names).
fn numbered(name: &str) -> Option<(&str, &str)> {
    name.rsplit_once('-').filter(|(head, n)| {
        !head.is_empty() && !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == ':')
    })
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn numbered_names_keep_their_number() {
        assert_eq!(shorten("ForkPoolWorker-2", 16), "ForkPoolWorker-2");
        // whole words first, then initials, then the end
        assert_eq!(shorten("ForkPoolWorker-2", 14), "…PoolWorker-2");
        assert_eq!(shorten("ForkPoolWorker-2", 12), "…Worker-2");
        assert_eq!(shorten("ForkPoolWorker-12", 10), "…Worker-12");
        assert_eq!(shorten("ForkPoolWorker-12", 9), "FPW-12");
        assert_eq!(shorten("ForkPoolWorker-2", 5), "FPW-2");
        assert_eq!(shorten("ForkPoolWorker-12", 4), "…-12");
        assert_eq!(shorten("Process-1:3", 6), "…s-1:3");
        assert_eq!(shorten("worker-10", 6), "…er-10");
        // three workers cut to the same width still differ
        let cut: Vec<String> = (1..=3)
            .map(|i| shorten(&format!("ForkPoolWorker-{i}"), 8))
            .collect();
        assert_eq!(cut, ["FPW-1", "FPW-2", "FPW-3"]);
        // the workers of spawn and forkserver Pools
        assert_eq!(shorten("SpawnPoolWorker-3", 12), "…Worker-3");
        assert_eq!(shorten("ForkServerPoolWorker-3", 14), "…PoolWorker-3");
        assert_eq!(shorten("ForkServerPoolWorker-12", 8), "FSPW-12");
    }

    #[test]
    fn other_names_keep_their_start() {
        assert_eq!(shorten("MainProcess", 11), "MainProcess");
        assert_eq!(shorten("MainProcess", 8), "MainPro…");
        assert_eq!(shorten("producer", 4), "pro…");
        assert_eq!(shorten("a-b", 2), "a…");
        assert_eq!(shorten("x", 0), "");
    }

    #[test]
    fn wide_characters_count_two_cells() {
        assert_eq!(shorten("工人-1", 5), "…人-1");
        assert_eq!(shorten("生产者", 4), "生…");
    }
}
