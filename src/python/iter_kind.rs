//! What a builtin iterator is, by CPython's name for its type: `type(iter([]))` is
//! `list_iterator`, `reversed(())` a `reversed`, `iter(d.items())` a `dict_itemiterator`. forkyard
//! keeps a handful of iterator shapes (`Iter`); the kind says which CPython type each one is, so
//! `type()`, reprs (`<list_iterator object at 0x...>`) and error messages (`'list_iterator' object
//! is not subscriptable`) name it as CPython does, also once it is exhausted.

use super::value::Iter;

/// CPython 3.11's builtin iterator types, for the iterators forkyard keeps as a sequence of items.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IterKind {
    List,
    ListReverse,
    Tuple,
    Range,
    StrAscii,
    Str,
    Bytes,
    DictKeys,
    DictValues,
    DictItems,
    DictReverseKeys,
    DictReverseValues,
    DictReverseItems,
    Set,
    /// `reversed()` of a sequence that is not a list, a range or a dict.
    Reversed,
    Callable,
    Zip,
    Map,
    Enumerate,
    Filter,
    /// The old sequence protocol (`__getitem__` from 0 until IndexError), and iterators of native
    /// objects: CPython's plain `iterator`.
    Plain,
}

impl IterKind {
    /// Every kind, for registering their classes.
    pub const ALL: [IterKind; 21] = [
        IterKind::List,
        IterKind::ListReverse,
        IterKind::Tuple,
        IterKind::Range,
        IterKind::StrAscii,
        IterKind::Str,
        IterKind::Bytes,
        IterKind::DictKeys,
        IterKind::DictValues,
        IterKind::DictItems,
        IterKind::DictReverseKeys,
        IterKind::DictReverseValues,
        IterKind::DictReverseItems,
        IterKind::Set,
        IterKind::Reversed,
        IterKind::Callable,
        IterKind::Zip,
        IterKind::Map,
        IterKind::Enumerate,
        IterKind::Filter,
        IterKind::Plain,
    ];

    /// `type(it).__name__`.
    pub fn name(self) -> &'static str {
        match self {
            IterKind::List => "list_iterator",
            IterKind::ListReverse => "list_reverseiterator",
            IterKind::Tuple => "tuple_iterator",
            IterKind::Range => "range_iterator",
            IterKind::StrAscii => "str_ascii_iterator",
            IterKind::Str => "str_iterator",
            IterKind::Bytes => "bytes_iterator",
            IterKind::DictKeys => "dict_keyiterator",
            IterKind::DictValues => "dict_valueiterator",
            IterKind::DictItems => "dict_itemiterator",
            IterKind::DictReverseKeys => "dict_reversekeyiterator",
            IterKind::DictReverseValues => "dict_reversevalueiterator",
            IterKind::DictReverseItems => "dict_reverseitemiterator",
            IterKind::Set => "set_iterator",
            IterKind::Reversed => "reversed",
            IterKind::Callable => "callable_iterator",
            IterKind::Zip => "zip",
            IterKind::Map => "map",
            IterKind::Enumerate => "enumerate",
            IterKind::Filter => "filter",
            IterKind::Plain => "iterator",
        }
    }

    /// Whether CPython's type has `__length_hint__` (the lazy ones and `callable_iterator` do not).
    pub fn has_length_hint(self) -> bool {
        !matches!(
            self,
            IterKind::Callable
                | IterKind::Zip
                | IterKind::Map
                | IterKind::Enumerate
                | IterKind::Filter
        )
    }

    /// Whether CPython lets a class derive from this type (the ones that are also builtins).
    pub fn extensible(self) -> bool {
        matches!(
            self,
            IterKind::Reversed
                | IterKind::Zip
                | IterKind::Map
                | IterKind::Enumerate
                | IterKind::Filter
        )
    }

    /// The kind's number on the wire (its place in `ALL`).
    pub fn code(self) -> i64 {
        IterKind::ALL.iter().position(|k| *k == self).unwrap_or(0) as i64
    }

    /// The kind numbered `code` on the wire.
    pub fn from_code(code: i64) -> Option<IterKind> {
        usize::try_from(code)
            .ok()
            .and_then(|i| IterKind::ALL.get(i).copied())
    }

    /// The kind of a dict view's iterator (`dict_keys` gives `dict_keyiterator`...).
    pub fn of_view(view: &str, reverse: bool) -> IterKind {
        match (view, reverse) {
            ("dict_keys", false) => IterKind::DictKeys,
            ("dict_values", false) => IterKind::DictValues,
            ("dict_items", false) => IterKind::DictItems,
            ("dict_keys", true) => IterKind::DictReverseKeys,
            ("dict_values", true) => IterKind::DictReverseValues,
            ("dict_items", true) => IterKind::DictReverseItems,
            _ => IterKind::Plain,
        }
    }

    /// The kind of a str's iterator: CPython 3.11 has a faster one for pure-ASCII text.
    pub fn of_str(s: &str) -> IterKind {
        if s.is_ascii() {
            IterKind::StrAscii
        } else {
            IterKind::Str
        }
    }
}

impl Iter {
    /// Which CPython iterator type this is.
    pub fn kind(&self) -> IterKind {
        match self {
            Iter::Seq { kind, .. } | Iter::Done(kind) => *kind,
            Iter::List { .. } => IterKind::List,
            Iter::Range { .. } => IterKind::Range,
            Iter::Str { s, .. } => IterKind::of_str(s),
            Iter::Object(_) => IterKind::Plain,
            Iter::Call { .. } => IterKind::Callable,
            Iter::Zip(_) => IterKind::Zip,
            Iter::Map(..) => IterKind::Map,
            Iter::Enumerate(..) => IterKind::Enumerate,
            Iter::Filter(..) => IterKind::Filter,
            Iter::Dict(d) => d.kind(),
            Iter::Set(_) => IterKind::Set,
        }
    }

    /// The exhausted state of this iterator: nothing left, still its own kind.
    pub fn done(&self) -> Iter {
        Iter::Done(self.kind())
    }

    /// `it.__length_hint__()`: how many items are left, for the kinds that know.
    pub fn length_hint(&self) -> Option<usize> {
        match self {
            Iter::Seq { items, pos, .. } => Some(items.len().saturating_sub(*pos)),
            Iter::List { list, pos } => Some(list.borrow().len().saturating_sub(*pos)),
            Iter::Range { next, stop, step } => {
                let (next, stop, step) = (*next as i128, *stop as i128, *step as i128);
                let left = if step > 0 {
                    (stop - next + step - 1) / step
                } else {
                    (next - stop - step - 1) / -step
                };
                Some(left.clamp(0, i64::MAX as i128) as usize)
            }
            Iter::Str { s, pos } => Some(s[(*pos).min(s.len())..].chars().count()),
            Iter::Dict(d) => Some(d.length_hint()),
            Iter::Set(s) => Some(s.length_hint()),
            Iter::Done(_) => Some(0),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_its_code() {
        for k in IterKind::ALL {
            assert_eq!(IterKind::from_code(k.code()), Some(k));
        }
        assert_eq!(IterKind::from_code(99), None);
        assert_eq!(IterKind::from_code(-1), None);
    }

    #[test]
    fn a_range_iterator_hints_what_is_left() {
        let up = Iter::Range {
            next: 0,
            stop: 10,
            step: 3,
        };
        assert_eq!(up.length_hint(), Some(4));
        let down = Iter::Range {
            next: 10,
            stop: 0,
            step: -4,
        };
        assert_eq!(down.length_hint(), Some(3));
        let past = Iter::Range {
            next: 12,
            stop: 10,
            step: 1,
        };
        assert_eq!(past.length_hint(), Some(0));
    }

    #[test]
    fn an_exhausted_iterator_keeps_its_name() {
        let it = Iter::Str {
            s: "é".into(),
            pos: 0,
        };
        assert_eq!(it.done().kind().name(), "str_iterator");
        assert_eq!(IterKind::of_str("ab").name(), "str_ascii_iterator");
    }
}
