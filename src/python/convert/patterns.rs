//! `match` statements: ruff's patterns converted to forkyard's, with the SyntaxErrors CPython's
//! compiler gives for patterns that parse but cannot be compiled (a capture or wildcard that makes
//! the cases after it unreachable, alternatives binding different names, a name bound twice, a
//! repeated literal key or class keyword), at the pattern CPython names.

use crate::python::value::PyStr;
use std::collections::HashSet;

use ruff_python_ast::{self as ra, Expr as RExpr};
use ruff_text_size::{Ranged, TextRange};

use super::super::parse::ParseError;

use super::super::ast::*;
use super::{Conv, R};

impl Conv<'_> {
    pub(super) fn match_stmt(&mut self, m: &ra::StmtMatch) -> R<StmtKind> {
        let subject = self.expr(&m.subject)?;
        let mut cases = Vec::new();
        let last = m.cases.len().saturating_sub(1);
        for (i, c) in m.cases.iter().enumerate() {
            // CPython's `allow_irrefutable`: only the last case, or one with a guard, may match
            // everything.
            let allow = c.guard.is_some() || i == last;
            let mut bound = Vec::new();
            self.check_pattern(&c.pattern, allow, &mut bound)?;
            cases.push(MatchCase {
                pos: self.pos(c.start()),
                pattern: self.pattern(&c.pattern)?,
                guard: c.guard.as_ref().map(|g| self.expr(g)).transpose()?,
                body: self.stmts(&c.body)?,
            });
        }
        Ok(StmtKind::Match { subject, cases })
    }

    /// A SyntaxError marked under `range` (to the end of its first line), as CPython marks a
    /// pattern it refuses.
    fn pattern_error(&self, range: TextRange, msg: &str) -> ParseError {
        let mut e = self.syntax(range.start(), msg);
        let end = self.pos(range.end());
        e.end_col = if end.line == e.pos.line {
            end.col
        } else {
            e.source_line.chars().count() as u32 + 1
        };
        e
    }

    fn pattern(&mut self, p: &ra::Pattern) -> R<Pattern> {
        Ok(match p {
            ra::Pattern::MatchValue(v) => Pattern::Value(self.expr(&v.value)?),
            ra::Pattern::MatchSingleton(s) => Pattern::Singleton(match s.value {
                ra::Singleton::None => Singleton::None,
                ra::Singleton::True => Singleton::True,
                ra::Singleton::False => Singleton::False,
            }),
            ra::Pattern::MatchSequence(q) => Pattern::Sequence(
                q.patterns
                    .iter()
                    .map(|p| self.pattern(p))
                    .collect::<R<_>>()?,
            ),
            ra::Pattern::MatchMapping(m) => Pattern::Mapping {
                keys: m.keys.iter().map(|k| self.expr(k)).collect::<R<_>>()?,
                patterns: m
                    .patterns
                    .iter()
                    .map(|p| self.pattern(p))
                    .collect::<R<_>>()?,
                rest: m.rest.as_ref().map(|r| self.name(r.as_str())),
            },
            ra::Pattern::MatchClass(c) => Pattern::Class {
                cls: self.expr(&c.cls)?,
                args: c
                    .arguments
                    .patterns
                    .iter()
                    .map(|p| self.pattern(p))
                    .collect::<R<_>>()?,
                kwd_names: c
                    .arguments
                    .keywords
                    .iter()
                    .map(|k| PyStr::from(k.attr.as_str()))
                    .collect(),
                kwd_patterns: c
                    .arguments
                    .keywords
                    .iter()
                    .map(|k| self.pattern(&k.pattern))
                    .collect::<R<_>>()?,
            },
            ra::Pattern::MatchStar(s) => {
                Pattern::Star(s.name.as_ref().map(|n| self.name(n.as_str())))
            }
            ra::Pattern::MatchAs(a) => Pattern::As {
                pattern: a
                    .pattern
                    .as_ref()
                    .map(|p| self.pattern(p).map(Box::new))
                    .transpose()?,
                name: a.name.as_ref().map(|n| self.name(n.as_str())),
            },
            ra::Pattern::MatchOr(o) => Pattern::Or(
                o.patterns
                    .iter()
                    .map(|p| self.pattern(p))
                    .collect::<R<_>>()?,
            ),
        })
    }

    /// CPython's compile-time checks of one pattern: `allow` says whether it may be irrefutable;
    /// `bound` gathers the names it captures, in order.
    fn check_pattern(&self, p: &ra::Pattern, allow: bool, bound: &mut Vec<String>) -> R<()> {
        let capture = |name: &str, at: TextRange, bound: &mut Vec<String>| {
            if bound.iter().any(|b| b == name) {
                return Err(self.pattern_error(
                    at,
                    &format!("multiple assignments to name '{name}' in pattern"),
                ));
            }
            bound.push(name.to_string());
            Ok(())
        };
        match p {
            ra::Pattern::MatchValue(_) | ra::Pattern::MatchSingleton(_) => {}
            ra::Pattern::MatchSequence(q) => {
                let stars = q
                    .patterns
                    .iter()
                    .filter(|p| matches!(p, ra::Pattern::MatchStar(_)))
                    .count();
                if stars > 1 {
                    return Err(
                        self.pattern_error(q.range(), "multiple starred names in sequence pattern")
                    );
                }
                for sub in &q.patterns {
                    self.check_pattern(sub, true, bound)?;
                }
            }
            ra::Pattern::MatchMapping(m) => {
                let mut seen: Vec<String> = Vec::new();
                for k in &m.keys {
                    // Literal keys are compared when compiled; a value pattern's at run time.
                    if let Some(shown) = literal_key(k) {
                        if seen.contains(&shown) {
                            return Err(self.pattern_error(
                                m.range(),
                                &format!("mapping pattern checks duplicate key ({shown})"),
                            ));
                        }
                        seen.push(shown);
                    }
                }
                for sub in &m.patterns {
                    self.check_pattern(sub, true, bound)?;
                }
                if let Some(r) = &m.rest {
                    capture(r.as_str(), r.range(), bound)?;
                }
            }
            ra::Pattern::MatchClass(c) => {
                for sub in &c.arguments.patterns {
                    self.check_pattern(sub, true, bound)?;
                }
                let mut names = HashSet::new();
                for k in &c.arguments.keywords {
                    if !names.insert(k.attr.as_str()) {
                        return Err(self.pattern_error(
                            k.pattern.range(),
                            &format!(
                                "attribute name repeated in class pattern: {}",
                                k.attr.as_str()
                            ),
                        ));
                    }
                    self.check_pattern(&k.pattern, true, bound)?;
                }
            }
            ra::Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    capture(n.as_str(), s.range(), bound)?;
                }
            }
            ra::Pattern::MatchAs(a) => match &a.pattern {
                None if !allow => {
                    return Err(self.pattern_error(
                        a.range(),
                        &match &a.name {
                            Some(n) => format!(
                                "name capture '{}' makes remaining patterns unreachable",
                                n.as_str()
                            ),
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        },
                    ));
                }
                None => {
                    if let Some(n) = &a.name {
                        capture(n.as_str(), a.range(), bound)?;
                    }
                }
                Some(sub) => {
                    self.check_pattern(sub, allow, bound)?;
                    if let Some(n) = &a.name {
                        capture(n.as_str(), a.range(), bound)?;
                    }
                }
            },
            ra::Pattern::MatchOr(o) => {
                let last = o.patterns.len().saturating_sub(1);
                let mut first: Option<Vec<String>> = None;
                for (i, alt) in o.patterns.iter().enumerate() {
                    let mut names = bound.clone();
                    self.check_pattern(alt, allow && i == last, &mut names)?;
                    let mut mine: Vec<String> = names[bound.len()..].to_vec();
                    mine.sort();
                    match &first {
                        None => first = Some(mine),
                        Some(f) if *f != mine => {
                            return Err(self.pattern_error(
                                alt.range(),
                                "alternative patterns bind different names",
                            ));
                        }
                        Some(_) => {}
                    }
                }
                bound.extend(first.unwrap_or_default());
            }
        }
        Ok(())
    }
}

/// A mapping pattern's literal key as CPython's message shows it (`'a'`, `1`, `None`), or `None`
/// for a key looked up at run time (a dotted name).
fn literal_key(k: &RExpr) -> Option<String> {
    match k {
        RExpr::StringLiteral(s) => Some(format!("'{}'", s.value.to_str())),
        RExpr::NumberLiteral(n) => match &n.value {
            ra::Number::Int(i) => Some(i.to_string()),
            _ => None,
        },
        RExpr::NoneLiteral(_) => Some("None".into()),
        RExpr::BooleanLiteral(b) => Some(if b.value { "True" } else { "False" }.into()),
        _ => None,
    }
}
