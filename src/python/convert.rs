//! ruff's tree -> forkyard's tree. Every name is resolved here (see `scope`), every statement gets
//! its place, and anything outside the subset is refused with a sentence naming it.

use std::rc::Rc;

use ruff_python_ast::{self as ra, Expr as RExpr, Stmt as RStmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::ast::*;
use super::parse::{ErrorKind, LineIndex, ParseError};
use super::scope::{Resolved, ScopeKind, Scopes};
use super::value::{PyStr, ThinRc, Value};

mod patterns;

type R<T> = Result<T, ParseError>;

struct Conv<'a> {
    src: &'a str,
    file: &'a str,
    lines: &'a LineIndex,
    sc: Scopes,
    cur: usize,
    qual: Vec<String>,
    /// How deep in nested expressions and blocks the conversion is.
    depth: u32,
    blocks: u32,
    /// One `Rc` per identifier, so a global's key in the module namespace is the very string every
    /// use of the name holds (a cached slot is confirmed by pointer).
    idents: std::collections::HashMap<String, PyStr>,
    /// `from __future__ import annotations`: class-body annotations stay strings (their source).
    string_annotations: bool,
    /// The scopes of the `async def`s met so far: where `await`, `async for` and `async with`
    /// may stand.
    async_scopes: std::collections::HashSet<usize>,
    /// Generator expressions with an `await` in them: asynchronous generator expressions.
    awaiting_genexps: std::collections::HashSet<usize>,
}

/// CPython 3.11 gives up compiling expressions nested deeper than about this (`1+1+...` compiles
/// with 2,993 terms, not 2,994: "maximum recursion depth exceeded during compilation"); so does
/// forkyard, which keeps the evaluator's own recursion bounded. `parse::depth` refuses deeper
/// source before it is parsed; this is the same limit on the tree.
const MAX_EXPR_DEPTH: u32 = 2993;
/// CPython's tokenizer allows 100 levels of indentation.
const MAX_BLOCK_DEPTH: u32 = 100;

/// Convert a parsed module.
pub fn module(m: &ra::ModModule, src: &str, file: &str, lines: &LineIndex) -> R<Module> {
    let sc = Scopes::analyse(&m.body);
    let mut c = Conv {
        src,
        file,
        lines,
        sc,
        cur: 0,
        qual: Vec::new(),
        depth: 0,
        blocks: 0,
        idents: std::collections::HashMap::new(),
        async_scopes: std::collections::HashSet::new(),
        awaiting_genexps: std::collections::HashSet::new(),
        string_annotations: m.body.iter().any(|s| {
            matches!(s, RStmt::ImportFrom(i)
                if i.module.as_ref().is_some_and(|m| m.as_str() == "__future__")
                    && i.names.iter().any(|n| n.name.as_str() == "annotations"))
        }),
    };
    let body = c.stmts(&m.body)?;
    let frame = c.frame_shape(0);
    Ok(Module { body, frame })
}

impl Conv<'_> {
    fn pos(&self, at: TextSize) -> Pos {
        self.lines.pos(self.src, at)
    }

    fn unsupported(&self, at: TextSize, what: &str) -> ParseError {
        let pos = self.pos(at);
        ParseError {
            file: self.file.to_string(),
            pos,
            end_col: 0,
            source_line: self.lines.line(self.src, pos.line).to_string(),
            message: format!("{what} not supported by forkyard yet"),
            kind: ErrorKind::Unsupported,
            hint: None,
        }
    }

    /// A SyntaxError marking `range` with carets, to the end of its first line (as CPython 3.11).
    fn syntax_range(&self, range: TextRange, msg: &str) -> ParseError {
        let mut e = self.syntax(range.start(), msg);
        let end = self.pos(range.end());
        e.end_col = if end.line == e.pos.line {
            end.col
        } else {
            e.source_line.chars().count() as u32 + 1
        };
        e
    }

    /// Where `await` (and `async for`/`async with`) may not stand, CPython's SyntaxError.
    fn check_await(&mut self, range: TextRange, what: &str) -> R<()> {
        match self.sc.scopes[self.cur].kind {
            ScopeKind::Function if self.async_scopes.contains(&self.cur) => Ok(()),
            ScopeKind::Function => {
                Err(self.syntax_range(range, &format!("{what} outside async function")))
            }
            ScopeKind::Module | ScopeKind::Class => {
                Err(self.syntax_range(range, &format!("{what} outside function")))
            }
            // A list, set or dict comprehension runs in its function's frame, on its stack.
            ScopeKind::Comp if self.in_async_function(self.cur) => Ok(()),
            // An `await` makes the generator expression an asynchronous one (run as an async
            // generator: its awaits pass to whoever awaits its `__anext__`), which CPython
            // allows wherever the expression stands.
            ScopeKind::GenExp => {
                self.awaiting_genexps.insert(self.cur);
                Ok(())
            }
            ScopeKind::Comp => {
                Err(self.syntax_range(range, &format!("{what} outside async function")))
            }
        }
    }

    /// Whether `scope` is an `async def`'s body, or a comprehension standing in one.
    fn in_async_function(&self, mut scope: usize) -> bool {
        loop {
            let s = &self.sc.scopes[scope];
            match s.kind {
                ScopeKind::Function => return self.async_scopes.contains(&scope),
                ScopeKind::Comp | ScopeKind::GenExp => match s.parent {
                    Some(p) => scope = p,
                    None => return false,
                },
                ScopeKind::Module | ScopeKind::Class => return false,
            }
        }
    }

    fn syntax(&self, at: TextSize, msg: &str) -> ParseError {
        let pos = self.pos(at);
        ParseError {
            file: self.file.to_string(),
            pos,
            end_col: 0,
            source_line: self.lines.line(self.src, pos.line).to_string(),
            message: msg.to_string(),
            kind: ErrorKind::Syntax,
            hint: None,
        }
    }

    fn frame_shape(&self, owner: usize) -> FrameShape {
        let f = &self.sc.frames[&owner];
        // locals() names the variables bound in the function itself (not those of a
        // comprehension run inline in its frame), then its cells, then what it closes over.
        let n_own = f.cells.len() as u32;
        let mut names: Vec<(PyStr, NameRef)> = f
            .locals
            .iter()
            .filter(|((b, _), _)| *b == owner)
            .map(|((_, n), &i)| (PyStr::from(n.as_str()), NameRef::Local(i)))
            .collect();
        names.extend(
            f.cells
                .iter()
                .filter(|((b, _), _)| *b == owner)
                .map(|((_, n), &i)| (PyStr::from(n.as_str()), NameRef::Cell(i))),
        );
        names.extend(
            f.free
                .iter()
                .map(|((_, n), &i)| (PyStr::from(n.as_str()), NameRef::Cell(n_own + i))),
        );
        FrameShape {
            n_locals: f.locals.len() as u32,
            n_cells: (f.cells.len() + f.free.len()) as u32,
            free_from: f.free_from.clone(),
            names,
        }
    }

    fn name(&mut self, id: &str) -> Name {
        let at = match self.sc.resolve(id, self.cur) {
            Resolved::Here(b) => {
                let owner = self.sc.scopes[b].owner;
                let fr = self.sc.frames.get_mut(&owner).expect("frame");
                let k = (b, id.to_string());
                if let Some(&c) = fr.cells.get(&k) {
                    NameRef::Cell(c)
                } else {
                    let next = fr.locals.len() as u32;
                    NameRef::Local(*fr.locals.entry(k).or_insert(next))
                }
            }
            Resolved::Free(b) => {
                let owner = self.sc.scopes[self.cur].owner;
                NameRef::Cell(self.free_index(owner, b, id))
            }
            Resolved::Global => NameRef::Global(self.ident(id)),
            Resolved::ClassBody => NameRef::ClassBody(self.ident(id)),
        };
        Name {
            id: self.ident(id),
            at,
            slot: std::cell::Cell::new(0),
        }
    }

    /// The shared `Rc` of identifier `id`.
    fn ident(&mut self, id: &str) -> PyStr {
        if let Some(r) = self.idents.get(id) {
            return r.clone();
        }
        let r: PyStr = PyStr::from(id);
        self.idents.insert(id.to_string(), r.clone());
        r
    }

    /// The cell index, in `owner`'s frame, of variable `id` bound in scope `b` of an enclosing frame.
    fn free_index(&mut self, owner: usize, b: usize, id: &str) -> u32 {
        let k = (b, id.to_string());
        let fr = &self.sc.frames[&owner];
        let n_own = fr.cells.len() as u32;
        if let Some(&i) = fr.free.get(&k) {
            return n_own + i;
        }
        let parent = self.sc.scopes[owner]
            .parent
            .expect("a free variable has an enclosing scope");
        let parent_owner = self.sc.scopes[parent].owner;
        let from = if self.sc.scopes[b].owner == parent_owner {
            self.sc.frames[&parent_owner].cells[&k]
        } else {
            self.free_index(parent_owner, b, id)
        };
        let fr = self.sc.frames.get_mut(&owner).expect("frame");
        let i = fr.free.len() as u32;
        fr.free.insert(k, i);
        fr.free_from.push(from);
        n_own + i
    }

    fn stmts(&mut self, body: &[RStmt]) -> R<Vec<Stmt>> {
        self.blocks += 1;
        if self.blocks > MAX_BLOCK_DEPTH + 1 {
            let at = body.first().map(|s| s.start()).unwrap_or_default();
            let mut err = self.syntax(at, "too many levels of indentation");
            err.kind = ErrorKind::Indentation;
            return Err(err);
        }
        let r = body.iter().map(|s| self.stmt(s)).collect();
        self.blocks -= 1;
        r
    }

    fn stmt(&mut self, st: &RStmt) -> R<Stmt> {
        let pos = self.pos(st.start());
        let kind = match st {
            RStmt::Expr(e) => StmtKind::Expr(self.expr(&e.value)?),
            RStmt::Assign(a) => {
                let value = self.expr(&a.value)?;
                let targets = a.targets.iter().map(|t| self.target(t)).collect::<R<_>>()?;
                StmtKind::Assign { targets, value }
            }
            RStmt::AnnAssign(a)
                if self.sc.scopes[self.cur].kind == ScopeKind::Class
                    && matches!(&*a.target, RExpr::Name(_)) =>
            {
                let RExpr::Name(n) = &*a.target else {
                    unreachable!()
                };
                let assign = match &a.value {
                    Some(v) => Some((self.target(&a.target)?, self.expr(v)?)),
                    None => None,
                };
                let annotation = if self.string_annotations {
                    Expr {
                        pos: self.pos(a.annotation.start()),
                        kind: ExprKind::Const(Value::str(&self.src[a.annotation.range()])),
                    }
                } else {
                    self.expr(&a.annotation)?
                };
                StmtKind::ClassAnnotation {
                    name: PyStr::from(n.id.as_str()),
                    annotation,
                    assign,
                }
            }
            RStmt::AnnAssign(a) => match &a.value {
                Some(v) => {
                    let value = self.expr(v)?;
                    StmtKind::Assign {
                        targets: vec![self.target(&a.target)?],
                        value,
                    }
                }
                None => StmtKind::Pass,
            },
            RStmt::AugAssign(a) => {
                let value = self.expr(&a.value)?;
                let target = self.target(&a.target)?;
                StmtKind::AugAssign {
                    target,
                    op: binop(a.op),
                    value,
                }
            }
            RStmt::If(i) => {
                let test = self.expr(&i.test)?;
                let body = self.stmts(&i.body)?;
                let orelse = self.elif_chain(&i.elif_else_clauses)?;
                StmtKind::If { test, body, orelse }
            }
            RStmt::While(w) => StmtKind::While {
                test: self.expr(&w.test)?,
                body: self.stmts(&w.body)?,
                orelse: self.stmts(&w.orelse)?,
            },
            RStmt::For(f) => {
                if f.is_async {
                    self.check_await(f.range, "'async for'")?;
                    let iter = self.expr(&f.iter)?;
                    return Ok(Stmt {
                        pos,
                        kind: StmtKind::AsyncFor {
                            target: self.target(&f.target)?,
                            iter,
                            body: self.stmts(&f.body)?,
                            orelse: self.stmts(&f.orelse)?,
                        },
                    });
                }
                let iter = self.expr(&f.iter)?;
                StmtKind::For {
                    target: self.target(&f.target)?,
                    iter,
                    body: self.stmts(&f.body)?,
                    orelse: self.stmts(&f.orelse)?,
                }
            }
            RStmt::Break(_) => StmtKind::Break,
            RStmt::Continue(_) => StmtKind::Continue,
            RStmt::Pass(_) => StmtKind::Pass,
            RStmt::Return(r) => {
                if self.sc.scopes[self.cur].kind != ScopeKind::Function {
                    return Err(self.syntax(r.start(), "'return' outside function"));
                }
                if r.value.is_some()
                    && self.async_scopes.contains(&self.cur)
                    && self.sc.scopes[self.cur].is_generator
                {
                    return Err(
                        self.syntax_range(r.range, "'return' with value in async generator")
                    );
                }
                StmtKind::Return(r.value.as_ref().map(|v| self.expr(v)).transpose()?)
            }
            RStmt::FunctionDef(f) => {
                if f.is_async {
                    self.async_scopes.insert(self.sc.of(f.range));
                }
                let decorators = f
                    .decorator_list
                    .iter()
                    .map(|d| self.expr(&d.expression))
                    .collect::<R<_>>()?;
                let def = self.function(
                    f.range,
                    f.name.as_str(),
                    &f.parameters,
                    FnBody::Block(&f.body),
                )?;
                let mut def = def;
                if f.is_async {
                    def.is_async_gen = def.is_generator;
                    def.is_async = true;
                    def.is_generator = true;
                }
                def.annotations = self.annotations(&f.parameters, f.returns.as_deref())?;
                let target = self.name(f.name.as_str());
                StmtKind::FunctionDef {
                    def: Rc::new(def),
                    decorators,
                    target,
                }
            }
            RStmt::ClassDef(c) => self.class(c)?,
            RStmt::Try(t) => {
                if t.is_star {
                    for h in &t.handlers {
                        let ra::ExceptHandler::ExceptHandler(h) = h;
                        if let Some(at) = super::except_star_check::jump_out(&h.body, false) {
                            return Err(self.syntax(
                                at,
                                "'break', 'continue' and 'return' cannot appear in an except* block",
                            ));
                        }
                    }
                }
                let body = self.stmts(&t.body)?;
                let mut handlers = Vec::new();
                for h in &t.handlers {
                    let ra::ExceptHandler::ExceptHandler(h) = h;
                    handlers.push(Handler {
                        pos: self.pos(h.start()),
                        kind: h.type_.as_ref().map(|e| self.expr(e)).transpose()?,
                        name: h.name.as_ref().map(|n| self.name(n.as_str())),
                        body: self.stmts(&h.body)?,
                    });
                }
                StmtKind::Try {
                    body,
                    handlers,
                    orelse: self.stmts(&t.orelse)?,
                    finalbody: self.stmts(&t.finalbody)?,
                    star: t.is_star,
                }
            }
            RStmt::Raise(r) => StmtKind::Raise {
                exc: r.exc.as_ref().map(|e| self.expr(e)).transpose()?,
                cause: r.cause.as_ref().map(|e| self.expr(e)).transpose()?,
            },
            RStmt::With(w) => {
                if w.is_async {
                    self.check_await(w.range, "'async with'")?;
                }
                let mut items = Vec::new();
                for it in &w.items {
                    let e = self.expr(&it.context_expr)?;
                    let t = it
                        .optional_vars
                        .as_ref()
                        .map(|t| self.target(t))
                        .transpose()?;
                    items.push((e, t));
                }
                let body = self.stmts(&w.body)?;
                if w.is_async {
                    StmtKind::AsyncWith { items, body }
                } else {
                    StmtKind::With { items, body }
                }
            }
            RStmt::Assert(a) => StmtKind::Assert {
                test: self.expr(&a.test)?,
                msg: a.msg.as_ref().map(|m| self.expr(m)).transpose()?,
            },
            RStmt::Delete(d) => {
                StmtKind::Delete(d.targets.iter().map(|t| self.target(t)).collect::<R<_>>()?)
            }
            RStmt::Import(i) => {
                // Several names in one statement become several statements' worth of work; keep the
                // first here and chain the rest as a block.
                let mut out = Vec::new();
                for a in &i.names {
                    let module: PyStr = PyStr::from(a.name.as_str());
                    let (bind, bind_top) = match &a.asname {
                        Some(n) => (n.as_str().to_string(), false),
                        None => (
                            a.name.as_str().split('.').next().unwrap_or("").to_string(),
                            true,
                        ),
                    };
                    let target = self.name(&bind);
                    out.push(Stmt {
                        pos,
                        kind: StmtKind::Import {
                            module,
                            target,
                            bind_top,
                        },
                    });
                }
                if out.len() == 1 {
                    return Ok(out.pop().expect("one import"));
                }
                StmtKind::If {
                    test: Expr {
                        pos,
                        kind: ExprKind::Const(Value::Bool(true)),
                    },
                    body: out,
                    orelse: vec![],
                }
            }
            // A feature CPython 3.11 has on anyway (`parse::compile` refused unknown ones).
            RStmt::ImportFrom(i)
                if i.module
                    .as_ref()
                    .is_some_and(|m| m.as_str() == "__future__") =>
            {
                StmtKind::Pass
            }
            RStmt::ImportFrom(i) => {
                if i.level > 0 {
                    return Err(self.unsupported(i.start(), "relative imports are"));
                }
                let module: PyStr =
                    PyStr::from(i.module.as_ref().map(|m| m.as_str()).unwrap_or(""));
                let mut names = Vec::new();
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.sc.scopes[self.cur].kind != ScopeKind::Module {
                            return Err(
                                self.syntax(i.start(), "import * only allowed at module level")
                            );
                        }
                        return Ok(Stmt {
                            pos,
                            kind: StmtKind::ImportStar { module },
                        });
                    }
                    let bind = a.asname.as_ref().unwrap_or(&a.name);
                    names.push((PyStr::from(a.name.as_str()), self.name(bind.as_str())));
                }
                StmtKind::ImportFrom { module, names }
            }
            RStmt::Global(_) | RStmt::Nonlocal(_) => StmtKind::Pass,
            RStmt::Match(m) => self.match_stmt(m)?,
            RStmt::TypeAlias(t) => return Err(self.unsupported(t.start(), "`type` aliases are")),
            RStmt::IpyEscapeCommand(c) => return Err(self.syntax(c.start(), "invalid syntax")),
        };
        Ok(Stmt { pos, kind })
    }

    fn elif_chain(&mut self, clauses: &[ra::ElifElseClause]) -> R<Vec<Stmt>> {
        let Some((first, rest)) = clauses.split_first() else {
            return Ok(vec![]);
        };
        match &first.test {
            None => self.stmts(&first.body),
            Some(t) => {
                let pos = self.pos(first.start());
                let test = self.expr(t)?;
                let body = self.stmts(&first.body)?;
                let orelse = self.elif_chain(rest)?;
                Ok(vec![Stmt {
                    pos,
                    kind: StmtKind::If { test, body, orelse },
                }])
            }
        }
    }

    fn class(&mut self, c: &ra::StmtClassDef) -> R<StmtKind> {
        if c.type_params.is_some() {
            return Err(self.unsupported(c.start(), "generic classes are"));
        }
        let decorators = c
            .decorator_list
            .iter()
            .map(|d| self.expr(&d.expression))
            .collect::<R<_>>()?;
        let mut bases = Vec::new();
        let mut keywords = Vec::new();
        if let Some(a) = &c.arguments {
            for b in a.args.iter() {
                bases.push(self.expr(b)?);
            }
            for k in a.keywords.iter() {
                keywords.push(Kwarg {
                    name: k.arg.as_ref().map(|n| PyStr::from(n.as_str())),
                    value: self.expr(&k.value)?,
                });
            }
        }
        let scope = self.sc.of(c.range);
        let saved = std::mem::replace(&mut self.cur, scope);
        self.qual.push(c.name.to_string());
        let body = self.stmts(&c.body);
        let qualname = self.qual.join(".");
        self.qual.pop();
        self.cur = saved;
        let body = body?;
        let def = ClassDef {
            name: PyStr::from(c.name.as_str()),
            qualname: PyStr::from(qualname),
            pos: self.pos(c.start()),
            bases,
            keywords,
            body,
            frame: self.frame_shape(scope),
        };
        let target = self.name(c.name.as_str());
        Ok(StmtKind::ClassDef {
            def: Rc::new(def),
            decorators,
            target,
        })
    }

    fn function(
        &mut self,
        range: TextRange,
        name: &str,
        p: &ra::Parameters,
        body: FnBody,
    ) -> R<FunctionDef> {
        // Defaults are evaluated where the def stands.
        let mut defaults = Vec::new();
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &a.default {
                defaults.push(self.expr(d)?);
            }
        }
        let mut kw_defaults = Vec::new();
        for a in p.kwonlyargs.iter() {
            kw_defaults.push(a.default.as_ref().map(|d| self.expr(d)).transpose()?);
        }
        let scope = self.sc.of(range);
        let saved = std::mem::replace(&mut self.cur, scope);
        let is_lambda = matches!(body, FnBody::Lambda(_));
        let in_class = self.sc.scopes[saved].kind == ScopeKind::Class;
        self.qual.push(name.to_string());
        let qualname = self.qual.join(".");
        // Methods' nested functions say `<locals>` in their qualname, like CPython.
        self.qual.push("<locals>".to_string());
        let result = (|| -> R<FunctionDef> {
            let params = p
                .posonlyargs
                .iter()
                .chain(p.args.iter())
                .map(|a| self.param(a.parameter.name.as_str()))
                .collect();
            let vararg = p.vararg.as_ref().map(|v| self.param(v.name.as_str()));
            let kwonly = p
                .kwonlyargs
                .iter()
                .map(|a| self.param(a.parameter.name.as_str()))
                .collect();
            let kwarg = p.kwarg.as_ref().map(|v| self.param(v.name.as_str()));
            let body = match body {
                FnBody::Block(b) => self.stmts(b)?,
                FnBody::Lambda(e) => {
                    let pos = self.pos(e.start());
                    vec![Stmt {
                        pos,
                        kind: StmtKind::Return(Some(self.expr(e)?)),
                    }]
                }
            };
            Ok(FunctionDef {
                name: PyStr::from(name),
                qualname: PyStr::from(qualname.as_str()),
                pos: self.pos(range.start()),
                n_defaults: defaults.len(),
                n_posonly: p.posonlyargs.len(),
                params,
                defaults: Vec::new(),
                vararg,
                kwonly,
                kw_defaults: Vec::new(),
                kwarg,
                body,
                is_lambda,
                is_generator: self.sc.scopes[scope].is_generator,
                is_async: false,
                is_async_gen: false,
                frame: FrameShape::default(),
                annotations: Vec::new(),
            })
        })();
        self.qual.pop();
        self.qual.pop();
        let _ = in_class;
        let mut def = result?;
        def.frame = self.frame_shape(scope);
        self.cur = saved;
        def.defaults = defaults;
        def.kw_defaults = kw_defaults;
        Ok(def)
    }

    /// A def's annotations, in CPython's order (parameters as written, `*args`, keyword-only
    /// ones, `**kwargs`, then `return`), converted in the scope where the def stands.
    fn annotations(
        &mut self,
        p: &ra::Parameters,
        returns: Option<&RExpr>,
    ) -> R<Vec<(PyStr, Expr)>> {
        let mut out = Vec::new();
        let mut add = |this: &mut Self, a: &ra::Parameter| -> R<()> {
            if let Some(e) = &a.annotation {
                out.push((PyStr::from(a.name.as_str()), this.expr(e)?));
            }
            Ok(())
        };
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            add(self, &a.parameter)?;
        }
        if let Some(v) = &p.vararg {
            add(self, v)?;
        }
        for a in p.kwonlyargs.iter() {
            add(self, &a.parameter)?;
        }
        if let Some(k) = &p.kwarg {
            add(self, k)?;
        }
        if let Some(r) = returns {
            out.push((PyStr::from("return"), self.expr(r)?));
        }
        Ok(out)
    }

    fn param(&mut self, name: &str) -> Param {
        let n = self.name(name);
        Param {
            name: n.id,
            at: n.at,
        }
    }

    fn target(&mut self, t: &RExpr) -> R<Target> {
        Ok(match t {
            RExpr::Name(n) => Target::Name(self.name(n.id.as_str())),
            RExpr::Attribute(a) => Target::Attr(
                Box::new(self.expr(&a.value)?),
                self.ident(a.attr.as_str()),
                Default::default(),
            ),
            RExpr::Subscript(s) => Target::Subscript(
                Box::new(self.expr(&s.value)?),
                Box::new(self.expr(&s.slice)?),
            ),
            RExpr::Tuple(ra::ExprTuple { elts, .. }) | RExpr::List(ra::ExprList { elts, .. }) => {
                let mut star = None;
                let mut out = Vec::new();
                for (i, e) in elts.iter().enumerate() {
                    if let RExpr::Starred(s) = e {
                        if star.is_some() {
                            return Err(self
                                .syntax(e.start(), "multiple starred expressions in assignment"));
                        }
                        star = Some(i);
                        out.push(self.target(&s.value)?);
                    } else {
                        out.push(self.target(e)?);
                    }
                }
                Target::Unpack(out, star)
            }
            RExpr::Starred(s) => {
                return Err(self.syntax(
                    s.start(),
                    "starred assignment target must be in a list or tuple",
                ));
            }
            other => return Err(self.syntax(other.start(), "cannot assign to expression")),
        })
    }

    fn exprs(&mut self, es: &[RExpr]) -> R<Vec<Expr>> {
        es.iter().map(|e| self.expr(e)).collect()
    }

    fn expr(&mut self, e: &RExpr) -> R<Expr> {
        self.depth += 1;
        if self.depth > MAX_EXPR_DEPTH {
            let mut err = self.syntax(
                e.start(),
                "maximum recursion depth exceeded during compilation",
            );
            err.kind = ErrorKind::Recursion;
            return Err(err);
        }
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &RExpr) -> R<Expr> {
        let pos = self.pos(e.start());
        let kind = match e {
            RExpr::NumberLiteral(n) => ExprKind::Const(match &n.value {
                ra::Number::Int(i) => match i.as_i64() {
                    Some(v) => Value::Int(v),
                    // Past 64 bits the parser keeps the literal's text (`0x...` or digits).
                    None => big_literal(&i.to_string())
                        .ok_or_else(|| self.unsupported(e.start(), "this integer literal is"))?,
                },
                ra::Number::Float(f) => Value::Float(*f),
                // The class `complex` belongs to an interpreter, which does not exist yet while
                // the file is converted: the literal is a call that makes the number.
                ra::Number::Complex { real, imag } => {
                    let make = Value::builtin("complex", super::complex::literal);
                    let constant = |v: Value| Expr {
                        pos,
                        kind: ExprKind::Const(v),
                    };
                    let part = |x: f64| constant(Value::Float(x));
                    return Ok(Expr {
                        pos,
                        kind: ExprKind::Call {
                            func: Box::new(constant(make)),
                            args: vec![part(*real), part(*imag)],
                            kwargs: Vec::new(),
                        },
                    });
                }
            }),
            RExpr::StringLiteral(s) => ExprKind::Const(Value::str(s.value.to_str())),
            RExpr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                ExprKind::Const(Value::Bytes(ThinRc::from(bytes)))
            }
            RExpr::BooleanLiteral(b) => ExprKind::Const(Value::Bool(b.value)),
            RExpr::NoneLiteral(_) => ExprKind::Const(Value::None),
            RExpr::EllipsisLiteral(_) => ExprKind::Const(Value::Ellipsis),
            RExpr::Name(n) => ExprKind::Name(self.name(n.id.as_str())),
            RExpr::Attribute(a) => ExprKind::Attr(
                Box::new(self.expr(&a.value)?),
                self.ident(a.attr.as_str()),
                Default::default(),
            ),
            RExpr::Subscript(s) => ExprKind::Subscript(
                Box::new(self.expr(&s.value)?),
                Box::new(self.expr(&s.slice)?),
            ),
            RExpr::Slice(s) => {
                let mut part = |x: &Option<Box<RExpr>>| -> R<Option<Box<Expr>>> {
                    x.as_ref().map(|e| self.expr(e).map(Box::new)).transpose()
                };
                ExprKind::Slice(part(&s.lower)?, part(&s.upper)?, part(&s.step)?)
            }
            RExpr::Call(c) => {
                let is_super = matches!(&*c.func, RExpr::Name(n) if n.id.as_str() == "super")
                    && c.arguments.args.is_empty()
                    && c.arguments.keywords.is_empty()
                    && self.sc.resolve("super", self.cur) == Resolved::Global;
                // `locals()` and `vars()` read the frame, which a builtin cannot see.
                let is_locals = matches!(&*c.func, RExpr::Name(n)
                        if matches!(n.id.as_str(), "locals" | "vars")
                            && self.sc.resolve(n.id.as_str(), self.cur) == Resolved::Global)
                    && c.arguments.args.is_empty()
                    && c.arguments.keywords.is_empty();
                if is_super {
                    ExprKind::Super
                } else if is_locals {
                    ExprKind::Locals
                } else {
                    let func = Box::new(self.expr(&c.func)?);
                    let args = self.exprs(&c.arguments.args)?;
                    let mut kwargs = Vec::new();
                    for k in c.arguments.keywords.iter() {
                        kwargs.push(Kwarg {
                            name: k.arg.as_ref().map(|a| PyStr::from(a.as_str())),
                            value: self.expr(&k.value)?,
                        });
                    }
                    ExprKind::Call { func, args, kwargs }
                }
            }
            RExpr::BinOp(b) => ExprKind::BinOp(
                binop(b.op),
                Box::new(self.expr(&b.left)?),
                Box::new(self.expr(&b.right)?),
            ),
            RExpr::UnaryOp(u) => {
                let op = match u.op {
                    ra::UnaryOp::Not => UnaryOp::Not,
                    ra::UnaryOp::USub => UnaryOp::Neg,
                    ra::UnaryOp::UAdd => UnaryOp::Pos,
                    ra::UnaryOp::Invert => UnaryOp::Invert,
                };
                // Fold `-5` so negative literals (including i64::MIN) are constants.
                if let (UnaryOp::Neg, RExpr::NumberLiteral(n)) = (op, &*u.operand)
                    && let ra::Number::Int(i) = &n.value
                    && let Some(v) = i.as_u64()
                    && v <= i64::MAX as u64 + 1
                {
                    return Ok(Expr {
                        pos,
                        kind: ExprKind::Const(Value::Int((v as i128).wrapping_neg() as i64)),
                    });
                }
                ExprKind::Unary(op, Box::new(self.expr(&u.operand)?))
            }
            RExpr::BoolOp(b) => {
                let vals = self.exprs(&b.values)?;
                match b.op {
                    ra::BoolOp::And => ExprKind::And(vals),
                    ra::BoolOp::Or => ExprKind::Or(vals),
                }
            }
            RExpr::Compare(c) => {
                let left = Box::new(self.expr(&c.left)?);
                let mut rest = Vec::new();
                for (op, r) in c.ops.iter().zip(c.comparators.iter()) {
                    rest.push((cmpop(*op), self.expr(r)?));
                }
                ExprKind::Compare(left, rest)
            }
            RExpr::If(i) => ExprKind::IfExp(
                Box::new(self.expr(&i.test)?),
                Box::new(self.expr(&i.body)?),
                Box::new(self.expr(&i.orelse)?),
            ),
            RExpr::List(l) => ExprKind::List(self.exprs(&l.elts)?),
            RExpr::Tuple(t) => ExprKind::Tuple(self.exprs(&t.elts)?),
            RExpr::Set(s) => ExprKind::Set(self.exprs(&s.elts)?),
            RExpr::Dict(d) => {
                let mut items = Vec::new();
                for it in &d.items {
                    let k = it.key.as_ref().map(|k| self.expr(k)).transpose()?;
                    items.push((k, self.expr(&it.value)?));
                }
                ExprKind::Dict(items)
            }
            RExpr::Starred(s) => ExprKind::Starred(Box::new(self.expr(&s.value)?)),
            RExpr::ListComp(c) => {
                self.comp(c.range, CompKind::List, &c.elt, None, &c.generators)?
            }
            RExpr::SetComp(c) => self.comp(c.range, CompKind::Set, &c.elt, None, &c.generators)?,
            RExpr::Generator(c) => self.genexp(c)?,
            RExpr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Err(self.unsupported(c.start(), "`**` in dict comprehensions is"));
                };
                self.comp(c.range, CompKind::Dict, key, Some(&c.value), &c.generators)?
            }
            RExpr::Lambda(l) => {
                let empty = ra::Parameters {
                    range: TextRange::default(),
                    node_index: Default::default(),
                    posonlyargs: Default::default(),
                    args: Default::default(),
                    vararg: None,
                    kwonlyargs: Default::default(),
                    kwarg: None,
                };
                let params = l.parameters.as_deref().unwrap_or(&empty);
                ExprKind::Lambda(Rc::new(self.function(
                    l.range,
                    "<lambda>",
                    params,
                    FnBody::Lambda(&l.body),
                )?))
            }
            RExpr::FString(f) => {
                let mut parts = Vec::new();
                for part in f.value.as_slice() {
                    match part {
                        ra::FStringPart::Literal(s) => {
                            parts.push(FPart::Lit(PyStr::from(&*s.value)))
                        }
                        ra::FStringPart::FString(fs) => parts.extend(self.fparts(&fs.elements)?),
                    }
                }
                ExprKind::FString(parts)
            }
            RExpr::Named(n) => {
                let value = Box::new(self.expr(&n.value)?);
                let RExpr::Name(t) = &*n.target else {
                    return Err(self.syntax(
                        n.start(),
                        "cannot use assignment expressions with this target",
                    ));
                };
                ExprKind::Walrus(self.name(t.id.as_str()), value)
            }
            RExpr::Yield(y) => {
                self.check_yield(e.start())?;
                let v = y
                    .value
                    .as_ref()
                    .map(|v| self.expr(v).map(Box::new))
                    .transpose()?;
                if self.async_scopes.contains(&self.cur) {
                    ExprKind::AsyncGenYield(v)
                } else {
                    ExprKind::Yield(v)
                }
            }
            RExpr::YieldFrom(y) => {
                self.check_yield(e.start())?;
                if self.async_scopes.contains(&self.cur) {
                    return Err(self.syntax_range(y.range, "'yield from' inside async function"));
                }
                ExprKind::YieldFrom(Box::new(self.expr(&y.value)?))
            }
            RExpr::Await(a) => {
                self.check_await(a.range, "'await'")?;
                ExprKind::Await(Box::new(self.expr(&a.value)?))
            }
            RExpr::TString(_) => return Err(self.unsupported(e.start(), "template strings are")),
            RExpr::IpyEscapeCommand(_) => return Err(self.syntax(e.start(), "invalid syntax")),
        };
        Ok(Expr { pos, kind })
    }

    fn fparts(&mut self, els: &ra::InterpolatedStringElements) -> R<Vec<FPart>> {
        let mut out = Vec::new();
        for el in els.iter() {
            match el {
                ra::InterpolatedStringElement::Literal(l) => {
                    out.push(FPart::Lit(PyStr::from(&*l.value)))
                }
                ra::InterpolatedStringElement::Interpolation(i) => {
                    let conversion = match i.conversion {
                        ra::ConversionFlag::None => None,
                        ra::ConversionFlag::Str => Some('s'),
                        ra::ConversionFlag::Repr => Some('r'),
                        ra::ConversionFlag::Ascii => Some('a'),
                    };
                    let spec = i
                        .format_spec
                        .as_ref()
                        .map(|s| self.fparts(&s.elements))
                        .transpose()?;
                    let debug = i.debug_text.as_ref().map(|d| PyStr::from(d.as_str()));
                    out.push(FPart::Value {
                        expr: self.expr(&i.expression)?,
                        conversion,
                        spec,
                        debug,
                    });
                }
            }
        }
        Ok(out)
    }

    /// `yield` belongs in a function's own body, as CPython's compiler says.
    fn check_yield(&self, at: TextSize) -> R<()> {
        match self.sc.scopes[self.cur].kind {
            ScopeKind::Function => Ok(()),
            ScopeKind::Module | ScopeKind::Class => {
                Err(self.syntax(at, "'yield' outside function"))
            }
            ScopeKind::Comp | ScopeKind::GenExp => {
                Err(self.syntax(at, "'yield' inside a comprehension or generator expression"))
            }
        }
    }

    /// A generator expression: its first iterable here, the rest in a frame of its own.
    fn genexp(&mut self, c: &ra::ExprGenerator) -> R<ExprKind> {
        let ExprKind::Comp { elt, gens, .. } =
            self.comp(c.range, CompKind::Gen, &c.elt, None, &c.generators)?
        else {
            unreachable!("comp makes a Comp")
        };
        let scope = self.sc.of(c.range);
        let mut gens = gens;
        let pos = self.pos(c.start());
        let first_iter = std::mem::replace(
            &mut gens[0].iter,
            Expr {
                pos,
                kind: ExprKind::Const(Value::None),
            },
        );
        let mut qual = self.qual.clone();
        qual.push("<genexpr>".to_string());
        let is_async = gens.iter().any(|g| g.is_async) || self.awaiting_genexps.contains(&scope);
        Ok(ExprKind::GenExp(Rc::new(GenExp {
            is_async,
            qualname: PyStr::from(qual.join(".")),
            first_iter,
            gens,
            elt: *elt,
            frame: self.frame_shape(scope),
        })))
    }

    fn comp(
        &mut self,
        range: TextRange,
        kind: CompKind,
        elt: &RExpr,
        value: Option<&RExpr>,
        gens: &[ra::Comprehension],
    ) -> R<ExprKind> {
        // An asynchronous generator expression may stand anywhere (it is an async generator
        // object); an asynchronous list, set or dict comprehension only in an `async def`.
        if gens.iter().any(|g| g.is_async)
            && kind != CompKind::Gen
            && !self.in_async_function(self.cur)
        {
            return Err(self.syntax_range(
                range,
                "asynchronous comprehension outside of an asynchronous function",
            ));
        }
        // The first iterable belongs to the enclosing scope.
        let first_iter = match gens.first() {
            Some(g) => Some(self.expr(&g.iter)?),
            None => None,
        };
        let scope = self.sc.of(range);
        let saved = std::mem::replace(&mut self.cur, scope);
        let result = (|| -> R<ExprKind> {
            let mut out = Vec::new();
            let mut first_iter = first_iter;
            for g in gens {
                let iter = match first_iter.take() {
                    Some(i) => i,
                    None => self.expr(&g.iter)?,
                };
                let target = self.target(&g.target)?;
                let ifs = self.exprs(&g.ifs)?;
                out.push(Comprehension {
                    target,
                    iter,
                    ifs,
                    is_async: g.is_async,
                });
            }
            let elt = Box::new(self.expr(elt)?);
            let value = value.map(|v| self.expr(v).map(Box::new)).transpose()?;
            Ok(ExprKind::Comp {
                kind,
                elt,
                value,
                gens: out,
            })
        })();
        self.cur = saved;
        result
    }
}

enum FnBody<'a> {
    Block(&'a [RStmt]),
    Lambda(&'a RExpr),
}

fn binop(op: ra::Operator) -> BinOp {
    use ra::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::Div,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::BitOr,
        O::BitXor => BinOp::BitXor,
        O::BitAnd => BinOp::BitAnd,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

fn cmpop(op: ra::CmpOp) -> CmpOp {
    use ra::CmpOp as C;
    match op {
        C::Eq => CmpOp::Eq,
        C::NotEq => CmpOp::NotEq,
        C::Lt => CmpOp::Lt,
        C::LtE => CmpOp::LtE,
        C::Gt => CmpOp::Gt,
        C::GtE => CmpOp::GtE,
        C::Is => CmpOp::Is,
        C::IsNot => CmpOp::IsNot,
        C::In => CmpOp::In,
        C::NotIn => CmpOp::NotIn,
    }
}

/// An integer literal past 64 bits, from its source text: an optional `0x`/`0o`/`0b` prefix, then
/// digits (the lexer has already checked them). A decimal literal past CPython's 4300-digit limit
/// is refused (`None`), as CPython refuses it at compile time.
fn big_literal(text: &str) -> Option<Value> {
    let t = text.replace('_', "");
    let lower = t.to_ascii_lowercase();
    let (digits, base) = match lower.get(..2) {
        Some("0x") => (&t[2..], 16),
        Some("0o") => (&t[2..], 8),
        Some("0b") => (&t[2..], 2),
        _ => (&t[..], 10),
    };
    if base == 10 && digits.len() > super::bigint::MAX_STR_DIGITS {
        return None;
    }
    num_bigint::BigInt::parse_bytes(digits.as_bytes(), base).map(super::bigint::norm)
}
