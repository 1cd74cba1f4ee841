//! The playground: the terminal app where lessons run live (`forkyard` with no arguments), or the
//! learner's own program (`forkyard FILE.py`: `own`; `e` opens an editor: `editor`; a save reruns:
//! `watch`).
//!
//! Elm-shaped: [`App`](app::App) is the state, [`update`](update::update) the only place it changes
//! (pure: a message in, effects out), `view` draws it, and the loop here is the runtime: it owns the
//! terminal and the runs' handles, feeds every input event and run update into one channel, drains
//! it, updates, carries the effects out, and draws once. A ticker runs only while a run animates;
//! an idle playground sleeps in `recv` and never wakes up.
//!
//! Lives here: the loop; taking the terminal and giving it back (on quit, error, panic, every signal
//! that ends the process, and around Ctrl-Z) is `terminal`'s.
//! Must not live here: any process handling beyond the session API (the playground never forks and
//! never touches a lesson's pipe), or drawing (that is `view`).

pub mod app;
pub mod background;
pub mod capture;
pub mod challenge;
pub mod editor;
pub mod explore_key;
pub mod export_key;
pub mod held;
pub mod held_file;
pub mod keymap;
pub mod own;
pub mod predict;
pub mod progress;
pub mod record;
pub mod recorded;
pub mod runs;
pub mod scrub;
pub mod stats_key;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod watch;

use std::collections::HashMap;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, after, never, select, tick};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use app::{App, Effect, Msg};
use runs::RunId;
use theme::Theme;

use crate::lesson::{self, Lang};
use crate::session::{self, RunHandle, RunSpec};
use crate::trace::clock::mono_ns;

/// How often the screen is redrawn while a run animates.
const FRAME: Duration = Duration::from_millis(33);
/// The shortest time between two frames (at most 60 a second, however fast records come).
const MIN_FRAME: Duration = Duration::from_millis(16);
/// The longest the loop takes in messages before it draws (a flood of records stays smooth).
const DRAIN_BUDGET: Duration = Duration::from_millis(25);

/// How the playground was asked to look.
#[derive(Debug, Default)]
pub struct Options {
    /// ASCII only (`--ascii`).
    pub ascii: bool,
    /// The learner's own program to open instead of the lessons (`forkyard FILE.py`).
    pub file: Option<std::path::PathBuf>,
    /// Record the session as an asciicast v2 file (`--record FILE`).
    pub record: Option<std::path::PathBuf>,
    /// Open on this recorded run, scrub only (`forkyard view RUN.jsonl`), and the lesson whose
    /// program it ran, if named.
    pub recorded: Option<(crate::export::Recording, Option<String>)>,
}

/// Opens the playground; returns when the learner quits.
pub fn run(opts: Options) -> ExitCode {
    // The session's guards first: the terminal's panic hook (installed by `take`) then runs before
    // theirs, so the terminal is restored before the runs are ended and the panic printed.
    // The learner's file is read before the terminal is taken: a missing one is a sentence.
    let own = match opts.file.as_deref().map(own::read) {
        Some(Ok(own)) => Some(own),
        Some(Err(why)) => {
            say(&format!("forkyard: {why}\n"));
            return ExitCode::from(2);
        }
        None => None,
    };
    session::install_guards();
    let theme = Theme {
        color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        ascii: opts.ascii,
    };
    let lang = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .map_or(Lang::En, |v| Lang::from_locale(&v));
    let mut terminal = match terminal::take() {
        Ok(t) => t,
        Err(e) => {
            terminal::give_back();
            say(&format!("forkyard: could not set up the terminal: {e}\n"));
            return ExitCode::FAILURE;
        }
    };
    let _guard = TerminalGuard;
    let size = terminal
        .size()
        .map(|s| (s.width, s.height))
        .unwrap_or((80, 24));
    let mut app = match own {
        Some((path, source)) => own::app_for_file(&path, &source, lang, theme, size),
        None => App::new(lesson::catalog(), progress::load(), lang, theme, size),
    };
    if let Some((recording, lesson)) = opts.recorded
        && let Err(e) = recorded::load(&mut app, recording, lesson.as_deref())
    {
        drop(_guard);
        say(&format!("forkyard: {e}\n"));
        return ExitCode::from(2);
    }
    if let Some(path) = &opts.record
        && let Err(e) = record::start(path, size.0, size.1)
    {
        drop(_guard);
        say(&format!("forkyard: {e}\n"));
        return ExitCode::from(2);
    }
    let result = event_loop(&mut terminal, &mut app);
    drop(_guard);
    if let Err(e) = record::finish() {
        say(&format!(
            "forkyard: the recording could not be written: {e}\n"
        ));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("forkyard: {e:#}\n"));
            ExitCode::FAILURE
        }
    }
}

/// A sentence on stderr that cannot fail the playground (the terminal may be gone).
fn say(text: &str) {
    session::write_raw(2, text.as_bytes());
}

/// Restores the terminal when the loop ends for any reason (an error included).
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        terminal::give_back();
    }
}

fn event_loop(terminal: &mut record::Screen, app: &mut App) -> anyhow::Result<()> {
    let (tx, rx) = crossbeam_channel::unbounded::<Msg>();
    let backlog = Backlog::default();
    let gate = editor::InputGate::default();
    spawn_input(tx.clone(), gate.clone());
    // The learner's file is watched while it is shown: a save reruns it once it has settled.
    let (saved_tx, saved) = crossbeam_channel::bounded::<()>(1);
    let _watch = match app.own.file.as_deref().map(|p| watch::watch(p, saved_tx)) {
        Some(Err(e)) => {
            app.status = Some(format!(
                "saving the file will not rerun it (cannot watch it: {e})"
            ));
            None
        }
        w => w.and_then(Result::ok),
    };
    let mut settle = never();
    let mut handles: HashMap<RunId, RunHandle> = HashMap::new();
    // Declared after the handles so it is dropped first: a job's runs end before the views' runs.
    let mut jobs: HashMap<background::JobId, background::Job> = HashMap::new();
    let mut dirty = true;
    let mut last_draw: Option<Instant> = None;
    let (mut ticker, mut ticking) = (never(), false);
    let redraw = terminal::redraw_requests();
    loop {
        let since = last_draw.map_or(MIN_FRAME, |t| t.elapsed());
        if dirty && since >= MIN_FRAME {
            terminal::draw(terminal, |f| f.render_widget(&*app, f.area()))?;
            dirty = false;
            last_draw = Some(Instant::now());
        }
        // Never a ticker while nothing moves: idle means no wake-ups at all.
        if app.animating() != ticking {
            ticking = !ticking;
            ticker = if ticking { tick(FRAME) } else { never() };
        }
        // A change came too soon after the last frame: draw it when the next frame is due.
        let due = if dirty {
            after(MIN_FRAME.saturating_sub(since))
        } else {
            never()
        };
        let first = select! {
            recv(rx) -> msg => msg?,
            recv(ticker) -> _ => Msg::Tick(mono_ns()),
            recv(due) -> _ => continue,
            recv(saved) -> _ => {
                settle = after(watch::SETTLE);
                continue;
            }
            recv(settle) -> _ => {
                settle = never();
                match app.own.file.as_deref() {
                    Some(path) => Msg::Edited(own::read_text(path), own::Came::Saved),
                    None => continue,
                }
            }
            recv(redraw) -> _ => {
                // Back from Ctrl-Z: the screen is not what the terminal's buffer thinks it is.
                terminal::redraw_whole(terminal);
                dirty = true;
                continue;
            }
        };
        let started = Instant::now();
        update::update(app, Msg::Tick(mono_ns()));
        let mut next = Some(first);
        while let Some(msg) = next.take() {
            if matches!(msg, Msg::Run(..)) {
                backlog.taken();
            }
            // A job that said its last word is done: its thread is joined here.
            if let Msg::Explored(job, _) | Msg::Stats(job, _) = &msg {
                jobs.remove(job);
            }
            let redraw = !matches!(msg, Msg::Tick(_)) || app.animating();
            dirty |= redraw;
            let effects = update::update(app, msg);
            for effect in effects {
                if let Effect::Edit(what) = effect {
                    let _ = tx.send(own::open_editor(&what, &gate));
                    terminal::redraw_whole(terminal);
                    dirty = true;
                    continue;
                }
                if carry_out(effect, app, &mut handles, &mut jobs, &tx, &backlog) {
                    return Ok(());
                }
            }
            if started.elapsed() < DRAIN_BUDGET {
                next = rx.try_recv().ok();
            }
        }
        // Where each process is in its program: sampled from the run's control page per frame.
        if app.animating() {
            for (id, h) in &handles {
                let lines = h
                    .current_lines()
                    .into_iter()
                    .filter(|c| c.line > 0)
                    .map(|c| (c.pid, c.line))
                    .collect();
                update::update(app, Msg::Lines(*id, lines));
            }
        }
        // A run that ended is reaped already, and one no longer on screen was stopped: drop both.
        handles.retain(|id, _| app.runs.iter().any(|r| r.id == *id && r.is_live()));
    }
}

/// Reads terminal events on their own thread (blocking: no polling) into the channel.
fn spawn_input(tx: Sender<Msg>, gate: editor::InputGate) {
    let _ = std::thread::Builder::new()
        .name("forkyard-input".into())
        .spawn(move || {
            while let Ok(ev) = event::read() {
                // The learner's editor has the terminal: what was read meanwhile is not ours.
                if gate.pass() {
                    continue;
                }
                let msg = match ev {
                    // Raw mode turns Ctrl-Z into a key: make it the signal it is on a terminal
                    // (the session stops every run, then the playground; `fg` continues them).
                    Event::Key(k)
                        if k.code == KeyCode::Char('z')
                            && k.modifiers.contains(KeyModifiers::CONTROL)
                            && k.kind == KeyEventKind::Press =>
                    {
                        // SAFETY: a signal to this very process.
                        unsafe { libc::kill(libc::getpid(), libc::SIGTSTP) };
                        continue;
                    }
                    Event::Key(k) => Msg::Key(k),
                    Event::Mouse(m) => Msg::Mouse(m),
                    Event::Resize(w, h) => Msg::Resize(w, h),
                    _ => continue,
                };
                if tx.send(msg).is_err() {
                    return;
                }
            }
        });
}

/// Carries out one effect; true when the playground should leave.
fn carry_out(
    effect: Effect,
    app: &App,
    handles: &mut HashMap<RunId, RunHandle>,
    jobs: &mut HashMap<background::JobId, background::Job>,
    tx: &Sender<Msg>,
    backlog: &Backlog,
) -> bool {
    match effect {
        Effect::Explore {
            job,
            source,
            file,
            stdout,
            ops_only,
        } => {
            jobs.insert(
                job,
                background::explore(job, source, file, stdout, ops_only, tx.clone()),
            );
        }
        Effect::Stats {
            job,
            source,
            file,
            stdout,
            speed,
        } => {
            jobs.insert(
                job,
                background::stats(job, source, file, stdout, speed, tx.clone()),
            );
        }
        // Dropping a job cancels it and joins its thread (its runs reaped).
        Effect::Cancel(job) => {
            jobs.remove(&job);
        }
        Effect::Start {
            id,
            source,
            file,
            speed,
            stdout,
            held,
            ops_only,
        } => {
            let spec = RunSpec {
                speed,
                stdout,
                ..RunSpec::new(source, file)
            };
            // From the main thread: the lesson main dies with the thread that started it.
            let started = match (held, ops_only) {
                (true, true) => session::start_steered_ops(spec),
                (true, false) => session::start_steered(spec),
                (false, _) => session::start(spec),
            };
            match started {
                Ok(handle) => {
                    let _ = tx.send(Msg::Started(id, handle.pid()));
                    forward(id, handle.updates().clone(), tx.clone(), backlog.clone());
                    forward_held(id, &handle, tx.clone());
                    handles.insert(id, handle);
                }
                Err(e) => {
                    let _ = tx.send(Msg::Failed(id, format!("{e:#}")));
                }
            }
        }
        Effect::Stop(id) => {
            if let Some(mut h) = handles.remove(&id) {
                h.stop();
            }
        }
        Effect::Hold(id) => {
            if let Some(h) = handles.get_mut(&id)
                && h.hold()
            {
                forward_held(id, h, tx.clone());
            }
        }
        Effect::Steer(id, steer) => {
            if let Some(h) = handles.get(&id) {
                h.steer(steer);
            }
        }
        Effect::Signal { id, pid, sig } => {
            let refused = match handles.get(&id) {
                Some(h) => h.signal(pid, sig).err(),
                None => Some(format!("process {pid} has ended with its run")),
            };
            if let Some(why) = refused {
                let _ = tx.send(Msg::Said(why));
            }
        }
        Effect::SaveSchedule(text) => {
            let said = match held_file::save(&text, app.lesson().map(|l| l.id.as_str())) {
                Ok(path) => format!("schedule written to {}", path.display()),
                Err(e) => format!("could not write the schedule: {e}"),
            };
            let _ = tx.send(Msg::Said(said));
        }
        Effect::Export(format) => {
            let _ = tx.send(Msg::Said(export_key::write(app, format)));
        }
        Effect::Speed(s) => handles.values().for_each(|h| h.set_speed(s)),
        Effect::Pause => handles.values().for_each(RunHandle::pause),
        Effect::Resume => handles.values().for_each(RunHandle::resume),
        // The learner's own file is no lesson: nothing to record.
        Effect::SaveProgress if app.own.file.is_some() => {}
        Effect::Edit(_) => {}
        Effect::SaveProgress => {
            let _ = progress::save(&app.progress);
        }
        Effect::Quit => {
            // Dropping the jobs and the handles stops and reaps every run before the terminal is
            // restored.
            jobs.clear();
            handles.clear();
            return true;
        }
    }
    false
}

/// How many run updates may wait in the loop's channel before the forwarders hold back: enough for
/// several frames of a flood, small enough that a playground that cannot keep up stays bounded.
const MAX_BACKLOG: usize = 50_000;

/// The run updates forwarded into the loop's channel and not yet taken out. The channel also carries
/// keys, so it cannot be bounded itself (a key must never wait behind a flood); instead a forwarder
/// stops reading its run while the backlog is full, the session's own channel then fills, and the
/// session stops reading the run's trace: the lesson processes block on their next write, as
/// CPython's would on a full pipe (the back-pressure of `forkyard run`).
#[derive(Clone, Default)]
struct Backlog(std::sync::Arc<std::sync::atomic::AtomicUsize>);

impl Backlog {
    fn taken(&self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// Counts one more update in, first waiting while the backlog is full (it sleeps only then:
    /// an idle or keeping-up playground never polls).
    fn add(&self) {
        while self.0.load(std::sync::atomic::Ordering::Relaxed) >= MAX_BACKLOG {
            std::thread::sleep(Duration::from_millis(2));
        }
        self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Forwards a run's updates into the one channel, tagged with the run's id. Ends with the run.
fn forward(id: RunId, updates: Receiver<session::Update>, tx: Sender<Msg>, backlog: Backlog) {
    let _ = std::thread::Builder::new()
        .name(format!("forkyard-forward-{id}"))
        .spawn(move || {
            for u in updates {
                backlog.add();
                if tx.send(Msg::Run(id, u)).is_err() {
                    return;
                }
            }
        });
}

/// Forwards a steered run's scheduler news into the one channel. Ends with the run.
fn forward_held(id: RunId, handle: &RunHandle, tx: Sender<Msg>) {
    let Some(news) = handle.held_changes().cloned() else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name(format!("forkyard-held-{id}"))
        .spawn(move || {
            for n in news {
                if tx.send(Msg::Held(id, n)).is_err() {
                    return;
                }
            }
        });
}

/// Whether stdin and stdout are a terminal (else `forkyard` prints the lesson list instead).
pub fn on_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_backlog_holds_the_forwarder_until_the_loop_takes_one() {
        let backlog = Backlog::default();
        for _ in 0..MAX_BACKLOG {
            backlog.add();
        }
        let (done_tx, done_rx) = crossbeam_channel::bounded(1);
        let b = backlog.clone();
        std::thread::spawn(move || {
            b.add();
            let _ = done_tx.send(());
        });
        // Held while full: nothing the loop has not taken gets in.
        assert!(done_rx.recv_timeout(Duration::from_millis(100)).is_err());
        backlog.taken();
        assert!(done_rx.recv_timeout(Duration::from_secs(10)).is_ok());
    }
}
