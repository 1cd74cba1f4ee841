//! CPython's compile-time rule for `except*` clauses: no `break`, `continue` or `return` leaves
//! the clause (a loop or a function inside it may have its own).

use ruff_python_ast as ra;
use ruff_python_ast::Stmt as RStmt;
use ruff_text_size::{Ranged, TextSize};

/// Where the first `break`, `continue` or `return` that would leave the clause `body` is;
/// `in_loop` is whether a loop inside the clause encloses `body` (break and continue stay in it).
pub fn jump_out(body: &[RStmt], in_loop: bool) -> Option<TextSize> {
    for s in body {
        let found = match s {
            RStmt::Return(r) => Some(r.start()),
            RStmt::Break(b) if !in_loop => Some(b.start()),
            RStmt::Continue(c) if !in_loop => Some(c.start()),
            RStmt::For(f) => jump_out(&f.body, true).or_else(|| jump_out(&f.orelse, in_loop)),
            RStmt::While(w) => jump_out(&w.body, true).or_else(|| jump_out(&w.orelse, in_loop)),
            RStmt::If(i) => jump_out(&i.body, in_loop).or_else(|| {
                i.elif_else_clauses
                    .iter()
                    .find_map(|c| jump_out(&c.body, in_loop))
            }),
            RStmt::With(w) => jump_out(&w.body, in_loop),
            RStmt::Try(t) => jump_out(&t.body, in_loop)
                .or_else(|| {
                    t.handlers.iter().find_map(|h| {
                        let ra::ExceptHandler::ExceptHandler(h) = h;
                        jump_out(&h.body, in_loop)
                    })
                })
                .or_else(|| jump_out(&t.orelse, in_loop))
                .or_else(|| jump_out(&t.finalbody, in_loop)),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}
