//! The learner as the scheduler in the playground, with real processes: the playground's keys
//! (`s`, `.`, `g`, `K`, `t`) go through `update` to a real held run of lesson 04, and the run's
//! scheduler news and trace records come back into the `App`, as the playground's loop carries
//! them. Every wait is on the scheduler's own news (it tells when the run is still and waiting
//! for the learner), never on a sleep.

use std::collections::HashMap;
use std::time::Duration;

use forkyard::lesson::{self, Lang};
use forkyard::session::{self, HeldEnd, RunHandle, RunSpec, Stand, Update};
use forkyard::tui::app::{App, Effect, Msg};
use forkyard::tui::progress::Progress;
use forkyard::tui::runs::RunId;
use forkyard::tui::theme::Theme;
use forkyard::tui::update::update;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// The playground open at lesson `id`, 100x30, in English.
fn app_at(id: &str) -> App {
    let progress = Progress {
        last: Some(id.into()),
        ..Progress::default()
    };
    let mut app = App::new(
        lesson::catalog(),
        progress,
        Lang::En,
        Theme::FULL,
        (100, 30),
    );
    // Held and free runs, not the lessons' questions before them (those are `tui_predict`'s).
    app.predict.off = true;
    app
}

/// The playground's loop, for one held run: carries out effects on real runs and feeds what comes
/// back into the app.
struct Driver {
    app: App,
    handles: HashMap<RunId, RunHandle>,
}

impl Driver {
    fn new(lesson: &str) -> Driver {
        Driver {
            app: app_at(lesson),
            handles: HashMap::new(),
        }
    }

    /// Presses `c`, carries out its effects, and (when it gave a step or held the run) waits for
    /// the scheduler's next word.
    fn press(&mut self, c: char) {
        let effects = update(&mut self.app, key(c));
        let mut wait = false;
        for e in effects {
            wait |= self.carry_out(e);
        }
        if wait {
            self.next_news();
        }
    }

    fn carry_out(&mut self, e: Effect) -> bool {
        match e {
            Effect::Start {
                id,
                source,
                file,
                speed,
                stdout,
                held,
                ..
            } => {
                let spec = RunSpec {
                    speed,
                    stdout,
                    exe: Some(env!("CARGO_BIN_EXE_forkyard").into()),
                    ..RunSpec::new(source, file)
                };
                let h = if held {
                    session::start_steered(spec)
                } else {
                    session::start(spec)
                }
                .expect("the run starts");
                update(&mut self.app, Msg::Started(id, h.pid()));
                self.handles.insert(id, h);
                held
            }
            Effect::Steer(id, steer) => {
                self.handles[&id].steer(steer);
                true
            }
            Effect::Hold(id) => self.handles.get_mut(&id).unwrap().hold(),
            Effect::Signal { id, pid, sig } => {
                if let Err(why) = self.handles[&id].signal(pid, sig) {
                    update(&mut self.app, Msg::Said(why));
                }
                true
            }
            Effect::Stop(id) => {
                if let Some(mut h) = self.handles.remove(&id) {
                    h.stop();
                    // The loop takes in the stopped run's last records and its end.
                    while let Ok(u) = h.updates().try_recv() {
                        update(&mut self.app, Msg::Run(id, u));
                    }
                }
                false
            }
            _ => false,
        }
    }

    /// Waits for the held run's next news (it comes once the run is still again), feeding the
    /// trace records that came meanwhile first, as the loop would.
    fn next_news(&mut self) {
        let (id, h) = self.handles.iter().next().expect("a run");
        let id = *id;
        let news = h
            .held_changes()
            .expect("a held run")
            .recv_timeout(Duration::from_secs(30))
            .expect("the scheduler says where the run stands");
        self.drain(id);
        update(&mut self.app, Msg::Held(id, news));
    }

    /// Feeds every record that has come so far.
    fn drain(&mut self, id: RunId) {
        let updates = self.handles[&id].updates().clone();
        while let Ok(u) = updates.try_recv() {
            update(&mut self.app, Msg::Run(id, u));
        }
    }

    /// Feeds everything until the run ended.
    fn until_the_end(&mut self) {
        let (id, h) = self.handles.iter().next().expect("a run");
        let id = *id;
        let updates = h.updates().clone();
        if self.app.runs[0].run.end.is_some() {
            return;
        }
        while let Ok(u) = updates.recv_timeout(Duration::from_secs(30)) {
            let end = matches!(u, Update::End(_));
            update(&mut self.app, Msg::Run(id, u));
            if end {
                return;
            }
        }
        panic!("the run did not end");
    }

    /// Presses `c` (a signal), then takes the scheduler's news until `done` holds: a signal lands
    /// when the kernel delivers it, and the scheduler tells each change it sees on the way.
    fn press_until(&mut self, c: char, done: impl Fn(&Driver) -> bool) {
        self.press(c);
        for _ in 0..50 {
            if done(self) {
                return;
            }
            self.next_news();
        }
        panic!("`{c}` never had its effect: {:?}", self.app.runs[0].held);
    }

    /// Picks the lane of the process called `name`.
    fn pick(&mut self, name: &str) {
        let held = self.app.runs[0].held.as_ref().expect("held news");
        let pid = held
            .standing
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no process {name}: {:?}", held.standing))
            .pid;
        self.app.picked = Some(pid);
    }

    /// What `name` is about to do.
    fn next_of(&self, name: &str) -> (String, Stand) {
        let held = self.app.runs[0].held.as_ref().expect("held news");
        let s = held
            .standing
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("{name} stands nowhere: {:?}", held.standing));
        (s.what.clone(), s.stand)
    }

    /// Steps `name` one step at a time until its next step is `what` (at most 40 steps).
    fn step_until(&mut self, name: &str, what: &str) {
        self.pick(name);
        for _ in 0..40 {
            if self.next_of(name).0 == what {
                return;
            }
            self.press('.');
        }
        panic!("{name} never came to `{what}`: {:?}", self.next_of(name));
    }
}

/// Runs `name` until it blocks (the main: in its first `join`, every worker started).
fn main_until_it_blocks(d: &mut Driver) {
    d.pick("MainProcess");
    d.press('g');
    // `g` gives steps until the main stops being runnable: the news after the last one.
    while !matches!(d.next_of("MainProcess").1, Stand::Blocked(_)) {
        d.press('g');
    }
}

#[test]
fn the_lost_update_made_by_hand_in_the_playground() {
    let mut d = Driver::new("04-lock");
    d.press('s');
    assert!(d.app.runs[0].is_held(), "s started the lesson held");
    main_until_it_blocks(&mut d);
    // Both read 0, then both write 1.
    d.step_until("Process-1", "Value#1 read");
    d.press('.');
    d.step_until("Process-2", "Value#1 read");
    d.press('.');
    d.step_until("Process-1", "Value#1 write");
    d.press('.');
    d.step_until("Process-2", "Value#1 write");
    d.press('.');
    // Let it go free: the rest runs as the kernel chooses.
    d.press('s');
    d.until_the_end();
    let run = &d.app.runs[0];
    let said: Vec<String> = run
        .accesses
        .iter()
        .map(|a| {
            format!(
                "{} {} {}",
                a.name,
                if a.write { "wrote" } else { "read" },
                a.value.as_deref().unwrap_or("?")
            )
        })
        .collect();
    assert_eq!(
        said,
        [
            "Process-1 read 0",
            "Process-2 read 0",
            "Process-1 wrote 1",
            "Process-2 wrote 1"
        ]
    );
    let printed: Vec<&str> = run.run.log.lines().map(|l| l.text.as_str()).collect();
    assert!(printed.contains(&"Process-1 read 0 wrote 1"), "{printed:?}");
    assert!(printed.contains(&"Process-2 read 0 wrote 1"), "{printed:?}");
    let held = run.held.as_ref().unwrap();
    assert!(held.released);
    let schedule = forkyard::tui::held::schedule_of(&d.app).unwrap();
    assert!(schedule.starts_with("MainProcess*"), "{schedule}");
    let command = forkyard::tui::held::command(&d.app).unwrap();
    assert!(
        command.starts_with("forkyard run 04-lock --schedule \"MainProcess*"),
        "{command}"
    );
}

#[test]
fn a_killed_lock_holder_leaves_the_lock_held_and_its_waiter_blocked() {
    let mut d = Driver::new("04-lock");
    d.press('a'); // lock=on (a knob key starts a free run: stop it, then hold from the start)
    d.press('x');
    d.press('s');
    main_until_it_blocks(&mut d);
    d.step_until("Process-1", "Lock.acquire");
    d.press('.');
    d.step_until("Process-2", "Lock.acquire");
    d.press('.');
    assert!(
        matches!(d.next_of("Process-2").1, Stand::Blocked(None)),
        "Process-2 waits for the lock: {:?}",
        d.next_of("Process-2")
    );
    // Stepping a blocked lane says why, and gives no step.
    let steps = d.app.runs[0].held.as_ref().unwrap().steps.len();
    d.pick("Process-2");
    d.press('.');
    let status = d.app.status.clone().unwrap_or_default();
    assert!(
        status.contains("Process-2 cannot take a step") && status.contains("Lock#"),
        "{status}"
    );
    assert_eq!(d.app.runs[0].held.as_ref().unwrap().steps.len(), steps);
    // K on the holder: CPython's lock stays held by the dead process; its waiter never wakes.
    d.pick("Process-1");
    d.press_until('K', |d| d.next_of("Process-1").1 == Stand::Ended);
    assert_eq!(
        d.next_of("Process-2").1,
        Stand::Blocked(None),
        "its waiter stays blocked"
    );
    // t on Process-3 (at a gate): SIGTERM ends it, as CPython's default action does; nobody
    // reaps it yet (the main waits for Process-1's join first, then for Process-2's).
    d.pick("Process-3");
    d.press_until('t', |d| d.next_of("Process-3").1 == Stand::Ended);
    // The main goes on to join Process-2, which waits for a lock nobody will release: every
    // live process waits with no deadline, and the playground says it is a deadlock.
    d.pick("MainProcess");
    d.press('g');
    while d.app.runs[0].held.as_ref().unwrap().end.is_none() {
        d.press('g');
    }
    assert!(d.app.schedule, "the schedule popup opens on a deadlock");
    // Every record in (they come apart from the scheduler's news): who waits on what.
    d.until_the_end();
    // Who waits on what, as the scheduler found it (the headless run's words).
    let Some(HeldEnd::Deadlock(waits)) = d.app.runs[0].held.as_ref().unwrap().end.clone() else {
        panic!("not a deadlock: {:?}", d.app.runs[0].held);
    };
    let waits: Vec<String> = waits.iter().map(|(n, w)| format!("{n}: {w}")).collect();
    assert_eq!(waits.len(), 2, "{waits:?}");
    assert_eq!(waits[0], "MainProcess: join Process-2");
    assert!(
        waits[1].starts_with("Process-2: acquire Lock#"),
        "{waits:?}"
    );
    let lines = forkyard::tui::held::deadlock(&d.app.runs[0]).expect("a deadlock");
    assert!(lines[0].starts_with("deadlock: every live process waits"));
    assert!(lines.iter().any(|l| l.contains("MainProcess")), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("Process-2")), "{lines:?}");
    // What the trace says of each, once every record is in.
    let run = &d.app.runs[0];
    let lane = |name: &str| run.run.lanes().find(|l| l.name == name).unwrap();
    assert_eq!(lane("Process-1").exitcode(), Some(-9), "killed by SIGKILL");
    assert_eq!(lane("Process-3").exitcode(), Some(-15), "killed by SIGTERM");
    let lock = run
        .run
        .objects
        .iter()
        .find(|o| o.class == "Lock" && o.owner.is_none())
        .expect("the lesson's lock");
    assert!(lock.held_by_dead(), "the lock is left held: {lock:?}");
}

#[test]
fn s_holds_a_free_run_where_it_is_and_s_again_lets_it_finish() {
    let mut d = Driver::new("04-lock");
    // The slowest speed: the workers' half-second sleeps last two real seconds.
    for _ in 0..4 {
        let effects = update(&mut d.app, key('-'));
        assert!(effects.iter().all(|e| matches!(e, Effect::Speed(_))));
    }
    d.press('r');
    let id = d.app.runs[0].id;
    // Free until the last worker is asleep in its first sleep (records, not time).
    let updates = d.handles[&id].updates().clone();
    while !d.app.runs[0].run.lanes().any(|l| {
        l.name == "Process-3"
            && matches!(
                l.state(),
                forkyard::session::model::LaneState::Sleeping { .. }
            )
    }) {
        let u = updates
            .recv_timeout(Duration::from_secs(30))
            .expect("the run goes on");
        update(&mut d.app, Msg::Run(id, u));
    }
    d.press('s');
    assert!(d.app.runs[0].is_held() && d.app.runs[0].held_live);
    // Every process stopped where it was: at a step, asleep (its wake-up kept) or in join.
    let held = d.app.runs[0].held.clone().unwrap();
    assert_eq!(held.standing.len(), 4, "{:?}", held.standing);
    // A sleeper, as the hold found it: the workers spend nearly all their time in their
    // two-second sleeps, but which of them is asleep at the moment of the hold depends on how
    // far the machine let each run, so the test takes the one the hold reports rather than
    // naming it (on a loaded machine Process-1 can already be past its first sleep).
    let sleeper = held
        .standing
        .iter()
        .find(|s| s.name.starts_with("Process-") && matches!(s.stand, Stand::Sleeping(_)))
        .cloned()
        .unwrap_or_else(|| panic!("a worker asleep: {:?}", held.standing));
    let Stand::Sleeping(until) = sleeper.stand else {
        unreachable!()
    };
    assert!(sleeper.what.starts_with("sleep until "), "{sleeper:?}");
    // The wake-up it keeps is the one its sleep record gave: a process writes that record before
    // it sleeps, so the record reaches the model while the run stays held (wait for it, not time).
    let asleep_until = |d: &Driver| {
        d.app.runs[0].run.lanes().any(|l| {
            l.name == sleeper.name
                && matches!(
                    l.state(),
                    forkyard::session::model::LaneState::Sleeping { until_ns } if *until_ns == until
                )
        })
    };
    while !asleep_until(&d) {
        let u = updates
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("the sleep record of {sleeper:?}"));
        update(&mut d.app, Msg::Run(id, u));
    }
    // The main: in its join, or (if the hold came first) at its next statement.
    assert!(
        matches!(held.standing[0].stand, Stand::Blocked(None) | Stand::Ready),
        "{:?}",
        held.standing[0]
    );
    assert!(
        held.standing
            .iter()
            .all(|s| !matches!(s.stand, Stand::Ended | Stand::Frozen)),
        "{:?}",
        held.standing
    );
    // Stepping the sleeper moves the clock to its wake-up, not a moment of real time.
    d.pick(&sleeper.name);
    d.press('.');
    assert_eq!(d.app.runs[0].held.as_ref().unwrap().lesson_ns, until);
    // s again: free, and the run ends by itself.
    d.press('s');
    assert!(!d.app.runs[0].is_held());
    d.until_the_end();
    let run = &d.app.runs[0];
    assert!(run.completed(), "{:?}", run.run.end);
    let last = run.run.log.lines().last().map(|l| l.text.clone());
    assert!(
        last.as_deref().is_some_and(|l| l.starts_with("counter: ")),
        "{last:?}"
    );
}

#[test]
fn capital_i_sends_sigint_and_a_held_process_raises_keyboardinterrupt_at_its_next_step() {
    let mut d = Driver::new("04-lock");
    d.press('s');
    main_until_it_blocks(&mut d);
    d.step_until("Process-1", "Value#1 read");
    d.pick("Process-1");
    d.press('I');
    let status = d.app.status.clone().unwrap_or_default();
    assert!(
        status.starts_with("SIGINT sent to Process-1") && status.contains("its next step"),
        "{status}"
    );
    // The default handler (CPython's) raises KeyboardInterrupt between statements: at the
    // step the learner gives, after which the process stands at its exit (code 1, the
    // traceback written) and one more step ends it.
    d.press_until('.', |d| d.next_of("Process-1").0 == "exit(1)");
    d.press_until('.', |d| d.next_of("Process-1").1 == Stand::Ended);
    d.press('s');
    d.until_the_end();
    let run = &d.app.runs[0];
    let p1 = run
        .run
        .lanes()
        .find(|l| l.name == "Process-1")
        .expect("Process-1's lane");
    assert_eq!(p1.exitcode(), Some(1), "KeyboardInterrupt is exit code 1");
    let lines: Vec<String> = run.run.log.lines().map(|l| l.text.clone()).collect();
    assert!(
        lines.iter().any(|l| l == "KeyboardInterrupt"),
        "the traceback's last line: {lines:?}"
    );
    assert!(
        lines.iter().any(|l| l == "Process Process-1:"),
        "CPython's first line of a child's traceback: {lines:?}"
    );
}
