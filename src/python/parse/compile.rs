//! What CPython's compiler refuses after its parser has accepted a program, and ruff's parser does
//! not check: the SyntaxErrors of CPython 3.11's symbol table and code generator, in its words and
//! with its caret.
//!
//! - `break` / `continue` outside a loop, `return` outside a function;
//! - `nonlocal` at module level or with no binding to refer to; `global`/`nonlocal` of a name that
//!   is a parameter, or was used or assigned before the declaration; the same parameter twice;
//!   assigning to `__debug__`;
//! - `*x` standing alone (`a = *b`) or as a comprehension's element (`f(*a for a in b)`);
//! - `from __future__ import ...`: an unknown feature, `braces`, or one after other statements.

use std::collections::HashSet;

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ra, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{ParseError, Source};

/// The features `from __future__ import` knows in CPython 3.11.
const FUTURE_FEATURES: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// The first compile-time error of the program, in source order.
pub(super) fn check(m: &ra::ModModule, s: &Source<'_>) -> Result<(), ParseError> {
    future_imports(&m.body, s)?;
    let mut c = Checker {
        s,
        loops: 0,
        in_function: false,
        found: None,
        scopes: vec![Scope::default()],
    };
    c.visit_body(&m.body);
    match c.found {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// `from __future__ import` must come first (after a docstring) and name a known feature.
fn future_imports(body: &[Stmt], s: &Source<'_>) -> Result<(), ParseError> {
    let mut first = true;
    for (i, st) in body.iter().enumerate() {
        let docstring = i == 0 && matches!(st, Stmt::Expr(e) if e.value.is_string_literal_expr());
        match st {
            Stmt::ImportFrom(f)
                if f.module
                    .as_ref()
                    .is_some_and(|m| m.as_str() == "__future__") =>
            {
                if !first {
                    let msg = "from __future__ imports must occur at the beginning of the file";
                    return Err(s.error(f.start(), f.end(), msg));
                }
                for a in &f.names {
                    let name = a.name.as_str();
                    if name == "braces" {
                        return Err(s.error(f.start(), f.start(), "not a chance"));
                    }
                    if !FUTURE_FEATURES.contains(&name) {
                        let msg = format!("future feature {name} is not defined");
                        return Err(s.error(f.start(), f.start(), &msg));
                    }
                }
            }
            _ if docstring => {}
            _ => first = false,
        }
    }
    Ok(())
}

struct Checker<'a, 'b> {
    s: &'a Source<'b>,
    /// Loops around the current statement, in the current function.
    loops: u32,
    in_function: bool,
    found: Option<ParseError>,
    /// The module's scope and the functions' around the current statement (classes are not
    /// enclosing scopes for `nonlocal`, and are not tracked).
    scopes: Vec<Scope>,
}

/// What CPython's symbol table knows of one function's names, as far as the walk has come.
#[derive(Default)]
struct Scope {
    params: HashSet<String>,
    used: HashSet<String>,
    assigned: HashSet<String>,
    /// Every name bound anywhere in the body (for `nonlocal` in nested functions).
    binds: HashSet<String>,
    globals: HashSet<String>,
    /// A class body (or a lambda): a scope of its own, never one `nonlocal` refers to.
    is_class: bool,
}

impl Checker<'_, '_> {
    fn fail(&mut self, r: TextRange, msg: &str) {
        if self.found.is_none() {
            self.found = Some(self.s.error(r.start(), r.end(), msg));
        }
    }

    /// A function's or lambda's parameters: no name twice, none named `__debug__`.
    fn parameters(&mut self, p: &ra::Parameters) {
        let mut seen: Vec<&str> = Vec::new();
        for param in p.iter() {
            let name = param.name();
            if name.as_str() == "__debug__" {
                self.fail(name.range(), "cannot assign to __debug__");
            }
            if seen.contains(&name.as_str()) {
                let msg = format!(
                    "duplicate argument '{}' in function definition",
                    name.as_str()
                );
                self.fail(name.range(), &msg);
            }
            seen.push(name.as_str());
        }
    }

    /// An expression where a lone `*x` is refused.
    fn not_starred(&mut self, e: &Expr) {
        if let Expr::Starred(st) = e {
            self.fail(st.range, "can't use starred expression here");
        }
    }

    /// A name used or assigned in the current scope (before any `global` of it).
    fn mark(&mut self, name: &str, used: bool) {
        if let Some(sc) = self.scopes.last_mut() {
            if used {
                sc.used.insert(name.to_string());
            } else {
                sc.assigned.insert(name.to_string());
            }
        }
    }

    /// `global` / `nonlocal`: CPython's symbol table refuses a name it has already seen here.
    fn declare(&mut self, r: TextRange, names: &[ra::Identifier], what: &str) {
        for name in names {
            let n = name.as_str();
            let Some(sc) = self.scopes.last() else {
                return;
            };
            let msg = if sc.params.contains(n) {
                format!("name '{n}' is parameter and {what}")
            } else if sc.used.contains(n) {
                format!("name '{n}' is used prior to {what} declaration")
            } else if sc.assigned.contains(n) {
                format!("name '{n}' is assigned to before {what} declaration")
            } else {
                if what == "global"
                    && let Some(sc) = self.scopes.last_mut()
                {
                    sc.globals.insert(n.to_string());
                }
                continue;
            };
            self.fail(r, &msg);
        }
    }

    fn store_target(&mut self, t: &Expr) {
        match t {
            Expr::Name(n) if n.id.as_str() == "__debug__" => {
                self.fail(n.range, "cannot assign to __debug__")
            }
            Expr::Tuple(ra::ExprTuple { elts, .. }) | Expr::List(ra::ExprList { elts, .. }) => {
                elts.iter().for_each(|e| self.store_target(e))
            }
            Expr::Starred(st) => self.store_target(&st.value),
            _ => {}
        }
    }
}

impl<'a> Visitor<'a> for Checker<'_, '_> {
    fn visit_stmt(&mut self, st: &'a Stmt) {
        if self.found.is_some() {
            return;
        }
        match st {
            Stmt::Break(b) if self.loops == 0 => self.fail(b.range, "'break' outside loop"),
            Stmt::Continue(c) if self.loops == 0 => {
                self.fail(c.range, "'continue' not properly in loop")
            }
            Stmt::Return(r) if !self.in_function => self.fail(r.range, "'return' outside function"),
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.not_starred(v);
                }
            }
            Stmt::Nonlocal(n) if !self.in_function => {
                self.fail(n.range, "nonlocal declaration not allowed at module level")
            }
            Stmt::Global(g) => self.declare(g.range, &g.names, "global"),
            Stmt::Nonlocal(n) => {
                self.declare(n.range, &n.names, "nonlocal");
                for name in &n.names {
                    // The binding must be in an enclosing function (not the module, not this one).
                    let n_scopes = self.scopes.len();
                    let found = self.scopes[1..n_scopes.saturating_sub(1).max(1)]
                        .iter()
                        .any(|sc| {
                            !sc.is_class
                                && sc.binds.contains(name.as_str())
                                && !sc.globals.contains(name.as_str())
                        });
                    if !found {
                        let msg = format!("no binding for nonlocal '{}' found", name.as_str());
                        self.fail(n.range, &msg);
                    }
                }
            }
            Stmt::Assign(a) => {
                self.not_starred(&a.value);
                a.targets.iter().for_each(|t| self.store_target(t));
            }
            Stmt::AugAssign(a) => {
                self.not_starred(&a.value);
                self.store_target(&a.target);
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.not_starred(v);
                }
                self.store_target(&a.target);
            }
            Stmt::Expr(e) => self.not_starred(&e.value),
            Stmt::For(f) => self.store_target(&f.target),
            _ => {}
        }
        match st {
            Stmt::FunctionDef(f) => {
                f.decorator_list
                    .iter()
                    .for_each(|d| self.visit_decorator(d));
                self.parameters(&f.parameters);
                if let Some(r) = &f.returns {
                    self.visit_annotation(r);
                }
                let saved = (self.loops, self.in_function);
                (self.loops, self.in_function) = (0, true);
                let mut scope = Scope {
                    params: f.parameters.iter().map(|p| p.name().to_string()).collect(),
                    ..Scope::default()
                };
                scope.binds = scope.params.clone();
                collect_binds(&f.body, &mut scope.binds);
                self.scopes.push(scope);
                self.visit_body(&f.body);
                self.scopes.pop();
                (self.loops, self.in_function) = saved;
                self.mark(f.name.as_str(), false);
            }
            Stmt::ClassDef(c) => {
                c.decorator_list
                    .iter()
                    .for_each(|d| self.visit_decorator(d));
                if let Some(args) = &c.arguments {
                    self.visit_arguments(args);
                }
                // A class body is not a function: `return` there is outside one.
                let saved = (self.loops, self.in_function);
                (self.loops, self.in_function) = (0, false);
                self.scopes.push(Scope {
                    is_class: true,
                    ..Scope::default()
                });
                self.visit_body(&c.body);
                self.scopes.pop();
                (self.loops, self.in_function) = saved;
                self.mark(c.name.as_str(), false);
            }
            Stmt::For(f) => {
                self.visit_expr(&f.target);
                self.visit_expr(&f.iter);
                self.loops += 1;
                self.visit_body(&f.body);
                self.loops -= 1;
                // A loop's `else:` runs after it: `break` there is outside it.
                self.visit_body(&f.orelse);
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test);
                self.loops += 1;
                self.visit_body(&w.body);
                self.loops -= 1;
                self.visit_body(&w.orelse);
            }
            _ => visitor::walk_stmt(self, st),
        }
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        if self.found.is_some() {
            return;
        }
        match e {
            Expr::Name(n) => self.mark(n.id.as_str(), n.ctx == ra::ExprContext::Load),
            Expr::Lambda(l) => {
                // Its own scope: its names are not this scope's uses.
                if let Some(p) = &l.parameters {
                    self.parameters(p);
                }
                self.scopes.push(Scope {
                    is_class: true,
                    ..Scope::default()
                });
                visitor::walk_expr(self, e);
                self.scopes.pop();
                return;
            }
            Expr::Generator(ra::ExprGenerator { elt, .. })
            | Expr::ListComp(ra::ExprListComp { elt, .. })
            | Expr::SetComp(ra::ExprSetComp { elt, .. }) => {
                if let Expr::Starred(st) = &**elt {
                    self.fail(
                        st.range,
                        "iterable unpacking cannot be used in comprehension",
                    );
                }
            }
            Expr::Call(c) => {
                for k in c.arguments.keywords.iter() {
                    if k.arg.as_ref().is_some_and(|a| a.as_str() == "__debug__") {
                        self.fail(c.range(), "cannot assign to __debug__");
                    }
                }
            }
            Expr::Named(n) => self.store_target(&n.target),
            _ => {}
        }
        visitor::walk_expr(self, e);
    }
}

/// Every name a function body binds in its own scope (not in nested functions or classes).
fn collect_binds(body: &[Stmt], out: &mut HashSet<String>) {
    struct Binds<'o> {
        out: &'o mut HashSet<String>,
    }
    impl<'a> Visitor<'a> for Binds<'_> {
        fn visit_stmt(&mut self, st: &'a Stmt) {
            match st {
                Stmt::FunctionDef(f) => {
                    self.out.insert(f.name.to_string());
                }
                Stmt::ClassDef(c) => {
                    self.out.insert(c.name.to_string());
                }
                Stmt::Import(i) => {
                    for a in &i.names {
                        let bound = a.asname.as_ref().unwrap_or(&a.name).as_str();
                        self.out
                            .insert(bound.split('.').next().unwrap_or(bound).to_string());
                    }
                }
                Stmt::ImportFrom(i) => {
                    for a in &i.names {
                        self.out
                            .insert(a.asname.as_ref().unwrap_or(&a.name).to_string());
                    }
                }
                Stmt::Try(t) => {
                    for h in &t.handlers {
                        let ra::ExceptHandler::ExceptHandler(h) = h;
                        if let Some(n) = &h.name {
                            self.out.insert(n.to_string());
                        }
                    }
                    visitor::walk_stmt(self, st);
                }
                Stmt::Nonlocal(n) => {
                    // `nonlocal x` in a middle function passes the binding through.
                    self.out.extend(n.names.iter().map(|n| n.to_string()));
                }
                _ => visitor::walk_stmt(self, st),
            }
        }
        fn visit_expr(&mut self, e: &'a Expr) {
            match e {
                Expr::Name(n) if n.ctx != ra::ExprContext::Load => {
                    self.out.insert(n.id.to_string());
                }
                Expr::Lambda(_)
                | Expr::ListComp(_)
                | Expr::SetComp(_)
                | Expr::DictComp(_)
                | Expr::Generator(_) => {}
                _ => visitor::walk_expr(self, e),
            }
        }
    }
    Binds { out }.visit_body(body);
}
