//! A run as the playground shows it: the session's `Run` model (the domain) plus what only the view
//! needs: which run it is, its lesson clock estimate between records, and where each process printed
//! (the marks on its lane, bounded so a chatty run never grows them without end).

use std::collections::{HashMap, HashSet, VecDeque};

use crate::session::{HeldLog, Run, RunEnd, Stand, Standing};
use crate::trace::{Ending, Event, Op, Record, State, Stream};

/// Identifies a run the playground started; updates of a run it has since left are ignored.
pub type RunId = u64;

/// How many output marks a lane keeps (the newest).
pub const MAX_MARKS: usize = 2048;
/// How many records a run keeps for scrubbing (the first ones: a run past this scrubs up to here
/// and says so). Half a million records is a few hundred MB at most, and far beyond any lesson.
pub const MAX_TRACE: usize = 500_000;

/// A held step that read or wrote a shared value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    /// The object (`Value#1`).
    pub object: String,
    /// The process's Python name.
    pub name: String,
    /// A write (else a read).
    pub write: bool,
    /// The value it read or wrote, from the process's own `read` or `stored` record; `None`
    /// until that record comes.
    pub value: Option<String>,
}

/// One side of the screen's run (two in a comparison).
#[derive(Clone)]
pub struct RunView {
    /// Which run.
    pub id: RunId,
    /// The knob settings it runs with, as `daemon=on` (shown in a comparison).
    pub label: String,
    /// What the trace said so far.
    pub run: Run,
    /// The lesson main's pid, once started.
    pub pid: Option<i32>,
    /// Why it could not start, if it could not.
    pub error: Option<String>,
    /// The latest record's (monotonic ns, lesson ns): the base of the clock estimate.
    anchor: Option<(u64, u64)>,
    /// Lesson time now, as far as the playground can tell.
    pub clock_ns: u64,
    /// The line each live process is running (pid, 1-based line), as last sampled.
    pub lines: Vec<(i32, u32)>,
    /// The last line each process wrote to stderr (a traceback's last line says what was raised).
    pub last_error: HashMap<i32, String>,
    /// Lesson times at which each process printed.
    pub marks: HashMap<i32, VecDeque<u64>>,
    /// Lesson times at which each process did something to an object (acquired, put, got, set...).
    pub op_marks: HashMap<i32, VecDeque<u64>>,
    /// What happened to which process so far, as (process name, notice event kind): a lesson's
    /// notice about a lane is shown only once this run shows it.
    pub seen: HashSet<(String, &'static str)>,
    /// After a knob's rerun: the lines the run before printed (process and text, long numbers
    /// such as pids blotted out), so the output can mark what the knob changed.
    pub before: Option<HashSet<String>>,
    /// A held run: its scheduler's last word (steps, standings, how it ended).
    pub held: Option<HeldLog>,
    /// The processes frozen by `z` (SIGSTOP) and not thawed since.
    pub frozen: HashSet<i32>,
    /// Each step of a held run on a shared value, with the value it read or wrote: the objects
    /// pane shows the last few (both reads of 0, both writes of 1: a lost update made visible).
    pub accesses: Vec<Access>,
    /// A held run that ended in a deadlock: who waited on what and who held it, as the model
    /// said it when the scheduler found the deadlock.
    pub deadlock: Option<Vec<String>>,
    /// Held while it ran free (`s` on a live run): its schedule starts mid-run.
    pub held_live: bool,
    /// A signal from the playground (`t`, `K`, `z`) reached one of its processes: a replay of
    /// its schedule does not send it.
    pub signalled: bool,
    /// Every record taken in, in order (at most [`MAX_TRACE`]): scrubbing rebuilds any moment
    /// from them.
    pub trace: Vec<Record>,
    /// When the sampled running lines changed: (records taken in by then, the lines). The trace
    /// does not carry lines, so scrubbing shows a moment's lines from here.
    pub line_history: Vec<(usize, Vec<(i32, u32)>)>,
    /// Copies of this view as it was after so many records (ascending), taken as the records come
    /// so that scrubbing rebuilds any moment from the closest copy before it (`scrub::snapshot`).
    pub snapshots: Vec<(usize, RunView)>,
    /// How many records apart those copies are (it doubles as the run grows, keeping them few).
    pub snapshot_every: usize,
    /// A held run's reads and stores whose step has not been told yet (the record and the
    /// scheduler's news come by different ways): (process name, object, a write, value).
    values: Vec<(String, String, bool, String)>,
}

impl RunView {
    /// A run that is being started.
    pub fn new(id: RunId, label: String) -> RunView {
        RunView {
            id,
            label,
            run: Run::new(),
            pid: None,
            error: None,
            anchor: None,
            clock_ns: 0,
            lines: Vec::new(),
            last_error: HashMap::new(),
            marks: HashMap::new(),
            op_marks: HashMap::new(),
            seen: HashSet::new(),
            before: None,
            held: None,
            frozen: HashSet::new(),
            accesses: Vec::new(),
            deadlock: None,
            held_live: false,
            signalled: false,
            trace: Vec::new(),
            line_history: Vec::new(),
            snapshots: Vec::new(),
            snapshot_every: super::scrub::SNAPSHOT_EVERY,
            values: Vec::new(),
        }
    }

    /// What every blocked process waits on and who holds it, in the model's words.
    pub fn blocked_sentences(&self) -> Vec<String> {
        self.run
            .lanes()
            .filter_map(|l| self.run.blocked_sentence(l.pid))
            .collect()
    }

    /// Whether the run is held now: live, held, and not released.
    pub fn is_held(&self) -> bool {
        self.is_live()
            && self
                .held
                .as_ref()
                .is_some_and(|h| !h.released && h.end.is_none())
    }

    /// Where process `pid` stands in the held run.
    pub fn standing(&self, pid: i32) -> Option<&Standing> {
        let held = self.held.as_ref().filter(|_| self.is_held())?;
        held.standing.iter().find(|s| s.pid == pid)
    }

    /// Takes in a held run's scheduler's news: the code pane's marks follow each process's next
    /// line, the clock stands where the scheduler left it, and each new step on a shared value
    /// becomes an [`Access`], its value from its record.
    pub fn held_news(&mut self, news: HeldLog) {
        let before = self.held.as_ref().map_or(0, |h| h.steps.len());
        for step in news.steps.iter().skip(before) {
            if let Some((object, how)) = step.what.rsplit_once(' ')
                && (how == "read" || how == "write")
            {
                let write = how == "write";
                // Its record may have come before this news.
                let value = self
                    .values
                    .iter()
                    .position(|(n, o, w, _)| *n == step.name && o == object && *w == write)
                    .map(|i| self.values.remove(i).3);
                self.accesses.push(Access {
                    object: object.to_string(),
                    name: step.name.clone(),
                    write,
                    value,
                });
            }
        }
        if news.lesson_ns > self.clock_ns {
            self.clock_ns = news.lesson_ns;
        }
        self.anchor = None;
        if !news.released {
            let lines = news
                .standing
                .iter()
                .filter(|s| !matches!(s.stand, Stand::Ended) && s.line > 0)
                .map(|s| (s.pid, s.line))
                .collect();
            self.set_lines(lines);
        }
        self.held = Some(news);
    }

    /// Whether its processes may still be alive.
    pub fn is_live(&self) -> bool {
        self.error.is_none() && self.run.end.is_none()
    }

    /// The line each live process runs now (sampled), kept in the history scrubbing reads.
    pub fn set_lines(&mut self, lines: Vec<(i32, u32)>) {
        if self.line_history.last().map(|(_, l)| l) != Some(&lines) {
            self.line_history.push((self.trace.len(), lines.clone()));
        }
        self.lines = lines;
    }

    /// Takes in a record.
    pub fn record(&mut self, r: &Record) {
        if self.trace.len() < MAX_TRACE {
            self.trace.push(r.clone());
            self.replay(r);
            super::scrub::snapshot(self);
        } else {
            self.replay(r);
        }
    }

    /// Takes in a record without keeping it (scrubbing rebuilds a moment this way).
    pub fn replay(&mut self, r: &Record) {
        self.run.apply(r);
        // A deadlock's sentences are the model's: a wait it learns of after the scheduler's
        // news (records and news come by different ways) joins them.
        if matches!(
            r.event,
            Event::State {
                state: State::Blocked { .. }
            }
        ) && self.deadlock.is_some()
        {
            self.deadlock = Some(self.blocked_sentences());
        }
        if let Some(seen) = self.seen_in(r) {
            self.seen.insert(seen);
        }
        self.anchor = Some((r.mono_ns, r.lesson_ns));
        self.clock_ns = self.clock_ns.max(r.lesson_ns);
        if let Event::Output {
            stream: Stream::Stderr,
            text,
        } = &r.event
            && let Some(line) = text.lines().rev().find(|l| !l.trim().is_empty())
        {
            self.last_error.insert(r.pid, line.trim().to_string());
        }
        // A held read's or write's value comes with the process's `read` or `stored` record.
        if let Event::Op { id, op, detail } = &r.event
            && matches!(op, Op::Stored | Op::Read)
            && let Some(name) = self.run.process_name(r.pid)
        {
            let write = *op == Op::Stored;
            // The scheduler's steps name objects as the trace does.
            let label = self.run.objects.get(*id).map(|o| o.trace_label());
            let value = detail
                .as_deref()
                .map(|d| d.strip_prefix("value=").unwrap_or(d).to_string());
            let held = self.is_held();
            let waiting = self.accesses.iter_mut().find(|a| {
                a.write == write
                    && a.value.is_none()
                    && *a.name == **name
                    && Some(&a.object) == label.as_ref()
            });
            match (waiting, label, value) {
                (Some(a), _, value) => a.value = value,
                // Its step is not told yet: kept for it (only while held: a free run's stores
                // belong to no step).
                (None, Some(label), Some(value)) if held => {
                    self.values.push((name.to_string(), label, write, value));
                }
                _ => {}
            }
        }
        let marks = match r.event {
            Event::Output { .. } => &mut self.marks,
            Event::Op { .. } => &mut self.op_marks,
            _ => return,
        };
        let marks = marks.entry(r.pid).or_default();
        marks.push_back(r.lesson_ns);
        if marks.len() > MAX_MARKS {
            marks.pop_front();
        }
    }

    /// The process a record is about and the notice event kind it is (`lesson::NOTICE_EVENTS`):
    /// a signal and a reaping are about the process they end, the rest about the writer.
    fn seen_in(&self, r: &Record) -> Option<(String, &'static str)> {
        let own = || self.run.process_name(r.pid).map(|n| n.to_string());
        let (name, kind) = match &r.event {
            Event::Spawn { name, .. } => (Some(name.clone()), "spawn"),
            Event::Output { .. } => (own(), "output"),
            Event::State { state } => (
                own(),
                match state {
                    State::Running => "running",
                    State::Sleeping { .. } => "sleeping",
                    State::Blocked { .. } => "blocked",
                },
            ),
            Event::AtExit { .. } => (own(), "at_exit"),
            Event::Signal { target_name, .. } => (Some(target_name.clone()), "signal"),
            Event::Exit { .. } => (own(), "exit"),
            Event::Reaped { child_name, .. } => (Some(child_name.clone()), "reaped"),
            Event::Object { .. } => (own(), "object"),
            Event::Op { .. } => (own(), "op"),
            _ => return None,
        };
        Some((name?, kind))
    }

    /// Every output line of this run in the form [`RunView::before`] keeps.
    pub fn printed(&self) -> HashSet<String> {
        self.run.log.lines().map(printed_key).collect()
    }

    /// Whether `line` is one the run before the last knob change did not print.
    pub fn is_new(&self, line: &crate::session::model::Line) -> bool {
        self.before
            .as_ref()
            .is_some_and(|b| !b.contains(&printed_key(line)))
    }

    /// Whether this run showed `kind` happening to the process called `lane`.
    pub fn saw(&self, lane: &str, kind: &str) -> bool {
        self.seen.iter().any(|(n, k)| n == lane && *k == kind)
    }

    /// The run is over.
    pub fn end(&mut self, end: &RunEnd) {
        self.run.finish(end);
        self.lines.clear();
        self.clock_ns = self.run.now_ns;
    }

    /// Moves the clock estimate to monotonic time `now` at `speed` lesson seconds per second.
    pub fn tick(&mut self, now: u64, speed: f64) {
        // A held run's clock moves only by its scheduler.
        if !self.is_live() || self.is_held() {
            return;
        }
        if let Some((mono, lesson)) = self.anchor {
            let est = lesson + (now.saturating_sub(mono) as f64 * speed) as u64;
            self.clock_ns = self.clock_ns.max(est);
        }
    }

    /// Re-bases the estimate at `now` (before a speed change or a pause, after a resume), so the
    /// time before counts at the old speed and nothing counts while paused.
    pub fn rebase(&mut self, now: u64) {
        if self.anchor.is_some() {
            self.anchor = Some((now, self.clock_ns));
        }
    }

    /// Whether the lesson main ran to its end by itself (not stopped, not killed).
    pub fn completed(&self) -> bool {
        matches!(
            self.run.end.as_ref(),
            Some(RunEnd {
                main: Some(Ending::Exited { .. }),
                stopped: None
            })
        )
    }

    /// The lesson time the run ended at, once it did.
    pub fn total_ns(&self) -> Option<u64> {
        self.run.end.as_ref().map(|_| self.run.now_ns)
    }
}

/// A printed line as runs are compared: its process and text, with numbers of four digits or
/// more (pids) blotted out, since they differ from run to run by nature.
fn printed_key(line: &crate::session::model::Line) -> String {
    let mut out = format!("{}\t", line.process);
    let mut digits = String::new();
    for c in line.text.chars().chain(std::iter::once('\n')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if digits.len() >= 4 {
            out.push('#');
        } else {
            out.push_str(&digits);
        }
        digits.clear();
        out.push(c);
    }
    out
}
