//! The sandbox of lesson processes: what costs nothing to take away, taken away before the program
//! runs. The lesson main enters it once, right after attaching to its run; every process it forks
//! inherits it (seccomp filters and `no_new_privs` survive `fork` and cannot be lifted).
//!
//! 1. `PR_SET_NO_NEW_PRIVS`: nothing a lesson process could exec gains privileges (set-uid
//!    binaries, file capabilities). It is also what lets an unprivileged process install a filter.
//! 2. A seccomp filter (built with `seccompiler`, no hand-written BPF), where the kernel has
//!    seccomp and the architecture is x86_64 or aarch64:
//!    - allowed: the system calls a lesson process makes (measured with `strace -f` over every
//!      lesson and conformance program): memory (`mmap`, `brk`, ...), pipes, sockets pairs,
//!      eventfds, memfds and their reads and writes, `fork` (a `clone` without namespace flags),
//!      waiting for and signalling processes, clocks and sleeps, `poll`, futexes, signals' own
//!      plumbing, `exit`;
//!    - restricted by argument: `openat` only read-only or read-write without creating or
//!      truncating (`/proc/self/maps` for the stack, `/dev/null` for a pool worker's closed pipe
//!      ends: seccomp cannot see paths), `ioctl` only `FIONREAD` and terminal queries (never
//!      `TIOCSTI`, which types into the user's terminal), `clone` only without `CLONE_NEW*`;
//!    - the process is killed (`SIGSYS`, shown in its lane) on the calls only an attack makes:
//!      `execve`/`execveat` (a lesson process never runs another program), `ptrace`,
//!      `process_vm_readv`/`process_vm_writev` (another process's memory), kernel modules and
//!      `kexec`, `bpf`, `perf_event_open`, `userfaultfd`, namespaces (`unshare`, `setns`), mounts,
//!      `chroot`/`pivot_root`, keyrings, `reboot`, swap, `open_by_handle_at`, `iopl`/`ioperm`;
//!    - any other call fails with `EPERM`, so a call forkyard forgot shows as a Python `OSError`
//!      (or a clear error), not as a dead process.
//!
//! Where the kernel refuses (no seccomp, or a container that forbids it), the lesson runs with
//! `no_new_privs` alone: the sandbox is defence in depth under the Python subset, which already has
//! no files, no subprocesses and no foreign pids.

use std::collections::BTreeMap;

use seccompiler::{
    BpfProgram, SeccompAction, SeccompCmpArgLen as Len, SeccompCmpOp as Op, SeccompCondition,
    SeccompFilter, SeccompRule, TargetArch,
};

/// What [`enter`] managed to put in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sandbox {
    pub no_new_privs: bool,
    pub seccomp: bool,
}

/// Enters the sandbox: `no_new_privs`, then the filter where the kernel allows it. Never fails:
/// a lesson runs with what could be put in place.
pub fn enter() -> Sandbox {
    // SAFETY: prctl with integer arguments only.
    let no_new_privs = unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) } == 0;
    let seccomp = no_new_privs && install().is_ok();
    Sandbox {
        no_new_privs,
        seccomp,
    }
}

/// The system calls a lesson process makes, allowed whatever their arguments.
fn allowed() -> Vec<i64> {
    let mut calls = vec![
        // Reading and writing fds: program output, the trace pipe, Pipe/Queue, /proc/self/maps.
        libc::SYS_read,
        libc::SYS_write,
        libc::SYS_readv,
        libc::SYS_writev,
        libc::SYS_pread64,
        libc::SYS_pwrite64,
        libc::SYS_lseek,
        libc::SYS_close,
        libc::SYS_fcntl,
        libc::SYS_dup,
        libc::SYS_dup3,
        libc::SYS_fstat,
        libc::SYS_newfstatat,
        libc::SYS_statx,
        // The kernel objects behind Pipe, Queue, Lock, Event, Value: pipes, socket pairs,
        // eventfds, memfds.
        libc::SYS_pipe2,
        libc::SYS_socketpair,
        libc::SYS_sendto,
        libc::SYS_recvfrom,
        libc::SYS_sendmsg,
        libc::SYS_recvmsg,
        libc::SYS_shutdown,
        libc::SYS_eventfd2,
        libc::SYS_memfd_create,
        libc::SYS_ftruncate,
        // Memory.
        libc::SYS_mmap,
        libc::SYS_munmap,
        libc::SYS_mremap,
        libc::SYS_mprotect,
        libc::SYS_madvise,
        libc::SYS_brk,
        // Processes: fork is `clone` (restricted below); waiting, signalling, pids.
        libc::SYS_wait4,
        libc::SYS_waitid,
        libc::SYS_kill,
        libc::SYS_tgkill,
        libc::SYS_tkill,
        libc::SYS_pidfd_open,
        libc::SYS_pidfd_send_signal,
        libc::SYS_getpid,
        libc::SYS_getppid,
        libc::SYS_gettid,
        libc::SYS_getpgid,
        libc::SYS_getpgrp,
        libc::SYS_getuid,
        libc::SYS_geteuid,
        libc::SYS_getgid,
        libc::SYS_getegid,
        libc::SYS_exit,
        libc::SYS_exit_group,
        libc::SYS_set_robust_list,
        libc::SYS_rseq,
        libc::SYS_prlimit64,
        libc::SYS_getrusage,
        libc::SYS_sched_getaffinity,
        libc::SYS_sched_yield,
        libc::SYS_getrandom,
        libc::SYS_futex,
        libc::SYS_uname,
        libc::SYS_getcwd,
        // Signals' own plumbing (the runtime's and Rust's handlers, `abort`).
        libc::SYS_rt_sigaction,
        libc::SYS_rt_sigprocmask,
        libc::SYS_rt_sigreturn,
        // The `signal` module: alarm and pause, and waiting for a signal.
        libc::SYS_alarm,
        libc::SYS_setitimer,
        libc::SYS_getitimer,
        libc::SYS_pause,
        libc::SYS_rt_sigsuspend,
        libc::SYS_rt_sigpending,
        libc::SYS_rt_sigtimedwait,
        libc::SYS_sigaltstack,
        libc::SYS_restart_syscall,
        // Time: the lesson clock, sleeps, timeouts.
        libc::SYS_clock_gettime,
        libc::SYS_clock_getres,
        libc::SYS_clock_nanosleep,
        libc::SYS_nanosleep,
        libc::SYS_gettimeofday,
        libc::SYS_ppoll,
        libc::SYS_pselect6,
    ];
    #[cfg(target_arch = "x86_64")]
    calls.extend([
        libc::SYS_poll,
        libc::SYS_select,
        libc::SYS_dup2,
        libc::SYS_pipe,
        libc::SYS_time,
    ]);
    calls
}

/// The calls only an attack makes: the process is killed on them.
fn fatal() -> Vec<i64> {
    let mut calls = vec![
        libc::SYS_execve,
        libc::SYS_execveat,
        libc::SYS_ptrace,
        libc::SYS_process_vm_readv,
        libc::SYS_process_vm_writev,
        libc::SYS_kexec_load,
        libc::SYS_kexec_file_load,
        libc::SYS_init_module,
        libc::SYS_finit_module,
        libc::SYS_delete_module,
        libc::SYS_bpf,
        libc::SYS_perf_event_open,
        libc::SYS_userfaultfd,
        libc::SYS_unshare,
        libc::SYS_setns,
        libc::SYS_mount,
        libc::SYS_umount2,
        libc::SYS_pivot_root,
        libc::SYS_chroot,
        libc::SYS_add_key,
        libc::SYS_request_key,
        libc::SYS_keyctl,
        libc::SYS_reboot,
        libc::SYS_swapon,
        libc::SYS_swapoff,
        libc::SYS_open_by_handle_at,
    ];
    #[cfg(target_arch = "x86_64")]
    calls.extend([libc::SYS_iopl, libc::SYS_ioperm]);
    calls
}

/// An ioctl request number as seccomp compares it (`c_ulong` on glibc, `c_int` on musl).
#[allow(clippy::unnecessary_cast)]
fn request(r: libc::Ioctl) -> u64 {
    r as u64
}

fn cond(arg: u8, op: Op, value: u64) -> Result<SeccompCondition, seccompiler::Error> {
    Ok(SeccompCondition::new(arg, Len::Qword, op, value)?)
}

/// The allowed calls whose arguments are checked.
fn restricted() -> Result<BTreeMap<i64, Vec<SeccompRule>>, seccompiler::Error> {
    let mut rules = BTreeMap::new();
    // openat(dirfd, path, flags, mode): reading, or read-write of a file that exists.
    let forbidden_open =
        (libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC | libc::O_APPEND | libc::O_TMPFILE) as u64;
    rules.insert(
        libc::SYS_openat,
        vec![SeccompRule::new(vec![cond(
            2,
            Op::MaskedEq(forbidden_open),
            0,
        )?])?],
    );
    // ioctl(fd, request): how many bytes wait in a pipe, and terminal queries.
    let ioctls = [
        libc::FIONREAD,
        libc::TCGETS,
        libc::TIOCGWINSZ,
        libc::FIOCLEX,
    ];
    rules.insert(
        libc::SYS_ioctl,
        ioctls
            .iter()
            .map(|&r| Ok(SeccompRule::new(vec![cond(1, Op::Eq, request(r))?])?))
            .collect::<Result<_, seccompiler::Error>>()?,
    );
    // clone(flags, ...): a fork, never a new namespace.
    let namespaces = (libc::CLONE_NEWNS
        | libc::CLONE_NEWUSER
        | libc::CLONE_NEWPID
        | libc::CLONE_NEWNET
        | libc::CLONE_NEWIPC
        | libc::CLONE_NEWUTS
        | libc::CLONE_NEWCGROUP) as u64;
    rules.insert(
        libc::SYS_clone,
        vec![SeccompRule::new(vec![cond(
            0,
            Op::MaskedEq(namespaces),
            0,
        )?])?],
    );
    for call in allowed() {
        rules.insert(call, Vec::new());
    }
    Ok(rules)
}

fn install() -> Result<(), seccompiler::Error> {
    let arch = TargetArch::try_from(std::env::consts::ARCH)?;
    // Two filters; the kernel applies the stricter verdict: the fatal calls kill, every other
    // call not allowed fails with EPERM.
    let kill = SeccompFilter::new(
        fatal().into_iter().map(|c| (c, Vec::new())).collect(),
        SeccompAction::Allow,
        SeccompAction::KillProcess,
        arch,
    )?;
    let allow = SeccompFilter::new(
        restricted()?,
        SeccompAction::Errno(libc::EPERM as u32),
        SeccompAction::Allow,
        arch,
    )?;
    let kill: BpfProgram = kill.try_into()?;
    let allow: BpfProgram = allow.try_into()?;
    // Installing calls prctl and seccomp, which the allow-list refuses: it goes in last.
    seccompiler::apply_filter(&kill)?;
    seccompiler::apply_filter(&allow)?;
    Ok(())
}
