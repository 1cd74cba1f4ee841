//! Shared slices behind one pointer: the payloads of `str`, `bytes` and `tuple` values.
//!
//! An `Rc<[T]>` is two words (the pointer and the length), which made every `Value` three words
//! (24 bytes) and every list slot with it: a list of a million items took 24 MB where CPython's
//! takes 8. A [`ThinRc`] keeps the count and the length in front of the items, in the same
//! allocation, so it is one word and a `Value` is two (16 bytes). Reading an item costs the same
//! (the length is read from memory the items sit next to); clones and drops count as `Rc` does,
//! without atomics (one interpreter is single-threaded: see `value.rs`).

use std::alloc::{Layout, alloc, dealloc, handle_alloc_error};
use std::borrow::Borrow;
use std::cell::Cell;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;
use std::rc::Rc;

/// What sits in front of the items.
#[repr(C)]
struct Header {
    count: Cell<usize>,
    len: usize,
}

/// A reference-counted, immutable `[T]` behind one pointer.
pub struct ThinRc<T> {
    ptr: NonNull<Header>,
    /// Owns `T`s (for drop check) and, through the `Cell` count, is neither `Send` nor `Sync`.
    _items: PhantomData<(T, Rc<()>)>,
}

impl<T> ThinRc<T> {
    /// The allocation for `len` items and where the items start in it.
    fn layout(len: usize) -> (Layout, usize) {
        let items = Layout::array::<T>(len).expect("a slice larger than memory");
        let (layout, offset) = Layout::new::<Header>()
            .extend(items)
            .expect("a slice larger than memory");
        debug_assert_eq!(offset, Self::OFFSET);
        (layout.pad_to_align(), offset)
    }

    /// A new allocation for `len` items whose count is 1, with the items not yet written.
    fn allocate(len: usize) -> NonNull<Header> {
        let (layout, _) = Self::layout(len);
        // SAFETY: the layout is never zero-sized (it holds the header).
        let raw = unsafe { alloc(layout) }.cast::<Header>();
        let Some(ptr) = NonNull::new(raw) else {
            handle_alloc_error(layout)
        };
        // SAFETY: `ptr` is a fresh allocation of at least a header's size and alignment.
        unsafe {
            ptr.as_ptr().write(Header {
                count: Cell::new(1),
                len,
            })
        };
        ptr
    }

    fn header(&self) -> &Header {
        // SAFETY: `ptr` points at a live header while any `ThinRc` to it exists.
        unsafe { self.ptr.as_ref() }
    }

    /// Where the items start: after the header, at `T`'s alignment (what `layout` computes,
    /// without the length, so reading an item does no layout arithmetic).
    const OFFSET: usize = {
        let align = std::mem::align_of::<T>();
        (std::mem::size_of::<Header>() + align - 1) & !(align - 1)
    };

    #[inline]
    fn items_ptr(ptr: NonNull<Header>) -> *mut T {
        // SAFETY: `OFFSET` is inside every allocation `allocate` makes (it may be one past the
        // header for an empty slice, which is still a valid place for a zero-length slice).
        unsafe { ptr.as_ptr().cast::<u8>().add(Self::OFFSET).cast::<T>() }
    }

    /// Moves the items of `v` into a new allocation.
    pub fn from_vec(mut v: Vec<T>) -> ThinRc<T> {
        let len = v.len();
        let ptr = Self::allocate(len);
        // SAFETY: the new allocation has room for `len` items; the vector forgets them (its
        // length set to 0 after the copy), so each item is owned once.
        unsafe {
            std::ptr::copy_nonoverlapping(v.as_ptr(), Self::items_ptr(ptr), len);
            v.set_len(0);
        }
        ThinRc {
            ptr,
            _items: PhantomData,
        }
    }

    /// Whether `a` and `b` are the same allocation (Python's `is` on two tuples or strings).
    pub fn ptr_eq(a: &ThinRc<T>, b: &ThinRc<T>) -> bool {
        a.ptr == b.ptr
    }

    /// How many `ThinRc`s share this allocation.
    pub fn strong_count(this: &ThinRc<T>) -> usize {
        this.header().count.get()
    }

    /// The address of the allocation (an identity for `id()`).
    pub fn as_ptr(this: &ThinRc<T>) -> *const u8 {
        this.ptr.as_ptr().cast::<u8>().cast_const()
    }
}

impl<T: Clone> ThinRc<T> {
    /// A new allocation holding clones of `items`.
    pub fn from_slice(items: &[T]) -> ThinRc<T> {
        let len = items.len();
        let ptr = Self::allocate(len);
        let dst = Self::items_ptr(ptr);
        // A panicking clone would leave the header claiming items that were never written: the
        // guard drops those written so far and frees the allocation.
        struct Partial<T> {
            ptr: NonNull<Header>,
            dst: *mut T,
            written: usize,
            len: usize,
        }
        impl<T> Drop for Partial<T> {
            fn drop(&mut self) {
                // SAFETY: exactly `written` items were written at `dst`; the allocation was made
                // by `allocate(len)`.
                unsafe {
                    std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(
                        self.dst,
                        self.written,
                    ));
                    dealloc(self.ptr.as_ptr().cast(), ThinRc::<T>::layout(self.len).0);
                }
            }
        }
        let mut guard = Partial {
            ptr,
            dst,
            written: 0,
            len,
        };
        for (i, x) in items.iter().enumerate() {
            // SAFETY: `i < len`, inside the allocation.
            unsafe { dst.add(i).write(x.clone()) };
            guard.written = i + 1;
        }
        std::mem::forget(guard);
        ThinRc {
            ptr,
            _items: PhantomData,
        }
    }
}

impl<T> Deref for ThinRc<T> {
    type Target = [T];
    #[inline]
    fn deref(&self) -> &[T] {
        let len = self.header().len;
        // SAFETY: the allocation holds `len` initialized items, alive while `self` is.
        unsafe { std::slice::from_raw_parts(Self::items_ptr(self.ptr), len) }
    }
}

impl<T> Clone for ThinRc<T> {
    #[inline]
    fn clone(&self) -> ThinRc<T> {
        let count = &self.header().count;
        // As `Rc`: a count that would wrap aborts (it cannot be reached without leaking).
        let n = count.get().wrapping_add(1);
        if n == 0 {
            std::process::abort();
        }
        count.set(n);
        ThinRc {
            ptr: self.ptr,
            _items: PhantomData,
        }
    }
}

impl<T> Drop for ThinRc<T> {
    #[inline]
    fn drop(&mut self) {
        let header = self.header();
        let n = header.count.get() - 1;
        header.count.set(n);
        if n == 0 {
            let len = header.len;
            // SAFETY: this was the last owner: the items are dropped once and the allocation,
            // made by `allocate(len)`, freed with the same layout.
            unsafe {
                std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(
                    Self::items_ptr(self.ptr),
                    len,
                ));
                dealloc(self.ptr.as_ptr().cast(), Self::layout(len).0);
            }
        }
    }
}

impl<T> From<Vec<T>> for ThinRc<T> {
    fn from(v: Vec<T>) -> ThinRc<T> {
        ThinRc::from_vec(v)
    }
}

impl<T: Clone> From<&[T]> for ThinRc<T> {
    fn from(items: &[T]) -> ThinRc<T> {
        ThinRc::from_slice(items)
    }
}

impl<T: Clone, const N: usize> From<[T; N]> for ThinRc<T> {
    fn from(items: [T; N]) -> ThinRc<T> {
        ThinRc::from_vec(Vec::from(items))
    }
}

impl<T> FromIterator<T> for ThinRc<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> ThinRc<T> {
        ThinRc::from_vec(iter.into_iter().collect())
    }
}

impl<T: PartialEq> PartialEq for ThinRc<T> {
    fn eq(&self, other: &ThinRc<T>) -> bool {
        **self == **other
    }
}

impl<T: Eq> Eq for ThinRc<T> {}

impl<T: Hash> Hash for ThinRc<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state)
    }
}

impl<T: fmt::Debug> fmt::Debug for ThinRc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl<T> AsRef<[T]> for ThinRc<T> {
    fn as_ref(&self) -> &[T] {
        self
    }
}

impl<T> Borrow<[T]> for ThinRc<T> {
    fn borrow(&self) -> &[T] {
        self
    }
}

/// A Python `str`'s text: UTF-8 in a [`ThinRc`].
#[derive(Clone, PartialEq, Eq)]
pub struct PyStr(ThinRc<u8>);

/// Hashed as its `str` (which `Borrow<str>` needs: a set of them is looked up by `&str`).
impl Hash for PyStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state)
    }
}

impl PyStr {
    pub fn ptr_eq(a: &PyStr, b: &PyStr) -> bool {
        ThinRc::ptr_eq(&a.0, &b.0)
    }

    pub fn strong_count(this: &PyStr) -> usize {
        ThinRc::strong_count(&this.0)
    }

    pub fn as_ptr(this: &PyStr) -> *const u8 {
        ThinRc::as_ptr(&this.0)
    }

    pub fn as_str(&self) -> &str {
        self
    }
}

impl Deref for PyStr {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        // SAFETY: a `PyStr` is made only from a `str` (every constructor below takes one).
        unsafe { std::str::from_utf8_unchecked(&self.0) }
    }
}

/// The empty string.
impl Default for PyStr {
    fn default() -> PyStr {
        PyStr::from("")
    }
}

impl From<&str> for PyStr {
    fn from(s: &str) -> PyStr {
        PyStr(ThinRc::from_slice(s.as_bytes()))
    }
}

impl From<&String> for PyStr {
    fn from(s: &String) -> PyStr {
        PyStr::from(s.as_str())
    }
}

impl From<String> for PyStr {
    fn from(s: String) -> PyStr {
        PyStr(ThinRc::from_vec(s.into_bytes()))
    }
}

impl From<Box<str>> for PyStr {
    fn from(s: Box<str>) -> PyStr {
        PyStr::from(&*s)
    }
}

impl From<&Rc<str>> for PyStr {
    fn from(s: &Rc<str>) -> PyStr {
        PyStr::from(&**s)
    }
}

impl From<Rc<str>> for PyStr {
    fn from(s: Rc<str>) -> PyStr {
        PyStr::from(&*s)
    }
}

impl From<char> for PyStr {
    fn from(c: char) -> PyStr {
        PyStr::from(c.encode_utf8(&mut [0; 4]) as &str)
    }
}

impl From<&PyStr> for Rc<str> {
    fn from(s: &PyStr) -> Rc<str> {
        Rc::from(&**s)
    }
}

impl From<PyStr> for Rc<str> {
    fn from(s: PyStr) -> Rc<str> {
        Rc::from(&*s)
    }
}

impl PartialOrd for PyStr {
    fn partial_cmp(&self, other: &PyStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PyStr {
    fn cmp(&self, other: &PyStr) -> std::cmp::Ordering {
        (**self).cmp(&**other)
    }
}

impl PartialEq<str> for PyStr {
    fn eq(&self, other: &str) -> bool {
        &**self == other
    }
}

impl PartialEq<&str> for PyStr {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

impl Borrow<str> for PyStr {
    fn borrow(&self) -> &str {
        self
    }
}

impl AsRef<str> for PyStr {
    fn as_ref(&self) -> &str {
        self
    }
}

impl AsRef<[u8]> for PyStr {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl fmt::Display for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_each() {
        assert_eq!(std::mem::size_of::<ThinRc<u8>>(), 8);
        assert_eq!(std::mem::size_of::<Option<ThinRc<u64>>>(), 8);
        assert_eq!(std::mem::size_of::<PyStr>(), 8);
    }

    #[test]
    fn items_are_shared_counted_and_dropped_once() {
        let item = Rc::new(5);
        let a = ThinRc::from_vec(vec![item.clone(), item.clone(), item.clone()]);
        assert_eq!(Rc::strong_count(&item), 4);
        let b = a.clone();
        assert!(ThinRc::ptr_eq(&a, &b));
        assert_eq!(ThinRc::strong_count(&a), 2);
        drop(a);
        assert_eq!(Rc::strong_count(&item), 4);
        assert_eq!(*b[2], 5);
        drop(b);
        assert_eq!(Rc::strong_count(&item), 1);
        let two = [item.clone(), item.clone()];
        let c = ThinRc::from_slice(&two);
        assert_eq!(Rc::strong_count(&item), 5);
        drop(c);
        drop(two);
        assert_eq!(Rc::strong_count(&item), 1);
    }

    #[test]
    fn empty_and_odd_sizes() {
        let e: ThinRc<u64> = ThinRc::from_vec(vec![]);
        assert!(e.is_empty());
        let odd = ThinRc::from_slice(b"abcde");
        assert_eq!(&*odd, b"abcde");
        let wide: ThinRc<u128> = (0..7u128).collect();
        assert_eq!(wide.iter().sum::<u128>(), 21);
        assert_eq!(wide.as_ptr() as usize % std::mem::align_of::<u128>(), 0);
    }

    #[test]
    fn a_clone_that_panics_leaks_nothing() {
        struct Bomb(Rc<()>, bool);
        impl Clone for Bomb {
            fn clone(&self) -> Bomb {
                assert!(!self.1, "boom");
                Bomb(self.0.clone(), self.1)
            }
        }
        let token = Rc::new(());
        let items = vec![
            Bomb(token.clone(), false),
            Bomb(token.clone(), false),
            Bomb(token.clone(), true),
        ];
        let r =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ThinRc::from_slice(&items)));
        assert!(r.is_err());
        assert_eq!(Rc::strong_count(&token), 4);
    }

    #[test]
    fn strs_compare_hash_and_show_as_their_text() {
        let a = PyStr::from("héllo");
        let b = PyStr::from(String::from("héllo"));
        assert_eq!(a, b);
        assert!(!PyStr::ptr_eq(&a, &b));
        assert_eq!(&*a, "héllo");
        assert_eq!(a.chars().count(), 5);
        assert_eq!(format!("{a}|{a:?}|{:>7}", a), "héllo|\"héllo\"|  héllo");
        let (x, y) = (PyStr::from("a"), PyStr::from("b"));
        assert!(x < y);
        let mut set = std::collections::HashSet::new();
        set.insert(a.clone());
        assert!(set.contains("héllo"));
    }
}
