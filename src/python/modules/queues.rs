//! `multiprocessing.Queue`, `JoinableQueue`, `SimpleQueue`.

/// The CPython class name for "... objects should only be shared between processes through inheritance".
pub fn shared_kind(_b: &dyn std::any::Any) -> Option<&'static str> {
    None
}
