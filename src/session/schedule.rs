//! Schedules of a held run as text: `MainProcess*4 Process-1 Process-2*`, entries separated by
//! spaces. `Name` is one step of that process, `Name*N` N steps, `Name*` steps until it blocks,
//! sleeps or ends. Names are Python's process names, never pids, so a schedule replays anywhere.

use std::fmt;

/// How many steps an entry gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// Exactly this many.
    Steps(u32),
    /// Until the process blocks, sleeps or ends.
    UntilItStops,
}

/// One entry of a schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The process's Python name.
    pub name: String,
    /// How many steps it gets.
    pub count: Count,
}

impl fmt::Display for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.count {
            Count::Steps(1) => write!(f, "{}", self.name),
            Count::Steps(n) => write!(f, "{}*{n}", self.name),
            Count::UntilItStops => write!(f, "{}*", self.name),
        }
    }
}

/// Reads a schedule; the error says which entry is wrong and how to write it.
pub fn parse(text: &str) -> Result<Vec<Entry>, String> {
    text.split_whitespace()
        .enumerate()
        .map(|(i, word)| {
            parse_entry(word).map_err(|why| format!("schedule entry {} `{word}`: {why}", i + 1))
        })
        .collect()
}

fn parse_entry(word: &str) -> Result<Entry, String> {
    let (name, count) = match word.split_once('*') {
        None => (word, Count::Steps(1)),
        Some((name, "")) => (name, Count::UntilItStops),
        Some((name, n)) => match n.parse::<u32>() {
            Ok(n) if n > 0 => (name, Count::Steps(n)),
            _ => {
                return Err(format!(
                    "after `*` comes a number of steps (1 or more) or nothing (until it blocks, \
                     sleeps or ends), not `{n}`"
                ));
            }
        },
    };
    if name.is_empty() {
        return Err("a process name comes first (`MainProcess`, `Process-1`)".into());
    }
    Ok(Entry {
        name: name.to_string(),
        count,
    })
}

/// The schedule that gives these steps (one process name per step), runs compressed: it replays
/// the same run when passed back with `--schedule`.
pub fn compress<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let mut entries: Vec<Entry> = Vec::new();
    for name in names {
        match entries.last_mut() {
            Some(Entry {
                name: last,
                count: Count::Steps(n),
            }) if last == name => *n += 1,
            _ => entries.push(Entry {
                name: name.to_string(),
                count: Count::Steps(1),
            }),
        }
    }
    entries
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_read_and_compress_back() {
        let s = parse(" MainProcess*4  Process-1 Process-2* ").unwrap();
        assert_eq!(
            s,
            vec![
                Entry {
                    name: "MainProcess".into(),
                    count: Count::Steps(4)
                },
                Entry {
                    name: "Process-1".into(),
                    count: Count::Steps(1)
                },
                Entry {
                    name: "Process-2".into(),
                    count: Count::UntilItStops
                },
            ]
        );
        assert_eq!(compress(["A", "A", "B", "A"]), "A*2 B A");
        assert_eq!(parse("").unwrap(), vec![]);
    }

    #[test]
    fn bad_entries_say_where_and_how() {
        let e = parse("MainProcess Process-1*x").unwrap_err();
        assert!(
            e.contains("entry 2 `Process-1*x`") && e.contains("number of steps"),
            "{e}"
        );
        let e = parse("*3").unwrap_err();
        assert!(e.contains("process name comes first"), "{e}");
        assert!(parse("P*0").is_err());
    }
}
