//! Assignment to what cannot be assigned (`f() = 1`, `del f()`, `None += 1`): ruff says "invalid
//! assignment target"; CPython 3.11 names what the target is ("cannot assign to function call
//! here. Maybe you meant '==' instead of '='?") and marks it. ruff keeps the statement in its
//! tree, so the target is found there.

use ruff_python_ast::{self as ra, Expr, Stmt};
use ruff_text_size::{Ranged, TextSize};

use super::{ParseError, Source};

/// CPython's error for a ruff "invalid ... target" at `at`, if `msg` is one.
pub(super) fn describe(s: &Source<'_>, at: TextSize, msg: &str) -> Option<ParseError> {
    let stmt = statement_at(&s.module.body, at)?;
    let msg = msg.trim().to_ascii_lowercase();
    match (msg.as_str(), stmt) {
        ("invalid assignment target", Stmt::Assign(a)) => {
            let bad = a.targets.iter().find_map(invalid_target)?;
            // CPython's invalid_named_expression: one `=` between two plain operands reads as a
            // comparison gone wrong.
            // CPython's invalid_named_expression: `<operand> = <operand>` at the start of an
            // expression (the statement's first target, or an element of it) reads as a
            // comparison gone wrong.
            let first = &a.targets[0];
            let starts_expression = std::ptr::eq(bad, first)
                || matches!(first, Expr::Tuple(t) if !t.parenthesized
                    && t.elts.iter().any(|e| std::ptr::eq(e, bad)));
            let operand = match &*a.value {
                Expr::Tuple(t) if !t.parenthesized => t.elts.first().unwrap_or(&a.value),
                v => v,
            };
            let name = expr_name(bad);
            if matches!(bad, Expr::Yield(_) | Expr::YieldFrom(_)) {
                let msg = "assignment to yield expression not possible";
                return Some(s.error(bad.start(), bad.end(), msg));
            }
            let text = if a.targets.len() == 1
                && starts_expression
                && is_bitwise_or(bad)
                && is_bitwise_or(operand)
                && !is_excluded(bad)
            {
                format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?")
            } else {
                format!("cannot assign to {name}")
            };
            Some(s.error(bad.start(), bad.end(), &text))
        }
        ("invalid assignment target", Stmt::For(f)) => {
            let bad = invalid_target(&f.target)?;
            Some(s.error(
                bad.start(),
                bad.end(),
                &format!("cannot assign to {}", expr_name(bad)),
            ))
        }
        ("invalid augmented assignment target", Stmt::AugAssign(a)) => {
            let msg = format!(
                "'{}' is an illegal expression for augmented assignment",
                expr_name(&a.target)
            );
            Some(s.error(a.target.start(), a.target.end(), &msg))
        }
        ("invalid delete target", Stmt::Delete(d)) => {
            let bad = d.targets.iter().find_map(invalid_target)?;
            Some(s.error(
                bad.start(),
                bad.end(),
                &format!("cannot delete {}", expr_name(bad)),
            ))
        }
        ("invalid annotated assignment target", Stmt::AnnAssign(a)) => Some(s.error(
            a.target.start(),
            a.target.end(),
            "illegal target for annotation",
        )),
        _ => None,
    }
}

/// The innermost simple statement whose range holds `at` (or the compound one whose header does).
pub(super) fn statement_at(body: &[Stmt], at: TextSize) -> Option<&Stmt> {
    let st = body.iter().find(|st| st.range().contains_inclusive(at))?;
    let inner: Option<&Stmt> = match st {
        Stmt::If(i) => statement_at(&i.body, at).or_else(|| {
            i.elif_else_clauses
                .iter()
                .find_map(|c| statement_at(&c.body, at))
        }),
        Stmt::For(f) => statement_at(&f.body, at).or_else(|| statement_at(&f.orelse, at)),
        Stmt::While(w) => statement_at(&w.body, at).or_else(|| statement_at(&w.orelse, at)),
        Stmt::With(w) => statement_at(&w.body, at),
        Stmt::FunctionDef(f) => statement_at(&f.body, at),
        Stmt::ClassDef(c) => statement_at(&c.body, at),
        Stmt::Try(t) => statement_at(&t.body, at)
            .or_else(|| {
                t.handlers.iter().find_map(|h| {
                    let ra::ExceptHandler::ExceptHandler(h) = h;
                    statement_at(&h.body, at)
                })
            })
            .or_else(|| statement_at(&t.orelse, at))
            .or_else(|| statement_at(&t.finalbody, at)),
        _ => None,
    };
    inner.or(Some(st))
}

/// The part of a target that cannot be assigned to (CPython's `_PyPegen_get_invalid_target`).
fn invalid_target(e: &Expr) -> Option<&Expr> {
    match e {
        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => None,
        Expr::Tuple(t) => t.elts.iter().find_map(invalid_target),
        Expr::List(l) => l.elts.iter().find_map(invalid_target),
        Expr::Starred(st) => invalid_target(&st.value),
        _ => Some(e),
    }
}

/// Targets CPython's "Maybe you meant '=='" rule leaves to the plain message.
fn is_excluded(e: &Expr) -> bool {
    matches!(
        e,
        Expr::List(_)
            | Expr::Tuple(_)
            | Expr::Generator(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
    )
}

/// An expression of CPython's `bitwise_or` level or tighter (no comparison, `not`, `and`/`or`,
/// ternary, lambda, tuple without parentheses).
fn is_bitwise_or(e: &Expr) -> bool {
    match e {
        Expr::Compare(_) | Expr::BoolOp(_) | Expr::If(_) | Expr::Lambda(_) | Expr::Named(_) => {
            false
        }
        Expr::UnaryOp(u) => u.op != ra::UnaryOp::Not,
        Expr::Tuple(t) => t.parenthesized,
        Expr::Starred(_) | Expr::Yield(_) | Expr::YieldFrom(_) => false,
        _ => true,
    }
}

/// What CPython calls an expression in its messages (`_PyPegen_get_expr_name`).
fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) if b.value => "True",
        Expr::BooleanLiteral(_) => "False",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        _ => "literal",
    }
}
