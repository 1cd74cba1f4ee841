//! The numbers `forkyard run` takes (`--speed`, `--timeout`, `--max-processes`, `--max-memory`),
//! checked where clap parses them: a bad value is one sentence naming the option, the value, and
//! the range that works, never a panic deeper in (a timeout of `1e20` s does not fit a `Duration`;
//! a speed of `1e308` overflows the lesson clock).

/// The slowest and fastest lesson clock: a thousandth of real time up to a thousand times it.
pub const SPEED_RANGE: (f64, f64) = (0.001, 1000.0);
/// The longest `--timeout`: a year, in seconds.
pub const MAX_TIMEOUT_S: f64 = 365.0 * 24.0 * 3600.0;
/// The most processes one run may create.
pub const MAX_PROCESSES: u32 = 4096;
/// The smallest memory budget a run can work in (the interpreter itself needs some).
pub const MIN_MEMORY: u64 = 64 << 20;

/// A number (NaN, which no range holds, is left to the range check that follows).
fn number(range: &str, text: &str) -> Result<f64, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("not a number; {range}"))
}

/// `--speed`: lesson seconds per real second.
pub fn parse_speed(text: &str) -> Result<f64, String> {
    let (lo, hi) = SPEED_RANGE;
    let range = format!(
        "the speed must be from {lo} to {hi} lesson seconds per real second (1 is real time)"
    );
    let speed = number(&range, text)?;
    if !(lo..=hi).contains(&speed) {
        return Err(range);
    }
    Ok(speed)
}

/// `--timeout`: real seconds.
pub fn parse_timeout(text: &str) -> Result<f64, String> {
    let range = format!(
        "the timeout must be more than 0 and at most {MAX_TIMEOUT_S:.0} real seconds (a year)"
    );
    let secs = number(&range, text)?;
    if !(secs > 0.0 && secs <= MAX_TIMEOUT_S) {
        return Err(range);
    }
    Ok(secs)
}

/// `--max-processes`: the run's main included.
pub fn parse_max_processes(text: &str) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(n) if (1..=MAX_PROCESSES).contains(&n) => Ok(n),
        _ => Err(format!(
            "the cap must be a whole number of processes from 1 to {MAX_PROCESSES}"
        )),
    }
}

/// `--max-memory`: bytes, written `512M`, `2G`, `1.5GiB`, `200MB` or a plain number of bytes
/// (K, M, G, T are powers of 1024, as memory is counted).
pub fn parse_memory(text: &str) -> Result<u64, String> {
    let bad = || {
        format!(
            "the budget is a size such as 512M or 2G (K, M, G, T: powers of 1024), at least {} MiB",
            MIN_MEMORY >> 20
        )
    };
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let value: f64 = digits.parse().map_err(|_| bad())?;
    let shift = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        "T" | "TB" | "TIB" => 40,
        _ => return Err(bad()),
    };
    let bytes = value * (1u64 << shift) as f64;
    if !(bytes.is_finite() && bytes >= MIN_MEMORY as f64 && bytes < u64::MAX as f64) {
        return Err(bad());
    }
    Ok(bytes as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speeds_out_of_range_are_refused_with_the_range() {
        for bad in [
            "0", "-1", "nan", "NaN", "inf", "1e308", "1001", "0.0009", "fast",
        ] {
            let e = parse_speed(bad).unwrap_err();
            assert!(
                e.contains("from 0.001 to 1000 lesson seconds"),
                "{bad}: {e}"
            );
        }
        assert_eq!(parse_speed("10"), Ok(10.0));
        assert_eq!(parse_speed("0.25"), Ok(0.25));
    }

    #[test]
    fn timeouts_out_of_range_are_refused_with_the_range() {
        for bad in ["0", "-3", "nan", "inf", "1e20", "-inf", "soon"] {
            let e = parse_timeout(bad).unwrap_err();
            assert!(e.contains("at most 31536000 real seconds"), "{bad}: {e}");
        }
        assert_eq!(parse_timeout("3"), Ok(3.0));
    }

    #[test]
    fn process_caps_are_whole_and_bounded() {
        assert_eq!(parse_max_processes("64"), Ok(64));
        for bad in ["0", "-1", "4097", "1.5", "lots"] {
            assert!(
                parse_max_processes(bad)
                    .unwrap_err()
                    .contains("from 1 to 4096")
            );
        }
    }

    #[test]
    fn memory_sizes_read_like_people_write_them() {
        assert_eq!(parse_memory("200M"), Ok(200 << 20));
        assert_eq!(parse_memory("2G"), Ok(2 << 30));
        assert_eq!(parse_memory("1.5GiB"), Ok(3 << 29));
        assert_eq!(parse_memory("64mb"), Ok(64 << 20));
        assert_eq!(parse_memory("67108864"), Ok(64 << 20));
        for bad in [
            "",
            "-1G",
            "1M",
            "lots",
            "2X",
            "1e30",
            "nan",
            "99999999999T",
            "32M",
        ] {
            assert!(
                parse_memory(bad).unwrap_err().contains("512M or 2G"),
                "{bad}"
            );
        }
    }
}
