//! The trace: the record format every lesson process writes and the observer reads.
//!
//! Lives here: the record types (`record`), how a record is framed on the pipe and read back.
//! Must not live here: anything that knows Python or draws a screen.

pub mod record;

pub use record::{AtExitAction, Ending, Event, Record, State, Stream};
