//! `os.path`: CPython's `posixpath` functions that only work on the string (no file system, which
//! forkyard refuses): `basename`, `dirname`, `split`, `splitext`, `join`, `isabs`. A program uses
//! them to print facts about a path without the machine's directories (a logging record's
//! `pathname`: `os.path.basename`, `os.path.isabs`).

use crate::python::bind::Sig;

use super::super::make_module;
use super::R;
use crate::python::exceptions::type_error;
use crate::python::interp::Interp;
use crate::python::value::{Args, PyStr, Value};

pub fn module() -> Value {
    make_module(
        "posixpath",
        &[
            ("basename", basename),
            ("dirname", dirname),
            ("split", split),
            ("splitext", splitext),
            ("join", join),
            ("isabs", isabs),
        ],
        vec![("sep", Value::str("/"))],
    )
}

/// The one path argument, a str (CPython also takes bytes and path-like objects).
/// `posixpath`'s functions are Python functions: `basename(p)`, ..., `isabs(s)`.
fn path_arg(a: &Args, func: &str) -> Result<PyStr, crate::python::exceptions::Exc> {
    let params: &'static [&'static str] = if func == "isabs" { &["s"] } else { &["p"] };
    match Sig::py(func, params, 1).bind::<1>(a)? {
        [Some(Value::Str(s))] => Ok(s.clone()),
        [other] => Err(type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            other.map_or("NoneType".into(), |v| v.type_name())
        ))),
    }
}

/// `posixpath.split`: the head (trailing slashes removed unless it is all slashes) and the tail.
fn split_of(p: &str) -> (String, String) {
    let i = p.rfind('/').map_or(0, |i| i + 1);
    let (head, tail) = p.split_at(i);
    let trimmed = head.trim_end_matches('/');
    let head = if trimmed.is_empty() { head } else { trimmed };
    (head.to_string(), tail.to_string())
}

fn basename(_: &mut Interp, a: Args) -> R {
    let p = path_arg(&a, "basename")?;
    Ok(Value::str(&split_of(&p).1))
}

fn dirname(_: &mut Interp, a: Args) -> R {
    let p = path_arg(&a, "dirname")?;
    Ok(Value::str(&split_of(&p).0))
}

fn split(_: &mut Interp, a: Args) -> R {
    let p = path_arg(&a, "split")?;
    let (h, t) = split_of(&p);
    Ok(Value::tuple(vec![Value::str(&h), Value::str(&t)]))
}

/// `posixpath.splitext`: the last dot of the last part, unless the part starts with its dots.
fn splitext(_: &mut Interp, a: Args) -> R {
    let p = path_arg(&a, "splitext")?;
    let name_at = p.rfind('/').map_or(0, |i| i + 1);
    let (root, ext) = match p.rfind('.') {
        Some(dot) if dot > name_at && p[name_at..dot].chars().any(|c| c != '.') => p.split_at(dot),
        _ => (&p[..], ""),
    };
    Ok(Value::tuple(vec![Value::str(root), Value::str(ext)]))
}

fn join(_: &mut Interp, a: Args) -> R {
    // `join(a, *p)`.
    let [first] = Sig::py("join", &["a"], 1).varargs().bind(&a)?;
    let parts = a.pos.iter().skip(1);
    let none = Value::None;
    let first = first.unwrap_or(&none);
    let text = |v: &Value| match v {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(type_error(format!(
            "join() argument must be str, bytes, or os.PathLike object, not '{}'",
            other.type_name()
        ))),
    };
    let mut path = text(first)?;
    for b in parts {
        let b = text(b)?;
        if b.starts_with('/') {
            path = b;
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(&b);
        } else {
            path.push('/');
            path.push_str(&b);
        }
    }
    Ok(Value::str(&path))
}

fn isabs(_: &mut Interp, a: Args) -> R {
    let p = path_arg(&a, "isabs")?;
    Ok(Value::Bool(p.starts_with('/')))
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    #[test]
    fn paths_split_and_join_as_posixpath_does() {
        let src = "import os\n\
                   print(os.path.basename('/a/b/c.py'), os.path.dirname('/a/b/c.py'), os.path.dirname('//x'))\n\
                   print(os.path.split('a/b/'), os.path.split('c'), os.path.splitext('d/.e'), os.path.splitext('f.tar.gz'))\n\
                   print(os.path.join('a', 'b', '/c', 'd'), os.path.join('a/', 'b'), os.path.isabs('/x'), os.path.isabs('x'))\n";
        assert_eq!(
            out(src),
            "c.py /a/b //\n('a/b', '') ('', 'c') ('d/.e', '') ('f.tar', '.gz')\n/c/d a/b True False\n"
        );
    }
}
