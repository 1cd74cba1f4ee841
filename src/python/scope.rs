//! Name resolution: which scope binds each name, which locals must live in cells because an inner
//! function captures them, and how a name use in one scope reaches its binding.
//!
//! The analysis walks ruff's tree once (`collect`) to record what each scope binds, declares and
//! uses, then marks cells. `convert` asks `resolve` for every name it meets. Comprehensions are their
//! own scopes (their variables do not leak) but share the frame of the code around them; generator
//! expressions run later, in a generator, so they have a frame of their own and reach the code
//! around them through cells, like a nested function.

use std::collections::{HashMap, HashSet};

use indexmap::{IndexMap, IndexSet};
use ruff_python_ast::{self as ra, Expr, Stmt};
use ruff_text_size::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    Comp,
    /// A generator expression: a comprehension with a frame of its own.
    GenExp,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub parent: Option<usize>,
    /// The scope whose frame this scope's variables live in (itself, except for comprehensions).
    pub owner: usize,
    pub bound: IndexSet<String>,
    pub globals: HashSet<String>,
    pub nonlocals: HashSet<String>,
    pub uses: Vec<String>,
    /// A function whose body has `yield` or `yield from`.
    pub is_generator: bool,
}

/// Per frame-owner bookkeeping filled in while converting.
#[derive(Debug, Default)]
pub struct FrameSlots {
    /// (binding scope, name) -> local slot.
    pub locals: IndexMap<(usize, String), u32>,
    /// (binding scope, name) -> own cell index; decided before conversion.
    pub cells: IndexMap<(usize, String), u32>,
    /// Closed-over variables: (binding scope, name), in cell order after the own cells.
    pub free: IndexMap<(usize, String), u32>,
    /// For each free variable, the cell index in the parent frame.
    pub free_from: Vec<u32>,
}

/// Where a name use resolves to.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// Bound in scope `.0`, which shares the current frame.
    Here(usize),
    /// Bound in scope `.0` of an enclosing function: reached through a cell.
    Free(usize),
    Global,
    ClassBody,
}

pub struct Scopes {
    pub scopes: Vec<Scope>,
    by_node: HashMap<(u32, u32), usize>,
    pub frames: HashMap<usize, FrameSlots>,
}

fn key(r: TextRange) -> (u32, u32) {
    (r.start().to_u32(), r.end().to_u32())
}

impl Scopes {
    /// Analyse a module.
    pub fn analyse(body: &[Stmt]) -> Scopes {
        let mut s = Scopes {
            scopes: Vec::new(),
            by_node: HashMap::new(),
            frames: HashMap::new(),
        };
        let root = s.push(ScopeKind::Module, None, TextRange::default());
        for st in body {
            s.stmt(st, root);
        }
        s.mark_cells();
        s
    }

    /// The scope made for a def, lambda, class or comprehension node.
    pub fn of(&self, range: TextRange) -> usize {
        self.by_node[&key(range)]
    }

    fn push(&mut self, kind: ScopeKind, parent: Option<usize>, range: TextRange) -> usize {
        let idx = self.scopes.len();
        let owner = match (kind, parent) {
            (ScopeKind::Comp, Some(p)) => self.scopes[p].owner,
            _ => idx,
        };
        self.scopes.push(Scope {
            kind,
            parent,
            owner,
            bound: IndexSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            uses: Vec::new(),
            is_generator: false,
        });
        if parent.is_some() {
            self.by_node.insert(key(range), idx);
        }
        self.frames.entry(owner).or_default();
        idx
    }

    fn bind(&mut self, s: usize, name: &str) {
        self.scopes[s].bound.insert(name.to_string());
    }

    fn stmts(&mut self, body: &[Stmt], s: usize) {
        for st in body {
            self.stmt(st, s);
        }
    }

    fn stmt(&mut self, st: &Stmt, s: usize) {
        match st {
            Stmt::FunctionDef(f) => {
                self.bind(s, f.name.as_str());
                for d in &f.decorator_list {
                    self.expr(&d.expression, s);
                }
                self.parameters(&f.parameters, s);
                let fs = self.push(ScopeKind::Function, Some(s), f.range);
                self.bind_parameters(&f.parameters, fs);
                self.stmts(&f.body, fs);
            }
            Stmt::ClassDef(c) => {
                self.bind(s, c.name.as_str());
                for d in &c.decorator_list {
                    self.expr(&d.expression, s);
                }
                if let Some(a) = &c.arguments {
                    for e in a.args.iter() {
                        self.expr(e, s);
                    }
                    for k in a.keywords.iter() {
                        self.expr(&k.value, s);
                    }
                }
                let cs = self.push(ScopeKind::Class, Some(s), c.range);
                self.stmts(&c.body, cs);
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v, s)
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(t, s);
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value, s);
                for t in &a.targets {
                    self.target(t, s);
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value, s);
                if let Expr::Name(n) = &*a.target {
                    self.scopes[s].uses.push(n.id.to_string());
                }
                self.target(&a.target, s);
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v, s);
                }
                // A class body evaluates its annotations (into `__annotations__`).
                if self.scopes[s].kind == ScopeKind::Class {
                    self.expr(&a.annotation, s);
                }
                self.target(&a.target, s);
            }
            Stmt::For(f) => {
                self.expr(&f.iter, s);
                self.target(&f.target, s);
                self.stmts(&f.body, s);
                self.stmts(&f.orelse, s);
            }
            Stmt::While(w) => {
                self.expr(&w.test, s);
                self.stmts(&w.body, s);
                self.stmts(&w.orelse, s);
            }
            Stmt::If(i) => {
                self.expr(&i.test, s);
                self.stmts(&i.body, s);
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t, s);
                    }
                    self.stmts(&c.body, s);
                }
            }
            Stmt::With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr, s);
                    if let Some(v) = &it.optional_vars {
                        self.target(v, s);
                    }
                }
                self.stmts(&w.body, s);
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e, s);
                }
                if let Some(e) = &r.cause {
                    self.expr(e, s);
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body, s);
                for h in &t.handlers {
                    let ra::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(e) = &h.type_ {
                        self.expr(e, s);
                    }
                    if let Some(n) = &h.name {
                        self.bind(s, n.as_str());
                    }
                    self.stmts(&h.body, s);
                }
                self.stmts(&t.orelse, s);
                self.stmts(&t.finalbody, s);
            }
            Stmt::Assert(a) => {
                self.expr(&a.test, s);
                if let Some(m) = &a.msg {
                    self.expr(m, s);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let name = match &a.asname {
                        Some(n) => n.as_str().to_string(),
                        None => a.name.as_str().split('.').next().unwrap_or("").to_string(),
                    };
                    self.bind(s, &name);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    let name = a.asname.as_ref().unwrap_or(&a.name);
                    self.bind(s, name.as_str());
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.scopes[s].globals.insert(n.to_string());
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    self.scopes[s].nonlocals.insert(n.to_string());
                }
            }
            Stmt::Expr(e) => self.expr(&e.value, s),
            Stmt::Match(m) => {
                self.expr(&m.subject, s);
                for c in &m.cases {
                    self.pattern(&c.pattern, s);
                    if let Some(g) = &c.guard {
                        self.expr(g, s);
                    }
                    self.stmts(&c.body, s);
                }
            }
            Stmt::TypeAlias(_)
            | Stmt::IpyEscapeCommand(_)
            | Stmt::Pass(_)
            | Stmt::Break(_)
            | Stmt::Continue(_) => {}
        }
    }

    fn parameters(&mut self, p: &ra::Parameters, s: usize) {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(d) = &a.default {
                self.expr(d, s);
            }
        }
    }

    fn bind_parameters(&mut self, p: &ra::Parameters, fs: usize) {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            self.bind(fs, a.parameter.name.as_str());
        }
        if let Some(v) = &p.vararg {
            self.bind(fs, v.name.as_str());
        }
        if let Some(v) = &p.kwarg {
            self.bind(fs, v.name.as_str());
        }
    }

    /// A `case` pattern: its captures bind names in the scope (as assignments do); its values,
    /// keys and class names are uses.
    fn pattern(&mut self, p: &ra::Pattern, s: usize) {
        match p {
            ra::Pattern::MatchValue(v) => self.expr(&v.value, s),
            ra::Pattern::MatchSingleton(_) => {}
            ra::Pattern::MatchSequence(q) => q.patterns.iter().for_each(|p| self.pattern(p, s)),
            ra::Pattern::MatchMapping(m) => {
                m.keys.iter().for_each(|k| self.expr(k, s));
                m.patterns.iter().for_each(|p| self.pattern(p, s));
                if let Some(r) = &m.rest {
                    self.bind(s, r.as_str());
                }
            }
            ra::Pattern::MatchClass(c) => {
                self.expr(&c.cls, s);
                c.arguments.patterns.iter().for_each(|p| self.pattern(p, s));
                c.arguments
                    .keywords
                    .iter()
                    .for_each(|k| self.pattern(&k.pattern, s));
            }
            ra::Pattern::MatchStar(st) => {
                if let Some(n) = &st.name {
                    self.bind(s, n.as_str());
                }
            }
            ra::Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p, s);
                }
                if let Some(n) = &a.name {
                    self.bind(s, n.as_str());
                }
            }
            ra::Pattern::MatchOr(o) => o.patterns.iter().for_each(|p| self.pattern(p, s)),
        }
    }

    fn target(&mut self, t: &Expr, s: usize) {
        match t {
            Expr::Name(n) => self.bind(s, n.id.as_str()),
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.target(e, s)),
            Expr::List(t) => t.elts.iter().for_each(|e| self.target(e, s)),
            Expr::Starred(st) => self.target(&st.value, s),
            other => self.expr(other, s),
        }
    }

    fn comprehension(&mut self, node: TextRange, gens: &[ra::Comprehension], s: usize) -> usize {
        self.comprehension_of(ScopeKind::Comp, node, gens, s)
    }

    fn comprehension_of(
        &mut self,
        kind: ScopeKind,
        node: TextRange,
        gens: &[ra::Comprehension],
        s: usize,
    ) -> usize {
        // The first iterable is evaluated in the enclosing scope, as in CPython.
        if let Some(g) = gens.first() {
            self.expr(&g.iter, s);
        }
        let cs = self.push(kind, Some(s), node);
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter, cs);
            }
            self.target(&g.target, cs);
            for c in &g.ifs {
                self.expr(c, cs);
            }
        }
        cs
    }

    fn expr(&mut self, e: &Expr, s: usize) {
        match e {
            Expr::Name(n) => self.scopes[s].uses.push(n.id.to_string()),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.parameters(p, s);
                }
                let fs = self.push(ScopeKind::Function, Some(s), l.range);
                if let Some(p) = &l.parameters {
                    self.bind_parameters(p, fs);
                }
                self.expr(&l.body, fs);
            }
            Expr::ListComp(c) => {
                let cs = self.comprehension(c.range, &c.generators, s);
                self.expr(&c.elt, cs);
            }
            Expr::SetComp(c) => {
                let cs = self.comprehension(c.range, &c.generators, s);
                self.expr(&c.elt, cs);
            }
            Expr::Generator(c) => {
                let cs = self.comprehension_of(ScopeKind::GenExp, c.range, &c.generators, s);
                self.expr(&c.elt, cs);
            }
            Expr::DictComp(c) => {
                let cs = self.comprehension(c.range, &c.generators, s);
                if let Some(k) = &c.key {
                    self.expr(k, cs);
                }
                self.expr(&c.value, cs);
            }
            Expr::Named(n) => {
                self.expr(&n.value, s);
                // The walrus binds in the nearest scope that is not a comprehension.
                let mut b = s;
                while matches!(self.scopes[b].kind, ScopeKind::Comp | ScopeKind::GenExp) {
                    b = self.scopes[b].parent.unwrap_or(0);
                }
                if let Expr::Name(t) = &*n.target {
                    self.bind(b, t.id.as_str());
                    self.scopes[s].uses.push(t.id.to_string());
                }
            }
            Expr::Yield(_) | Expr::YieldFrom(_) => {
                if self.scopes[s].kind == ScopeKind::Function {
                    self.scopes[s].is_generator = true;
                }
                for_each_child(e, &mut |c| self.expr(c, s));
            }
            _ => {
                for_each_child(e, &mut |c| self.expr(c, s));
            }
        }
    }

    /// After collecting: every name a scope uses from an enclosing function becomes a cell there.
    fn mark_cells(&mut self) {
        for s in 0..self.scopes.len() {
            let mut names: Vec<String> = self.scopes[s].uses.clone();
            names.extend(self.scopes[s].nonlocals.iter().cloned());
            names.extend(self.scopes[s].bound.iter().cloned());
            for n in names {
                if let Resolved::Free(b) = self.resolve(&n, s) {
                    let owner = self.scopes[b].owner;
                    let cells = &mut self.frames.get_mut(&owner).expect("frame of owner").cells;
                    let next = cells.len() as u32;
                    cells.entry((b, n)).or_insert(next);
                }
            }
        }
    }

    /// Where a use of `name` in scope `start` finds its binding.
    pub fn resolve(&self, name: &str, start: usize) -> Resolved {
        let mut cur = start;
        let mut crossed = false;
        loop {
            let sc = &self.scopes[cur];
            if sc.globals.contains(name) {
                return Resolved::Global;
            }
            let nonlocal = sc.nonlocals.contains(name);
            match sc.kind {
                ScopeKind::Comp | ScopeKind::GenExp | ScopeKind::Function => {
                    if sc.bound.contains(name) && !nonlocal {
                        return if crossed {
                            Resolved::Free(cur)
                        } else {
                            Resolved::Here(cur)
                        };
                    }
                }
                ScopeKind::Class => {
                    if !crossed && sc.bound.contains(name) && !nonlocal {
                        return Resolved::ClassBody;
                    }
                }
                ScopeKind::Module => return Resolved::Global,
            }
            if matches!(
                sc.kind,
                ScopeKind::Function | ScopeKind::Class | ScopeKind::GenExp
            ) {
                crossed = true;
            }
            match sc.parent {
                Some(p) => cur = p,
                None => return Resolved::Global,
            }
        }
    }
}

/// Calls `f` on each direct child expression of `e` (not entering new scopes specially: callers
/// handle lambdas and comprehensions before reaching here).
pub fn for_each_child<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    match e {
        Expr::BoolOp(b) => b.values.iter().for_each(f),
        Expr::BinOp(b) => {
            f(&b.left);
            f(&b.right)
        }
        Expr::UnaryOp(u) => f(&u.operand),
        Expr::If(i) => {
            f(&i.test);
            f(&i.body);
            f(&i.orelse)
        }
        Expr::Dict(d) => {
            for it in &d.items {
                if let Some(k) = &it.key {
                    f(k);
                }
                f(&it.value);
            }
        }
        Expr::Set(s) => s.elts.iter().for_each(f),
        Expr::Compare(c) => {
            f(&c.left);
            c.comparators.iter().for_each(f)
        }
        Expr::Call(c) => {
            f(&c.func);
            c.arguments.args.iter().for_each(&mut *f);
            c.arguments.keywords.iter().for_each(|k| f(&k.value));
        }
        Expr::FString(fs) => {
            for part in fs.value.as_slice() {
                if let ra::FStringPart::FString(s) = part {
                    fstring_children(&s.elements, f);
                }
            }
        }
        Expr::Attribute(a) => f(&a.value),
        Expr::Subscript(s) => {
            f(&s.value);
            f(&s.slice)
        }
        Expr::Starred(s) => f(&s.value),
        Expr::List(l) => l.elts.iter().for_each(f),
        Expr::Tuple(t) => t.elts.iter().for_each(f),
        Expr::Slice(s) => {
            for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                f(x);
            }
        }
        Expr::Await(a) => f(&a.value),
        Expr::Yield(y) => {
            if let Some(v) = &y.value {
                f(v)
            }
        }
        Expr::YieldFrom(y) => f(&y.value),
        _ => {}
    }
}

fn fstring_children<'a>(els: &'a ra::InterpolatedStringElements, f: &mut dyn FnMut(&'a Expr)) {
    for el in els.iter() {
        if let ra::InterpolatedStringElement::Interpolation(i) = el {
            f(&i.expression);
            if let Some(spec) = &i.format_spec {
                fstring_children(&spec.elements, f);
            }
        }
    }
}
