//! forkyard's own syntax tree: what `parse` makes of ruff's tree, with every name already resolved to
//! where it lives (a local slot, a closure cell, a global, a class body) and every statement carrying
//! its (line, column), so the evaluator never looks a local up by name.

use std::rc::Rc;

use super::inline_cache::AttrCache;
use super::value::{PyStr, Value};

/// A place in the source: 1-based line and 1-based column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// Where a name lives, decided once at parse time.
#[derive(Clone, Debug)]
pub enum NameRef {
    /// A slot of the current frame.
    Local(u32),
    /// A cell of the current frame (its own cells first, then those it closed over).
    Cell(u32),
    /// The module's globals, then the builtins.
    Global(PyStr),
    /// A class body's namespace, then globals, then builtins.
    ClassBody(PyStr),
}

/// A name as written and where it lives.
#[derive(Clone, Debug)]
pub struct Name {
    pub id: PyStr,
    pub at: NameRef,
    /// For a global: the index in the module namespace where it was found last (confirmed by
    /// the key before use, so a stale index only costs the hash lookup it saves).
    pub slot: std::cell::Cell<u32>,
}

/// A statement.
#[derive(Debug)]
pub struct Stmt {
    pub pos: Pos,
    pub kind: StmtKind,
}

#[derive(Debug)]
pub enum StmtKind {
    Expr(Expr),
    Assign {
        targets: Vec<Target>,
        value: Expr,
    },
    AugAssign {
        target: Target,
        op: BinOp,
        value: Expr,
    },
    /// `name: annotation [= value]` in a class body: the value (if any) is assigned, then the
    /// annotation is evaluated and recorded in the class's `__annotations__` (dataclasses and
    /// typing.NamedTuple read the fields from there, in order).
    ClassAnnotation {
        name: PyStr,
        annotation: Expr,
        assign: Option<(Target, Expr)>,
    },
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        target: Target,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    Break,
    Continue,
    Pass,
    Return(Option<Expr>),
    FunctionDef {
        def: Rc<FunctionDef>,
        decorators: Vec<Expr>,
        target: Name,
    },
    ClassDef {
        def: Rc<ClassDef>,
        decorators: Vec<Expr>,
        target: Name,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
        /// `except*` clauses (3.11): each takes its part of an exception group.
        star: bool,
    },
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    With {
        items: Vec<(Expr, Option<Target>)>,
        body: Vec<Stmt>,
    },
    /// `async with`: `__aenter__`/`__aexit__` awaited (inside a coroutine only).
    AsyncWith {
        items: Vec<(Expr, Option<Target>)>,
        body: Vec<Stmt>,
    },
    /// `async for`: `__aiter__` once, then `await __anext__()` until StopAsyncIteration.
    AsyncFor {
        target: Target,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    Delete(Vec<Target>),
    /// `import a.b as c`: the module path and where the bound name goes.
    Import {
        module: PyStr,
        target: Name,
        bind_top: bool,
    },
    /// `from m import a as b, ...`.
    ImportFrom {
        module: PyStr,
        names: Vec<(PyStr, Name)>,
    },
    /// `from m import *` (module level only): every public name of `m` (its `__all__`, else
    /// the names not starting with `_`) bound as a global.
    ImportStar {
        module: PyStr,
    },
    /// `match subject:` and its `case` blocks, tried in order (see `interp::pattern`).
    Match {
        subject: Expr,
        cases: Vec<MatchCase>,
    },
}

/// One `case pattern [if guard]:` block.
#[derive(Debug)]
pub struct MatchCase {
    /// Where `case` is: an error in its pattern or guard names this line, as CPython's does.
    pub pos: Pos,
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

/// A structural pattern (PEP 634).
#[derive(Debug)]
pub enum Pattern {
    /// A literal or a dotted name: matches a subject `==` to it.
    Value(Expr),
    /// `None`, `True`, `False`: matches by identity.
    Singleton(Singleton),
    /// `[a, *rest, b]` / `(a, b)`: a sequence that is not a str, bytes or bytearray; at most one
    /// `Star` among the items.
    Sequence(Vec<Pattern>),
    /// `{key: pattern, ..., **rest}`.
    Mapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<Name>,
    },
    /// `Cls(p, ..., attr=p, ...)`.
    Class {
        cls: Expr,
        args: Vec<Pattern>,
        kwd_names: Vec<PyStr>,
        kwd_patterns: Vec<Pattern>,
    },
    /// `*name` / `*_` inside a sequence pattern.
    Star(Option<Name>),
    /// `pattern as name`, a capture `name` (no pattern) or the wildcard `_` (neither).
    As {
        pattern: Option<Box<Pattern>>,
        name: Option<Name>,
    },
    /// `p1 | p2 | ...`.
    Or(Vec<Pattern>),
}

/// The three names a pattern compares by identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Singleton {
    None,
    True,
    False,
}

/// An `except` clause.
#[derive(Debug)]
pub struct Handler {
    pub pos: Pos,
    pub kind: Option<Expr>,
    pub name: Option<Name>,
    pub body: Vec<Stmt>,
}

/// Where an assignment stores.
#[derive(Debug)]
pub enum Target {
    Name(Name),
    /// `obj.name = v`, with the site's cache of where `name` was in the instance.
    Attr(Box<Expr>, PyStr, AttrCache),
    Subscript(Box<Expr>, Box<Expr>),
    /// `a, *b, c = ...`: the targets and the index of the starred one.
    Unpack(Vec<Target>, Option<usize>),
}

/// An expression.
#[derive(Debug)]
pub struct Expr {
    pub pos: Pos,
    pub kind: ExprKind,
}

#[derive(Debug)]
pub enum ExprKind {
    Const(Value),
    Name(Name),
    /// `obj.name`, with the site's cache (of the attribute's place, or of the method it calls).
    Attr(Box<Expr>, PyStr, AttrCache),
    Subscript(Box<Expr>, Box<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        kwargs: Vec<Kwarg>,
    },
    BinOp(BinOp, Box<Expr>, Box<Expr>),
    Unary(UnaryOp, Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Set(Vec<Expr>),
    /// Entries; a `None` key is `**mapping`.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `*x` inside a call, list, tuple or set display.
    Starred(Box<Expr>),
    Comp {
        kind: CompKind,
        elt: Box<Expr>,
        value: Option<Box<Expr>>,
        gens: Vec<Comprehension>,
    },
    Lambda(Rc<FunctionDef>),
    FString(Vec<FPart>),
    Walrus(Name, Box<Expr>),
    /// Zero-argument `super()`: needs the frame's function and first argument.
    Super,
    /// `locals()` or `vars()` without an argument: a dict of the frame's variables.
    Locals,
    /// `yield` / `yield x` inside a generator function.
    Yield(Option<Box<Expr>>),
    /// `yield from x`.
    YieldFrom(Box<Expr>),
    /// `await x` inside a coroutine: `yield from` x's awaitable iterator.
    Await(Box<Expr>),
    /// `yield` / `yield x` inside an async generator: the value goes to the `__anext__` awaitable.
    AsyncGenYield(Option<Box<Expr>>),
    /// A generator expression: a lazy generator with a frame of its own.
    GenExp(Rc<GenExp>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    /// A generator expression (`ExprKind::GenExp`, never a `Comp`).
    Gen,
}

/// A generator expression: `(elt for target in first_iter if ... for ...)`. The first iterable
/// is evaluated where the expression stands (as CPython does); the rest runs lazily in the
/// generator's own frame.
#[derive(Debug)]
pub struct GenExp {
    /// An asynchronous generator expression (`async for` or `await` in it): an async generator.
    pub is_async: bool,
    pub qualname: PyStr,
    pub first_iter: Expr,
    /// The `for` clauses; the first one's `iter` is not used (see `first_iter`).
    pub gens: Vec<Comprehension>,
    pub elt: Expr,
    pub frame: FrameShape,
}

#[derive(Debug)]
pub struct Comprehension {
    pub target: Target,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    /// `async for` in a comprehension (inside an `async def` only).
    pub is_async: bool,
}

/// A keyword argument, or `**mapping` when `name` is `None`.
#[derive(Debug)]
pub struct Kwarg {
    pub name: Option<PyStr>,
    pub value: Expr,
}

/// A piece of an f-string.
#[derive(Debug)]
pub enum FPart {
    Lit(PyStr),
    Value {
        expr: Expr,
        conversion: Option<char>,
        spec: Option<Vec<FPart>>,
        debug: Option<PyStr>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Pos,
    Invert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// A parameter and where its value is stored in the frame.
#[derive(Debug)]
pub struct Param {
    pub name: PyStr,
    pub at: NameRef,
}

/// A function's code: parameters, body, and the frame it needs.
#[derive(Debug)]
pub struct FunctionDef {
    pub name: PyStr,
    pub qualname: PyStr,
    pub pos: Pos,
    pub params: Vec<Param>,
    /// How many of `params` are positional-only (the first ones, before `/`).
    pub n_posonly: usize,
    /// How many of `params` have defaults (the last ones).
    pub n_defaults: usize,
    pub defaults: Vec<Expr>,
    pub vararg: Option<Param>,
    pub kwonly: Vec<Param>,
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Param>,
    pub body: Vec<Stmt>,
    /// A lambda's body is one expression whose value is returned.
    pub is_lambda: bool,
    /// The body contains `yield`: calling it makes a generator.
    pub is_generator: bool,
    /// An `async def`: calling it makes a coroutine (with `yield`: an async generator), which runs
    /// on the generator machinery (`is_generator` is set too).
    pub is_async: bool,
    /// An `async def` with `yield`: calling it makes an async generator.
    pub is_async_gen: bool,
    pub frame: FrameShape,
    /// `x: int` and `-> bool`, evaluated where the def stands into `__annotations__`
    /// (`"return"` names the return annotation).
    pub annotations: Vec<(PyStr, Expr)>,
}

/// What a frame of some code needs: its local slots and cells, and which cells it takes from the
/// frame that creates it.
#[derive(Debug, Default, Clone)]
pub struct FrameShape {
    pub n_locals: u32,
    pub n_cells: u32,
    /// For each closed-over variable: the index of the cell in the creating frame.
    pub free_from: Vec<u32>,
    /// The function's own variables and the ones it closes over, by name and place, in the
    /// order `locals()` lists them.
    pub names: Vec<(PyStr, NameRef)>,
}

/// A class statement's body.
#[derive(Debug)]
pub struct ClassDef {
    pub name: PyStr,
    pub qualname: PyStr,
    pub pos: Pos,
    pub bases: Vec<Expr>,
    /// `metaclass=M` and the keywords passed to `__init_subclass__` (a `None` name is `**kw`).
    pub keywords: Vec<Kwarg>,
    pub body: Vec<Stmt>,
    pub frame: FrameShape,
}

/// A whole program.
#[derive(Debug)]
pub struct Module {
    pub body: Vec<Stmt>,
    pub frame: FrameShape,
}
