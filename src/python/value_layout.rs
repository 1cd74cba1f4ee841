//! The memory layout the interpreter's speed depends on: a `Value` is 16 bytes and the niches of
//! its tag keep the results and options built around it at 16 bytes too (every `eval` returns a
//! `Result<Value, Exc>`, every local is an `Option<Value>`), and a statement's result stays two
//! words.

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use crate::python::exceptions::Exc;
    use crate::python::value::Value;

    #[test]
    fn a_statements_flow_fits_two_registers() {
        // `exec_stmt` returns a `Flow` per statement: at two words it comes back in registers;
        // with the returned value inside it was three words, written to memory and read back.
        use crate::python::interp::Unwind;
        assert!(size_of::<Result<(), Unwind>>() <= 16);
    }

    #[test]
    fn a_value_and_what_wraps_it_stay_two_words() {
        assert_eq!(size_of::<Value>(), 16);
        assert_eq!(size_of::<Option<Value>>(), 16);
        assert_eq!(size_of::<Result<Value, Exc>>(), 16);
        assert_eq!(size_of::<Result<Option<Value>, Exc>>(), 16);
    }

    /// The byte at `at` of `v` (a payload byte: padding is never read).
    fn byte_at(v: &Value, at: usize) -> u8 {
        // SAFETY: `at` < 16 is inside the value, and the callers read only payload bytes.
        unsafe { *std::ptr::from_ref(v).cast::<u8>().add(at) }
    }

    #[test]
    fn a_bool_payload_starts_a_word_after_the_tag() {
        // A byte payload right after the tag made moves of a `Value` copy bytes 1..8 piecewise
        // (see `Value`'s comment); with `repr(C, u64)` the tag is a word and the bool is at 8.
        assert_eq!(byte_at(&Value::Bool(true), 8), 1);
        assert_eq!(byte_at(&Value::Bool(false), 8), 0);
        let int = Value::Int(0x0102_0304_0506_0708);
        let bytes: Vec<u8> = (8..16).map(|i| byte_at(&int, i)).collect();
        assert_eq!(bytes, 0x0102_0304_0506_0708_i64.to_le_bytes());
    }
}
