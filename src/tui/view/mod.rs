//! Drawing: `impl Widget for &App` paints the whole screen from the state, nothing else. One file
//! per pane; `layout` decides where they go.
//! Must not live here: state changes (that is `update`), terminal handling (that is the loop).

pub mod challenge;
pub mod code;
pub mod explore;
pub mod help;
pub mod layout;
pub mod names;
pub mod objects;
pub mod output;
pub mod overlay;
pub mod predict;
pub mod schedule;
pub mod stats;
pub mod text;
pub mod timeline;
pub mod wrap;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::app::{App, Focus};
use super::keymap::{Context, bindings};
use crate::lesson::Lang;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if !layout::fits((area.width, area.height)) {
            too_small(area, buf);
            return;
        }
        let areas = layout::areas((area.width, area.height));
        header(self, areas.header, buf);
        lessons(self, areas.lessons, buf);
        code::render(self, areas.code, buf);
        text::render(self, areas.text, buf);
        timeline::render(self, areas.timeline, buf);
        output::render(self, areas.output, buf);
        hints(self, areas.hints, buf);
        if self.schedule {
            schedule::render(self, area, buf);
        }
        if self.challenge {
            challenge::render(self, area, buf);
        }
        if self.exporting {
            crate::tui::export_key::render(self, area, buf);
        }
        if self.predict.shown() {
            predict::render(self, area, buf);
        }
        if self.stats.is_some() {
            stats::render(self, area, buf);
        }
        if self.explore.is_some() {
            explore::render(self, area, buf);
        }
        if self.help {
            help::render(self, area, buf);
        }
    }
}

/// A pane's box, bright when focused.
pub fn pane<'a>(app: &App, title: impl Into<Line<'a>>, focus: Focus) -> Block<'a> {
    let focused = app.focus == focus;
    Block::default()
        .borders(Borders::ALL)
        .border_set(app.theme.border_set())
        .border_style(app.theme.border(focused))
        .title(title)
}

/// The words of the screen itself in the learner's language.
pub fn words(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let (w, h) = layout::MIN;
    let lines = vec![
        Line::from(format!("forkyard needs {w}×{h}")),
        Line::from(format!("this terminal is {}×{}", area.width, area.height)),
        Line::from("make it bigger, or press q to quit"),
    ];
    let top = area.height.saturating_sub(3) / 2;
    let inner = Rect::new(
        area.x,
        area.y + top,
        area.width,
        area.height.saturating_sub(top),
    );
    Paragraph::new(lines)
        .alignment(ratatui::layout::Alignment::Center)
        .render(inner, buf);
}

fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let title = match app.lessons.get(app.selected) {
        Some(Ok(_)) if app.own.file.is_some() => app.own.file_name(),
        Some(Ok(l)) => format!("{:02} {}", l.number, l.title.get(app.lang)),
        Some(Err(_)) => super::app::id_of(&app.lessons[app.selected]),
        None => String::new(),
    };
    let left = format!(" forkyard {} {title}", t.dot());
    let (state, style) = run_state(app);
    let clock = app.runs.iter().map(|r| r.clock_ns).max().unwrap_or(0);
    let lang = match app.lang {
        Lang::En => "en",
        Lang::Zh => "中文",
    };
    let right = format!(
        "  lesson {:.2} s  speed {}{}  {lang} ",
        clock as f64 / 1e9,
        speed_text(app.speed),
        t.times()
    );
    let used = wrap::width(&left) + wrap::width(&state) + wrap::width(&right);
    let gap = (area.width as usize).saturating_sub(used);
    Line::from(vec![
        Span::styled(left, t.bold()),
        Span::raw(" ".repeat(gap)),
        Span::styled(state, style),
        Span::raw(right),
    ])
    .render(area, buf);
}

/// `4`, `0.5`, `0.25`.
pub fn speed_text(speed: f64) -> String {
    let s = format!("{speed}");
    s.trim_end_matches(".0").to_string()
}

/// The run state as the header says it.
fn run_state(app: &App) -> (String, Style) {
    let t = app.theme;
    use super::theme::Mood;
    if app.runs.is_empty() {
        return ("ready".into(), t.dim());
    }
    if app.runs.iter().any(|r| r.error.is_some()) {
        return (
            format!("{} could not start", t.glyph(Mood::Killed)),
            t.mood(Mood::Failed),
        );
    }
    if app.scrub.is_some() {
        let g = if t.ascii { "<>" } else { "⇄" };
        let text = words(app.lang, "scrubbing", "回看中");
        return (format!("{g} {text}"), t.mood(Mood::Blocked));
    }
    if let Some(run) = app.held_run() {
        let steps = run.held.as_ref().map_or(0, |h| h.steps.len());
        let g = if t.ascii { "||" } else { "⏸" };
        let text = match app.lang {
            Lang::En => format!("{g} held · step {steps}"),
            Lang::Zh => format!("{g} 接管中 · 第 {steps} 步"),
        };
        return (text, t.mood(Mood::Blocked));
    }
    if app.runs.iter().any(|r| super::held::deadlock(r).is_some()) {
        let text = words(app.lang, "deadlock", "死锁");
        return (
            format!("{} {text}", t.glyph(Mood::Killed)),
            t.mood(Mood::Failed),
        );
    }
    if app.is_live() {
        if app.paused {
            let g = if t.ascii { "||" } else { "⏸" };
            return (format!("{g} paused"), t.mood(Mood::Blocked));
        }
        return (
            format!("{} running", t.glyph(Mood::Running)),
            t.mood(Mood::Running),
        );
    }
    let g = if t.ascii { "#" } else { "■" };
    (format!("{g} ended"), t.bold())
}

fn lessons(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let title = if app.own.file.is_some() {
        words(app.lang, " Program ", " 程序 ")
    } else {
        words(app.lang, " Lessons ", " 课程 ")
    };
    let block = pane(app, title, Focus::Lessons);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = inner.width as usize;
    let rows = app
        .lessons
        .iter()
        .enumerate()
        .skip(app.scroll.lessons)
        .take(inner.height as usize);
    for (row, (i, entry)) in rows.enumerate() {
        let id = super::app::id_of(entry);
        let selected = i == app.selected;
        let pointer = if selected { t.pointer() } else { " " };
        let (name, mark, style) = match entry {
            Ok(_) if app.own.file.is_some() => (
                wrap::cut(&app.own.file_name(), width.saturating_sub(3)),
                " ",
                Style::default(),
            ),
            Ok(l) => {
                let mark = if app.progress.challenges.contains(&id) {
                    // The challenge met: more than a run to its end.
                    if t.ascii { "*" } else { "★" }
                } else if app.progress.completed.contains(&id) {
                    t.check()
                } else if app.progress.visited.contains(&id) {
                    t.visited()
                } else {
                    " "
                };
                // Predictions made here, as right/made before the mark (`2/3 ✓`).
                let tally = app
                    .progress
                    .predictions
                    .get(&id)
                    .filter(|p| p.made > 0)
                    .map(|p| format!(" {}/{}", p.right, p.made))
                    .unwrap_or_default();
                let room = width.saturating_sub(3 + wrap::width(&tally));
                (
                    format!(
                        "{}{tally}",
                        wrap::pad(&list_name(l.number, l.title.get(app.lang), room), room)
                    ),
                    mark,
                    Style::default(),
                )
            }
            Err(_) => (
                id,
                if t.ascii { "x" } else { "✗" },
                t.mood(super::theme::Mood::Failed),
            ),
        };
        let text = format!(
            "{pointer}{} {mark}",
            wrap::pad(&name, width.saturating_sub(3))
        );
        let style = if selected {
            style.patch(t.selected())
        } else {
            style
        };
        buf.set_stringn(inner.x, inner.y + row as u16, text, width, style);
    }
}

/// A lesson's name in the list, in `max` cells: `05 Semaphore 信号量` whole when it fits, else
/// without its leading words (`05 信号量`: the header shows the whole title), else cut with `…`.
fn list_name(number: u32, title: &str, max: usize) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    for skip in 0..words.len() {
        let name = format!("{number:02} {}", words[skip..].join(" "));
        if wrap::width(&name) <= max {
            return name;
        }
    }
    wrap::cut(&format!("{number:02} {title}"), max)
}

fn hints(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    if let Some(status) = &app.status {
        let style = t.mood(super::theme::Mood::Blocked);
        Line::from(Span::styled(format!(" {status}"), style)).render(area, buf);
        return;
    }
    let mut spans: Vec<Span> = vec![Span::raw(" ")];
    for item in hint_items(app, area.width as usize) {
        let (key, word) = item.split_once(' ').unwrap_or((&item, ""));
        spans.push(Span::styled(key.to_string(), t.bold()));
        spans.push(Span::raw(format!(" {word}  ")));
    }
    Line::from(spans).render(area, buf);
}

/// The hint bar while scrubbing: the cursor's keys, then as many others as fit, then `?`.
fn scrub_hints(lang: Lang, width: usize) -> Vec<String> {
    let items: &[(&str, &str)] = &[
        ("[/] event", "[/] 一个事件"),
        ("{/} more", "{/} 多步"),
        ("Esc now", "Esc 回到现在"),
        ("E export", "E 导出"),
        ("tab focus", "tab 切换窗格"),
    ];
    fit_hints(items, lang, width)
}

/// The hint bar of a held run: the stepping keys first, then as many others as fit, then `?`.
fn held_hints(lang: Lang, width: usize) -> Vec<String> {
    let items: &[(&str, &str)] = &[
        ("↑/↓ pick", "↑/↓ 选进程"),
        (". step", ". 走一步"),
        ("1-9 steps", "1-9 走几步"),
        ("g go", "g 一直走"),
        ("s release", "s 放开"),
        ("S schedule", "S 调度"),
        ("t/K/z signal", "t/K/z 信号"),
        ("x stop", "x 停止"),
    ];
    fit_hints(items, lang, width)
}

/// `items` as far as they fit in `width`, then `?` and `q`.
fn fit_hints(items: &[(&'static str, &'static str)], lang: Lang, width: usize) -> Vec<String> {
    let end = [
        words(lang, "? more", "? 更多"),
        words(lang, "q quit", "q 退出"),
    ];
    let mut out: Vec<String> = Vec::new();
    let mut used = 1 + end.iter().map(|s| wrap::width(s) + 2).sum::<usize>();
    for (en, zh) in items {
        let item = words(lang, en, zh);
        let w = wrap::width(item) + 2;
        if used + w > width {
            break;
        }
        used += w;
        out.push(item.to_string());
    }
    out.extend(end.iter().map(|s| s.to_string()));
    out
}

/// The hint bar's items for a bar `width` cells wide, key first (`d daemon=on`). Every knob, the
/// stop key while a run is live, the program and compare keys come first; the others give way
/// from the least useful when the bar is narrow, and then `?` says `more`: the help lists
/// every key.
pub fn hint_items(app: &App, width: usize) -> Vec<String> {
    use super::keymap::Action;
    let lang = app.lang;
    if !app.help && !app.schedule && app.scrub.is_some() {
        return scrub_hints(lang, width);
    }
    if !app.help && !app.schedule && app.held_run().is_some() {
        return held_hints(lang, width);
    }
    let context = if app.help {
        Context::Help
    } else if app.schedule {
        Context::Schedule
    } else {
        Context::Main
    };
    // (rank: lower stays longer, text, shorter text for a narrow bar)
    let mut items: Vec<(u8, String, Option<String>)> = Vec::new();
    let mut last: Vec<String> = Vec::new();
    let mut knob_keys: Vec<String> = Vec::new();
    let programs = app.lesson().map_or(0, |l| l.programs.len());
    for b in bindings(context).filter(|b| !b.hint.is_empty()) {
        let hint = b.hint_in(lang).to_string();
        let rank = match b.action {
            Action::Help | Action::Quit => {
                last.push(hint);
                continue;
            }
            Action::Stop if !app.is_live() => continue,
            Action::Program if programs < 2 => continue,
            Action::Compare if app.lesson().is_some_and(|l| l.knobs.is_empty()) => continue,
            Action::Pause if !app.is_live() => continue,
            Action::Stop | Action::Close => 0,
            Action::Program | Action::Compare => 1,
            Action::Run | Action::Pause => 2,
            Action::Faster => 3,
            Action::FocusNext => 4,
            // Holding is a lesson of its own: at 80 columns it gives way first (`?` lists it).
            Action::Hold => 6,
            // Stats and explore work beside the run on screen: they give way before holding.
            Action::Stats | Action::Explore => 7,
            _ => 5,
        };
        items.push((rank, hint, None));
        if b.action == Action::Run
            && let (Some(lesson), Some(settings)) = (app.lesson(), app.current_settings())
        {
            for knob in &lesson.knobs {
                let value = settings.get(&knob.name).unwrap_or(&knob.default);
                let short = format!("{} {}", knob.key, knob.name);
                knob_keys.push(format!("{} ", knob.key));
                items.push((0, format!("{short}={value}"), Some(short)));
            }
        }
    }
    let cost = |v: &mut dyn Iterator<Item = &String>| v.map(|s| wrap::width(s) + 2).sum::<usize>();
    let fits = |items: &[(u8, String, Option<String>)], last: &[String]| {
        1 + cost(&mut items.iter().map(|(_, s, _)| s)) + cost(&mut last.iter()) <= width
    };
    if !fits(&items, &last) {
        if let Some(help) = last.iter_mut().find(|s| s.starts_with('?')) {
            *help = words(lang, "? more", "? 更多").to_string();
        }
        // The least useful keys give way first; then the knobs lose their values (the code's
        // tags show them); only then anything else, from the end.
        while !fits(&items, &last) {
            let worst = items.iter().map(|(r, _, _)| *r).max().unwrap_or(0);
            if items.iter().all(|(_, _, short)| short.is_none()) && worst < 2 {
                break;
            }
            if worst >= 2 {
                let Some(at) = items.iter().rposition(|(r, _, _)| *r == worst) else {
                    break;
                };
                items.remove(at);
                continue;
            }
            for item in &mut items {
                if let Some(short) = item.2.take() {
                    item.1 = short;
                }
            }
        }
        // Still too wide (a lesson with many knobs): the knobs' names are cut, never their keys,
        // and never `c`, `x` or `o`.
        let mut room = items
            .iter()
            .map(|(_, s, _)| wrap::width(s))
            .max()
            .unwrap_or(0);
        while !fits(&items, &last) && room > 1 {
            room -= 1;
            for (_, text, _) in items.iter_mut() {
                if knob_keys.iter().any(|k| text.starts_with(k.as_str()))
                    && wrap::width(text) > room
                {
                    *text = cut_knob(text, room);
                }
            }
        }
        // Only then anything else, from the end.
        while !fits(&items, &last) && items.pop().is_some() {}
    }
    items.into_iter().map(|(_, s, _)| s).chain(last).collect()
}

/// A knob's hint (`u extra_release`) cut to `room` cells with `…`, its key always kept.
fn cut_knob(text: &str, room: usize) -> String {
    let key: String = text.chars().take(2).collect();
    if room <= 3 {
        return key.trim_end().to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if wrap::width(&out) + wrap::width(c.encode_utf8(&mut [0; 4])) + 1 > room {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lesson_name_drops_words_before_it_is_cut() {
        assert_eq!(list_name(5, "Semaphore", 12), "05 Semaphore");
        assert_eq!(list_name(5, "Semaphore 信号量", 12), "05 信号量");
        assert_eq!(list_name(2, "daemon 守护进程", 12), "02 守护进程");
        assert_eq!(list_name(1, "Process 进程", 17), "01 Process 进程");
        assert_eq!(list_name(9, "averyveryverylongname", 8), "09 aver…");
    }
}
