//! `multiprocessing.Pipe` and its `Connection`s.

/// The class name pickling reports for a Connection.
pub fn shared_kind(_b: &dyn std::any::Any) -> Option<&'static str> {
    None
}
