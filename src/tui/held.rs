//! The learner as the scheduler (`scheduler.md`, "In the playground"): `s` holds the run, the
//! picked lane takes steps (Enter/`.`, a digit, `g`), `s` again lets it go; `t`/`K`/`z` signal the
//! picked lane's process in any run; `S` shows the run's schedule and `y` writes it to a file.
//! Pure like `update`: the state changes here, the loop carries the effects out.

use super::app::{App, Effect};
use super::runs::RunView;
use crate::lesson::Lang;
use crate::session::schedule::{Count, compress};
use crate::session::{HeldEnd, HeldLog, Stand, Steer};

/// `s`: holds the run on screen at its next checkpoints, releases a held one, or (no live run)
/// starts the lesson held.
pub fn hold(app: &mut App) -> Vec<Effect> {
    if let Some(run) = app.held_run() {
        let id = run.id;
        app.status = Some(say(
            app.lang,
            "released: the run goes on free, the clock runs again",
            "已放开：程序自由运行，时钟继续走",
        ));
        return vec![Effect::Steer(id, Steer::Release)];
    }
    let live: Vec<&RunView> = app.runs.iter().filter(|r| r.is_live()).collect();
    match live.as_slice() {
        [] => {
            let effects = super::update::start_held(app);
            app.status = Some(say(
                app.lang,
                "held: pick a lane (↑/↓), Enter gives it one step",
                "已接管调度：用 ↑/↓ 选进程，Enter 让它走一步",
            ));
            effects
        }
        [one] if app.runs.len() == 1 => {
            let id = one.id;
            if one.held.as_ref().is_some_and(|h| h.released) {
                app.status = Some(say(
                    app.lang,
                    "this run was held and released: r runs it again, then s holds it",
                    "这次运行已被放开：按 r 重新运行，再按 s 接管",
                ));
                return Vec::new();
            }
            // A paused run is thawed into the hold: its processes reach their checkpoints.
            let mut effects = vec![Effect::Hold(id)];
            if app.paused {
                app.paused = false;
                effects.push(Effect::Resume);
            }
            if let Some(r) = app.run_mut(id) {
                r.held_live = true;
                r.held = Some(HeldLog::default());
            }
            app.status = Some(say(
                app.lang,
                "holding: every process stops at its next step",
                "接管中：每个进程停在它的下一步",
            ));
            effects
        }
        _ => {
            app.status = Some(say(
                app.lang,
                "a comparison cannot be held: r runs one program, s holds it",
                "对比运行不能接管：按 r 运行一个程序，再按 s 接管",
            ));
            Vec::new()
        }
    }
}

/// A step for the picked lane of the held run: one, `n`, or until it stops (`None`).
pub fn step(app: &mut App, n: Option<u32>) -> Vec<Effect> {
    let Some(run) = app.held_run() else {
        app.status = Some(say(
            app.lang,
            "no run is held: s holds it, then steps go to the picked lane",
            "没有接管的运行：先按 s 接管，再让选中的进程走",
        ));
        return Vec::new();
    };
    let id = run.id;
    let Some(pid) = app.picked.or_else(|| first_ready(run)) else {
        app.status = Some(say(
            app.lang,
            "no process can take a step now",
            "现在没有进程能走下一步",
        ));
        return Vec::new();
    };
    let standing = run.standing(pid).cloned();
    app.picked = Some(pid);
    let Some(standing) = standing else {
        app.status = Some(say(
            app.lang,
            "that lane has ended: pick another with ↑/↓",
            "这个进程已结束：用 ↑/↓ 选另一个",
        ));
        return Vec::new();
    };
    let name = standing.name.clone();
    let zh = app.lang == Lang::Zh;
    let refused = match standing.stand {
        Stand::Blocked(None) if zh => Some(format!(
            "{name} 不能走：它阻塞在 {}，要等别的进程让它继续",
            standing.what
        )),
        Stand::Blocked(None) => Some(format!(
            "{name} cannot take a step: it is blocked ({}) until another process lets it go on",
            standing.what
        )),
        Stand::Frozen if zh => Some(format!("{name} 已冻结（SIGSTOP）：按 z 解冻后才能走")),
        Stand::Frozen => Some(format!(
            "{name} is frozen (SIGSTOP): it takes no step until z thaws it"
        )),
        Stand::Ended if zh => Some(format!("{name} 已结束")),
        Stand::Ended => Some(format!("{name} has ended")),
        _ => None,
    };
    if let Some(why) = refused {
        app.status = Some(why);
        return Vec::new();
    }
    let count = n.map_or(Count::UntilItStops, Count::Steps);
    vec![Effect::Steer(id, Steer::Step { name, count })]
}

/// The first lane that can take a step (what Enter steps when no lane is picked).
fn first_ready(run: &RunView) -> Option<i32> {
    let held = run.held.as_ref()?;
    held.standing
        .iter()
        .find(|s| matches!(s.stand, Stand::Ready | Stand::Sleeping(_)))
        .map(|s| s.pid)
}

/// ↑/↓ while held: picks the previous / next lane that has not ended.
pub fn pick(app: &mut App, down: bool) {
    let Some(run) = app.held_run() else { return };
    let lanes: Vec<i32> = run
        .run
        .lanes()
        .filter(|l| !l.has_ended())
        .map(|l| l.pid)
        .collect();
    if lanes.is_empty() {
        return;
    }
    let at = app.picked.and_then(|p| lanes.iter().position(|l| *l == p));
    let next = match (at, down) {
        (None, _) => 0,
        (Some(i), true) => (i + 1) % lanes.len(),
        (Some(i), false) => (i + lanes.len() - 1) % lanes.len(),
    };
    app.picked = Some(lanes[next]);
}

/// `t`, `K`, `z`: a signal to the picked lane's process, in any live run.
pub fn signal(app: &mut App, sig: i32) -> Vec<Effect> {
    let lang = app.lang;
    let Some(pid) = app.picked else {
        app.status = Some(say(
            lang,
            "pick a lane first: click it (or ↑/↓ while held), then t, K, I or z",
            "先选一个进程：点击它（接管时用 ↑/↓），再按 t、K、I 或 z",
        ));
        return Vec::new();
    };
    // The lane, or (its records still on their way) the held run's standing, names it.
    let Some(run) = app
        .runs
        .iter_mut()
        .find(|r| r.run.lane_by_pid(pid).is_some() || r.standing(pid).is_some())
    else {
        return Vec::new();
    };
    let name = run
        .run
        .lane_by_pid(pid)
        .map(|l| l.name.clone())
        .or_else(|| run.standing(pid).map(|s| s.name.clone()))
        .unwrap_or_default();
    let ended = run.run.lane_by_pid(pid).is_some_and(|l| l.has_ended())
        || run.standing(pid).is_some_and(|s| s.stand == Stand::Ended);
    if !run.is_live() || ended {
        app.status = Some(match lang {
            Lang::En => format!("{name} has ended: there is nothing to signal"),
            Lang::Zh => format!("{name} 已结束：没有可发信号的进程"),
        });
        return Vec::new();
    }
    let id = run.id;
    run.signalled = true;
    let sig = if sig == libc::SIGSTOP && run.frozen.contains(&pid) {
        run.frozen.remove(&pid);
        libc::SIGCONT
    } else {
        if sig == libc::SIGSTOP {
            run.frozen.insert(pid);
        }
        sig
    };
    let what = match sig {
        libc::SIGTERM => "SIGTERM",
        libc::SIGKILL => "SIGKILL",
        libc::SIGINT => "SIGINT",
        libc::SIGSTOP => "SIGSTOP",
        _ => "SIGCONT",
    };
    // A Python handler (SIGINT's is CPython's default `KeyboardInterrupt`) runs between
    // statements: in a held run that is at the process's next step, which the learner gives.
    let at_next_step = sig == libc::SIGINT && run.is_held();
    app.status = Some(match (lang, at_next_step) {
        (Lang::En, false) => format!("{what} sent to {name} ({pid})"),
        (Lang::En, true) => {
            format!("{what} sent to {name} ({pid}); its handler runs at its next step")
        }
        (Lang::Zh, false) => format!("已向 {name}（{pid}）发送 {what}"),
        (Lang::Zh, true) => format!("已向 {name}（{pid}）发送 {what}；处理函数在它的下一步运行"),
    });
    vec![Effect::Signal { id, pid, sig }]
}

/// `S`: opens the schedule popup of the run on screen.
pub fn show_schedule(app: &mut App) -> Vec<Effect> {
    if schedule_of(app).is_none() {
        app.status = Some(say(
            app.lang,
            "no held run: s holds one, and its schedule shows here",
            "还没有接管的运行：按 s 接管，调度会显示在这里",
        ));
        return Vec::new();
    }
    app.schedule = true;
    Vec::new()
}

/// `y`: writes the schedule of the run on screen to a file (the loop says where).
pub fn save_schedule(app: &mut App) -> Vec<Effect> {
    match command(app) {
        Some(text) => vec![Effect::SaveSchedule(text)],
        None => {
            app.status = Some(say(
                app.lang,
                "no held run: s holds one first",
                "还没有接管的运行：先按 s 接管",
            ));
            Vec::new()
        }
    }
}

/// The held run on screen (held now, or held before and still on screen) and its log.
fn held_log(app: &App) -> Option<(&RunView, &HeldLog)> {
    app.runs
        .iter()
        .find_map(|r| r.held.as_ref().map(|h| (r, h)))
}

/// The schedule of the held run on screen, compressed (`MainProcess*4 Process-1`).
pub fn schedule_of(app: &App) -> Option<String> {
    held_log(app).map(|(_, h)| compress(h.steps.iter().map(|s| s.name.as_str())))
}

/// The command that replays the run on screen (`forkyard run 04-lock --set lock=off --schedule
/// "..."`); a run held while it ran free replays only from its start, which the popup says.
pub fn command(app: &App) -> Option<String> {
    let (run, _) = held_log(app)?;
    let schedule = schedule_of(app)?;
    let lesson = app.lesson().map_or_else(String::new, |l| l.id.clone());
    let sets: String = run
        .label
        .split(", ")
        .filter(|s| !s.is_empty())
        .map(|s| format!(" --set {s}"))
        .collect();
    Some(format!(
        "forkyard run {lesson}{sets} --schedule \"{schedule}\""
    ))
}

/// The deadlock of the run on screen in the headless run's words: who waits on what and who
/// holds it, and the cycle when there is one.
pub fn deadlock(run: &RunView) -> Option<Vec<String>> {
    let Some(HeldEnd::Deadlock(waits)) = run.held.as_ref()?.end.as_ref() else {
        return None;
    };
    let mut lines = vec!["deadlock: every live process waits and none can go on".to_string()];
    let sentences = run.deadlock.clone().unwrap_or_default();
    if sentences.is_empty() {
        lines.extend(
            waits
                .iter()
                .map(|(name, what)| format!("  {name} waits: {what}")),
        );
    }
    lines.extend(sentences.iter().map(|s| format!("  {s}")));
    if let Some(c) = crate::cli::schedule::cycle(&sentences) {
        lines.push(format!("  cycle: {c}"));
    }
    Some(lines)
}

/// Whether the run on screen ended in a deadlock.
pub fn deadlock_of(app: &App) -> bool {
    app.runs.iter().any(|r| deadlock(r).is_some())
}

/// Takes in a held run's news (and says a refused step or a deadlock in the status line).
pub fn news(app: &mut App, id: super::runs::RunId, news: HeldLog) {
    let lang = app.lang;
    let Some(run) = app.run_mut(id) else { return };
    let deadlocked = matches!(news.end, Some(HeldEnd::Deadlock(_)));
    let refused = news.refused.clone();
    let fresh = run
        .held
        .as_ref()
        .is_none_or(|h| h.steps.len() != news.steps.len());
    if deadlocked && run.deadlock.is_none() {
        // The model's sentences now, before the stopped run's lanes end.
        run.deadlock = Some(run.blocked_sentences());
    }
    run.held_news(news);
    if deadlocked {
        app.schedule = true;
        app.status = Some(say(
            lang,
            "deadlock: every live process waits and none can go on (the schedule says who)",
            "死锁：每个活着的进程都在等，谁也走不下去（调度窗口写明谁在等谁）",
        ));
    } else if let Some(why) = refused.filter(|_| !fresh) {
        app.status = Some(why);
    }
    // The picked lane ended: pick the next one that can step.
    let picked = app.picked;
    if let Some(run) = app.runs.iter().find(|r| r.id == id && r.is_held())
        && picked.is_some_and(|p| run.standing(p).is_none_or(|s| s.stand == Stand::Ended))
    {
        app.picked = first_ready(run);
    }
}

/// A status sentence in the learner's language.
fn say(lang: Lang, en: &str, zh: &str) -> String {
    match lang {
        Lang::En => en.to_string(),
        Lang::Zh => zh.to_string(),
    }
}
