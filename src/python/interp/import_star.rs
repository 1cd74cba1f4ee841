//! `from m import *`: which names a module gives away, as CPython decides: the strings of its
//! `__all__` when it has one (each must exist), else every name not starting with `_`.

use crate::python::value::PyStr;

use super::super::exceptions::{Exc, attribute_error, type_error};
use super::super::value::*;
use super::Interp;

impl Interp {
    pub(crate) fn public_names(
        &mut self,
        m: &Value,
        module: &str,
    ) -> Result<Vec<(PyStr, Value)>, Exc> {
        let Value::Module(md) = m else {
            return Ok(Vec::new());
        };
        let all = md.attrs.borrow().get("__all__").cloned();
        let Some(all) = all else {
            return Ok(md
                .attrs
                .borrow()
                .iter()
                .filter(|(k, _)| !k.starts_with('_'))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect());
        };
        let mut out = Vec::new();
        for name in self.collect(&all)? {
            let Value::Str(ref name) = name else {
                return Err(type_error(format!(
                    "Item in {module}.__all__ must be str, not {}",
                    name.type_name()
                )));
            };
            let v = md.attrs.borrow().get(&**name).cloned();
            match v {
                Some(v) => out.push((name.clone(), v)),
                None => {
                    return Err(attribute_error(format!(
                        "module '{module}' has no attribute '{name}'"
                    )));
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::runtime::capture::capture;

    #[test]
    fn star_import_binds_public_names_or_all() {
        let src = "from math import *\nfrom json import *\nprint(floor(2.5), dumps([pi > 3]))\n\
                   print('_string_special' in dir())\n";
        let (code, got) = capture(|| crate::python::run_main(src, "main.py"));
        assert_eq!(code, 0, "program failed:\n{}", got.stderr);
        assert_eq!(got.stdout, "2 [true]\nFalse\n");
    }

    #[test]
    fn star_import_in_a_function_is_a_syntax_error() {
        let src = "def f():\n    from math import *\n";
        let (code, got) = capture(|| crate::python::run_main(src, "main.py"));
        assert_eq!(code, 1);
        assert!(
            got.stderr
                .contains("SyntaxError: import * only allowed at module level"),
            "{}",
            got.stderr
        );
    }
}
