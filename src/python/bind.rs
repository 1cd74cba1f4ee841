//! One way for a native function to take its arguments: a signature described once ([`Sig`]),
//! bound by position and keyword, refused in CPython's words.
//!
//! CPython speaks two dialects, and a native says which one its CPython counterpart speaks:
//! - [`Style::Py`]: a function written in Python (`multiprocessing`'s `Queue.put`, `random.randint`).
//!   Its messages count `self` and name parameters: `f() missing 1 required positional argument:
//!   'x'`, `f() takes 2 positional arguments but 3 were given`, `f() got an unexpected keyword
//!   argument 'k'`, `f() got multiple values for argument 'x'`.
//! - [`Style::C`]: a C function (Argument Clinic, `PyArg_ParseTupleAndKeywords`). With parameters
//!   that may be named: `f() takes at most 2 arguments (3 given)`, `'k' is an invalid keyword argument
//!   for f()`, `f() missing required argument 'x' (pos 1)`. With positional-only parameters only:
//!   `f() takes no keyword arguments`, then `f() takes no arguments (1 given)` (none),
//!   `f() takes exactly one argument (2 given)` (one, required) or `f expected 2 arguments, got 1`.
//!
//! Binding fills an array on the stack with references into the call's [`Args`]: the common path
//! allocates nothing (a message is built only when the call is refused).

use super::exceptions::{Exc, type_error};
use super::value::{Args, Value};

/// Which of CPython's two dialects a native's messages speak.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Style {
    /// A function defined in Python.
    Py,
    /// A function written in C.
    C,
}

/// A native function's parameters, described once.
#[derive(Clone, Copy, Debug)]
pub struct Sig<'n> {
    /// The name messages give: `Queue.put` (a Python method's qualified name), `to_bytes` (a C
    /// parser's name), `pow`.
    pub name: &'n str,
    /// For a C function with positional-only parameters only, what its "takes no keyword
    /// arguments", "takes no arguments" and "takes exactly one argument" put before `name`
    /// (`math` in `math.sqrt()`, `str` in `str.upper()`); empty for a builtin.
    pub owner: &'n str,
    /// The parameters after `self`.
    pub params: &'static [&'static str],
    /// How many of the first parameters must be given.
    pub required: usize,
    /// `params[..posonly]` cannot be named.
    pub posonly: usize,
    /// `params[..positional]` may be given by position; the others only by name.
    pub positional: usize,
    /// The first positional argument is `self` (Python messages count it; C messages do not).
    pub method: bool,
    /// Python messages count a `self` (a method, or a bound method such as `multiprocessing.Pipe`
    /// whose `self` the native is not given).
    pub counts_self: bool,
    /// Positional arguments past `positional` are the caller's (`*args`), not an error.
    pub varargs: bool,
    /// Keywords that name no parameter are the caller's (`**kwargs`), not an error.
    pub varkw: bool,
    /// A C function with positional-only parameters counts them in the `f expected 1 argument,
    /// got 0` form even where it has none or one (a type's constructor: `reversed`).
    pub counted: bool,
    /// A C function whose positional arguments a `PyArg_ParseTuple` format string reads:
    /// `kill() takes exactly 2 arguments (0 given)`.
    pub tuple_form: bool,
    pub style: Style,
}

impl<'n> Sig<'n> {
    /// A Python function whose parameters may each be given by position or by name.
    pub const fn py(name: &'n str, params: &'static [&'static str], required: usize) -> Self {
        Sig {
            name,
            owner: "",
            params,
            required,
            posonly: 0,
            positional: params.len(),
            method: false,
            counts_self: false,
            varargs: false,
            varkw: false,
            counted: false,
            tuple_form: false,
            style: Style::Py,
        }
    }

    /// A C function whose parameters may each be given by position or by name.
    pub const fn c(name: &'n str, params: &'static [&'static str], required: usize) -> Self {
        Sig {
            style: Style::C,
            ..Sig::py(name, params, required)
        }
    }

    /// A C function whose parameters are all positional-only, of `owner` (see [`Sig::owner`]).
    pub const fn c_pos(
        name: &'n str,
        owner: &'n str,
        params: &'static [&'static str],
        required: usize,
    ) -> Self {
        Sig {
            owner,
            posonly: params.len(),
            ..Sig::c(name, params, required)
        }
    }

    /// The same signature for a method: the first positional argument is `self`.
    pub const fn method(self) -> Self {
        Sig {
            method: true,
            counts_self: true,
            ..self
        }
    }

    /// The same signature for a bound method whose `self` is not among the arguments (the
    /// context's `Pipe`): Python messages count it all the same.
    pub const fn bound(self) -> Self {
        Sig {
            counts_self: true,
            ..self
        }
    }

    /// The same signature read by a `PyArg_ParseTuple` format string (see [`Sig::tuple_form`]).
    pub const fn tuple_form(self) -> Self {
        Sig {
            tuple_form: true,
            ..self
        }
    }

    /// The same signature followed by `*args`: the positional arguments past `positional` are
    /// left in `Args` for the caller.
    pub const fn varargs(self) -> Self {
        Sig {
            varargs: true,
            ..self
        }
    }

    /// The same signature followed by `**kwargs`: keywords that name no parameter are left in
    /// `Args` for the caller. A C function that takes them counts its positional arguments in
    /// the `f expected 1 argument, got 2` form (`sorted`, `dict`).
    pub const fn varkw(self) -> Self {
        Sig {
            varkw: true,
            counted: true,
            ..self
        }
    }

    /// The same signature counted in the `f expected 1 argument, got 0` form (see
    /// [`Sig::counted`]).
    pub const fn counted(self) -> Self {
        Sig {
            counted: true,
            ..self
        }
    }

    /// The same signature with its first `n` parameters positional-only.
    pub const fn posonly(self, n: usize) -> Self {
        Sig { posonly: n, ..self }
    }

    /// The same signature with its last `n` parameters keyword-only.
    pub const fn kwonly(self, n: usize) -> Self {
        Sig {
            positional: self.params.len() - n,
            ..self
        }
    }

    /// The arguments of `a` in the order of `params` (`None`: not given), or CPython's refusal.
    /// Inlined, so that the common path (nothing to refuse) is a few comparisons of constants.
    #[inline]
    pub fn bind<'a, const N: usize>(&self, a: &'a Args) -> Result<[Option<&'a Value>; N], Exc> {
        debug_assert_eq!(N, self.params.len(), "{}: {N} slots", self.name);
        let skip = usize::from(self.method);
        if a.pos.len() < skip {
            return Err(self.unbound());
        }
        let pos = &a.pos[skip..];
        let mut out = [None; N];
        for (slot, v) in out.iter_mut().zip(pos.iter().take(self.positional)) {
            *slot = Some(v);
        }
        let given = if self.varargs {
            pos.len().min(self.positional)
        } else {
            pos.len()
        };
        if given <= self.positional
            && given >= self.required
            && (a.kw.is_empty() || (self.varkw && self.posonly == N))
        {
            return Ok(out);
        }
        match self.style {
            Style::Py => self.bind_py(a, given, &mut out)?,
            Style::C => self.bind_c(a, given, &mut out)?,
        }
        Ok(out)
    }

    fn bind_py<'a>(
        &self,
        a: &'a Args,
        given: usize,
        out: &mut [Option<&'a Value>],
    ) -> Result<(), Exc> {
        // CPython's order (`initialize_locals`): the keywords, then too many positionals, then the
        // missing ones.
        let mut kwonly_given = 0;
        for (k, v) in &a.kw {
            match self.params.iter().position(|p| *p == &**k) {
                Some(i) if i < self.posonly => {
                    return Err(type_error(format!(
                        "{}() got some positional-only arguments passed as keyword arguments: '{k}'",
                        self.name
                    )));
                }
                Some(i) if out[i].is_some() => {
                    return Err(type_error(format!(
                        "{}() got multiple values for argument '{k}'",
                        self.name
                    )));
                }
                Some(i) => {
                    kwonly_given += usize::from(i >= self.positional);
                    out[i] = Some(v);
                }
                None if self.varkw => {}
                None => {
                    return Err(type_error(format!(
                        "{}() got an unexpected keyword argument '{k}'",
                        self.name
                    )));
                }
            }
        }
        let this = usize::from(self.counts_self);
        if given > self.positional {
            let max = self.positional + this;
            let min = self.required.min(self.positional) + this;
            let takes = if min < max {
                format!("from {min} to {max} positional arguments")
            } else {
                format!("{max} positional argument{}", plural(max))
            };
            let given = given + this;
            let given = if kwonly_given > 0 {
                format!(
                    "{given} positional argument{} (and {kwonly_given} keyword-only argument{}) were",
                    plural(given),
                    plural(kwonly_given)
                )
            } else if given == 1 {
                "1 was".to_string()
            } else {
                format!("{given} were")
            };
            return Err(type_error(format!(
                "{}() takes {takes} but {given} given",
                self.name
            )));
        }
        let missing = |range: std::ops::Range<usize>| -> Vec<&str> {
            range
                .filter(|&i| out[i].is_none())
                .map(|i| self.params[i])
                .collect()
        };
        let positional = missing(0..self.required.min(self.positional));
        if !positional.is_empty() {
            return Err(self.missing("positional", &positional));
        }
        let keyword = missing(self.positional..self.required.max(self.positional));
        if !keyword.is_empty() {
            return Err(self.missing("keyword-only", &keyword));
        }
        Ok(())
    }

    /// `f() missing 2 required positional arguments: 'x' and 'y'`, as CPython lists them.
    fn missing(&self, kind: &str, names: &[&str]) -> Exc {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let list = match quoted.as_slice() {
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
            [] => String::new(),
        };
        let n = names.len();
        type_error(format!(
            "{}() missing {n} required {kind} argument{}: {list}",
            self.name,
            plural(n)
        ))
    }

    fn bind_c<'a>(
        &self,
        a: &'a Args,
        given: usize,
        out: &mut [Option<&'a Value>],
    ) -> Result<(), Exc> {
        let max = self.params.len();
        if self.posonly == max {
            return self.check_positional(a, given);
        }
        let f = self.name;
        // CPython's order (`_PyArg_UnpackKeywords`).
        let total = given + a.kw.len();
        if total > max && !self.varkw {
            return Err(type_error(format!(
                "{f}() takes at most {max} {}argument{} ({total} given)",
                if given == 0 { "keyword " } else { "" },
                plural(max)
            )));
        }
        if given > self.positional {
            return Err(type_error(if self.positional == 0 {
                format!("{f}() takes no positional arguments")
            } else {
                format!(
                    "{f}() takes {} {} positional argument{} ({given} given)",
                    if self.required < self.positional {
                        "at most"
                    } else {
                        "exactly"
                    },
                    self.positional,
                    plural(self.positional)
                )
            }));
        }
        let min_posonly = self.posonly.min(self.required);
        if given < min_posonly {
            return Err(type_error(format!(
                "{f}() takes {} {min_posonly} positional argument{} ({given} given)",
                if min_posonly < self.positional {
                    "at least"
                } else {
                    "exactly"
                },
                plural(min_posonly)
            )));
        }
        let mut left = a.kw.len();
        let first = given.max(self.posonly);
        for (i, (slot, name)) in out.iter_mut().zip(self.params).enumerate().skip(first) {
            let found = a.kw.iter().find(|(k, _)| &**k == *name);
            if let Some((_, v)) = found {
                *slot = Some(v);
                left -= 1;
            } else if i < self.required {
                return Err(type_error(format!(
                    "{f}() missing required argument '{name}' (pos {})",
                    i + 1
                )));
            }
        }
        if left > 0 && !self.varkw {
            for i in self.posonly..given {
                if a.kw.iter().any(|(k, _)| &**k == self.params[i]) {
                    return Err(type_error(format!(
                        "argument for {f}() given by name ('{}') and position ({})",
                        self.params[i],
                        i + 1
                    )));
                }
            }
            if let Some((k, _)) =
                a.kw.iter()
                    .find(|(k, _)| !self.params[self.posonly..].contains(&&**k))
            {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for {f}()"
                )));
            }
        }
        Ok(())
    }

    /// A C function with positional-only parameters only (METH_NOARGS, METH_O, or Argument
    /// Clinic's `_PyArg_CheckPositional`).
    fn check_positional(&self, a: &Args, given: usize) -> Result<(), Exc> {
        let qual = self.qual();
        if !a.kw.is_empty() && !self.varkw {
            return Err(type_error(format!("{qual}() takes no keyword arguments")));
        }
        let max = self.params.len();
        if (self.required..=max).contains(&given) {
            return Ok(());
        }
        Err(type_error(match (max, self.required) {
            (0, _) if !self.counted => format!("{qual}() takes no arguments ({given} given)"),
            (1, 1) if !self.counted => {
                format!("{qual}() takes exactly one argument ({given} given)")
            }
            (max, min) => {
                let (bound, n) = match (min < max, given < min) {
                    (false, _) => ("", max),
                    (true, true) => ("at least ", min),
                    (true, false) => ("at most ", max),
                };
                if self.tuple_form {
                    let bound = if bound.is_empty() { "exactly " } else { bound };
                    return Err(type_error(format!(
                        "{}() takes {bound}{n} argument{} ({given} given)",
                        self.name,
                        plural(n)
                    )));
                }
                format!(
                    "{} expected {bound}{n} argument{}, got {given}",
                    self.name,
                    plural(n)
                )
            }
        }))
    }

    /// `math.sqrt`, `str.upper`, `len`.
    fn qual(&self) -> std::borrow::Cow<'n, str> {
        if self.owner.is_empty() {
            self.name.into()
        } else {
            format!("{}.{}", self.owner, self.name).into()
        }
    }

    /// A method called without `self` (`str.upper()`).
    fn unbound(&self) -> Exc {
        match self.style {
            Style::Py => {
                let mut names = vec!["self"];
                names.extend(&self.params[..self.required.min(self.positional)]);
                self.missing("positional", &names)
            }
            Style::C => type_error(format!(
                "unbound method {}() needs an argument",
                self.qual()
            )),
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests;
