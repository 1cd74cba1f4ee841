//! lesson (being written)
