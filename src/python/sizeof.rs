//! `sys.getsizeof` and `__sizeof__`: the bytes CPython 3.11 (64-bit) gives for the builtin types a
//! learner measures, computed by CPython's own rules (`int___sizeof__`, `unicode_sizeof`,
//! `list___sizeof__`, `_PyDict_SizeOf`, `set_sizeof`, `object___sizeof__`), not looked up in a
//! table. A list's figure needs how many slots CPython would have allocated: forkyard keeps that in
//! the list's `Vec` capacity, grown and shrunk by CPython's `list_resize` (the functions below
//! that `append`, comprehensions, `extend`, `insert`, `pop` and `list()` call). A dict's and a
//! set's table size follows from their length as CPython grows them one insertion at a time
//! (README says where that differs: keys deleted, sets presized from a literal or another set).
//! Objects whose CPython layout forkyard does not model are refused with a sentence, not guessed.

use super::exceptions::{Exc, ExcKind, type_error, value_error};
use super::interp::Interp;
use super::value::{Class, Instance, Value};
use std::rc::Rc;

/// `sizeof(PyGC_Head)`: what `getsizeof` adds for an object the cycle collector tracks.
const GC_HEAD: usize = 16;
/// A managed `__dict__`'s two pointers before the object (3.11's `_PyType_PreHeaderSize`).
const MANAGED_DICT: usize = 16;
const PTR: usize = 8;

/// An object's `__sizeof__()` and what `getsizeof` adds to it (GC header, managed dict), or a
/// sentence saying why forkyard cannot know CPython's figure.
pub struct Size {
    pub own: usize,
    pub pre_header: usize,
}

fn gc(own: usize) -> Size {
    Size {
        own,
        pre_header: GC_HEAD,
    }
}

fn plain(own: usize) -> Size {
    Size { own, pre_header: 0 }
}

fn unknown(what: &str) -> Exc {
    Exc::new(
        ExcKind::NotImplementedError,
        format!(
            "forkyard does not know CPython's size of {what}: sys.getsizeof and __sizeof__ give \
             CPython 3.11's figures for ints, floats, strs, bytes, tuples, lists, dicts, sets, \
             ranges, functions and the program's own class instances"
        ),
    )
}

/// `int___sizeof__`: the header and 30-bit digits (at least one: 3.11.7 counts one for 0).
fn int_size(bits: u64) -> usize {
    24 + 4 * (bits.div_ceil(30) as usize).max(1)
}

/// `unicode_sizeof` for a compact string: ASCII, Latin-1, UCS-2 or UCS-4 by its widest
/// character, one terminating character included.
fn str_size(s: &str) -> usize {
    let mut max = 0u32;
    let mut n = 0usize;
    for c in s.chars() {
        max = max.max(c as u32);
        n += 1;
    }
    match max {
        0..=0x7f => 48 + n + 1,
        0x80..=0xff => 72 + n + 1,
        0x100..=0xffff => 72 + 2 * (n + 1),
        _ => 72 + 4 * (n + 1),
    }
}

/// `calculate_log2_keysize`: the table size `dictresize` picks for `minsize` entries.
fn keys_size_for(minsize: usize) -> usize {
    let m = ((minsize | 8) - 1) | 7;
    1usize << (usize::BITS - m.leading_zeros())
}

/// `_PyDict_SizeOf` of a dict whose keys, in insertion order, are exact strs or not as `str_keys`
/// says, each inserted once: the table as `insertdict` grows it (8 slots for the first key, then
/// `used*3` rounded up when the usable entries run out or when the first key that is not a str
/// turns the str-only table (16-byte entries) into a general one (24-byte entries)).
pub fn dict_size(str_keys: impl IntoIterator<Item = bool>) -> usize {
    let usable = |size: usize| size * 2 / 3;
    let (mut size, mut used, mut unicode) = (0usize, 0usize, true);
    for is_str in str_keys {
        if used == 0 {
            size = 8;
            unicode = is_str;
        } else if unicode && !is_str {
            size = keys_size_for(used * 3);
            unicode = false;
        } else if used == usable(size) {
            size = keys_size_for(used * 3);
        }
        used += 1;
    }
    if used == 0 {
        // The shared empty keys object is not counted.
        return 48;
    }
    let index_bytes = match size.trailing_zeros() {
        0..=7 => size,
        8..=15 => size * 2,
        16..=31 => size * 4,
        _ => size * 8,
    };
    let entry = if unicode { 16 } else { 24 };
    48 + 32 + index_bytes + usable(size) * entry
}

/// `set_sizeof` of a set of `n` items added one at a time: the 8-slot small table inside the
/// object, then `set_table_resize(used*4)` (`used*2` past 50000) whenever the fill reaches 3/5.
pub fn set_size(n: usize) -> usize {
    let mut size = 8usize;
    for used in 1..=n {
        if used * 5 >= (size - 1) * 3 {
            let min = if used > 50000 { used * 2 } else { used * 4 };
            size = 8;
            while size <= min {
                size <<= 1;
            }
        }
    }
    200 + if size > 8 { size * 16 } else { 0 }
}

/// Whether a class is the program's own (not a builtin or a module forkyard provides, whose
/// CPython counterparts are C types of other layouts).
fn programs_class(c: &Class) -> bool {
    matches!(&*c.module, "__main__" | "__mp_main__")
}

/// The slot names a class's own `__slots__` declares, or None when it has no `__slots__`.
fn own_slots(it: &mut Interp, c: &Rc<Class>) -> Result<Option<Vec<String>>, Exc> {
    let Some(slots) = c.attrs.borrow().get("__slots__").cloned() else {
        return Ok(None);
    };
    let names = match &slots {
        Value::Str(s) => vec![s.to_string()],
        other => it
            .collect(other)?
            .iter()
            .map(|v| match v {
                Value::Str(s) => s.to_string(),
                _ => String::new(),
            })
            .collect(),
    };
    Ok(Some(names))
}

/// `object___sizeof__` (the type's basic size: header, slots, `__weakref__`) and the pre-header
/// of an instance of the program's own class.
fn instance_size(it: &mut Interp, i: &Instance) -> Result<Size, Exc> {
    if &*i.class.module == "builtins" {
        return match &*i.class.name {
            // A `PyComplexObject`: the header and two doubles.
            "complex" => Ok(plain(32)),
            name => Err(unknown(&format!("a '{name}' object"))),
        };
    }
    let mro = i.class.mro.borrow().clone();
    let (mut slots, mut dict, mut weakref) = (0usize, false, false);
    for c in mro.iter().filter(|c| &*c.module != "builtins") {
        if !programs_class(c) {
            return Err(unknown(&format!("a '{}' object", i.class.name)));
        }
        match own_slots(it, c)? {
            Some(names) => {
                for n in names {
                    match n.as_str() {
                        "__dict__" => dict = true,
                        "__weakref__" => weakref = true,
                        _ => slots += 1,
                    }
                }
            }
            None => {
                dict = true;
                weakref = true;
            }
        }
    }
    if mro
        .iter()
        .any(|c| &*c.module == "builtins" && &*c.name != "object")
    {
        return Err(unknown(&format!(
            "a '{}' object (a class derived from a builtin type)",
            i.class.name
        )));
    }
    Ok(Size {
        own: 16 + PTR * slots + if weakref { PTR } else { 0 },
        pre_header: GC_HEAD + if dict { MANAGED_DICT } else { 0 },
    })
}

/// What `v.__sizeof__()` of the builtin `__sizeof__` gives, and what `getsizeof` adds.
pub fn size_of(it: &mut Interp, v: &Value) -> Result<Size, Exc> {
    Ok(match v {
        Value::None | Value::Ellipsis => plain(16),
        Value::Bool(b) => plain(int_size(*b as u64)),
        Value::Int(i) => plain(int_size(64 - i.unsigned_abs().leading_zeros() as u64)),
        Value::BigInt(b) => plain(int_size(b.bits())),
        Value::Float(_) => plain(24),
        Value::Str(s) => plain(str_size(s)),
        Value::Bytes(b) => plain(33 + b.len()),
        Value::Tuple(t) => gc(24 + PTR * t.len()),
        Value::List(l) => {
            let l = l.borrow();
            gc(40 + PTR * l.capacity().max(l.len()))
        }
        Value::Dict(d) => {
            let d = d.borrow();
            gc(dict_size(
                d.map.values().map(|(k, _)| matches!(k, Value::Str(_))),
            ))
        }
        Value::Set(s) => gc(set_size(s.borrow().map.len())),
        Value::FrozenSet(s) => gc(set_size(s.map.len())),
        Value::Range(_) => plain(48),
        Value::Slice(_) => gc(40),
        Value::Function(_) => gc(136),
        Value::Builtin(_) => gc(56),
        // A method of the program's function (`PyMethodObject`), or of a builtin type
        // (`[].append`: a builtin function bound to its object).
        Value::BoundMethod(m) if matches!(m.func, Value::Function(_)) => gc(48),
        Value::BoundMethod(_) => gc(56),
        Value::Module(_) => gc(56),
        Value::Instance(i) => instance_size(it, i)?,
        Value::Class(c) => return Err(unknown(&format!("the class '{}'", c.name))),
        Value::Iterator(_) | Value::Generator(_) | Value::Super(_) => {
            return Err(unknown(&format!("a '{}' object", v.type_name())));
        }
    })
}

/// `sys.getsizeof(object[, default])`: the object's `__sizeof__()` plus its GC header (and managed
/// dict), as CPython's `_PySys_GetSizeOf`; a class's own `__sizeof__` is called and its answer
/// checked as CPython checks it; `default` stands in when that `__sizeof__` raises TypeError.
pub fn getsizeof(it: &mut Interp, obj: &Value, default: Option<&Value>) -> Result<Value, Exc> {
    if let Value::Instance(i) = obj
        && let Some(own) = own_sizeof_method(&i.class)
    {
        let answer = it.call(&own, super::value::Args::new(vec![obj.clone()]));
        let n = match answer {
            Ok(Value::Int(n)) => n,
            Ok(Value::Bool(b)) => b as i64,
            Ok(Value::BigInt(_)) => {
                return Err(Exc::new(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C ssize_t",
                ));
            }
            Ok(_) => return fallback(type_error("an integer is required"), default),
            Err(e) => return fallback(e, default),
        };
        if n < 0 {
            return Err(value_error("__sizeof__() should return >= 0"));
        }
        let pre = instance_size(it, i)
            .map(|s| s.pre_header)
            .unwrap_or(GC_HEAD);
        return Ok(Value::Int(n + pre as i64));
    }
    let s = size_of(it, obj)?;
    Ok(Value::Int((s.own + s.pre_header) as i64))
}

/// A `__sizeof__` failing with TypeError gives `default` when there is one (CPython's rule).
fn fallback(e: Exc, default: Option<&Value>) -> Result<Value, Exc> {
    match default {
        Some(d) if e.is(ExcKind::TypeError) => Ok(d.clone()),
        _ => Err(e),
    }
}

/// A `__sizeof__` the program's class defines (a Python function in its MRO before `object`).
fn own_sizeof_method(c: &Rc<Class>) -> Option<Value> {
    let mro = c.mro.borrow();
    mro.iter()
        .take_while(|k| &*k.module != "builtins")
        .find_map(|k| match k.attrs.borrow().get("__sizeof__") {
            Some(f @ Value::Function(_)) => Some(f.clone()),
            _ => None,
        })
}

// ---- a list's allocation, kept as CPython's -------------------------------------------------

/// `list_resize`: make room for `newsize` items as CPython does (over-allocating by about an
/// eighth when growing, giving memory back when under half is used), keeping the count in the
/// vector's capacity, where `__sizeof__` reads it.
pub fn list_resize(v: &mut Vec<Value>, newsize: usize) -> Result<(), Exc> {
    let allocated = v.capacity();
    let wanted = resized(v.len(), allocated, newsize);
    if wanted == allocated {
        return Ok(());
    }
    set_capacity(v, wanted)
}

/// The allocation `list_resize` gives a list of `len` items and `allocated` slots asked for room
/// for `newsize` (the count alone: [`list_extend`] works out where a run of appends ends without
/// making each step).
fn resized(len: usize, allocated: usize, newsize: usize) -> usize {
    if allocated >= newsize && newsize >= allocated >> 1 {
        return allocated;
    }
    let mut new_allocated = newsize.saturating_add((newsize >> 3) + 6) & !3;
    // Do not over-allocate when the new size is closer to that than to the old size.
    if newsize as isize - len as isize > new_allocated.saturating_sub(newsize) as isize {
        new_allocated = newsize.saturating_add(3) & !3;
    }
    if newsize == 0 {
        new_allocated = 0;
    }
    new_allocated.max(len)
}

fn set_capacity(v: &mut Vec<Value>, cap: usize) -> Result<(), Exc> {
    let cap = cap.max(v.len());
    if cap > v.capacity() {
        super::alloc::check_items(cap)?;
        v.try_reserve_exact(cap - v.len())
            .map_err(|_| super::alloc::memory_error())?;
    } else if cap < v.capacity() {
        v.shrink_to(cap);
    }
    Ok(())
}

/// `list_preallocate_exact`: room for `n` items rounded up to an even count (CPython's allocator
/// works in 16 bytes), for a list made from something of known length.
fn preallocate_exact(v: &mut Vec<Value>, n: usize) -> Result<(), Exc> {
    set_capacity(v, even(n))
}

/// `list.append` (and a list comprehension's `LIST_APPEND`): `app1`.
pub fn list_append(v: &mut Vec<Value>, x: Value) -> Result<(), Exc> {
    if v.len() == v.capacity() {
        list_resize(v, v.len() + 1)?;
    }
    v.push(x);
    Ok(())
}

/// `list_extend` with `items`: `hint` is None when they came from a list or tuple (CPython's fast
/// path), else the length hint CPython would have asked for (8 for an object without one).
///
/// The allocation CPython's steps end with is worked out first and made once; an empty list takes
/// `items`' own buffer, so `list(iterator)` of a million items holds them once, not twice.
pub fn list_extend(v: &mut Vec<Value>, items: Vec<Value>, hint: Option<usize>) -> Result<(), Exc> {
    let cap = extended(v.len(), v.capacity(), items.len(), hint);
    if v.is_empty() {
        let mut buf = items;
        set_capacity(&mut buf, cap)?;
        *v = buf;
        return Ok(());
    }
    set_capacity(v, cap)?;
    v.extend(items);
    Ok(())
}

/// The allocation of a list of `len` items in `cap` slots after CPython's `list_extend` of `n`
/// items (see [`list_extend`] for `hint`): presized from the hint, one `app1` per item, cut back
/// if the guess was too large.
fn extended(len: usize, cap: usize, n: usize, hint: Option<usize>) -> usize {
    match hint {
        None if n == 0 => cap,
        None if cap == 0 => even(n),
        None => resized(len, cap, len.saturating_add(n)),
        Some(hint) => {
            let mut cap = presized(len, cap, hint);
            let (mut len, mut left) = (len, n);
            while left > 0 {
                if len == cap {
                    cap = resized(len, cap, len + 1);
                }
                let room = (cap - len).min(left);
                len += room;
                left -= room;
            }
            cut_back(len, cap)
        }
    }
}

/// The room `list_extend` makes before it runs an iterator whose length hint is `hint`.
fn presized(len: usize, cap: usize, hint: usize) -> usize {
    match (cap, hint) {
        (0, 0) => 0,
        (0, _) => even(hint),
        _ => resized(len, cap, len.saturating_add(hint)),
    }
}

/// `list_extend`'s last step: the allocation cut back if the hint was too large.
fn cut_back(len: usize, cap: usize) -> usize {
    if len < cap {
        resized(len, cap, len)
    } else {
        cap
    }
}

/// `list(iterator)` made as CPython makes it, one item at a time: presized from the source's
/// length and length hint (`plan`, from [`list_plan`]), `app1` per item, cut back at the end. The
/// items are held once (collecting them first and copying held a million-item result twice).
pub fn list_from_iter(
    plan: (Option<usize>, Option<usize>),
    mut next: impl FnMut() -> Result<Option<Value>, Exc>,
) -> Result<Vec<Value>, Exc> {
    let mut v = Vec::new();
    if let Some(n) = plan.0
        && n > 0
    {
        preallocate_exact(&mut v, n)?;
    }
    let hint = plan.1.unwrap_or(0);
    let room = presized(0, v.capacity(), hint);
    set_capacity(&mut v, room)?;
    while let Some(x) = next()? {
        list_append(&mut v, x)?;
    }
    let cap = cut_back(v.len(), v.capacity());
    set_capacity(&mut v, cap)?;
    Ok(v)
}

/// `list_preallocate_exact`'s count: `n` rounded up to even (CPython's allocator works in 16
/// bytes).
fn even(n: usize) -> usize {
    n.saturating_add(1) & !1
}

/// The length of an object CPython's `_PyObject_HasLen` accepts (builtin containers).
fn sized_len(src: &Value) -> Option<usize> {
    match src {
        Value::List(l) => Some(l.borrow().len()),
        Value::Tuple(t) => Some(t.len()),
        Value::Str(s) => Some(s.chars().count()),
        Value::Bytes(b) => Some(b.len()),
        Value::Dict(d) => Some(d.borrow().map.len()),
        Value::Set(s) => Some(s.borrow().map.len()),
        Value::FrozenSet(s) => Some(s.map.len()),
        Value::Range(r) => Some(usize::try_from(r.len_exact()).unwrap_or(usize::MAX)),
        _ => None,
    }
}

/// The hint `list_extend` works with for `src` (asked before it is iterated): None for a list or
/// tuple (its fast path), the length of a sized object, what an iterator's `__length_hint__`
/// says is left, 8 (CPython's default) for a generator or an iterator without one.
pub fn length_hint(src: &Value) -> Option<usize> {
    use super::value::Iter;
    match src {
        Value::List(_) | Value::Tuple(_) => None,
        Value::Iterator(i) => Some(match &*i.borrow() {
            Iter::Seq { items, pos, kind } if kind.has_length_hint() => {
                items.len().saturating_sub(*pos)
            }
            Iter::List { list, pos } => list.borrow().len().saturating_sub(*pos),
            Iter::Dict(d) => d.length_hint(),
            Iter::Set(s) => s.length_hint(),
            Iter::Range { next, stop, step } => {
                let (next, stop, step) = (*next as i128, *stop as i128, *step as i128);
                let left = if step > 0 && next < stop {
                    (stop - next - 1) / step + 1
                } else if step < 0 && next > stop {
                    (next - stop - 1) / -step + 1
                } else {
                    0
                };
                usize::try_from(left).unwrap_or(usize::MAX)
            }
            _ => 8,
        }),
        other => Some(sized_len(other).unwrap_or(8)),
    }
}

/// How `list(src)` will allocate, asked before `src` is iterated: its length when it has one
/// (`list___init__` preallocates for it), and `list_extend`'s hint.
pub fn list_plan(src: &Value) -> (Option<usize>, Option<usize>) {
    (sized_len(src), length_hint(src))
}

/// `list(iterable)`: `list___init__` preallocates exactly (rounded to even) for an object with a
/// length, then extends (`plan` from [`list_plan`]).
pub fn list_from(
    plan: (Option<usize>, Option<usize>),
    items: Vec<Value>,
) -> Result<Vec<Value>, Exc> {
    let mut v = Vec::new();
    if let Some(n) = plan.0
        && n > 0
    {
        preallocate_exact(&mut v, n)?;
    }
    list_extend(&mut v, items, plan.1)?;
    Ok(v)
}

/// A list display's allocation: CPython 3.11 compiles `[1, 2, 3]` (three or more constants) as an
/// empty list extended by a constant tuple, more than 30 items as appends, and otherwise makes
/// the list exactly as long as the display.
pub fn list_display(items: Vec<Value>, all_constant: bool) -> Result<Vec<Value>, Exc> {
    let n = items.len();
    if n > 2 && all_constant {
        let mut v = Vec::new();
        list_extend(&mut v, items, None)?;
        return Ok(v);
    }
    if n > 30 {
        let mut v = Vec::new();
        for x in items {
            list_append(&mut v, x)?;
        }
        return Ok(v);
    }
    let mut v = items;
    v.shrink_to_fit();
    Ok(v)
}

/// `l *= n` (`list_inplace_repeat`): emptied (its slots freed) for `n <= 0`, else resized once
/// to the whole length, as CPython does, and filled with copies.
pub fn list_repeat_in_place(v: &mut Vec<Value>, n: i64) -> Result<(), Exc> {
    if n <= 0 {
        *v = Vec::new();
        return Ok(());
    }
    if n == 1 || v.is_empty() {
        return Ok(());
    }
    let total = v
        .len()
        .checked_mul(n as usize)
        .ok_or_else(super::alloc::memory_error)?;
    list_resize(v, total)?;
    let once = v.len();
    for _ in 1..n {
        v.extend_from_within(..once);
    }
    Ok(())
}

/// After items were taken out (`pop`, `remove`): `list_resize` to the new length, which gives
/// memory back once under half the slots are used.
pub fn list_shrunk(v: &mut Vec<Value>) {
    // Shrinking never fails; a failed reservation is impossible here.
    let _ = list_resize(v, v.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn appended(n: usize) -> usize {
        let mut v = Vec::new();
        for _ in 0..n {
            list_append(&mut v, Value::None).unwrap();
        }
        v.capacity()
    }

    #[test]
    fn appends_over_allocate_as_cpython_lists_do() {
        // CPython 3.11: 0, 4, 8, 16, 24, 32, 40, 52, 64, 76 slots as a list grows by appends.
        let caps: Vec<usize> = [0, 1, 5, 9, 17, 25, 33, 41, 53, 65]
            .iter()
            .map(|&n| appended(n))
            .collect();
        assert_eq!(caps, vec![0, 4, 8, 16, 24, 32, 40, 52, 64, 76]);
    }

    /// CPython's `list_extend` made step by step: presize, one append per item, cut back.
    fn extended_step_by_step(start: usize, n: usize, hint: Option<usize>) -> usize {
        let mut v = Vec::new();
        for _ in 0..start {
            list_append(&mut v, Value::None).unwrap();
        }
        match hint {
            None if n == 0 => {}
            None => {
                if v.capacity() == 0 {
                    preallocate_exact(&mut v, n).unwrap();
                } else {
                    let len = v.len();
                    list_resize(&mut v, len + n).unwrap();
                }
                v.extend(std::iter::repeat_n(Value::None, n));
            }
            Some(hint) => {
                if v.capacity() == 0 {
                    if hint > 0 {
                        preallocate_exact(&mut v, hint).unwrap();
                    }
                } else {
                    let len = v.len();
                    list_resize(&mut v, len + hint).unwrap();
                }
                for _ in 0..n {
                    list_append(&mut v, Value::None).unwrap();
                }
                if v.len() < v.capacity() {
                    let len = v.len();
                    list_resize(&mut v, len).unwrap();
                }
            }
        }
        v.capacity()
    }

    #[test]
    fn an_extend_ends_with_the_allocation_of_cpythons_steps() {
        for start in [0, 1, 3, 4, 9, 100] {
            for n in [0, 1, 2, 7, 8, 9, 100, 1000, 4321] {
                for hint in [
                    None,
                    Some(0),
                    Some(8),
                    Some(n),
                    Some(n / 2),
                    Some(3 * n + 1),
                ] {
                    let items = vec![Value::None; n];
                    let mut v = Vec::new();
                    for _ in 0..start {
                        list_append(&mut v, Value::None).unwrap();
                    }
                    list_extend(&mut v, items, hint).unwrap();
                    assert_eq!(
                        v.capacity(),
                        extended_step_by_step(start, n, hint),
                        "start {start}, {n} items, hint {hint:?}"
                    );
                    assert_eq!(v.len(), start + n);
                }
            }
        }
    }

    #[test]
    fn dict_and_set_tables_grow_at_cpythons_thresholds() {
        let strs = |n| std::iter::repeat_n(true, n);
        assert_eq!(dict_size(strs(0)) + 16, 64);
        assert_eq!(dict_size(strs(1)) + 16, 184);
        assert_eq!(dict_size([false]) + 16, 224);
        assert_eq!(dict_size(strs(6)) + 16, 272);
        assert_eq!(dict_size(strs(43)) + 16, 1584);
        // {'a': 1, 2: 2}: the int key turns the str table into a general one of 16 slots.
        assert_eq!(dict_size([true, false]) + 16, 352);
        assert_eq!(dict_size([false, true]) + 16, 224);
        assert_eq!(set_size(4) + 16, 216);
        assert_eq!(set_size(5) + 16, 728);
        assert_eq!(set_size(19) + 16, 2264);
        assert_eq!(set_size(77) + 16, 8408);
    }

    #[test]
    fn strs_are_sized_by_their_widest_character() {
        assert_eq!(str_size(""), 49);
        assert_eq!(str_size("\u{e9}"), 74);
        assert_eq!(str_size("\u{20ac}"), 76);
        assert_eq!(str_size("\u{1f600}"), 80);
    }
}
