//! The playground's render benchmark: a run with 30 processes that printed 100k lines and changed
//! state 60k times: how long applying the records takes, and how long one frame takes at 120x40,
//! 100x30 and 80x24. Prints its figures; run with `cargo bench --bench tui`.

#[path = "../tests/tui_common/mod.rs"]
mod tui_common;

use std::time::Instant;

use forkyard::session::Update;
use forkyard::trace::{Event, State};
use forkyard::tui::app::Msg;
use forkyard::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_common::*;

fn main() {
    for (w, h) in [(120, 40), (100, 30), (80, 24)] {
        let mut app = app(w, h);
        let id = started(&update(&mut app, key('r')))[0];
        let mut records = vec![rec(
            MAIN,
            OBSERVER,
            0,
            Event::Main {
                name: "MainProcess".into(),
                file: "main.py".into(),
            },
        )];
        for i in 1..30 {
            records.push(rec(
                MAIN + i,
                MAIN,
                i as u64,
                Event::Spawn {
                    name: format!("Process-{i}"),
                    daemon: false,
                    forked_ns: None,
                },
            ));
        }
        for n in 0..100_000u64 {
            let pid = MAIN + (n % 30) as i32;
            let ms = 30 + n / 10;
            records.push(rec(pid, MAIN, ms, out(&format!("line {n}\n"))));
            if n % 5 == 0 {
                let s = if n % 10 == 0 {
                    State::Sleeping {
                        until_ns: (ms + 1) * 1_000_000,
                    }
                } else {
                    State::Running
                };
                records.push(rec(pid, MAIN, ms, state(s)));
            }
        }
        let n = records.len();
        let t = Instant::now();
        for r in records {
            update(&mut app, Msg::Run(id, Update::Record(r)));
        }
        let apply = t.elapsed();
        update(&mut app, Msg::Tick(11_000_000_000));
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        let frames = 200;
        let t = Instant::now();
        for _ in 0..frames {
            term.draw(|f| f.render_widget(&app, f.area())).unwrap();
        }
        let frame = t.elapsed() / frames;
        let lanes = app.runs[0].run.lanes().count();
        let kept = app.runs[0].run.log.lines().count();
        println!(
            "{w}x{h}: {n} records applied in {apply:?} ({:.2} µs each); frame {frame:?} \
             ({lanes} lanes, {kept} lines kept of 100000)",
            apply.as_secs_f64() * 1e6 / n as f64
        );
    }
}
