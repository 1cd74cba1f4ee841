//! The playground's state (`App`), the messages that change it (`Msg`) and the effects it asks the
//! loop to carry out (`Effect`). Domain facts live in the session's `Run` models inside
//! [`RunView`]s; everything else here is view state: focus, scroll, overlays, speed.
//! Must not live here: processes, terminals, files. `update` is pure so tests drive it directly.

use std::ops::Range;

use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use super::progress::Progress;
use super::runs::{RunId, RunView};
use super::theme::Theme;
use crate::lesson::{KnobSettings, Lang, Lesson, LessonError, Program};
use crate::python::parse::{TokenClass, tokens};
use crate::session::StdoutMode;
use crate::session::{HeldLog, Steer, Update};

/// Lesson speeds `+`/`-` step through (lesson seconds per real second).
pub const SPEEDS: &[f64] = &[0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0];
/// The speed the playground starts at.
pub const DEFAULT_SPEED: f64 = 1.0;

/// Something that happened: input, a run's update, time passing.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A key press.
    Key(KeyEvent),
    /// A mouse event.
    Mouse(MouseEvent),
    /// The terminal's new size.
    Resize(u16, u16),
    /// An update of a run.
    Run(RunId, Update),
    /// A run started; its lesson main has this pid.
    Started(RunId, i32),
    /// A run could not start.
    Failed(RunId, String),
    /// Monotonic time now (ns): the animation's tick, also sent before each batch of messages.
    Tick(u64),
    /// The line each process of a run is running now (pid, 1-based line), sampled per frame.
    Lines(RunId, Vec<(i32, u32)>),
    /// A held run's scheduler: its steps, where each process stands, how it ended.
    Held(RunId, HeldLog),
    /// A sentence from carrying out an effect (where the schedule was written, a refused signal).
    Said(String),
    /// The program's text again, after the learner's editor or a save of the file shown (or why
    /// it could not be read).
    Edited(Result<String, String>, super::own::Came),
    /// What stats' runs came to (or why they could not run).
    Stats(
        super::background::JobId,
        Result<crate::session::stats::Tally, String>,
    ),
    /// How many runs a background job has taken so far.
    Progress(super::background::JobId, u64),
    /// What a background search found (or why it could not search).
    Explored(
        super::background::JobId,
        Result<crate::session::explore::Exploration, String>,
    ),
}

/// What `update` asks the loop to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Start a run of `source` (named `file`) at `speed`; its updates come back as `Msg::Run(id, _)`.
    Start {
        /// The run's id.
        id: RunId,
        /// The program.
        source: String,
        /// Its file name.
        file: String,
        /// Lesson seconds per real second.
        speed: f64,
        /// How its stdout is buffered: a terminal's, unless a knob says otherwise (03's
        /// `output=pipe`).
        stdout: StdoutMode,
        /// Held from its first statement for the learner's steps (`s` before a run).
        held: bool,
        /// Held with operations only as steps (a schedule explore found, which counts so).
        ops_only: bool,
    },
    /// Hold a live run at its processes' next checkpoints.
    Hold(RunId),
    /// The learner's step for a held run (or its release).
    Steer(RunId, Steer),
    /// Send a signal to one process of a run.
    Signal {
        /// The run.
        id: RunId,
        /// The process.
        pid: i32,
        /// The signal (`libc::SIGTERM`...).
        sig: i32,
    },
    /// Write a held run's schedule to a file under the state directory and say where.
    SaveSchedule(String),
    /// Write the run on screen as a file of this format under the state directory and say where.
    Export(crate::export::Format),
    /// Stop a run and reap it.
    Stop(RunId),
    /// Every live run at this speed.
    Speed(f64),
    /// Freeze every live run.
    Pause,
    /// Thaw every live run.
    Resume,
    /// Write the progress file.
    SaveProgress,
    /// Open the program in the learner's editor; its text comes back as `Msg::Edited`.
    Edit(super::own::EditWhat),
    /// Search every outcome of a program in the background; it comes back as `Msg::Explored`.
    Explore {
        /// The job's id.
        job: super::background::JobId,
        /// The program.
        source: String,
        /// Its file name.
        file: String,
        /// How its stdout is buffered.
        stdout: StdoutMode,
        /// Only operations are steps (else statement starts too, as in the playground's held
        /// runs, so a schedule found replays there).
        ops_only: bool,
    },
    /// Run a program N times free in the background; the tally comes back as `Msg::Stats`.
    Stats {
        /// The job's id.
        job: super::background::JobId,
        /// The program.
        source: String,
        /// Its file name.
        file: String,
        /// How its stdout is buffered.
        stdout: StdoutMode,
        /// Lesson seconds per real second.
        speed: f64,
    },
    /// End a background job (its processes reaped, its thread joined).
    Cancel(super::background::JobId),
    /// Leave the playground.
    Quit,
}

/// The panes focus moves between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The lesson list.
    Lessons,
    /// The program.
    Code,
    /// What happens (the lesson's words).
    Text,
    /// The lanes.
    Timeline,
    /// The output lines.
    Output,
}

impl Focus {
    /// In Tab order.
    pub const ALL: [Focus; 5] = [
        Focus::Lessons,
        Focus::Code,
        Focus::Text,
        Focus::Timeline,
        Focus::Output,
    ];

    /// The next pane (`forward`) or the previous one.
    pub fn step(self, forward: bool) -> Focus {
        let i = Focus::ALL.iter().position(|f| *f == self).unwrap_or(0);
        let n = Focus::ALL.len();
        Focus::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// How far each pane is scrolled (lines from the top; the output: lines from the bottom).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// First lesson row shown.
    pub lessons: usize,
    /// First program line shown.
    pub code: usize,
    /// First text line shown.
    pub text: usize,
    /// First lane shown.
    pub timeline: usize,
    /// Lines from the newest (0: follow new output).
    pub output_back: usize,
    /// First row of the help shown.
    pub help: usize,
    /// The line a knob just changed (1-based): following the running lines never hides it.
    pub pinned: Option<usize>,
}

/// The current lesson's program, ready to draw.
pub struct Code {
    /// The program as it will run.
    pub program: Program,
    /// Its coloured tokens.
    pub tokens: Vec<(Range<usize>, TokenClass)>,
}

/// The whole state of the playground.
pub struct App {
    /// The catalog: a lesson, or why it could not be loaded.
    pub lessons: Vec<Result<Lesson, LessonError>>,
    /// Each lesson's knob settings (kept while moving between lessons).
    pub settings: Vec<Option<KnobSettings>>,
    /// Each lesson's program on screen: an index into its programs (kept like the settings).
    pub programs: Vec<usize>,
    /// The open lesson.
    pub selected: usize,
    /// Its program (or why there is none).
    pub code: Result<Code, String>,
    /// The language of the lesson's words.
    pub lang: Lang,
    /// Colours and glyphs.
    pub theme: Theme,
    /// The focused pane.
    pub focus: Focus,
    /// Whether the help is open.
    pub help: bool,
    /// Whether the schedule popup is open (`S`).
    pub schedule: bool,
    /// Whether the challenge popup is open (`C`).
    pub challenge: bool,
    /// Pane scroll offsets.
    pub scroll: Scroll,
    /// The run on screen: none, one, or two side by side (a comparison).
    pub runs: Vec<RunView>,
    /// Lesson seconds per real second.
    pub speed: f64,
    /// Whether the runs are paused.
    pub paused: bool,
    /// The terminal size.
    pub size: (u16, u16),
    /// Lessons visited and completed.
    pub progress: Progress,
    /// A sentence for the learner about the last action (no comparison here, ...).
    pub status: Option<String>,
    /// Monotonic time now, ns.
    pub now_ns: u64,
    /// The process picked by a click on its lane: its lane and its output lines stand out.
    pub picked: Option<i32>,
    /// Whether the playground is leaving.
    pub quitting: bool,
    /// The learner's own file, and the lessons whose program the learner edited.
    pub own: super::own::Own,
    /// The time cursor over a finished, paused or held run (`[`/`]`): the runs on screen are
    /// then that moment's, rebuilt from the trace.
    pub scrub: Option<super::scrub::Scrub>,
    /// Whether the export popup is open (`E`).
    pub exporting: bool,
    /// A recorded run is on screen (`forkyard view`): scrub only, nothing runs.
    pub recorded: bool,
    /// The lesson it ran, when named (`--lesson`): its exports are titled after it.
    pub recorded_lesson: Option<String>,
    /// The explore overlay (`X`): its search in the background, then the outcomes found.
    pub explore: Option<super::explore_key::ExploreView>,
    /// The last stats taken this session, and the program they ran (explore's view counts how
    /// often the kernel gave each outcome it finds).
    pub last_tally: Option<(String, crate::session::stats::Tally)>,
    /// The stats overlay (`%`): its runs in the background, then their tally.
    pub stats: Option<super::stats_key::StatsView>,
    /// Predictions: the question before a run, the grade after it.
    pub predict: super::predict::Predict,
    next_id: RunId,
    next_job: super::background::JobId,
}

impl App {
    /// A playground over `lessons`, opened at the last lesson of `progress` (else the first).
    pub fn new(
        lessons: Vec<Result<Lesson, LessonError>>,
        progress: Progress,
        lang: Lang,
        theme: Theme,
        size: (u16, u16),
    ) -> App {
        let selected = progress
            .last
            .as_ref()
            .and_then(|last| lessons.iter().position(|l| id_of(l) == *last))
            .unwrap_or(0);
        let settings = lessons
            .iter()
            .map(|l| l.as_ref().ok().map(Lesson::default_settings))
            .collect();
        let programs = vec![0; lessons.len()];
        let mut app = App {
            lessons,
            settings,
            programs,
            selected,
            code: Err(String::new()),
            lang,
            theme,
            focus: Focus::Lessons,
            help: false,
            schedule: false,
            challenge: false,
            scroll: Scroll::default(),
            runs: Vec::new(),
            speed: DEFAULT_SPEED,
            paused: false,
            size,
            progress,
            status: None,
            now_ns: 0,
            picked: None,
            quitting: false,
            own: super::own::Own::default(),
            scrub: None,
            exporting: false,
            recorded: false,
            recorded_lesson: None,
            stats: None,
            explore: None,
            last_tally: None,
            predict: super::predict::Predict::default(),
            next_id: 1,
            next_job: 1,
        };
        app.open_lesson(selected);
        app
    }

    /// The open lesson, if it loaded.
    pub fn lesson(&self) -> Option<&Lesson> {
        self.lessons
            .get(self.selected)
            .and_then(|l| l.as_ref().ok())
    }

    /// The open lesson's knob settings.
    pub fn current_settings(&self) -> Option<&KnobSettings> {
        self.settings.get(self.selected).and_then(Option::as_ref)
    }

    /// The file name of the open lesson's program on screen (`main.py`).
    pub fn program_file(&self) -> Option<&str> {
        let lesson = self.lesson()?;
        let i = self.programs.get(self.selected).copied().unwrap_or(0);
        lesson
            .programs
            .get(i)
            .or(lesson.programs.first())
            .map(|p| p.file.as_str())
    }

    /// Shows the open lesson's program `file` (a no-op for a name the lesson does not have).
    pub(crate) fn show_program(&mut self, file: &str) {
        let Some(i) = self
            .lesson()
            .and_then(|l| l.programs.iter().position(|p| p.file == file))
        else {
            return;
        };
        if self.programs.get(self.selected) != Some(&i) {
            self.programs[self.selected] = i;
            self.scroll.code = 0;
            self.scroll.pinned = None;
        }
        self.refresh_code();
    }

    /// Opens lesson `i` (marks it visited; the code pane shows its program).
    pub(crate) fn open_lesson(&mut self, i: usize) {
        self.selected = i.min(self.lessons.len().saturating_sub(1));
        self.scroll.code = 0;
        self.scroll.pinned = None;
        self.scroll.text = 0;
        self.scroll.timeline = 0;
        self.scroll.output_back = 0;
        let id = self.lessons.get(self.selected).map(id_of);
        if let Some(id) = id {
            self.progress.visited.insert(id.clone());
            self.progress.last = Some(id);
        }
        self.refresh_code();
    }

    /// Rebuilds the program from the lesson and its settings.
    pub(crate) fn refresh_code(&mut self) {
        let file = self.program_file().unwrap_or_default().to_string();
        self.code = match (self.lessons.get(self.selected), self.current_settings()) {
            (Some(Ok(lesson)), Some(settings)) => lesson
                .program_named(&file, settings)
                .map(|program| Code {
                    tokens: tokens(&program.source),
                    program,
                })
                .map_err(|e| e.to_string())
                // An edited program may not parse: its SyntaxError, caret and all, is the pane.
                .and_then(|code| {
                    crate::python::check_program(&code.program.source, &code.program.file)
                        .map(|()| code)
                }),
            (Some(Err(e)), _) => Err(e.to_string()),
            _ => Err("there are no lessons".into()),
        };
        self.show_knob_lines();
    }

    /// Scrolls the code pane so the first line a knob changed is in view.
    fn show_knob_lines(&mut self) {
        let Ok(code) = &self.code else { return };
        let lines = &code.program.knob_lines;
        // A program opens at its top (the border says how much lies below) unless a knob changed
        // a line: then that line is brought into view.
        let Some(line) = lines.iter().find(|k| k.changed).map(|k| k.line) else {
            return;
        };
        self.reveal_line(line);
    }

    /// Scrolls the code pane so 1-based `line` is shown whole (unless it already is).
    pub(crate) fn reveal_line(&mut self, line: usize) {
        let (first, last) = super::view::code::visible(self);
        if line < first || line > last {
            self.scroll.code = super::view::code::top_for(self, line);
        }
    }

    /// Scrolls the code pane to the line knob `name` controls in the program on screen.
    pub(crate) fn reveal_knob(&mut self, name: &str) {
        let Ok(code) = &self.code else { return };
        if let Some(line) = code
            .program
            .knob_lines
            .iter()
            .find(|k| k.knob == name)
            .map(|k| k.line)
        {
            self.reveal_line(line);
            self.scroll.pinned = Some(line);
        }
    }

    /// A fresh run id.
    pub(crate) fn next_run_id(&mut self) -> RunId {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// A fresh background job id.
    pub(crate) fn next_job_id(&mut self) -> super::background::JobId {
        let id = self.next_job;
        self.next_job += 1;
        id
    }

    /// Whether any run on screen may still have processes.
    pub fn is_live(&self) -> bool {
        self.runs.iter().any(RunView::is_live)
    }

    /// Whether the screen changes by itself (a live run that is not paused nor held): then the
    /// loop ticks. A held run changes only by the learner's steps.
    pub fn animating(&self) -> bool {
        self.scrub.is_none()
            && self.is_live()
            && !self.paused
            && !self.runs.iter().any(RunView::is_held)
    }

    /// The held run on screen, if the run on screen is held.
    pub fn held_run(&self) -> Option<&RunView> {
        self.runs.iter().find(|r| r.is_held())
    }

    /// Side `i`'s run as it is now (while scrubbing, not the moment on screen).
    pub fn full_run(&self, i: usize) -> Option<&RunView> {
        self.scrub.as_ref().map_or(&self.runs, |s| &s.full).get(i)
    }

    /// The run view with id `id`.
    pub(crate) fn run_mut(&mut self, id: RunId) -> Option<&mut RunView> {
        self.runs.iter_mut().find(|r| r.id == id)
    }
}

/// The id of a catalog entry (`02-daemon`; for a broken lesson, its directory's name).
pub fn id_of(entry: &Result<Lesson, LessonError>) -> String {
    match entry {
        Ok(l) => l.id.clone(),
        Err(e) => std::path::Path::new(&e.id)
            .file_name()
            .map_or_else(|| e.id.clone(), |n| n.to_string_lossy().into_owned()),
    }
}
