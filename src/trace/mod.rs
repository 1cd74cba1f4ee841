//! The trace: what lesson processes tell the observer, and how.
//!
//! Lives here, shared by both sides of a run: the record format (`record`), how a record is fitted
//! and framed as a JSON line (`frame`) or as a binary frame (`wire`), carried in a process's trace
//! ring (`ring`, binary) or on the trace pipe (JSON lines, read back by `reader`), putting records from many processes back in time order (`order`), the lesson
//! clock's arithmetic (`clock`) and the shared control page that holds it and the rings
//! (`control`). Must not live here: anything that knows Python, owns a process, or draws a screen.

pub mod broker;
pub mod clock;
pub mod control;
pub mod frame;
pub mod gate;
pub mod object_kind;
pub mod op_name;
pub mod order;
pub mod reader;
pub mod record;
pub mod ring;
pub mod stdout_mode;
pub mod wire;

pub use object_kind::ObjectKind;
pub use op_name::Op;
pub use record::{AtExitAction, Ending, Event, Record, State, Stream, signal_name};
pub use stdout_mode::StdoutMode;
