//! `forkyard quiz`: a lesson's predictions asked on stdin, each graded from a real run with the
//! prediction's knobs. Answers are fed as a learner would type them.

mod run_support;

use std::io::Write;
use std::process::{Command, Stdio};

use run_support::EXE;

/// `forkyard quiz LESSON ARGS` with `answers` on stdin (then its end): what it printed.
fn quiz(lesson: &str, args: &[&str], answers: &str) -> String {
    let mut child = Command::new(EXE)
        .arg("quiz")
        .arg(lesson)
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answers.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "{lesson}: {}\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

#[test]
fn the_daemon_lesson_grades_right_and_wrong_answers_from_its_runs() {
    let right = quiz("02-daemon", &["--speed", "20"], "1 2 3 4\n2\n");
    assert!(
        right.contains("right. this run: the lines that appeared: 1 2 3 4"),
        "{right}"
    );
    assert!(
        right.contains("right. this run: Process-1 ended: SIGTERM"),
        "{right}"
    );
    assert!(right.trim_end().ends_with("2 / 2 right"), "{right}");
    assert!(
        right.contains("exit handler sends SIGTERM"),
        "the explanation: {right}"
    );

    let wrong = quiz("02-daemon", &["--speed", "20"], "1\n1\n");
    assert!(
        wrong.contains("wrong. the answer: 1) end, 2) 0, 3) 1, 4) 2."),
        "{wrong}"
    );
    assert!(wrong.contains("wrong. the answer: 2) SIGTERM."), "{wrong}");
    assert!(wrong.trim_end().ends_with("0 / 2 right"), "{wrong}");
}

#[test]
fn the_counter_without_the_lock_can_be_anything_and_with_it_is_nine() {
    let out = quiz("04-lock", &["--speed", "20"], "4\n1\n");
    assert!(out.contains("4) any of these can happen"), "{out}");
    assert!(
        out.contains("right. this run: `counter:` was followed by `9`"),
        "the lock: {out}"
    );
    assert!(out.trim_end().ends_with("2 / 2 right"), "{out}");
}

#[test]
fn apply_takes_ten_rounds_and_apply_async_four() {
    let out = quiz("09-pool", &["--speed", "10"], "3\n2\n");
    assert!(out.trim_end().ends_with("2 / 2 right"), "{out}");
    assert!(out.contains("3) 30 s"), "{out}");
}

#[test]
fn a_bad_answer_is_asked_again_s_skips_and_the_end_of_input_stops() {
    let out = quiz("02-daemon", &[], "7\nyes\ns\n");
    assert_eq!(
        out.matches("type a number from the list (or s to skip)")
            .count(),
        2,
        "{out}"
    );
    assert!(out.trim_end().ends_with("0 / 2 right, 2 skipped"), "{out}");
    assert!(!out.contains("this run:"), "nothing ran: {out}");
}

#[test]
fn every_prediction_of_every_lesson_is_graded_from_its_run() {
    let lessons = [
        "01-process",
        "02-daemon",
        "03-join",
        "04-lock",
        "05-semaphore",
        "06-event",
        "07-queue",
        "08-pipe",
        "09-pool",
    ];
    for lesson in lessons {
        let out = quiz(lesson, &["--speed", "10", "--timeout", "3"], "1\n1\n1\n1\n");
        let graded =
            out.matches("right. this run:").count() + out.matches("wrong. the answer: ").count();
        assert_eq!(graded, 2, "{lesson}: {out}");
        // A choice matches what the run did: the lesson's answer is one of its choices.
        assert!(
            !out.contains("the answer: none of these."),
            "{lesson}: {out}"
        );
    }
}

#[test]
fn a_lesson_in_chinese_asks_in_chinese() {
    let mut child = Command::new(EXE)
        .args(["quiz", "03-join", "--speed", "20"])
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"1\n1\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("最后打印的是哪一行？"), "{text}");
    assert!(
        text.contains("答对了。 这次运行： 最后一行是 `end`"),
        "{text}"
    );
    assert!(text.trim_end().ends_with("2 / 2 答对"), "{text}");
}
