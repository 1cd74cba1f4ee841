//! `forkyard run LESSON --compare KNOB`: the lesson's program with the knob set both ways, run at
//! the same time as two independent runs (own process groups, own traces, own models), then both
//! transcripts one after the other and each side's total lesson time — `apply` against
//! `apply_async` in 09-pool.

use std::io::{self, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crossbeam_channel::{Select, never};

use super::render::Printer;
use super::run::{RunArgs, TIMED_OUT, exit_status};
use crate::lesson;
use crate::session::{self, RunEnd, RunHandle, Update};

/// One side of the comparison as it runs.
struct Side {
    label: String,
    handle: RunHandle,
    printer: Printer<Capped, Capped>,
    end: Option<RunEnd>,
}

pub fn run(args: &RunArgs, knob_name: &str) -> Result<ExitCode, String> {
    let lesson =
        lesson::find(&args.target).map_err(|e| format!("--compare needs a lesson: {e}"))?;
    let knob = lesson.knob(knob_name).ok_or_else(|| {
        let names: Vec<&str> = lesson.knobs.iter().map(|k| k.name.as_str()).collect();
        format!(
            "unknown knob `{knob_name}` for {} (knobs: {})",
            lesson.id,
            names.join(", ")
        )
    })?;
    let values = knob.compare_pair();
    // The knob's own program (01's terminate: subclass.py), or the one `--program` names.
    let mut named = args.set.clone();
    named.push(format!("{knob_name}={}", values[0]));
    let file = super::lessons::pick_program(&lesson, &named, args.program.as_deref())?;
    let mut sides = Vec::new();
    for value in &values {
        let mut set = args.set.clone();
        set.retain(|s| !s.starts_with(&format!("{knob_name}=")));
        set.push(format!("{knob_name}={value}"));
        let settings = lesson.settings_from(&set).map_err(|e| e.to_string())?;
        let program = lesson
            .program_named(&file, &settings)
            .map_err(|e| e.to_string())?;
        let spec = args.spec(program.source, program.file, program.stdout);
        sides.push((format!("{knob_name}={value}"), spec));
    }
    // Start both before reading either, so they begin together.
    let mut running = Vec::new();
    for (label, spec) in sides {
        let handle = session::start(spec).map_err(|e| format!("{e:#}"))?;
        running.push(Side {
            label,
            handle,
            printer: Printer::new(args.format, Capped::default(), Capped::default()),
            end: None,
        });
    }
    let deadline = args
        .timeout
        .map(|t| Instant::now() + Duration::from_secs_f64(t));
    let mut timed_out = false;
    while running.iter().any(|s| s.end.is_none()) {
        // Receivers are cheap handles: select on copies, so the sides stay free to update.
        let rxs: Vec<_> = running
            .iter()
            .map(|s| match s.end {
                None => s.handle.updates().clone(),
                Some(_) => never::<Update>(),
            })
            .collect();
        let mut sel = Select::new();
        for rx in &rxs {
            sel.recv(rx);
        }
        let picked = match deadline {
            Some(d) => sel.select_deadline(d).ok(),
            None => Some(sel.select()),
        };
        let Some(op) = picked else {
            timed_out = true;
            for s in &mut running {
                s.handle.stop_because("timeout (--timeout)");
            }
            continue;
        };
        let i = op.index();
        let update = op
            .recv(&rxs[i])
            .map_err(|_| "a run's observer thread died".to_string())?;
        let side = &mut running[i];
        match update {
            Update::Record(r) => side.printer.record(&r).map_err(|e| e.to_string())?,
            Update::Records(records) => {
                for r in &records {
                    side.printer.record(r).map_err(|e| e.to_string())?;
                }
            }
            Update::End(end) => {
                let _ = side.printer.end(&end);
                side.end = Some(end);
            }
        }
    }
    let mut out = io::stdout().lock();
    let mut totals = Vec::new();
    let mut written = Ok(());
    for s in &mut running {
        let _ = s.printer.flush();
        let (text, errors) = s.printer.buffers();
        let (text, errors) = (text.text(), errors.text());
        written = written
            .and_then(|()| writeln!(out, "=== {} ({}) ===", lesson.id, s.label))
            .and_then(|()| out.write_all(&text))
            .and_then(|()| writeln!(out));
        super::say::raw(&String::from_utf8_lossy(&errors));
        let total = s
            .printer
            .run()
            .summary()
            .into_iter()
            .find(|p| p.name == "MainProcess")
            .and_then(|p| p.end_s);
        totals.push((s.label.clone(), total));
    }
    let parts: Vec<String> = totals
        .iter()
        .map(|(label, t)| match t {
            Some(t) => format!("{label} took {t:.1} s"),
            None => format!("{label} did not end"),
        })
        .collect();
    written = written
        .and_then(|()| {
            writeln!(
                out,
                "compare {}: {} (lesson seconds)",
                knob_name,
                parts.join(", ")
            )
        })
        .and_then(|()| out.flush());
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            super::say::error(&format!("could not write the comparison: {e}"));
        }
        return Ok(ExitCode::FAILURE);
    }
    if timed_out {
        super::say::error(&format!(
            "the runs did not end within {} s (--timeout), so they were stopped",
            args.timeout.unwrap_or_default()
        ));
        return Ok(ExitCode::from(TIMED_OUT));
    }
    // Both sides must end well for the comparison to succeed; report the first failure.
    let status = running
        .iter()
        .map(|s| s.end.as_ref().and_then(|e| e.main))
        .find(|m| !matches!(m, Some(crate::trace::Ending::Exited { code: 0 })));
    Ok(match status {
        Some(m) => exit_status(m),
        None => ExitCode::SUCCESS,
    })
}

/// The most of each side's transcript kept for printing after both runs: a program that prints
/// without end under `--compare` must not grow the observer without bound.
const KEPT: usize = 16 << 20;

/// A transcript buffer that keeps the first [`KEPT`] bytes and counts the rest.
#[derive(Default)]
struct Capped {
    kept: Vec<u8>,
    dropped: u64,
}

impl Capped {
    /// What was kept, and a line saying how much was not.
    fn text(&self) -> Vec<u8> {
        let mut text = self.kept.clone();
        if self.dropped > 0 {
            text.extend_from_slice(
                format!(
                    "\n(forkyard kept the first {} MiB of this transcript; {} bytes more were not kept)\n",
                    KEPT >> 20,
                    self.dropped
                )
                .as_bytes(),
            );
        }
        text
    }
}

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let room = KEPT.saturating_sub(self.kept.len()).min(buf.len());
        self.kept.extend_from_slice(&buf[..room]);
        self.dropped += (buf.len() - room) as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transcript_is_kept_up_to_its_cap_and_says_what_was_not() {
        let mut c = Capped::default();
        let chunk = vec![b'x'; 1 << 20];
        for _ in 0..17 {
            c.write_all(&chunk).unwrap();
        }
        assert_eq!(c.kept.len(), KEPT);
        assert_eq!(c.dropped, 1 << 20);
        let text = String::from_utf8(c.text()).unwrap();
        assert!(text.ends_with("1048576 bytes more were not kept)\n"));
    }
}
