//! Predictions: a lesson's `[[predict]]` questions, asked before a run and graded from what the
//! run did (its stdout, how each process ended, its lesson time). Pure data and grading here;
//! running is the faces' (`forkyard quiz`).

use super::model::{Lang, Text};

/// What a prediction asks about, and so which fact of the run grades it.
#[derive(Clone, Debug, PartialEq)]
pub enum Ask {
    /// Which line comes last: the run's last stdout line.
    LastLine,
    /// Which of the lines appear at all: every choice found in the stdout (several may be right).
    Appears,
    /// How one process ends: "exit code 0", "SIGTERM" (`Process-1`, `MainProcess`).
    Ending { process: String },
    /// A value the program prints: the word after `prefix` on the last line that has it.
    Value { prefix: String },
    /// The run's total lesson time, right within `tolerance` seconds.
    Time { tolerance: f64 },
}

/// The words of [`Ask`] in lesson.toml's `kind`.
pub const KINDS: &[&str] = &["last_line", "appears", "ending", "value", "time"];

/// One `[[predict]]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    /// The question, before the run.
    pub question: Text,
    /// What it asks about.
    pub ask: Ask,
    /// The possible answers, as the run shows them (a line, an ending, a value, seconds).
    pub choices: Vec<String>,
    /// The answer is "any of these can happen" (a choice of its own, after the others).
    pub any: bool,
    /// Shown after the grade: why.
    pub explain: Text,
    /// The program the run runs (`None`: the one the knobs change, else the first).
    pub program: Option<String>,
    /// The knobs set for the run.
    pub set: Vec<(String, String)>,
}

/// What a run did, as far as predictions look.
#[derive(Clone, Debug, Default)]
pub struct RunFacts {
    pub stdout: String,
    /// Each process's name and how it ended, in the words of [`Ask::Ending`].
    pub endings: Vec<(String, String)>,
    /// Lesson seconds from the start to the last process's end.
    pub seconds: f64,
}

/// A grade.
#[derive(Clone, Debug, PartialEq)]
pub struct Grade {
    /// The learner's answer was right.
    pub right: bool,
    /// The choices (by index) that this run shows; for "any": the one that happened this time.
    pub shown: Vec<usize>,
    /// What the run showed, in words ("the last line was `end`", "took 3.02 s").
    pub fact: String,
}

impl Prediction {
    /// The number of answers a learner can pick from (the "any" answer included).
    pub fn answers(&self) -> usize {
        self.choices.len() + usize::from(self.any)
    }

    /// Which choices the run shows, and the fact in words of `lang`.
    pub fn shown(&self, run: &RunFacts, lang: Lang) -> (Vec<usize>, String) {
        let zh = lang == Lang::Zh;
        let lines: Vec<&str> = run.stdout.lines().map(str::trim_end).collect();
        let matching = |fact: &str| -> Vec<usize> {
            (0..self.choices.len())
                .filter(|&i| self.choices[i] == fact)
                .collect()
        };
        match &self.ask {
            Ask::LastLine => {
                let last = lines
                    .iter()
                    .rev()
                    .find(|l| !l.trim().is_empty())
                    .copied()
                    .unwrap_or("");
                let fact = if zh {
                    format!("最后一行是 `{last}`")
                } else {
                    format!("the last line was `{last}`")
                };
                (matching(last), fact)
            }
            Ask::Appears => {
                let shown: Vec<usize> = (0..self.choices.len())
                    .filter(|&i| lines.iter().any(|l| l.contains(&self.choices[i])))
                    .collect();
                let words: Vec<String> = shown.iter().map(|&i| (i + 1).to_string()).collect();
                let fact = match (words.is_empty(), zh) {
                    (true, false) => "none of these lines appeared".into(),
                    (true, true) => "这些行都没有出现".into(),
                    (false, false) => format!("the lines that appeared: {}", words.join(" ")),
                    (false, true) => format!("出现的行：{}", words.join(" ")),
                };
                (shown, fact)
            }
            Ask::Ending { process } => {
                let how = run
                    .endings
                    .iter()
                    .find(|(n, _)| n == process)
                    .map_or("it never ran", |(_, h)| h.as_str());
                let fact = if zh {
                    format!("{process} 的结局：{how}")
                } else {
                    format!("{process} ended: {how}")
                };
                (matching(how), fact)
            }
            Ask::Value { prefix } => {
                let value = lines
                    .iter()
                    .rev()
                    .find_map(|l| l.split_once(prefix.as_str()).map(|(_, rest)| rest))
                    .and_then(|rest| rest.split_whitespace().next())
                    .unwrap_or("");
                let fact = if zh {
                    format!("`{prefix}` 后面是 `{value}`")
                } else {
                    format!("`{prefix}` was followed by `{value}`")
                };
                (matching(value), fact)
            }
            Ask::Time { tolerance } => {
                let shown = (0..self.choices.len())
                    .filter(|&i| {
                        self.choices[i]
                            .parse::<f64>()
                            .is_ok_and(|c| (c - run.seconds).abs() <= *tolerance)
                    })
                    .collect();
                let fact = if zh {
                    format!("这次运行用了 {:.2} 秒课程时间", run.seconds)
                } else {
                    format!("the run took {:.2} s of lesson time", run.seconds)
                };
                (shown, fact)
            }
        }
    }

    /// Grades `picked` (answer indices, 0-based; the "any" answer is `choices.len()`); the fact is
    /// said in `lang`.
    pub fn grade(&self, picked: &[usize], run: &RunFacts, lang: Lang) -> Grade {
        let (shown, fact) = self.shown(run, lang);
        let mut picked: Vec<usize> = picked.to_vec();
        picked.sort_unstable();
        picked.dedup();
        let right = if self.any {
            picked == [self.choices.len()]
        } else if self.ask == Ask::Appears {
            picked == shown
        } else {
            picked.len() == 1 && shown.contains(&picked[0])
        };
        Grade { right, shown, fact }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(ask: Ask, choices: &[&str], any: bool) -> Prediction {
        Prediction {
            question: Text::default(),
            ask,
            choices: choices.iter().map(ToString::to_string).collect(),
            any,
            explain: Text::default(),
            program: None,
            set: Vec::new(),
        }
    }

    fn facts(stdout: &str) -> RunFacts {
        RunFacts {
            stdout: stdout.into(),
            endings: vec![
                ("MainProcess".into(), "exit code 0".into()),
                ("Process-1".into(), "SIGTERM".into()),
            ],
            seconds: 3.02,
        }
    }

    #[test]
    fn each_kind_is_graded_from_its_fact() {
        let run = facts("0\nend\ncounter: 3 expected: 9\n");
        let last = p(Ask::LastLine, &["end", "counter: 3 expected: 9"], false);
        assert!(last.grade(&[1], &run, Lang::En).right);
        assert!(!last.grade(&[0], &run, Lang::En).right);
        let appears = p(Ask::Appears, &["0", "1", "end"], false);
        assert!(appears.grade(&[2, 0], &run, Lang::En).right, "any order");
        assert!(!appears.grade(&[0], &run, Lang::En).right, "all of them");
        let ending = p(
            Ask::Ending {
                process: "Process-1".into(),
            },
            &["exit code 0", "SIGTERM"],
            false,
        );
        assert!(ending.grade(&[1], &run, Lang::En).right);
        let value = p(
            Ask::Value {
                prefix: "counter:".into(),
            },
            &["9", "3"],
            false,
        );
        assert_eq!(value.grade(&[1], &run, Lang::En).shown, vec![1]);
        let time = p(Ask::Time { tolerance: 0.5 }, &["3", "12"], false);
        assert!(time.grade(&[0], &run, Lang::En).right && !time.grade(&[1], &run, Lang::En).right);
        let any = p(
            Ask::Value {
                prefix: "counter:".into(),
            },
            &["9", "3"],
            true,
        );
        assert!(any.grade(&[2], &run, Lang::En).right && !any.grade(&[1], &run, Lang::En).right);
        assert_eq!(
            any.grade(&[2], &run, Lang::En).shown,
            vec![1],
            "what happened this time"
        );
        assert_eq!(any.answers(), 3);
        assert_eq!(
            last.grade(&[1], &run, Lang::Zh).fact,
            "最后一行是 `counter: 3 expected: 9`"
        );
    }
}
