//! session (being written)
