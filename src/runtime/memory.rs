//! Memory the process has freed, handed back to the kernel.
//!
//! glibc keeps a freed block that sits in the middle of its heap resident: only the heap's top is
//! trimmed, and a block big enough to be mapped on its own is unmapped at once. An `imap`
//! iterator's result chunks are heap blocks (each a few MB for a big `chunksize`) that the parent
//! frees one by one while the list it builds grows past them, so every chunk it had taken stayed
//! in its resident set until the list was done: the docs' Pool example (`benches/memory/`) peaked
//! 14 MB higher than its live data for that alone.

/// The freed blocks' pages go back to the kernel (`malloc_trim`: whole free pages anywhere in the
/// heap are released, not only its top). It walks the allocator's free lists, so call it after
/// freeing something big (a megabyte or more), not per object.
pub fn give_back_freed() {
    // SAFETY: malloc_trim only releases pages of free blocks; every live block stays as it is.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Bytes above which a freed block is worth [`give_back_freed`]: below it, the pages are too few
/// to matter and the walk would cost more than it gives.
pub const WORTH_GIVING_BACK: usize = 1 << 20;
