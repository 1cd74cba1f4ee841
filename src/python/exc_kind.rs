//! The builtin exception types as an enum: a natives' `Exc::new(ExcKind::TypeError, ..)` names its
//! class at compile time (a misspelt kind does not build), and the interpreter finds the class as an
//! index into the array `Builtins` keeps, one class per variant.

/// One table, child and parent, in the order the classes are made (a parent before its children).
macro_rules! exc_kinds {
    ($($name:ident: $parent:ident),* $(,)?) => {
        /// A builtin exception type (`builtins.TypeError`...).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ExcKind {
            $($name),*
        }

        impl ExcKind {
            /// Every kind, parents before children (the order `Builtins` makes the classes in).
            pub const ALL: &'static [ExcKind] = &[$(ExcKind::$name),*];

            /// The class's `__name__`.
            pub fn name(self) -> &'static str {
                match self {
                    $(ExcKind::$name => stringify!($name)),*
                }
            }

            /// The base class; `None` for `BaseException`, whose base is `object`.
            pub fn parent(self) -> Option<ExcKind> {
                match self {
                    $(ExcKind::$name => exc_kinds!(@parent $parent)),*
                }
            }
        }
    };
    (@parent object) => { None };
    (@parent $parent:ident) => { Some(ExcKind::$parent) };
}

exc_kinds! {
    BaseException: object,
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    Exception: BaseException,
    ArithmeticError: Exception,
    ZeroDivisionError: ArithmeticError,
    OverflowError: ArithmeticError,
    FloatingPointError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionResetError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    BlockingIOError: OSError,
    FileNotFoundError: OSError,
    FileExistsError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    InterruptedError: OSError,
    PermissionError: OSError,
    TimeoutError: OSError,
    ProcessLookupError: OSError,
    ChildProcessError: OSError,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    StopIteration: Exception,
    StopAsyncIteration: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    RuntimeWarning: Warning,
    PendingDeprecationWarning: Warning,
    SyntaxWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    UnicodeWarning: Warning,
    BytesWarning: Warning,
    ResourceWarning: Warning,
    EncodingWarning: Warning,
    BaseExceptionGroup: BaseException,
    // Also derives from Exception (builtin_classes.rs gives it its second base).
    ExceptionGroup: BaseExceptionGroup,
}

impl ExcKind {
    /// Where the class sits in `Builtins`' array.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The kind named `name`, if it is a builtin exception type.
    pub fn from_name(name: &str) -> Option<ExcKind> {
        ExcKind::ALL.iter().copied().find(|k| k.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::ExcKind;

    #[test]
    fn parents_come_first() {
        for (i, k) in ExcKind::ALL.iter().enumerate() {
            assert_eq!(k.index(), i);
            if let Some(p) = k.parent() {
                assert!(p.index() < i, "{} before its parent {}", k.name(), p.name());
            }
        }
        assert_eq!(ExcKind::ALL[0], ExcKind::BaseException);
        assert_eq!(ExcKind::BaseException.parent(), None);
    }

    #[test]
    fn names_and_parents() {
        assert_eq!(ExcKind::KeyError.name(), "KeyError");
        assert_eq!(ExcKind::KeyError.parent(), Some(ExcKind::LookupError));
        assert_eq!(
            ExcKind::from_name("BrokenPipeError"),
            Some(ExcKind::BrokenPipeError)
        );
        assert_eq!(ExcKind::from_name("property"), None);
    }
}
