//! Kernel objects behind `multiprocessing`'s primitives, with no Python knowledge.
//!
//! Everything here is made by the process that constructs a primitive and inherited by the children
//! it forks afterwards (the fds stay open across `fork`, the mappings stay shared):
//! - [`Sem`]: words in a shared mapping holding tokens (acquire = take one, release = give one
//!   back; a system call only to sleep or to wake a sleeper). A holder killed by SIGKILL takes its
//!   token with it, like CPython's `SemLock`.
//! - [`Flag`]: an eventfd as a level (set = write, clear = read, wait = poll): every waiter wakes.
//! - [`Shared`]: a slot of a memfd mapped `MAP_SHARED` (counters, owners, `Value`/`Array` bytes);
//!   being a file, it can also be handed to a process that did not inherit it ([`Shared::adopt`]).
//! - [`Channel`]: a pipe or a `SOCK_SEQPACKET` socketpair end carrying length-prefixed messages.
//!
//! Every timeout counts lesson seconds (`clock`).

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::sync::atomic::{AtomicI64, AtomicU8, AtomicU32, Ordering};

use super::clock;
use crate::trace::gate::{futex_wait_for, futex_wake_n};

fn check(r: libc::c_int) -> io::Result<libc::c_int> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

/// `n` zero bytes for a message, or `OutOfMemory` (the length comes from the other end: asking
/// the allocator first keeps a message too large for this process from aborting it).
fn zeroed(n: usize) -> io::Result<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n)
        .map_err(|_| io::Error::from(io::ErrorKind::OutOfMemory))?;
    v.resize(n, 0);
    Ok(v)
}

fn own(fd: RawFd) -> OwnedFd {
    // SAFETY: `fd` was just returned by a successful syscall and is owned by nobody else.
    unsafe { OwnedFd::from_raw_fd(fd) }
}

/// A deadline in lesson seconds, for waits made of several steps.
#[derive(Clone, Copy, Debug)]
pub struct Deadline(Option<f64>);

impl Deadline {
    /// `None`: no limit. A negative timeout counts as 0.
    pub fn after(timeout: Option<f64>) -> Deadline {
        Deadline(timeout.map(|t| clock::now_secs() + t.max(0.0)))
    }
    /// Lesson seconds left (`None`: no limit), never negative.
    pub fn left(self) -> Option<f64> {
        self.0.map(|d| (d - clock::now_secs()).max(0.0))
    }
}

/// Reads an eventfd counter without blocking: `Some(value)` or `None` when it is 0.
fn eventfd_take(fd: RawFd) -> io::Result<Option<u64>> {
    let mut v: u64 = 0;
    loop {
        // SAFETY: reading 8 bytes into a u64 we own.
        let n = unsafe { libc::read(fd, std::ptr::from_mut(&mut v).cast(), 8) };
        if n == 8 {
            return Ok(Some(v));
        }
        let e = io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EINTR) => continue,
            Some(libc::EAGAIN) => return Ok(None),
            _ => return Err(e),
        }
    }
}

fn eventfd_add(fd: RawFd, v: u64) -> io::Result<()> {
    loop {
        // SAFETY: writing 8 bytes from a u64 we own.
        let n = unsafe { libc::write(fd, std::ptr::from_ref(&v).cast(), 8) };
        if n == 8 {
            return Ok(());
        }
        let e = io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::EINTR) {
            return Err(e);
        }
    }
}

/// A counting semaphore: a word in shared memory holding the tokens, and a count of the processes
/// sleeping for one, as glibc's `sem_t` (under CPython's `SemLock`) keeps them, with a futex word
/// of wakes they sleep on. Taking or giving a token is one atomic instruction; the kernel is asked
/// only to sleep when there is no token, and to wake a sleeper when one is there.
#[derive(Debug)]
pub struct Sem {
    shm: Shared,
}

/// The words of a [`Sem`]'s mapping.
const TOKENS: usize = 0;
const SLEEPERS: usize = 1;
/// 1 while a wake is on its way: a release woke a sleeper that has not looked at the tokens
/// since. Further releases then make no system call (see [`Sem::release`]).
const WAKING: usize = 2;
/// The futex word sleepers sleep on: a release that wakes adds one to it first. A sleeper reads
/// it before its last look at the tokens and sleeps only while it still reads the same, so a
/// wake sent between that look and the sleep is never lost (see [`Sem::wait`]).
const WAKE_SEQ: usize = 3;

/// How many times [`Sem::acquire_spinning`] looks at the tokens before the caller sleeps: about
/// a microsecond and a half on this project's 2-core machine, some ten `lock.release()` calls.
const SPIN_LOOKS: u32 = 200;

/// The most tokens a semaphore holds (CPython's `SEM_VALUE_MAX` on Linux).
const SEM_VALUE_MAX: u32 = i32::MAX as u32;

impl Sem {
    pub fn new(initial: u32) -> io::Result<Sem> {
        if initial > SEM_VALUE_MAX {
            return Err(io::Error::from_raw_os_error(libc::EINVAL));
        }
        let shm = Shared::new(16)?;
        shm.word(TOKENS).store(initial, Ordering::SeqCst);
        Ok(Sem { shm })
    }

    /// How another process maps this semaphore ([`Shared::handover`]).
    pub fn handover(&self) -> Handover {
        self.shm.handover()
    }

    /// The semaphore whose word another process handed over.
    pub fn adopt(shm: Shared) -> Sem {
        Sem { shm }
    }

    fn tokens(&self) -> &AtomicU32 {
        self.shm.word(TOKENS)
    }

    fn sleepers(&self) -> &AtomicU32 {
        self.shm.word(SLEEPERS)
    }

    fn waking(&self) -> &AtomicU32 {
        self.shm.word(WAKING)
    }

    fn wake_seq(&self) -> &AtomicU32 {
        self.shm.word(WAKE_SEQ)
    }

    /// Wakes one sleeper, unless a wake is already on its way to one that has not looked yet:
    /// that one will see the tokens there are (and pass on what it does not take). A holder
    /// that releases and takes again many times before the woken process runs (two processes on
    /// one Lock, on a busy machine) made a system call at each release, about one pair in ten.
    fn wake_one(&self) {
        if self.waking().load(Ordering::SeqCst) == 0 && self.waking().swap(1, Ordering::SeqCst) == 0
        {
            self.wake_seq().fetch_add(1, Ordering::SeqCst);
            futex_wake_n(self.wake_seq(), 1);
        }
    }

    /// Takes a token if one is there, without waiting (no system call).
    pub fn try_acquire(&self) -> bool {
        self.tokens()
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |t| t.checked_sub(1))
            .is_ok()
    }

    /// Takes a token if one comes within a moment, looking again and again without a system
    /// call: a Lock is mostly held for the few statements between `acquire()` and `release()`,
    /// shorter than the two system calls and two context switches of a sleep and its wake. Two
    /// processes on one Lock on two cores then hand it over in a few hundred nanoseconds, each
    /// running while the other holds it, where sleeping left one core idle at each hand-over.
    /// Not in a held run: there the holder runs only when the scheduler steps it.
    pub fn acquire_spinning(&self) -> bool {
        if super::gate::is_held() {
            return false;
        }
        for _ in 0..SPIN_LOOKS {
            if self.tokens().load(Ordering::Relaxed) > 0 && self.try_acquire() {
                return true;
            }
            std::hint::spin_loop();
        }
        false
    }

    /// Takes a token, waiting at most `timeout` lesson seconds (`None`: forever). Whether it got one.
    pub fn acquire(&self, timeout: Option<f64>) -> bool {
        self.try_acquire() || self.wait(timeout, false) == clock::Waited::Ready
    }

    /// [`Sem::acquire`] that gives up early, with `Waited::Signal`, when a caught signal waits for
    /// its Python handler (the caller runs it and tries again). `Waited::Ready`: got a token.
    pub fn acquire_or_signal(&self, timeout: Option<f64>) -> clock::Waited {
        if self.try_acquire() {
            return clock::Waited::Ready;
        }
        self.wait(timeout, true)
    }

    /// Sleeps on the token word until a token is taken, the deadline passes or (with `signals`) a
    /// caught signal waits for its handler. Counted as a sleeper meanwhile, so that a release
    /// knows to wake somebody; a held run's scheduler sees the process blocked.
    fn wait(&self, timeout: Option<f64>, signals: bool) -> clock::Waited {
        let deadline = timeout.map(|t| clock::now_ns().saturating_add(clock::secs_to_ns(t)));
        super::gate::enter_wait(deadline);
        // Counted before the next look at the tokens: a release after that look sees the count
        // (both sides are SeqCst), so its wake cannot fall between our look and our sleep; and
        // the kernel only sleeps while the word still reads 0.
        self.sleepers().fetch_add(1, Ordering::SeqCst);
        let waited = loop {
            let Err(seq) = self.look() else {
                break clock::Waited::Ready;
            };
            if signals && super::signals::any_pending() {
                break clock::Waited::Signal;
            }
            let slice = match deadline {
                Some(d) => match clock::slice_before(d) {
                    Some(s) => s,
                    None => break clock::Waited::TimedOut,
                },
                None => clock::SLICE_NS,
            };
            self.sleep(seq, slice);
        };
        self.sleepers().fetch_sub(1, Ordering::SeqCst);
        self.waking().store(0, Ordering::SeqCst);
        // Leaving, with a token or without: a wake on its way may have come to us, or come as
        // we gave up; tokens left with others asleep are theirs to look at: pass it on.
        if self.tokens().load(Ordering::SeqCst) > 0 && self.sleepers().load(Ordering::SeqCst) > 0 {
            self.wake_one();
        }
        super::gate::leave_wait();
        waited
    }

    /// A counted sleeper's look at the tokens: `Ok` with a token taken, else `Err` with the wake
    /// count to sleep on ([`Sem::sleep`]).
    ///
    /// The count is read first, then the flag cleared: this sleeper is looking now, so a wake on
    /// its way to it is answered, and every release from here on wakes again. A wake sent after
    /// the count was read (to this sleeper or another) changes it, and the sleep does not begin:
    /// the sleeper looks again. Sleeping on the tokens word instead lost such a wake whenever the
    /// releaser took the token back before the futex compared it: with two processes on one Lock
    /// the other slept a whole slice (20 ms) while the releaser went on alone. A woken process
    /// killed before it looked leaves the flag set: the other sleepers then look again within a
    /// slice, as each does anyway.
    fn look(&self) -> Result<(), u32> {
        let seq = self.wake_seq().load(Ordering::SeqCst);
        self.waking().store(0, Ordering::SeqCst);
        if self.try_acquire() { Ok(()) } else { Err(seq) }
    }

    /// Sleeps at most `ns` unless a wake came since the look that read `seq`.
    fn sleep(&self, seq: u32, ns: u64) {
        futex_wait_for(self.wake_seq(), seq, ns);
    }

    /// Puts a token back, waking one sleeper if there is any (else no system call).
    pub fn release(&self) -> io::Result<()> {
        self.tokens()
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |t| {
                (t < SEM_VALUE_MAX).then_some(t + 1)
            })
            .map_err(|_| io::Error::from_raw_os_error(libc::EOVERFLOW))?;
        if self.sleepers().load(Ordering::SeqCst) > 0 {
            self.wake_one();
        }
        Ok(())
    }

    /// The tokens there now (for tests and reprs; may change at once).
    pub fn tokens_now(&self) -> u32 {
        self.tokens().load(Ordering::SeqCst)
    }
}

/// A level that wakes every waiter: an eventfd read as "non-zero = set".
#[derive(Debug)]
pub struct Flag {
    fd: OwnedFd,
}

impl Flag {
    pub fn new() -> io::Result<Flag> {
        // SAFETY: plain syscall.
        let fd = check(unsafe { libc::eventfd(0, libc::EFD_NONBLOCK | libc::EFD_CLOEXEC) })?;
        Ok(Flag { fd: own(fd) })
    }
    /// The eventfd, to hand to a process that did not inherit it.
    pub fn fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }

    /// The flag whose eventfd another process handed over.
    pub fn adopt(fd: OwnedFd) -> Flag {
        Flag { fd }
    }

    pub fn set(&self) -> io::Result<()> {
        if self.is_set() {
            Ok(())
        } else {
            eventfd_add(self.fd.as_raw_fd(), 1)
        }
    }
    pub fn clear(&self) -> io::Result<()> {
        eventfd_take(self.fd.as_raw_fd()).map(|_| ())
    }
    pub fn is_set(&self) -> bool {
        clock::wait_readable(self.fd.as_raw_fd(), Some(0.0))
    }
    /// Waits until set, at most `timeout` lesson seconds. Whether it is set.
    pub fn wait(&self, timeout: Option<f64>) -> bool {
        clock::wait_readable(self.fd.as_raw_fd(), timeout.map(|t| t.max(0.0)))
    }
    /// [`Flag::wait`] that also returns early when a caught signal waits for its handler.
    pub fn wait_or_signal(&self, timeout: Option<f64>) -> clock::Waited {
        clock::wait_readable_or_signal(self.fd.as_raw_fd(), timeout.map(|t| t.max(0.0)))
    }
}

/// A shared anonymous mapping, made before fork and shared with every child forked after.
#[derive(Debug)]
pub struct Shared {
    ptr: *mut u8,
    len: usize,
    /// The memfd mapping the bytes are a slot of (kept alive while any slot of it is).
    chunk: std::sync::Arc<Chunk>,
    offset: usize,
}

/// A memfd mapped `MAP_SHARED`: the memory behind primitives made by one process. Being a file,
/// it can be handed to a process that did not inherit it (the fork server's children), which maps
/// the same pages; a mapping is as fast as an anonymous one (futexes key on the same shmem pages).
#[derive(Debug)]
struct Chunk {
    fd: OwnedFd,
    base: *mut u8,
    len: usize,
}

// SAFETY: the chunk owns its mapping; the pointer is only read through `Shared`'s accessors,
// which use atomics (other processes share the bytes anyway).
unsafe impl Send for Chunk {}
// SAFETY: as above: shared access goes through atomics only.
unsafe impl Sync for Chunk {}

impl Chunk {
    /// A fresh memfd of `len` zero bytes, mapped.
    fn new(len: usize) -> io::Result<Chunk> {
        // SAFETY: a NUL-terminated name and plain flags.
        let fd = check(unsafe { libc::memfd_create(c"forkyard-shm".as_ptr(), libc::MFD_CLOEXEC) })?;
        let fd = own(fd);
        let size =
            libc::off_t::try_from(len).map_err(|_| io::Error::from(io::ErrorKind::InvalidInput))?;
        // SAFETY: plain syscall on our own fd.
        check(unsafe { libc::ftruncate(fd.as_raw_fd(), size) })?;
        Chunk::map(fd, len)
    }

    /// Maps `len` bytes of memfd `fd` (made here or handed over).
    fn map(fd: OwnedFd, len: usize) -> io::Result<Chunk> {
        // SAFETY: no address hint; mmap either returns a mapping of `len` readable and writable
        // bytes of the file or MAP_FAILED, which is checked below.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                fd.as_raw_fd(),
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        Ok(Chunk {
            fd,
            base: ptr.cast(),
            len,
        })
    }
}

impl Drop for Chunk {
    fn drop(&mut self) {
        // SAFETY: `base`/`len` are exactly the mapping `map` made, unmapped once (here); every
        // `Shared` into it holds the `Arc`, so no reference into it outlives it.
        unsafe { libc::munmap(self.base.cast(), self.len) };
    }
}

/// Slots of one chunk are handed out in order and never reused: a slot freed here may still be in
/// use by a child that inherited it. A primitive's few words cost one fd per chunk, not one each.
const CHUNK_LEN: usize = 1 << 20;

/// The chunk this thread carves slots from, and how much of it is used. A forked child carves
/// from a chunk of its own (the pid tells): its parent goes on carving from the inherited one.
struct Arena {
    pid: i32,
    chunk: std::sync::Arc<Chunk>,
    used: usize,
}

thread_local! {
    static ARENA: std::cell::RefCell<Option<Arena>> = const { std::cell::RefCell::new(None) };
}

/// What a process needs to map a [`Shared`] it did not inherit: the memfd, where the slot starts
/// in it and its length, with the whole file's length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handover {
    pub fd: RawFd,
    pub file_len: usize,
    pub offset: usize,
    pub len: usize,
}

impl Shared {
    /// `len` zeroed bytes (at least one i64 slot), 8-aligned. A length that cannot be mapped (past
    /// `isize::MAX` once rounded up) is `InvalidInput`, never a wrapped size.
    pub fn new(len: usize) -> io::Result<Shared> {
        let len = len
            .max(8)
            .checked_next_multiple_of(8)
            .filter(|n| isize::try_from(*n).is_ok())
            .ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
        if len > CHUNK_LEN / 4 {
            let chunk = std::sync::Arc::new(Chunk::new(len)?);
            return Ok(Shared::slot(chunk, 0, len));
        }
        let pid = super::state::pid();
        ARENA.with(|a| {
            let mut a = a.borrow_mut();
            let fresh = match &*a {
                Some(arena) => arena.pid != pid || arena.used + len > arena.chunk.len,
                None => true,
            };
            if fresh {
                *a = Some(Arena {
                    pid,
                    chunk: std::sync::Arc::new(Chunk::new(CHUNK_LEN)?),
                    used: 0,
                });
            }
            let arena = a.as_mut().expect("made above");
            let shared = Shared::slot(arena.chunk.clone(), arena.used, len);
            arena.used += len;
            Ok(shared)
        })
    }

    fn slot(chunk: std::sync::Arc<Chunk>, offset: usize, len: usize) -> Shared {
        // SAFETY: `offset + len <= chunk.len` (callers carve inside the chunk).
        let ptr = unsafe { chunk.base.add(offset) };
        Shared {
            ptr,
            len,
            chunk,
            offset,
        }
    }

    /// How another process can map these bytes ([`Shared::adopt`]); the fd stays this process's.
    pub fn handover(&self) -> Handover {
        Handover {
            fd: self.chunk.fd.as_raw_fd(),
            file_len: self.chunk.len,
            offset: self.offset,
            len: self.len,
        }
    }

    /// Maps the bytes another process described with [`Shared::handover`], from its memfd `fd`
    /// (received through the broker). A description that does not fit the file is refused.
    pub fn adopt(fd: OwnedFd, file_len: usize, offset: usize, len: usize) -> io::Result<Shared> {
        // SAFETY: a valid out-struct for fstat on our own fd.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        check(unsafe { libc::fstat(fd.as_raw_fd(), &mut st) })?;
        let fits = offset.is_multiple_of(8)
            && len >= 8
            && offset.checked_add(len).is_some_and(|end| end <= file_len)
            && usize::try_from(st.st_size).is_ok_and(|size| size == file_len);
        if !fits {
            return Err(io::Error::from(io::ErrorKind::InvalidInput));
        }
        let chunk = std::sync::Arc::new(Chunk::map(fd, file_len)?);
        Ok(Shared::slot(chunk, offset, len))
    }

    /// Whether `n` bytes at `offset` lie inside the mapping (no overflow on the way).
    fn fits(&self, offset: usize, n: usize) -> bool {
        offset.checked_add(n).is_some_and(|end| end <= self.len)
    }

    /// The `i`-th 64-bit counter of the mapping.
    pub fn counter(&self, i: usize) -> &AtomicI64 {
        assert!(
            i.checked_mul(8).is_some_and(|at| self.fits(at, 8)),
            "counter {i} out of a {}-byte mapping",
            self.len
        );
        // SAFETY: `i * 8 + 8 <= len` (checked without overflow), so the 8 bytes are inside the
        // mapping, which lives as long as `self`; slots start 8-aligned in a page-aligned chunk;
        // other processes touch them only through atomics too (this method).
        unsafe { &*self.ptr.add(i * 8).cast::<AtomicI64>() }
    }

    /// The `i`-th 32-bit word of the mapping (a futex word).
    pub fn word(&self, i: usize) -> &AtomicU32 {
        assert!(
            i.checked_mul(4).is_some_and(|at| self.fits(at, 4)),
            "word {i} out of a {}-byte mapping",
            self.len
        );
        // SAFETY: `i * 4 + 4 <= len` (checked without overflow), inside the mapping, which lives as
        // long as `self`; slots start 8-aligned, so the word is 4-aligned; other processes touch
        // it only through atomics (here) and the futex calls.
        unsafe { &*self.ptr.add(i * 4).cast::<AtomicU32>() }
    }

    /// The byte at `i` as an atomic: other processes may write the mapping at any moment, and only
    /// atomic accesses make such a race defined (a plain copy of racing bytes would not be).
    fn byte(&self, i: usize) -> &AtomicU8 {
        assert!(i < self.len, "byte {i} out of a {}-byte mapping", self.len);
        // SAFETY: `i < len`, so the byte is inside the mapping, which lives as long as `self`;
        // AtomicU8 has the size and alignment of u8, and every access to these bytes (here and
        // in other processes) goes through atomics.
        unsafe { &*self.ptr.add(i).cast::<AtomicU8>() }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Copies `out.len()` bytes at `offset` out of the mapping. Out of the mapping is a bug of
    /// the caller (sizes are checked where Python values become offsets): it panics, never reads
    /// outside.
    pub fn read(&self, offset: usize, out: &mut [u8]) {
        assert!(self.fits(offset, out.len()), "read out of the mapping");
        std::sync::atomic::fence(Ordering::SeqCst);
        for (k, b) in out.iter_mut().enumerate() {
            *b = self.byte(offset + k).load(Ordering::Relaxed);
        }
    }

    /// Copies `data` into the mapping at `offset` (bounds as in [`Shared::read`]).
    pub fn write(&self, offset: usize, data: &[u8]) {
        assert!(self.fits(offset, data.len()), "write out of the mapping");
        for (k, b) in data.iter().enumerate() {
            self.byte(offset + k).store(*b, Ordering::Relaxed);
        }
        std::sync::atomic::fence(Ordering::SeqCst);
    }
}

/// The largest piece of a message in one `SOCK_SEQPACKET` packet.
const CHUNK: usize = 32 * 1024;

thread_local! {
    /// The buffer a packet is received into, made once: a fresh zeroed 32 KiB per message was a
    /// `memset` for every `recv()` (6% of a Pipe flood's samples), though only the bytes the
    /// kernel wrote are read and copied out.
    static PACKET_BUF: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![0u8; CHUNK + 4]);
}

/// Runs `f` with the packet buffer (a fresh one if `f` is somehow re-entered).
fn with_packet_buf<T>(f: impl FnOnce(&mut [u8]) -> T) -> T {
    PACKET_BUF.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buf) => f(&mut buf),
        Err(_) => f(&mut vec![0u8; CHUNK + 4]),
    })
}

/// How a channel end moves bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    /// A pipe end: a byte stream, messages framed by a 4-byte length.
    Stream,
    /// A `SOCK_SEQPACKET` socket: packets; a message is a packet starting with its 4-byte length,
    /// then as many packets as its size needs.
    Packets,
}

/// One end of a channel: readable, writable or both.
#[derive(Debug)]
pub struct Channel {
    fd: OwnedFd,
    transport: Transport,
    /// Whether [`Channel::set_nonblocking`] made the end non-blocking (reads may then be tried).
    nonblocking: std::sync::atomic::AtomicBool,
    /// The peer socket was closed with data of ours unread. Linux reports that (`ECONNRESET`) on a
    /// `SOCK_SEQPACKET` end before the packets still queued for it; CPython's stream socket reports
    /// it once they are drained. Kept here until then, so every message sent is delivered first.
    reset: std::sync::atomic::AtomicBool,
}

/// What a read found.
#[derive(Debug)]
pub enum Recv {
    Message(Vec<u8>),
    /// Drained, and every copy of the other end is closed.
    Eof,
}

impl Channel {
    /// A one-way pipe: (read end, write end), of the default capacity (64 KiB).
    pub fn pipe() -> io::Result<(Channel, Channel)> {
        let mut fds = [0; 2];
        // SAFETY: a valid out-array for pipe2.
        check(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) })?;
        Ok((
            Channel {
                fd: own(fds[0]),
                transport: Transport::Stream,
                nonblocking: false.into(),
                reset: false.into(),
            },
            Channel {
                fd: own(fds[1]),
                transport: Transport::Stream,
                nonblocking: false.into(),
                reset: false.into(),
            },
        ))
    }

    /// A duplex `socketpair(AF_UNIX, SOCK_SEQPACKET)`.
    pub fn duplex() -> io::Result<(Channel, Channel)> {
        let mut fds = [0; 2];
        // SAFETY: a valid out-array for socketpair.
        check(unsafe {
            libc::socketpair(
                libc::AF_UNIX,
                libc::SOCK_SEQPACKET | libc::SOCK_CLOEXEC,
                0,
                fds.as_mut_ptr(),
            )
        })?;
        Ok((
            Channel {
                fd: own(fds[0]),
                transport: Transport::Packets,
                nonblocking: false.into(),
                reset: false.into(),
            },
            Channel {
                fd: own(fds[1]),
                transport: Transport::Packets,
                nonblocking: false.into(),
                reset: false.into(),
            },
        ))
    }

    pub fn fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }

    /// Waits until a message (or the end) can be read, at most `timeout` lesson seconds.
    pub fn poll(&self, timeout: Option<f64>) -> bool {
        clock::wait_readable(self.fd(), timeout)
    }

    /// [`Channel::poll`] that also returns early when a caught signal waits for its handler.
    pub fn poll_or_signal(&self, timeout: Option<f64>) -> clock::Waited {
        clock::wait_readable_or_signal(self.fd(), timeout)
    }

    /// Sends one whole message (blocking while the other side's buffer is full). `EPIPE` when no
    /// reader is left.
    pub fn send(&self, data: &[u8]) -> io::Result<()> {
        let len = u32::try_from(data.len()).map_err(|_| io::Error::other("message too long"))?;
        match self.transport {
            Transport::Stream => {
                let mut buf = Vec::with_capacity(4 + data.len());
                buf.extend_from_slice(&len.to_le_bytes());
                buf.extend_from_slice(data);
                self.write_all(&buf)
            }
            Transport::Packets => {
                let first = data.len().min(CHUNK);
                let mut buf = Vec::with_capacity(4 + first);
                buf.extend_from_slice(&len.to_le_bytes());
                buf.extend_from_slice(&data[..first]);
                self.send_packet(&buf)?;
                for piece in data[first..].chunks(CHUNK) {
                    self.send_packet(piece)?;
                }
                Ok(())
            }
        }
    }

    fn send_packet(&self, p: &[u8]) -> io::Result<()> {
        loop {
            // SAFETY: sending our own buffer; MSG_NOSIGNAL turns a gone reader into EPIPE.
            let n =
                unsafe { libc::send(self.fd(), p.as_ptr().cast(), p.len(), libc::MSG_NOSIGNAL) };
            if n >= 0 {
                return Ok(());
            }
            let e = io::Error::last_os_error();
            match e.raw_os_error() {
                Some(libc::EINTR) => {}
                // The pending reset is the receiving side's news (CPython's send says EPIPE).
                Some(libc::ECONNRESET) => self.reset.store(true, Ordering::Relaxed),
                _ => return Err(e),
            }
        }
    }

    fn write_all(&self, mut buf: &[u8]) -> io::Result<()> {
        while !buf.is_empty() {
            // SAFETY: writing our own buffer to our fd.
            let n = unsafe { libc::write(self.fd(), buf.as_ptr().cast(), buf.len()) };
            if n < 0 {
                let e = io::Error::last_os_error();
                match e.raw_os_error() {
                    Some(libc::EINTR) => continue,
                    // A non-blocking end (a Queue's): wait until the reader makes room.
                    Some(libc::EAGAIN) => {
                        let mut fds = [libc::pollfd {
                            fd: self.fd(),
                            events: libc::POLLOUT,
                            revents: 0,
                        }];
                        clock::wait_poll(&mut fds, None);
                        continue;
                    }
                    _ => return Err(e),
                }
            }
            buf = &buf[n as usize..];
        }
        Ok(())
    }

    /// Raises a pipe's capacity to 1 MiB (the unprivileged limit); failing that, keeps it.
    pub fn enlarge(&self) {
        // SAFETY: fcntl on our pipe; failure (a lower limit) just keeps the default size.
        unsafe { libc::fcntl(self.fd(), libc::F_SETPIPE_SZ, 1 << 20) };
    }

    /// Makes this end non-blocking (for every process sharing it: they all go through [`Channel`],
    /// which waits on `EAGAIN`).
    pub fn set_nonblocking(&self) -> io::Result<()> {
        // SAFETY: fcntl on our fd.
        let flags = check(unsafe { libc::fcntl(self.fd(), libc::F_GETFL) })?;
        // SAFETY: as above.
        check(unsafe { libc::fcntl(self.fd(), libc::F_SETFL, flags | libc::O_NONBLOCK) })?;
        self.nonblocking.store(true, Ordering::Relaxed);
        Ok(())
    }

    /// Sends a message on a pipe only if the whole frame fits now (the caller holds the write lock,
    /// so nobody else adds bytes meanwhile). Whether it was sent.
    pub fn try_send(&self, data: &[u8]) -> io::Result<bool> {
        // A frame of at most PIPE_BUF bytes on a non-blocking pipe goes in whole or not at all
        // (EAGAIN): one write() says both, where asking for the room first took two more calls.
        if self.transport == Transport::Stream && 4 + data.len() <= libc::PIPE_BUF {
            let mut frame = [0u8; libc::PIPE_BUF];
            frame[..4].copy_from_slice(&(data.len() as u32).to_le_bytes());
            frame[4..4 + data.len()].copy_from_slice(data);
            loop {
                // SAFETY: writing our own buffer to our fd.
                let n = unsafe { libc::write(self.fd(), frame.as_ptr().cast(), 4 + data.len()) };
                if n >= 0 {
                    debug_assert_eq!(n as usize, 4 + data.len(), "PIPE_BUF writes are whole");
                    return Ok(true);
                }
                let e = io::Error::last_os_error();
                match e.raw_os_error() {
                    Some(libc::EINTR) => continue,
                    Some(libc::EAGAIN) => return Ok(false),
                    _ => return Err(e),
                }
            }
        }
        let mut queued: libc::c_int = 0;
        // SAFETY: FIONREAD writes an int we own; F_GETPIPE_SZ only reads.
        let cap = check(unsafe { libc::fcntl(self.fd(), libc::F_GETPIPE_SZ) })? as usize;
        // SAFETY: as above.
        check(unsafe { libc::ioctl(self.fd(), libc::FIONREAD, &mut queued) })?;
        if 4 + data.len() > cap.saturating_sub(queued.max(0) as usize) {
            return Ok(false);
        }
        self.send(data)?;
        Ok(true)
    }

    /// Reads the next whole message if it has begun to arrive (`None`: nothing there now), in one
    /// system call for a short one: a packet taken with `MSG_DONTWAIT`, or a pipe end made
    /// non-blocking by [`Channel::set_nonblocking`] (its readers all go through here).
    pub fn try_recv(&self) -> io::Result<Option<Recv>> {
        match self.transport {
            Transport::Packets => {
                with_packet_buf(
                    |buf| match self.recv_packet_flags(buf, libc::MSG_DONTWAIT) {
                        Ok(n) => self.rest_of_packets(buf, n).map(Some),
                        Err(e) if e.raw_os_error() == Some(libc::EAGAIN) => Ok(None),
                        Err(e) => Err(e),
                    },
                )
            }
            Transport::Stream if !self.nonblocking.load(Ordering::Relaxed) => {
                if self.poll(Some(0.0)) {
                    self.recv().map(Some)
                } else {
                    Ok(None)
                }
            }
            Transport::Stream => {
                let mut len = [0u8; 4];
                // SAFETY: reading into our own 4-byte buffer.
                let n = unsafe { libc::read(self.fd(), len.as_mut_ptr().cast(), 4) };
                if n < 0 {
                    let e = io::Error::last_os_error();
                    return match e.raw_os_error() {
                        Some(libc::EAGAIN) | Some(libc::EINTR) => Ok(None),
                        _ => Err(e),
                    };
                }
                if n == 0 {
                    return Ok(Some(Recv::Eof));
                }
                let got = n as usize;
                if got < 4 && !self.read_exact(&mut len[got..], false)? {
                    return Err(io::Error::from(io::ErrorKind::UnexpectedEof));
                }
                let mut data = zeroed(u32::from_le_bytes(len) as usize)?;
                if !self.read_exact(&mut data, false)? {
                    return Err(io::Error::from(io::ErrorKind::UnexpectedEof));
                }
                Ok(Some(Recv::Message(data)))
            }
        }
    }

    /// Reads the next whole message, blocking until it is there.
    pub fn recv(&self) -> io::Result<Recv> {
        // In a held run the wait happens in a poll, where the scheduler sees it as blocked.
        if super::gate::is_held() {
            clock::wait_readable(self.fd(), None);
        }
        match self.transport {
            Transport::Stream => {
                let mut len = [0u8; 4];
                if !self.read_exact(&mut len, true)? {
                    return Ok(Recv::Eof);
                }
                let mut data = zeroed(u32::from_le_bytes(len) as usize)?;
                if !self.read_exact(&mut data, false)? {
                    return Err(io::Error::from(io::ErrorKind::UnexpectedEof));
                }
                Ok(Recv::Message(data))
            }
            Transport::Packets => with_packet_buf(|buf| {
                let n = self.recv_packet(buf)?;
                self.rest_of_packets(buf, n)
            }),
        }
    }

    /// The message whose first packet (`n` bytes) is in `buf`: reads the packets that follow.
    fn rest_of_packets(&self, buf: &mut [u8], n: usize) -> io::Result<Recv> {
        if n == 0 {
            return Ok(Recv::Eof);
        }
        if n < 4 {
            return Err(io::Error::other("truncated message"));
        }
        let total = u32::from_le_bytes([buf[0], buf[1], buf[2], buf[3]]) as usize;
        let mut data = Vec::new();
        data.try_reserve_exact(total)
            .map_err(|_| io::Error::from(io::ErrorKind::OutOfMemory))?;
        data.extend_from_slice(&buf[4..n]);
        while data.len() < total {
            let n = self.recv_packet(buf)?;
            if n == 0 {
                return Err(io::Error::from(io::ErrorKind::UnexpectedEof));
            }
            data.extend_from_slice(&buf[..n]);
        }
        Ok(Recv::Message(data))
    }

    fn recv_packet(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.recv_packet_flags(buf, 0)
    }

    fn recv_packet_flags(&self, buf: &mut [u8], flags: libc::c_int) -> io::Result<usize> {
        loop {
            // SAFETY: receiving into our own buffer.
            let n = unsafe { libc::recv(self.fd(), buf.as_mut_ptr().cast(), buf.len(), flags) };
            if n == 0 && self.reset.swap(false, Ordering::Relaxed) {
                return Err(io::Error::from_raw_os_error(libc::ECONNRESET));
            }
            if n >= 0 {
                return Ok(n as usize);
            }
            let e = io::Error::last_os_error();
            match e.raw_os_error() {
                Some(libc::EINTR) => {}
                // Reported before the queued packets: keep it for after them (see `reset`).
                Some(libc::ECONNRESET) => self.reset.store(true, Ordering::Relaxed),
                _ => return Err(e),
            }
        }
    }

    /// Fills `buf`; `Ok(false)` when the end came before any byte and `eof_ok`.
    fn read_exact(&self, buf: &mut [u8], eof_ok: bool) -> io::Result<bool> {
        let mut got = 0;
        while got < buf.len() {
            // SAFETY: reading into our own buffer.
            let n =
                unsafe { libc::read(self.fd(), buf[got..].as_mut_ptr().cast(), buf.len() - got) };
            if n < 0 {
                let e = io::Error::last_os_error();
                match e.raw_os_error() {
                    Some(libc::EINTR) => continue,
                    // A non-blocking end (a Queue's): wait for the bytes, as a blocking read would.
                    Some(libc::EAGAIN) => {
                        clock::wait_readable(self.fd(), None);
                        continue;
                    }
                    _ => return Err(e),
                }
            }
            if n == 0 {
                // The end before any byte is a clean end; inside a message, a torn one.
                return if got == 0 && eof_ok {
                    Ok(false)
                } else {
                    Err(io::Error::from(io::ErrorKind::UnexpectedEof))
                };
            }
            got += n as usize;
        }
        Ok(true)
    }
}

impl Channel {
    /// A channel end around an fd received from another process of the run (a Connection sent
    /// through a Queue or a Pipe): a socket carries packets, a pipe a byte stream, as they were made.
    pub fn adopt(fd: OwnedFd) -> io::Result<Channel> {
        // SAFETY: fstat into a zeroed stat we own.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        check(unsafe { libc::fstat(fd.as_raw_fd(), &mut st) })?;
        let transport = match st.st_mode & libc::S_IFMT {
            libc::S_IFSOCK => Transport::Packets,
            libc::S_IFIFO => Transport::Stream,
            _ => return Err(io::Error::from_raw_os_error(libc::EBADF)),
        };
        Ok(Channel {
            fd,
            transport,
            nonblocking: false.into(),
            reset: false.into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dup of a handed-over fd, as the broker gives one to another process.
    fn dup(fd: RawFd) -> OwnedFd {
        // SAFETY: plain syscall on an fd the test holds open.
        own(check(unsafe { libc::dup(fd) }).unwrap())
    }

    #[test]
    fn a_handed_over_slot_maps_the_same_bytes() {
        let a = Shared::new(24).unwrap();
        let b = Shared::new(8).unwrap();
        let (ha, hb) = (a.handover(), b.handover());
        assert_eq!(ha.fd, hb.fd, "small slots share one memfd");
        assert!(ha.offset.is_multiple_of(8) && hb.offset >= ha.offset + 24);
        let again = Shared::adopt(dup(ha.fd), ha.file_len, ha.offset, ha.len).unwrap();
        a.counter(2).store(42, Ordering::SeqCst);
        assert_eq!(again.counter(2).load(Ordering::SeqCst), 42);
        again.counter(0).store(7, Ordering::SeqCst);
        assert_eq!(a.counter(0).load(Ordering::SeqCst), 7);
        assert_eq!(b.counter(0).load(Ordering::SeqCst), 0);
        let big = Shared::new(CHUNK_LEN).unwrap();
        assert_ne!(big.handover().fd, ha.fd, "a large block has its own memfd");
    }

    #[test]
    fn a_handover_outside_the_file_is_refused() {
        let a = Shared::new(16).unwrap();
        let h = a.handover();
        let bad = [
            (h.file_len, h.offset + 4, h.len),
            (h.file_len, h.file_len - 8, 16),
            (h.file_len * 2, h.offset, h.len),
            (h.file_len, usize::MAX - 7, 16),
        ];
        for (file_len, offset, len) in bad {
            assert!(Shared::adopt(dup(h.fd), file_len, offset, len).is_err());
        }
    }

    #[test]
    fn semaphore_counts_tokens_and_times_out() {
        let s = Sem::new(2).unwrap();
        assert!(s.try_acquire());
        assert!(s.acquire(Some(0.0)));
        let t0 = clock::now_secs();
        assert!(!s.acquire(Some(0.03)));
        assert!(clock::now_secs() - t0 >= 0.03);
        s.release().unwrap();
        assert!(s.acquire(None));
    }

    /// Forks a child that runs `body` and ends with `_exit(0)` (only atomics and system calls
    /// in there: the test harness has other threads).
    fn fork_child(body: impl FnOnce()) -> libc::pid_t {
        // SAFETY: the child only touches shared atomics, makes system calls and `_exit`s.
        match unsafe { libc::fork() } {
            0 => {
                body();
                // SAFETY: ending the child without running the parent's destructors.
                unsafe { libc::_exit(0) }
            }
            pid => {
                assert!(pid > 0, "fork failed");
                pid
            }
        }
    }

    fn wait_child(pid: libc::pid_t) -> libc::c_int {
        let mut status = 0;
        // SAFETY: waiting for our own child with a valid out-pointer.
        assert_eq!(unsafe { libc::waitpid(pid, &mut status, 0) }, pid);
        status
    }

    #[test]
    fn a_futex_semaphore_excludes_forked_processes_from_each_other() {
        const ROUNDS: i64 = 20_000;
        let lock = Sem::new(1).unwrap();
        let counters = Shared::new(16).unwrap();
        let children: Vec<_> = (0..2)
            .map(|_| {
                fork_child(|| {
                    for _ in 0..ROUNDS {
                        if !lock.acquire(None) {
                            // SAFETY: ending the child with a failure its parent sees.
                            unsafe { libc::_exit(1) };
                        }
                        // A read-modify-write in two steps: lost updates unless excluded.
                        let v = counters.counter(0).load(Ordering::Relaxed);
                        counters.counter(1).fetch_add(1, Ordering::Relaxed);
                        std::hint::spin_loop();
                        counters.counter(0).store(v + 1, Ordering::Relaxed);
                        if lock.release().is_err() {
                            // SAFETY: as above.
                            unsafe { libc::_exit(2) };
                        }
                    }
                })
            })
            .collect();
        for pid in children {
            assert_eq!(wait_child(pid), 0, "a child failed");
        }
        assert_eq!(counters.counter(1).load(Ordering::SeqCst), 2 * ROUNDS);
        assert_eq!(counters.counter(0).load(Ordering::SeqCst), 2 * ROUNDS);
        assert_eq!(lock.tokens_now(), 1);
        assert_eq!(lock.sleepers().load(Ordering::SeqCst), 0);
    }

    #[test]
    fn a_wake_between_a_sleepers_look_and_its_sleep_is_not_lost() {
        // A counted sleeper looked (no token), then, before it sleeps, a holder releases (a wake
        // for it) and takes the token straight back, as a loop of acquire/release does.
        let sem = Sem::new(0).unwrap();
        sem.sleepers().fetch_add(1, Ordering::SeqCst);
        let seq = sem.look().unwrap_err();
        sem.release().unwrap();
        assert!(sem.try_acquire());
        let t = std::time::Instant::now();
        sem.sleep(seq, 5_000_000_000);
        assert!(
            t.elapsed() < std::time::Duration::from_secs(2),
            "slept through the wake: {:?}",
            t.elapsed()
        );
        // Its next look makes the next release wake again.
        let seq = sem.look().unwrap_err();
        sem.release().unwrap();
        assert_ne!(sem.wake_seq().load(Ordering::SeqCst), seq);
    }

    #[test]
    fn a_sleeper_is_woken_by_a_release_in_another_process() {
        let sem = Sem::new(0).unwrap();
        let done = Shared::new(8).unwrap();
        clock::now_ns(); // the clock's start is read before the fork, not in the child
        let child = fork_child(|| {
            let got = sem.acquire(Some(30.0));
            done.counter(0)
                .store(if got { 1 } else { 2 }, Ordering::SeqCst);
        });
        // Release only once the child sleeps, so the wake path is the one tested.
        while sem.sleepers().load(Ordering::SeqCst) == 0 {
            std::thread::yield_now();
        }
        sem.release().unwrap();
        assert_eq!(wait_child(child), 0);
        assert_eq!(done.counter(0).load(Ordering::SeqCst), 1);
        assert_eq!(sem.tokens_now(), 0);
    }

    #[test]
    fn releases_while_a_wake_is_on_its_way_wake_nobody_else_and_lose_no_token() {
        let sem = Sem::new(0).unwrap();
        let got = Shared::new(8).unwrap();
        clock::now_ns();
        let children: Vec<_> = (0..3)
            .map(|_| {
                fork_child(|| {
                    if sem.acquire(Some(30.0)) {
                        got.counter(0).fetch_add(1, Ordering::SeqCst);
                    }
                })
            })
            .collect();
        while sem.sleepers().load(Ordering::SeqCst) < 3 {
            std::thread::yield_now();
        }
        // Three releases in a row: the first wakes one sleeper, the others find its wake on its
        // way; the woken one passes the tokens it does not take on.
        for _ in 0..3 {
            sem.release().unwrap();
        }
        for pid in children {
            assert_eq!(wait_child(pid), 0);
        }
        assert_eq!(got.counter(0).load(Ordering::SeqCst), 3);
        assert_eq!(sem.tokens_now(), 0);
        assert_eq!(sem.sleepers().load(Ordering::SeqCst), 0);
        assert_eq!(
            sem.waking().load(Ordering::SeqCst),
            0,
            "the last one out cleared it"
        );
    }

    #[test]
    fn a_wake_on_its_way_makes_further_releases_skip_the_system_call() {
        let sem = Sem::new(0).unwrap();
        // A sleeper that has not looked yet (counted, not running): the first release sends the
        // wake, the next ones see it on its way.
        sem.sleepers().store(1, Ordering::SeqCst);
        sem.release().unwrap();
        assert_eq!(sem.waking().load(Ordering::SeqCst), 1);
        sem.release().unwrap();
        assert_eq!(sem.waking().load(Ordering::SeqCst), 1);
        assert_eq!(sem.tokens_now(), 2);
        // It looks (takes one) and leaves: the flag is cleared, and the token left with nobody
        // else asleep stays where it is.
        sem.sleepers().store(0, Ordering::SeqCst);
        assert!(sem.acquire(Some(0.0)));
        assert_eq!(sem.tokens_now(), 1);
    }

    #[test]
    fn a_holder_killed_by_sigkill_leaves_the_lock_held() {
        let lock = Sem::new(1).unwrap();
        let held = Shared::new(8).unwrap();
        let child = fork_child(|| {
            lock.acquire(None);
            held.counter(0).store(1, Ordering::SeqCst);
            loop {
                // SAFETY: waits for the SIGKILL.
                unsafe { libc::pause() };
            }
        });
        while held.counter(0).load(Ordering::SeqCst) == 0 {
            std::thread::yield_now();
        }
        // SAFETY: killing our own child.
        unsafe { libc::kill(child, libc::SIGKILL) };
        let status = wait_child(child);
        assert!(libc::WIFSIGNALED(status));
        let t0 = clock::now_secs();
        assert!(!lock.acquire(Some(0.05)), "the dead holder took its token");
        assert!(clock::now_secs() - t0 >= 0.05);
        assert!(!lock.try_acquire());
    }

    #[test]
    fn releases_past_the_maximum_are_refused() {
        let s = Sem::new(SEM_VALUE_MAX).unwrap();
        assert!(s.release().is_err());
        assert_eq!(s.tokens_now(), SEM_VALUE_MAX);
        assert!(Sem::new(SEM_VALUE_MAX + 1).is_err());
    }

    #[test]
    fn flag_is_a_level() {
        let f = Flag::new().unwrap();
        assert!(!f.is_set());
        assert!(!f.wait(Some(0.01)));
        f.set().unwrap();
        f.set().unwrap();
        assert!(f.is_set() && f.wait(None) && f.wait(Some(0.0)));
        f.clear().unwrap();
        assert!(!f.is_set());
    }

    #[test]
    fn shared_counters_and_bytes() {
        let m = Shared::new(20).unwrap();
        assert_eq!(m.len(), 24);
        m.counter(1).fetch_add(5, Ordering::SeqCst);
        assert_eq!(m.counter(1).load(Ordering::SeqCst), 5);
        m.write(16, b"abc");
        let mut out = [0u8; 3];
        m.read(16, &mut out);
        assert_eq!(&out, b"abc");
    }

    #[test]
    fn channels_keep_boundaries_and_see_the_end() {
        for (a, b) in [Channel::pipe().unwrap(), Channel::duplex().unwrap()] {
            let big = vec![7u8; 100_000];
            let (r, w) = (a, b);
            let writer = std::thread::spawn(move || {
                w.send(b"one").unwrap();
                w.send(b"").unwrap();
                w.send(&big).unwrap();
            });
            let got: Vec<usize> = (0..3)
                .map(|_| match r.recv().unwrap() {
                    Recv::Message(m) => m.len(),
                    Recv::Eof => usize::MAX,
                })
                .collect();
            writer.join().unwrap();
            assert_eq!(got, vec![3, 0, 100_000]);
            assert!(matches!(r.recv().unwrap(), Recv::Eof));
        }
    }

    #[test]
    fn a_peer_closed_with_data_unread_delivers_what_it_sent_then_resets_once() {
        let (a, b) = Channel::duplex().unwrap();
        a.send(b"to b").unwrap();
        b.send(b"m1").unwrap();
        b.send(b"m2").unwrap();
        drop(b);
        // Sending first must neither lose the reset nor report it: the send fails as a stream's.
        assert_eq!(a.send(b"x").unwrap_err().raw_os_error(), Some(libc::EPIPE));
        for want in [&b"m1"[..], b"m2"] {
            match a.recv().unwrap() {
                Recv::Message(m) => assert_eq!(m, want),
                Recv::Eof => panic!("a message sent before the close was lost"),
            }
        }
        let e = a.recv().unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ECONNRESET));
        assert!(matches!(a.recv().unwrap(), Recv::Eof));
        assert!(matches!(a.try_recv().unwrap(), Some(Recv::Eof)));
    }

    #[test]
    fn try_recv_takes_what_is_there_and_never_waits() {
        let (pr, pw) = Channel::pipe().unwrap();
        let (blocking_r, blocking_w) = Channel::pipe().unwrap();
        pr.set_nonblocking().unwrap();
        pw.set_nonblocking().unwrap();
        let (dr, dw) = Channel::duplex().unwrap();
        for (r, w) in [(&pr, &pw), (&blocking_r, &blocking_w), (&dr, &dw)] {
            assert!(r.try_recv().unwrap().is_none(), "empty: no wait");
            match w.transport {
                Transport::Stream => assert!(w.try_send(b"small").unwrap()),
                Transport::Packets => w.send(b"small").unwrap(),
            }
            let big = vec![9u8; 50_000];
            w.send(&big).unwrap();
            assert!(matches!(r.try_recv().unwrap(), Some(Recv::Message(m)) if m == b"small"));
            assert!(matches!(r.try_recv().unwrap(), Some(Recv::Message(m)) if m == big));
            assert!(r.try_recv().unwrap().is_none());
        }
        drop((pw, blocking_w, dw));
        for r in [&pr, &blocking_r, &dr] {
            assert!(matches!(r.try_recv().unwrap(), Some(Recv::Eof)));
        }
    }

    #[test]
    fn a_full_pipe_refuses_a_small_frame_whole() {
        let (r, w) = Channel::pipe().unwrap();
        w.set_nonblocking().unwrap();
        let mut sent = 0;
        while w.try_send(&[1u8; 1000]).unwrap() {
            sent += 1;
        }
        assert!(
            sent >= 16,
            "a 64 KiB pipe takes at least 16 frames of 1004 bytes"
        );
        r.set_nonblocking().unwrap();
        for _ in 0..sent {
            assert!(matches!(r.try_recv().unwrap(), Some(Recv::Message(m)) if m.len() == 1000));
        }
        assert!(
            r.try_recv().unwrap().is_none(),
            "no torn frame was left behind"
        );
    }
}
