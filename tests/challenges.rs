//! `forkyard challenge`: every lesson's challenge is met by a held run under a schedule written
//! here by hand (each one a thing the kernel rarely does), and not met by the round-robin held run
//! nor by a free run, as the kernel schedules it. Held runs are deterministic: each step is given
//! by the scheduler, and a sleep passes at once in lesson time; the free runs' margins are whole
//! lesson seconds (a real second at `--speed 1`).

mod run_support;

use std::process::Output;

use run_support::forkyard;

/// `forkyard challenge LESSON ARGS` in English: its exit code and stdout.
fn challenge(lesson: &str, args: &[&str]) -> (Option<i32>, String) {
    let mut all = vec!["challenge", lesson];
    all.extend_from_slice(args);
    let out: Output = std::process::Command::new(run_support::EXE)
        .args(&all)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let err = String::from_utf8_lossy(&out.stderr);
    (out.status.code(), format!("{text}{err}"))
}

/// The lesson's challenge is met under `schedule` (op granularity) and not under round robin.
/// (That a free run rarely meets it is the kernel's habit, not something a test can promise: on a
/// loaded machine a process can be kept off the processor for seconds. README gives the figures.)
fn solved_by(lesson: &str, schedule: &str) {
    let (code, text) = challenge(lesson, &["--granularity", "op", "--schedule", schedule]);
    assert_eq!(code, Some(0), "{lesson} under `{schedule}`:\n{text}");
    assert!(text.trim_end().ends_with("challenge met"), "{text}");
    assert!(!text.contains('✗'), "every goal held: {text}");

    let (code, text) = challenge(lesson, &["--hold"]);
    assert_eq!(code, Some(1), "{lesson} round-robin:\n{text}");
    assert!(text.trim_end().ends_with("challenge not met"), "{text}");
    assert!(text.contains('✗'), "the goal that did not hold: {text}");
}

#[test]
fn process_1_wakes_before_process_2() {
    solved_by(
        "01-process",
        "MainProcess*5 Process-1 MainProcess Process-2 MainProcess*5 Process-1*3",
    );
}

#[test]
fn the_daemonic_child_prints_2_and_is_still_killed() {
    solved_by("02-daemon", "MainProcess Process-1*5 MainProcess*2");
}

#[test]
fn the_child_ends_within_join_1_5() {
    solved_by(
        "03-join",
        "MainProcess Process-1 MainProcess Process-1*6 MainProcess*5",
    );
}

#[test]
fn the_counter_ends_at_2() {
    // Process-1 reads 0 and waits while Process-2 counts twice and Process-3 three times; its write
    // of 1 wipes them out; Process-2 reads 1 and waits while Process-1 counts to 3; it writes 2.
    solved_by(
        "04-lock",
        "MainProcess*3 Process-1 Process-2*8 Process-3*13 Process-1*3 Process-2 Process-1*9 \
         Process-2*4",
    );
}

#[test]
fn process_1_gives_its_permit_back_before_process_2_gets_one() {
    solved_by("05-semaphore", "MainProcess*2 Process-1*6");
}

#[test]
fn a_waiter_gives_up_before_the_setter_sets() {
    solved_by(
        "06-event",
        "MainProcess Process-1 MainProcess Process-1 Process-2 MainProcess Process-2 Process-3 \
         MainProcess Process-3 MainProcess Process-1*2",
    );
}

#[test]
fn the_reader_prints_b_before_the_writer_does() {
    solved_by(
        "07-queue",
        "MainProcess*2 Process-2 MainProcess Process-1*2 Process-2 Process-1*3 Process-2*3",
    );
}

#[test]
fn all_five_are_sent_before_one_is_received() {
    solved_by(
        "08-pipe",
        "MainProcess*3 Process-1 MainProcess Process-1*13",
    );
}

#[test]
fn a_task_ends_before_terminate() {
    solved_by("09-pool", "MainProcess*5 ForkPoolWorker-1*3");
}

#[test]
fn without_a_schedule_it_only_tells_the_challenge() {
    let (code, text) = challenge("04", &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.starts_with("04-lock · challenge (--set lock=off)\n"),
        "{text}"
    );
    assert!(text.contains("make the counter end at 2"), "{text}");
    assert!(text.contains("hint: Let Process-1 read 0"), "{text}");
    assert!(!text.contains("challenge met"), "nothing ran: {text}");
}

#[test]
fn a_deadlock_goal_is_graded_from_the_scheduler() {
    let dir = std::env::temp_dir().join(format!("forkyard-challenges-{}", std::process::id()));
    let lesson = dir.join("01-locks");
    std::fs::create_dir_all(&lesson).unwrap();
    std::fs::write(
        lesson.join("main.py"),
        "import multiprocessing


def take(first, second):
    with first:
        with second:
            print(multiprocessing.current_process().name, \"has both\")


if __name__ == \"__main__\":
    a = multiprocessing.Lock()
    b = multiprocessing.Lock()
    p = multiprocessing.Process(target=take, args=(a, b))
    q = multiprocessing.Process(target=take, args=(b, a))
    p.start()
    q.start()
    p.join()
    q.join()
",
    )
    .unwrap();
    std::fs::write(
        lesson.join("lesson.toml"),
        r#"title = { en = "locks", zh = "锁" }
summary = { en = "s", zh = "摘要" }
what = { en = "w", zh = "是什么" }
watch = { en = "w", zh = "看什么" }
why = { en = "w", zh = "为什么" }

[[program]]
file = "main.py"

[[challenge]]
text = { en = "Make the two workers deadlock.", zh = "让两个工作进程死锁。" }
hint = { en = "Each takes its first lock, then the other's.", zh = "各自先拿第一把锁，再拿对方的。" }

[[challenge.goal]]
kind = "deadlock"
"#,
    )
    .unwrap();
    let target = lesson.to_string_lossy().into_owned();
    let (code, text) = challenge(
        &target,
        &[
            "--granularity",
            "op",
            "--schedule",
            "MainProcess*2 Process-1 Process-2*2 Process-1",
        ],
    );
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("✓ the run ended in a deadlock"), "{text}");
    let (code, text) = challenge(
        &target,
        &[
            "--granularity",
            "op",
            "--schedule",
            "MainProcess*2 Process-1*4",
        ],
    );
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("✗ the run did not deadlock"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_lesson_without_a_challenge_and_a_bad_schedule_are_sentences() {
    let out = forkyard(&["challenge", "no-such-lesson"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    let out = forkyard(&["challenge", "04", "--schedule", "Process-1*0"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("forkyard: "), "{err}");
}
