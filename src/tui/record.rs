//! `forkyard --record session.cast`: the playground session as an asciicast v2 recording (a JSON
//! header line, then one `[seconds, "o", text]` line per frame written to the terminal), so that it
//! replays in asciinema or any asciicast player.
//!
//! The screen's writer is a [`Tee`]: what ratatui writes goes to stdout as ever, and, while a
//! recording is on, also into the recorder, which writes one event per flush (ratatui flushes once
//! per frame). Taking and giving back the terminal (the alternate screen, the mouse) are recorded
//! as the first and last events.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::Mutex;
use std::time::Instant;

use ratatui::backend::CrosstermBackend;

/// The playground's terminal: ratatui over the tee'd stdout.
pub type Screen = ratatui::Terminal<CrosstermBackend<Tee>>;

/// The recording under way, if any.
static RECORDER: Mutex<Option<Recorder>> = Mutex::new(None);

struct Recorder {
    out: BufWriter<File>,
    started: Instant,
    pending: Vec<u8>,
}

impl Recorder {
    fn event(&mut self, bytes: &[u8]) -> io::Result<()> {
        if bytes.is_empty() {
            return Ok(());
        }
        let t = self.started.elapsed().as_secs_f64();
        let text = String::from_utf8_lossy(bytes);
        let line = serde_json::to_string(&(round(t), "o", text.as_ref()))?;
        writeln!(self.out, "{line}")
    }
}

/// Microseconds are enough (asciinema writes six decimals too).
fn round(t: f64) -> f64 {
    (t * 1e6).round() / 1e6
}

/// Starts recording to `path`: writes the header for a `width`×`height` terminal.
pub fn start(path: &Path, width: u16, height: u16) -> io::Result<()> {
    let file = File::create(path).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!(
                "could not create the recording {}: {e} (is its directory there and writable?)",
                path.display()
            ),
        )
    })?;
    let mut out = BufWriter::new(file);
    let timestamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let header = serde_json::json!({
        "version": 2,
        "width": width,
        "height": height,
        "timestamp": timestamp,
        "title": "forkyard",
        "env": {
            "TERM": std::env::var("TERM").unwrap_or_default(),
            "SHELL": std::env::var("SHELL").unwrap_or_default(),
        },
    });
    writeln!(out, "{header}")?;
    let mut recorder = Recorder {
        out,
        started: Instant::now(),
        pending: Vec::new(),
    };
    recorder.event(super::terminal::TAKE)?;
    *lock() = Some(recorder);
    Ok(())
}

/// Ends the recording (the terminal given back is its last event) and writes it out.
pub fn finish() -> io::Result<()> {
    let Some(mut r) = lock().take() else {
        return Ok(());
    };
    let pending = std::mem::take(&mut r.pending);
    r.event(&pending)?;
    r.event(super::terminal::GIVE_BACK)?;
    r.out.flush()
}

fn lock() -> std::sync::MutexGuard<'static, Option<Recorder>> {
    RECORDER.lock().unwrap_or_else(|p| p.into_inner())
}

/// Stdout, and the recording when one is on.
pub struct Tee(io::Stdout);

impl Tee {
    /// Over this process's stdout.
    pub fn stdout() -> Tee {
        Tee(io::stdout())
    }
}

impl Write for Tee {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.0.write(buf)?;
        if let Some(r) = lock().as_mut() {
            r.pending.extend_from_slice(&buf[..n]);
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()?;
        let mut recorder = lock();
        if let Some(r) = recorder.as_mut() {
            let pending = std::mem::take(&mut r.pending);
            // A recording that cannot be written must not take the playground down: it stops.
            if r.event(&pending).is_err() {
                *recorder = None;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_is_seconds_o_and_the_text() {
        let path = std::env::temp_dir().join(format!("forkyard-cast-{}.cast", std::process::id()));
        start(&path, 80, 24).unwrap();
        {
            let mut r = lock();
            let r = r.as_mut().unwrap();
            r.pending
                .extend_from_slice("\x1b[1;1Hforkyard · 04 Lock".as_bytes());
        }
        let pending = std::mem::take(&mut lock().as_mut().unwrap().pending);
        lock().as_mut().unwrap().event(&pending).unwrap();
        finish().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.lines();
        let header: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
        assert_eq!(header["version"], 2);
        assert_eq!(header["width"], 80);
        assert_eq!(header["height"], 24);
        let events: Vec<(f64, String, String)> =
            lines.map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(events.len(), 3, "take, the frame, give back");
        assert!(events.iter().all(|e| e.1 == "o"));
        assert_eq!(events[1].2, "\x1b[1;1Hforkyard · 04 Lock");
        assert!(events.windows(2).all(|w| w[0].0 <= w[1].0));
        let _ = std::fs::remove_file(&path);
    }
}
