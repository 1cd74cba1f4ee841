//! The predictions overlay: the question before a run (its answers numbered, the keys under it),
//! and after the run the grade, what the run showed, the explanation, and for an "any of these"
//! answer the outcomes explore finds (`exploring…` until it is done).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::{overlay, words};
use crate::lesson::{Ask, Lang, Prediction, RunFacts};
use crate::session::explore::Exploration;
use crate::tui::app::App;
use crate::tui::predict::{self, Explored, Told};
use crate::tui::theme::Mood;

/// How many of explore's outcomes the overlay lists (the rest are counted).
const MAX_OUTCOMES: usize = 6;

/// An answer as the learner reads it (`SIGTERM`, `3 s`, `any of these can happen`).
pub fn label(p: &Prediction, i: usize, lang: Lang) -> String {
    match (p.choices.get(i), &p.ask) {
        (Some(c), Ask::Time { .. }) => format!("{c} s"),
        (Some(c), _) => c.clone(),
        (None, _) => words(lang, "any of these can happen", "这些都有可能").into(),
    }
}

/// The overlay's rows for an overlay `width` cells wide inside its border.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    let para = |out: &mut Vec<Line<'static>>, text: &str, style: Style| {
        overlay::para(out, text, width, style);
    };
    let t = app.theme;
    let lang = app.lang;
    if let Some(asking) = &app.predict.asking {
        let Some(p) = predict::prediction(app, &asking.lesson, asking.index) else {
            return out;
        };
        para(&mut out, p.question.get(lang).trim(), t.bold());
        out.push(Line::default());
        let many = p.ask == Ask::Appears;
        for i in 0..p.answers() {
            let tick = match (many, asking.picked.contains(&i), t.ascii) {
                (false, _, _) => "",
                (true, true, false) => "☑ ",
                (true, false, false) => "☐ ",
                (true, true, true) => "[x] ",
                (true, false, true) => "[ ] ",
            };
            para(
                &mut out,
                &format!("{}  {tick}{}", i + 1, label(p, i, lang)),
                Style::default(),
            );
        }
        out.push(Line::default());
        let keys = match (many, lang) {
            (false, Lang::En) => format!(
                "1-{} your answer · Esc or r: just run · P: stop asking",
                p.answers()
            ),
            (false, Lang::Zh) => {
                format!("1-{} 作答 · Esc 或 r：直接运行 · P：不再提问", p.answers())
            }
            (true, Lang::En) => format!(
                "1-{} tick every line that appears · Enter: done (none ticked: none appears) · \
                 Esc or r: just run · P: stop asking",
                p.answers()
            ),
            (true, Lang::Zh) => format!(
                "1-{} 勾选会出现的每一行 · Enter：完成（不勾：都不出现）· Esc 或 r：直接运行 · \
                 P：不再提问",
                p.answers()
            ),
        };
        para(&mut out, &keys, t.dim());
        return out;
    }
    let Some(told) = &app.predict.told else {
        return out;
    };
    let Some(p) = predict::prediction(app, &told.lesson, told.index) else {
        return out;
    };
    para(&mut out, p.question.get(lang).trim(), t.dim());
    let numbered = |is: &[usize]| -> String {
        if is.is_empty() {
            return words(lang, "none of these", "都不是").into();
        }
        is.iter()
            .map(|&i| format!("{}) {}", i + 1, label(p, i, lang)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // A Chinese colon is full width: no space after it.
    let gap = words(lang, " ", "");
    para(
        &mut out,
        &format!(
            "{}{gap}{}",
            words(lang, "your answer:", "你的答案："),
            numbered(&told.picked)
        ),
        Style::default(),
    );
    match &told.grade {
        Ok(grade) => {
            let (mood, verdict) = if grade.right {
                (Mood::Done, words(lang, "right.", "答对了。"))
            } else {
                (Mood::Failed, words(lang, "wrong.", "答错了。"))
            };
            let glyph = if grade.right {
                t.check()
            } else {
                t.glyph(Mood::Killed)
            };
            let mut head = format!("{glyph} {verdict}");
            if !grade.right {
                let answer = if p.any {
                    numbered(&[p.choices.len()])
                } else {
                    numbered(&grade.shown)
                };
                head.push_str(&match lang {
                    Lang::En => format!(" The answer: {answer}."),
                    Lang::Zh => format!("答案：{answer}。"),
                });
            }
            para(&mut out, &head, t.mood(mood));
            para(
                &mut out,
                &format!(
                    "{}{gap}{}",
                    words(lang, "This run:", "这次运行："),
                    grade.fact
                ),
                Style::default(),
            );
        }
        Err(why) => para(&mut out, why, t.mood(Mood::Blocked)),
    }
    out.push(Line::default());
    para(&mut out, p.explain.get(lang).trim(), Style::default());
    explored(&mut out, app, told, &para);
    out
}

/// Explore's outcomes under an "any of these" answer.
fn explored(
    out: &mut Vec<Line<'static>>,
    app: &App,
    told: &Told,
    para: &dyn Fn(&mut Vec<Line<'static>>, &str, Style),
) {
    let t = app.theme;
    let lang = app.lang;
    let gap = words(lang, " ", "");
    match &told.explored {
        Explored::None => {}
        Explored::Running(_, runs) => {
            out.push(Line::default());
            let text = match lang {
                Lang::En => format!(
                    "exploring… {runs} of at most {} schedules run (in the background)",
                    crate::tui::background::EXPLORE_RUNS
                ),
                Lang::Zh => format!(
                    "探索中……已试 {runs} 种调度（最多 {} 种，在后台）",
                    crate::tui::background::EXPLORE_RUNS
                ),
            };
            para(out, &text, t.mood(Mood::Blocked));
        }
        Explored::Failed(why) => {
            out.push(Line::default());
            para(
                out,
                &format!("{}{gap}{why}", words(lang, "explore failed:", "探索失败：")),
                t.mood(Mood::Failed),
            );
        }
        Explored::Found(found) => {
            let Some(p) = predict::prediction(app, &told.lesson, told.index) else {
                return;
            };
            out.push(Line::default());
            let facts = by_fact(p, found, lang);
            let head = match lang {
                Lang::En => format!(
                    "Explore ran {} schedules; what they came to, as this question reads a run:",
                    found.runs
                ),
                Lang::Zh => format!("探索了 {} 种调度；按这道题的问法，结果是：", found.runs),
            };
            para(out, &head, t.bold());
            let this = told
                .grade
                .as_ref()
                .ok()
                .map(|g| g.fact.as_str())
                .unwrap_or_default();
            for (fact, count) in facts.iter().take(MAX_OUTCOMES) {
                let mark = if fact == this {
                    match (lang, t.ascii) {
                        (Lang::En, false) => "  ◀ this run",
                        (Lang::En, true) => "  <- this run",
                        (Lang::Zh, false) => "  ◀ 这次",
                        (Lang::Zh, true) => "  <- 这次",
                    }
                } else {
                    ""
                };
                let runs = match lang {
                    Lang::En => format!("{count} schedules"),
                    Lang::Zh => format!("{count} 种调度"),
                };
                para(
                    out,
                    &format!("· {fact}  ({runs}){mark}"),
                    if fact == this {
                        t.bold()
                    } else {
                        Style::default()
                    },
                );
            }
            let more = facts.len().saturating_sub(MAX_OUTCOMES);
            if more > 0 {
                let text = match lang {
                    Lang::En => format!("… {more} more"),
                    Lang::Zh => format!("…… 还有 {more} 种"),
                };
                para(out, &text, t.dim());
            }
        }
    }
}

/// Explore's outcomes grouped by what the prediction reads of a run (`counter:` followed by `3`),
/// with how many schedules came to each, in the order first found.
pub fn by_fact(p: &Prediction, found: &Exploration, lang: Lang) -> Vec<(String, u64)> {
    let mut facts: Vec<(String, u64)> = Vec::new();
    for f in &found.outcomes {
        let run = RunFacts {
            stdout: f.outcome.stdout.clone(),
            endings: f.outcome.endings.clone(),
            seconds: 0.0,
        };
        let (_, fact) = p.shown(&run, lang);
        match facts.iter_mut().find(|(seen, _)| *seen == fact) {
            Some((_, n)) => *n += f.count,
            None => facts.push((fact, f.count)),
        }
    }
    facts
}

/// Draws the overlay over the screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let all = lines(app, overlay::inner_width(area));
    let (title, bottom) = if app.predict.asking.is_some() {
        (
            words(app.lang, " Predict, then run ", " 先预测，再运行 "),
            "",
        )
    } else {
        (
            words(app.lang, " Prediction ", " 预测 "),
            words(app.lang, " Esc closes ", " Esc 关闭 "),
        )
    };
    overlay::render(app, area, buf, title, bottom, all, overlay::from_top);
}
