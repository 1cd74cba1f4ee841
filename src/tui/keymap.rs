//! The one keymap table: it dispatches keys, draws the hint bar and fills the `?` help. A lesson's
//! knob keys are not in it (they change with the lesson); they are looked up on the lesson and shown
//! next to the table's entries.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::lesson::Lang;

/// What a key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Start the lesson's program (again).
    Run,
    /// Stop the live run (its lanes and output stay on screen).
    Stop,
    /// Show and run the lesson's next program (`main.py`, `subclass.py`).
    Program,
    /// Run the lesson's comparison: both settings side by side.
    Compare,
    /// Hold the run for the learner's steps, or release a held one (`s`).
    Hold,
    /// A held run: one step of the picked process (Enter, `.`); otherwise Enter runs.
    Step,
    /// A held run: as many steps of the picked process as the digit says.
    Steps,
    /// A held run: the picked process goes on until it blocks, sleeps or ends.
    Go,
    /// SIGTERM to the picked process.
    Terminate,
    /// SIGKILL to the picked process.
    Kill,
    /// SIGINT to the picked process (Ctrl-C in its terminal: `KeyboardInterrupt`).
    Interrupt,
    /// Freeze (SIGSTOP) or thaw (SIGCONT) the picked process.
    Freeze,
    /// Show the run's schedule as text.
    Schedule,
    /// Show the lesson's challenge (and set the knobs it is graded with).
    Challenge,
    /// Write the run's schedule to a file.
    SaveSchedule,
    /// Open the program in the learner's editor (`e`).
    Edit,
    /// An edited lesson's own program again (`R`).
    Original,
    /// Export the run on screen (perfetto, svg, transcript) under the state directory.
    Export,
    /// One event back on a finished or paused run (the time cursor).
    ScrubBack,
    /// One event forward on it.
    ScrubForward,
    /// Pause or resume the run.
    Pause,
    /// Faster lesson clock.
    Faster,
    /// Slower lesson clock.
    Slower,
    /// The next lesson.
    NextLesson,
    /// The previous lesson.
    PrevLesson,
    /// Up one line (in the lesson list: the previous lesson).
    Up,
    /// Down one line (in the lesson list: the next lesson).
    Down,
    /// Up one page.
    PageUp,
    /// Down one page.
    PageDown,
    /// To the top.
    Home,
    /// To the bottom (the output follows new lines again).
    End,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Search every outcome of the program in the background and list them (`X`).
    Explore,
    /// Run the program N times free in the background and chart its outcomes (`%`).
    Stats,
    /// Predictions before a run on or off for the session (`P`).
    Predictions,
    /// English / 中文.
    Lang,
    /// Open the help.
    Help,
    /// Close the top overlay.
    Close,
    /// Leave the playground.
    Quit,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// On the main screen.
    Main,
    /// While the help is open.
    Help,
    /// While the schedule popup is open.
    Schedule,
}

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character (case matters: `L` is not `l`).
    Char(char),
    /// Ctrl + a character.
    Ctrl(char),
    /// Another key.
    Code(KeyCode),
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys that do it.
    pub keys: &'static [Key],
    /// How the hint bar and the help write the keys.
    pub shown: &'static str,
    /// What it does.
    pub action: Action,
    /// How the hint bar says it, key first (`r run`; empty: not in the hint bar).
    pub hint: &'static str,
    /// The hint in Chinese.
    pub hint_zh: &'static str,
    /// The help's sentence for it.
    pub help: &'static str,
    /// The help's sentence in Chinese.
    pub help_zh: &'static str,
    /// Where it applies.
    pub context: Context,
}

use Action as A;
use Context as C;
use Key::{Char, Code, Ctrl};

/// Every key of the playground.
pub const KEYMAP: &[Binding] = &[
    Binding {
        keys: &[Char('r'), Code(KeyCode::Enter)],
        shown: "r/Enter",
        action: A::Run,
        hint: "r run",
        hint_zh: "r 运行",
        help: "run the program (again); a live run is stopped first",
        help_zh: "运行程序（再次）；正在运行的会先停下",
        context: C::Main,
    },
    Binding {
        keys: &[Char('x')],
        shown: "x",
        action: A::Stop,
        hint: "x stop",
        hint_zh: "x 停止",
        help: "stop the run: its processes end, its lanes and output stay",
        help_zh: "停止运行：进程结束，时间线和输出留在屏幕上",
        context: C::Main,
    },
    Binding {
        keys: &[Char('o')],
        shown: "o",
        action: A::Program,
        hint: "o program",
        hint_zh: "o 换程序",
        help: "the lesson's next program (the tabs above the code)",
        help_zh: "本课的下一个程序（代码上方的标签）",
        context: C::Main,
    },
    Binding {
        keys: &[Char('c')],
        shown: "c",
        action: A::Compare,
        hint: "c compare",
        hint_zh: "c 对比",
        help: "compare: both settings side by side on one time axis",
        help_zh: "对比：两种设置并排运行，同一条时间轴",
        context: C::Main,
    },
    Binding {
        keys: &[Char('e')],
        shown: "e",
        action: A::Edit,
        hint: "e edit",
        hint_zh: "e 编辑",
        help: "edit the program in $VISUAL/$EDITOR (a lesson: your copy; the lesson stays as it is), then run it",
        help_zh: "用 $VISUAL/$EDITOR 编辑程序（课程：编辑你的副本，课程本身不变），然后运行",
        context: C::Main,
    },
    Binding {
        keys: &[Char('R')],
        shown: "R",
        action: A::Original,
        hint: "",
        hint_zh: "",
        help: "an edited lesson: back to the lesson's own program",
        help_zh: "改过的课程：回到本课的原版程序",
        context: C::Main,
    },
    Binding {
        keys: &[Char(' ')],
        shown: "space",
        action: A::Pause,
        hint: "space pause",
        hint_zh: "space 暂停",
        help: "pause / resume: the lesson clock and the processes stop",
        help_zh: "暂停 / 继续：课程时钟和进程都停下",
        context: C::Main,
    },
    Binding {
        keys: &[Char('+'), Char('=')],
        shown: "+/-",
        action: A::Faster,
        hint: "+/- speed",
        hint_zh: "+/- 速度",
        help: "faster / slower lesson clock, also during a run",
        help_zh: "课程时钟加快 / 放慢，运行中也可以",
        context: C::Main,
    },
    Binding {
        keys: &[Char('-'), Char('_')],
        shown: "-",
        action: A::Slower,
        hint: "",
        hint_zh: "",
        help: "",
        help_zh: "",
        context: C::Main,
    },
    Binding {
        keys: &[Char('n'), Code(KeyCode::Right), Char('l')],
        shown: "n/→/l p/←/h",
        action: A::NextLesson,
        hint: "",
        hint_zh: "",
        help: "next / previous lesson (leaving a lesson ends its run)",
        help_zh: "下一课 / 上一课（离开一课会结束它的运行）",
        context: C::Main,
    },
    Binding {
        keys: &[Char('p'), Code(KeyCode::Left), Char('h')],
        shown: "p/←",
        action: A::PrevLesson,
        hint: "",
        hint_zh: "",
        help: "",
        help_zh: "",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::Up), Char('k')],
        shown: "↑/k ↓/j",
        action: A::Up,
        hint: "",
        hint_zh: "",
        help: "lesson list: previous / next lesson; else scroll",
        help_zh: "课程列表里：上一课 / 下一课；其他窗格里：滚动",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::Down), Char('j')],
        shown: "↓/j",
        action: A::Down,
        hint: "",
        hint_zh: "",
        help: "",
        help_zh: "",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::PageUp)],
        shown: "PgUp/PgDn",
        action: A::PageUp,
        hint: "",
        hint_zh: "",
        help: "scroll the focused pane a page (the mouse wheel too)",
        help_zh: "当前窗格翻一页（鼠标滚轮也可以）",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::PageDown)],
        shown: "PgDn",
        action: A::PageDown,
        hint: "",
        hint_zh: "",
        help: "",
        help_zh: "",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::Home)],
        shown: "Home/End",
        action: A::Home,
        hint: "",
        hint_zh: "",
        help: "top / bottom of the focused pane; End follows output",
        help_zh: "当前窗格的顶部 / 底部；End 跟随新输出",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::End)],
        shown: "End",
        action: A::End,
        hint: "",
        hint_zh: "",
        help: "",
        help_zh: "",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::Tab)],
        shown: "Tab",
        action: A::FocusNext,
        hint: "tab focus",
        hint_zh: "tab 切换窗格",
        help: "focus the next pane (Shift-Tab: the previous one)",
        help_zh: "切到下一个窗格（Shift-Tab：上一个）",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::BackTab)],
        shown: "S-Tab",
        action: A::FocusPrev,
        hint: "",
        hint_zh: "",
        help: "",
        help_zh: "",
        context: C::Main,
    },
    Binding {
        keys: &[Char('.')],
        shown: "./Enter",
        action: A::Step,
        hint: "",
        hint_zh: "",
        help: "held: one step of the picked lane (↑/↓ or a click picks it)",
        help_zh: "接管时：选中的进程走一步（↑/↓ 或点击选择）",
        context: C::Main,
    },
    Binding {
        keys: &[Char('s')],
        shown: "s",
        action: A::Hold,
        hint: "s hold",
        hint_zh: "s 调度",
        help: "hold the run: you give each process its steps; s again lets it go free",
        help_zh: "接管调度：由你让每个进程走一步；再按 s 放开",
        context: C::Main,
    },
    Binding {
        keys: &[
            Char('1'),
            Char('2'),
            Char('3'),
            Char('4'),
            Char('5'),
            Char('6'),
            Char('7'),
            Char('8'),
            Char('9'),
        ],
        shown: "1-9",
        action: A::Steps,
        hint: "",
        hint_zh: "",
        help: "held: that many steps of the picked lane",
        help_zh: "接管时：选中的进程走这么多步",
        context: C::Main,
    },
    Binding {
        keys: &[Char('g')],
        shown: "g",
        action: A::Go,
        hint: "",
        hint_zh: "",
        help: "held: the picked lane goes on until it blocks, sleeps or ends",
        help_zh: "接管时：选中的进程一直走，直到阻塞、睡眠或结束",
        context: C::Main,
    },
    Binding {
        keys: &[Char('t')],
        shown: "t",
        action: A::Terminate,
        hint: "",
        hint_zh: "",
        help: "SIGTERM to the picked lane's process (held or free)",
        help_zh: "向选中的进程发送 SIGTERM（调度中或自由运行）",
        context: C::Main,
    },
    Binding {
        keys: &[Char('K')],
        shown: "K",
        action: A::Kill,
        hint: "",
        hint_zh: "",
        help: "SIGKILL to the picked lane's process",
        help_zh: "向选中的进程发送 SIGKILL",
        context: C::Main,
    },
    Binding {
        keys: &[Char('I')],
        shown: "I",
        action: A::Interrupt,
        hint: "",
        hint_zh: "",
        help: "SIGINT to the picked lane's process (KeyboardInterrupt, as Ctrl-C)",
        help_zh: "向选中的进程发送 SIGINT（KeyboardInterrupt，如同 Ctrl-C）",
        context: C::Main,
    },
    Binding {
        keys: &[Char('z')],
        shown: "z",
        action: A::Freeze,
        hint: "",
        hint_zh: "",
        help: "freeze / thaw the picked lane's process (SIGSTOP / SIGCONT)",
        help_zh: "冻结 / 解冻选中的进程（SIGSTOP / SIGCONT）",
        context: C::Main,
    },
    Binding {
        keys: &[Char('S')],
        shown: "S",
        action: A::Schedule,
        hint: "",
        hint_zh: "",
        help: "the held run's schedule as text (replay it with forkyard run --schedule)",
        help_zh: "以文字显示这次调度（可用 forkyard run --schedule 重放）",
        context: C::Main,
    },
    Binding {
        keys: &[Char('C')],
        shown: "C",
        action: A::Challenge,
        hint: "",
        hint_zh: "",
        help: "the lesson's challenge, to meet by holding the run (sets its knobs)",
        help_zh: "本课的挑战：接管调度去完成它（会设置它的旋钮）",
        context: C::Main,
    },
    Binding {
        keys: &[Char('y')],
        shown: "y",
        action: A::SaveSchedule,
        hint: "",
        hint_zh: "",
        help: "write the held run's schedule to a file and say where",
        help_zh: "把这次调度写入文件，并显示文件位置",
        context: C::Main,
    },
    Binding {
        keys: &[Char('[')],
        shown: "[/] {/}",
        action: A::ScrubBack,
        // Not in the hint bar (the help has it, and the bar while scrubbing says the rest).
        hint: "",
        hint_zh: "",
        help: "scrub a finished or paused run: one event back / forward ({/} ten or more); with \
               the timeline focused also ←/→ (Shift: more), Home/End; click the time axis to jump; \
               Esc returns to now",
        help_zh: "回看结束或暂停的运行：后退 / 前进一个事件（{/} 一次多步）；时间线窗格里也可用 \
                  ←/→（Shift 多步）、Home/End；点时间轴直接跳到那里；Esc 回到现在",
        context: C::Main,
    },
    Binding {
        keys: &[Char('E')],
        shown: "E",
        action: A::Export,
        hint: "",
        hint_zh: "",
        help: "export the run on screen: perfetto, svg or transcript, under the state directory",
        help_zh: "导出屏幕上的运行：perfetto、svg 或文本，写到状态目录下",
        context: C::Main,
    },
    Binding {
        keys: &[Char(']')],
        shown: "]",
        action: A::ScrubForward,
        hint: "",
        hint_zh: "",
        help: "",
        help_zh: "",
        context: C::Main,
    },
    Binding {
        keys: &[Char('%')],
        shown: "%",
        action: A::Stats,
        hint: "% stats",
        hint_zh: "% 统计",
        help: "stats: the program run 20 times free in the background, its outcomes as bars, most frequent first (Esc cancels)",
        help_zh: "统计：在后台自由运行 20 次，按出现次数从多到少画出各种结果（Esc 取消）",
        context: C::Main,
    },
    Binding {
        keys: &[Char('X')],
        shown: "X",
        action: A::Explore,
        hint: "X explore",
        hint_zh: "X 探索",
        help: "explore: every outcome the program can have, searched in the background, beside what % saw; Enter opens one's schedule as a held run",
        help_zh: "探索：在后台搜索程序可能的每一种结果，并列出 % 见到的次数；Enter 按它的调度接管运行",
        context: C::Main,
    },
    Binding {
        keys: &[Char('P')],
        shown: "P",
        action: A::Predictions,
        hint: "",
        hint_zh: "",
        help: "predictions on / off for this session: a lesson's question before the run it is about, graded after it",
        help_zh: "本次开启 / 关闭预测：运行之前先问课程里相应的问题，运行之后批改",
        context: C::Main,
    },
    Binding {
        keys: &[Char('L')],
        shown: "L",
        action: A::Lang,
        hint: "L en/中文",
        hint_zh: "L en/中文",
        help: "the lesson's words in English / 中文",
        help_zh: "课程文字切换 English / 中文",
        context: C::Main,
    },
    Binding {
        keys: &[Char('?')],
        shown: "?",
        action: A::Help,
        hint: "? help",
        hint_zh: "? 帮助",
        help: "this help",
        help_zh: "这份帮助",
        context: C::Main,
    },
    Binding {
        keys: &[Char('q'), Ctrl('c')],
        shown: "q",
        action: A::Quit,
        hint: "q quit",
        hint_zh: "q 退出",
        help: "quit (also Ctrl-C); every run's processes end first",
        help_zh: "退出（也可 Ctrl-C）；所有进程先结束",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::Esc), Char('?'), Char('q')],
        shown: "Esc",
        action: A::Close,
        hint: "esc close",
        hint_zh: "esc 关闭",
        help: "close the help",
        help_zh: "关闭帮助",
        context: C::Help,
    },
    Binding {
        keys: &[Code(KeyCode::Up), Char('k')],
        shown: "↑/k",
        action: A::Up,
        hint: "",
        hint_zh: "",
        help: "",
        help_zh: "",
        context: C::Help,
    },
    Binding {
        keys: &[Code(KeyCode::Down), Char('j')],
        shown: "↓/j",
        action: A::Down,
        hint: "",
        hint_zh: "",
        help: "",
        help_zh: "",
        context: C::Help,
    },
    Binding {
        keys: &[Code(KeyCode::PageUp)],
        shown: "PgUp",
        action: A::PageUp,
        hint: "",
        hint_zh: "",
        help: "",
        help_zh: "",
        context: C::Help,
    },
    Binding {
        keys: &[Code(KeyCode::PageDown), Char(' ')],
        shown: "PgDn",
        action: A::PageDown,
        hint: "",
        hint_zh: "",
        help: "",
        help_zh: "",
        context: C::Help,
    },
    Binding {
        keys: &[Ctrl('c')],
        shown: "C-c",
        action: A::Quit,
        hint: "",
        hint_zh: "",
        help: "quit",
        help_zh: "退出",
        context: C::Help,
    },
    Binding {
        keys: &[Code(KeyCode::Esc), Char('S'), Char('q')],
        shown: "Esc",
        action: A::Close,
        hint: "esc close",
        hint_zh: "esc 关闭",
        help: "close the schedule",
        help_zh: "关闭调度",
        context: C::Schedule,
    },
    Binding {
        keys: &[Char('y')],
        shown: "y",
        action: A::SaveSchedule,
        hint: "y save",
        hint_zh: "y 保存",
        help: "write the schedule to a file and say where",
        help_zh: "把调度写入文件，并显示文件位置",
        context: C::Schedule,
    },
    Binding {
        keys: &[Ctrl('c')],
        shown: "C-c",
        action: A::Quit,
        hint: "",
        hint_zh: "",
        help: "quit",
        help_zh: "退出",
        context: C::Schedule,
    },
];

impl Binding {
    /// The hint bar's words in `lang` (key first).
    pub fn hint_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.hint,
            Lang::Zh => self.hint_zh,
        }
    }

    /// The help's sentence in `lang`.
    pub fn help_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.help,
            Lang::Zh => self.help_zh,
        }
    }
}

/// Whether the table's `key` is the pressed `event`.
fn matches(key: Key, event: &KeyEvent) -> bool {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    match (key, event.code) {
        (Char(c), KeyCode::Char(e)) => !ctrl && c == e,
        (Ctrl(c), KeyCode::Char(e)) => ctrl && c.eq_ignore_ascii_case(&e),
        (Code(c), e) => !ctrl && c == e,
        _ => false,
    }
}

/// The action of the pressed key in `context`, if the table has one.
pub fn action_for(event: &KeyEvent, context: Context) -> Option<Action> {
    KEYMAP
        .iter()
        .filter(|b| b.context == context)
        .find(|b| b.keys.iter().any(|k| matches(*k, event)))
        .map(|b| b.action)
}

/// The bindings of `context`, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.context == context)
}
