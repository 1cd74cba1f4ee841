//! The code pane's tiny process marks (`P-1`, `W-2`). Names cut to a column width are shortened in
//! one place for every pane, `session::model::shorten`, which keeps the part that tells processes
//! apart (`…Worker-12`, never `ForkPoolWor…`, which three workers share).

/// The code pane's mark for a process: `P-1`, `W-2`, `Main`, or the name itself.
pub fn tiny(name: &str) -> String {
    if name == "MainProcess" {
        return "Main".into();
    }
    name.strip_prefix("Process-")
        .map(|k| format!("P-{k}"))
        .or_else(|| {
            // A Pool's workers under each start method.
            [
                "ForkPoolWorker-",
                "SpawnPoolWorker-",
                "ForkServerPoolWorker-",
            ]
            .iter()
            .find_map(|p| name.strip_prefix(p))
            .map(|k| format!("W-{k}"))
        })
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_keep_the_number() {
        assert_eq!(tiny("ForkPoolWorker-3"), "W-3");
        assert_eq!(tiny("SpawnPoolWorker-4"), "W-4");
        assert_eq!(tiny("ForkServerPoolWorker-5"), "W-5");
        assert_eq!(tiny("Counter-1"), "Counter-1");
    }
}
