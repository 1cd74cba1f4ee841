//! Process names made short enough for a column, keeping the part that tells processes apart:
//! `ForkPoolWorker-12` becomes `…Worker-12` (never `ForkPoolWor…`, which three workers share).
//! One place, so lanes, output and the code pane's marks shorten the same way.

use super::wrap;

/// `name` in at most `max` cells: whole if it fits, else its end (the number) kept after a `…`.
pub fn short_name(name: &str, max: usize) -> String {
    if wrap::width(name) <= max {
        return name.to_string();
    }
    if max == 0 {
        return String::new();
    }
    // Keep the last `max - 1` cells: the counter that makes the name unique is at the end.
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in name.chars().rev() {
        let w = wrap::width(c.encode_utf8(&mut [0; 4]));
        if used + w + 1 > max {
            break;
        }
        tail.push(c);
        used += w;
    }
    let tail: String = tail.into_iter().rev().collect();
    format!("…{tail}")
}

/// The code pane's mark for a process: `P-1`, `W-2`, `Main`, or the name itself.
pub fn tiny(name: &str) -> String {
    if name == "MainProcess" {
        return "Main".into();
    }
    name.strip_prefix("Process-")
        .map(|k| format!("P-{k}"))
        .or_else(|| {
            name.strip_prefix("ForkPoolWorker-")
                .map(|k| format!("W-{k}"))
        })
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_distinguishing_end_survives() {
        assert_eq!(short_name("Process-1", 11), "Process-1");
        assert_eq!(short_name("ForkPoolWorker-2", 11), "…olWorker-2");
        assert_eq!(short_name("ForkPoolWorker-12", 10), "…Worker-12");
        assert_ne!(
            short_name("ForkPoolWorker-1", 8),
            short_name("ForkPoolWorker-2", 8)
        );
        assert_eq!(tiny("ForkPoolWorker-3"), "W-3");
        assert_eq!(tiny("Counter-1"), "Counter-1");
    }
}
