//! A pool worker process (`ForkPoolWorker-N`): the worker loop that is its `run()` (take a task
//! from the task pipe, run it, send its result or its exception back through the result pipe)
//! and `run_task`, which calls the task's function on its items.
//!
//! The parent's side of the same pipes is `scheduler.rs`; the function arrives as `functions.rs`
//! sent it; an exception travels as `remote.rs` rebuilds it in the parent.

use crate::python::exceptions::ExcKind;
use std::rc::Rc;

use super::functions::resolve_func;
use super::remote::MAYBE_ENCODING;
use super::scheduler::{Mode, PoolRef};
use super::{R, pool_obj};
use crate::python::exceptions::type_error;
use crate::python::interp::Interp;
use crate::python::modules::sync::{op, os_error};
use crate::python::modules::{cpython_frames, sync, wire};
use crate::python::value::{Args, PyStr, Value};
use crate::runtime::{self, sync::Recv};
use crate::trace::Op;

// ---- the worker -----------------------------------------------------------------------------

/// The worker process's `run()`: take tasks until a sentinel (or `maxtasksperchild`), run each,
/// send its result back. An exception in a task goes back to the caller; `SystemExit` ends the
/// worker (its task's result never comes, as in CPython).
pub(super) fn worker_run(it: &mut Interp, a: Args) -> R {
    let me = pool_obj(&a);
    let pool_v = match &me {
        Value::Instance(i) => i
            .attrs
            .borrow()
            .get("_pool")
            .cloned()
            .unwrap_or(Value::None),
        _ => Value::None,
    };
    let Some(pool) = sync::payload::<PoolRef>(&pool_v) else {
        return Err(type_error("a pool worker needs its pool"));
    };
    // The initializer and its arguments are the process's arguments (pickled under spawn and
    // forkserver, as CPython's `worker(inqueue, outqueue, initializer, initargs, ...)`).
    let (init_f, init_args) = match &me {
        Value::Instance(i) => match crate::python::modules::process::state(i)
            .map(|st| st.args.clone())
            .as_deref()
        {
            Some([f, Value::Tuple(a)]) => (f.clone(), a.to_vec()),
            _ => (Value::None, vec![]),
        },
        _ => (Value::None, vec![]),
    };
    let (maxtasks, id) = {
        let p = pool.0.borrow();
        // As CPython's worker closes `inqueue._writer` and `outqueue._reader`: once the parent is
        // gone (even by SIGKILL) no one can write a task, so an idle worker reads EOF and ends,
        // and a busy one gets a broken pipe when it sends its result. The fds are pointed at
        // /dev/null rather than closed, so the Channels' own close stays harmless.
        runtime::fds::detach(p.tasks_w.fd());
        runtime::fds::detach(p.results_r.fd());
        (p.maxtasks, p.id)
    };
    if !matches!(init_f, Value::None) {
        it.call(&init_f, Args::new(init_args))?;
    }
    let mut completed = 0i64;
    loop {
        if maxtasks.is_some_and(|m| completed >= m) {
            break;
        }
        // Idle: waiting in the pool's task queue is what this process does now, not running.
        sync::blocked(&format!("Pool#{id}"), "task");
        let msg = {
            let p = pool.0.borrow();
            p.read_lock.acquire(None);
            let r = p.tasks_r.recv();
            let _ = p.read_lock.release();
            r
        };
        sync::running();
        let bytes = match msg {
            Ok(Recv::Message(b)) => b,
            Ok(Recv::Eof) | Err(_) => break,
        };
        let task = match unwrap_task(it, &bytes)? {
            Unwrapped::Task(t) => t,
            Unwrapped::Lost(job, chunk, e) => return lose_task(it, &pool, job, chunk, e),
        };
        let Value::Tuple(ref t) = task else { break };
        let (Value::Int(job), Value::Int(chunk), Value::Int(mode)) = (&t[0], &t[1], &t[2]) else {
            break;
        };
        let detail = match &t[6] {
            Value::Str(s) => s.to_string(),
            _ => String::new(),
        };
        op(id, Op::Start, Some(detail.clone()));
        // The function runs above pool.py's `worker` (and `mapstar` for a chunk of a map), as
        // in CPython's worker process.
        // (A forked worker's `_bootstrap` and the frames under it were entered at its start.)
        let mut below = vec![&cpython_frames::RUN, &cpython_frames::POOL_WORKER];
        if matches!(t.get(7), Some(Value::Bool(true))) {
            below.push(if *mode == Mode::Star as i64 {
                &cpython_frames::STARMAPSTAR
            } else {
                &cpython_frames::MAPSTAR
            });
        }
        let mark = it.enter_library_frames(&below);
        let result = run_task(it, &t[3], *mode, &t[4], &t[5]);
        it.leave_library_frames(mark);
        let sent;
        let reply = match result {
            Ok(v) => {
                sent = v.clone();
                // A chunk's results always travel as a list: an apply's one value too, so that a
                // task returning a list is not taken for a chunk of results.
                let values = if *mode == Mode::Apply as i64 {
                    Value::list(vec![v])
                } else {
                    v
                };
                Value::tuple(vec![
                    Value::Int(*job),
                    Value::Int(*chunk),
                    Value::Bool(true),
                    values,
                    Value::None,
                ])
            }
            Err(e) if e.is(ExcKind::SystemExit) => return Err(e),
            Err(e) => {
                // The worker's traceback starts in CPython's `pool.py`, as the remote traceback
                // the parent re-raises with shows it.
                if matches!(t.get(7), Some(Value::Bool(true))) {
                    let star = *mode == Mode::Star as i64;
                    cpython_frames::push(
                        &e,
                        if star {
                            &cpython_frames::STARMAPSTAR
                        } else {
                            &cpython_frames::MAPSTAR
                        },
                    );
                }
                cpython_frames::push(&e, &cpython_frames::POOL_WORKER);
                let tb = it.format_exception(&e);
                sent = Value::Instance(e.value.clone());
                Value::tuple(vec![
                    Value::Int(*job),
                    Value::Int(*chunk),
                    Value::Bool(false),
                    Value::Instance(e.value),
                    Value::str(&tb),
                ])
            }
        };
        let frame = match wire::dumps(it, &reply) {
            Ok(f) => f,
            Err(e) => {
                // A result that cannot travel comes back as CPython's MaybeEncodingError, made of
                // the reprs of the pickling error and of the value; it has no remote traceback.
                let exc = it.repr(&Value::Instance(e.value))?;
                let value = it.repr(&sent)?;
                let reply = Value::tuple(vec![
                    Value::Int(*job),
                    Value::Int(*chunk),
                    Value::Bool(false),
                    Value::tuple(vec![
                        Value::str(MAYBE_ENCODING),
                        Value::str(&exc),
                        Value::str(&value),
                    ]),
                    Value::None,
                ]);
                wire::dumps(it, &reply)?
            }
        };
        op(id, Op::Finish, Some(detail.clone()));
        {
            let p = pool.0.borrow();
            p.write_lock.acquire(None);
            let r = p.results_w.send(&frame);
            let _ = p.write_lock.release();
            // No reader left (the parent died): CPython's worker dies of the BrokenPipeError.
            r.map_err(os_error)?;
        }
        completed += 1;
    }
    Ok(Value::None)
}

/// A task as the worker read it: decoded, or lost (with its job, its chunk and the error).
enum Unwrapped {
    Task(Value),
    Lost(i64, i64, crate::python::exceptions::Exc),
}

/// The task in a message: as it is from a forked worker's pool, inside `(job, chunk, bytes)` from
/// a spawned or served worker's (see the scheduler's `wrap_task`).
fn unwrap_task(it: &mut Interp, bytes: &[u8]) -> Result<Unwrapped, crate::python::exceptions::Exc> {
    let msg = wire::loads(it, bytes)?;
    if let Value::Tuple(ref t) = msg
        && let [Value::Int(job), Value::Int(chunk), Value::Bytes(inner)] = &t[..]
    {
        return Ok(match wire::loads(it, inner) {
            Ok(task) => Unwrapped::Task(task),
            Err(e) => Unwrapped::Lost(*job, *chunk, e),
        });
    }
    Ok(Unwrapped::Task(msg))
}

/// A task this worker cannot unpickle (under spawn, a function defined only under the main
/// guard): CPython's worker dies of the error in `task = get()`, with the traceback of a
/// process's uncaught exception, and the task is gone. The parent hears which task it was, so
/// that where CPython's pool waits for it forever forkyard can say so (`scheduler::lost_error`).
fn lose_task(
    it: &mut Interp,
    pool: &PoolRef,
    job: i64,
    chunk: i64,
    e: crate::python::exceptions::Exc,
) -> R {
    let me = it.process.name.to_string();
    // The traceback `_bootstrap` prints, written before the parent hears: it may end this
    // process as soon as it knows.
    cpython_frames::push(&e, &cpython_frames::POOL_WORKER_GET);
    cpython_frames::push(&e, &cpython_frames::RUN);
    cpython_frames::push(&e, &cpython_frames::BOOTSTRAP);
    let tb = it.format_exception(&e);
    runtime::output::write(
        crate::trace::Stream::Stderr,
        &format!("Process {me}:\n{tb}"),
    );
    let note = Value::tuple(vec![
        Value::Int(job),
        Value::Int(chunk),
        Value::str(LOST),
        Value::str(&me),
    ]);
    if let Ok(frame) = wire::dumps(it, &note) {
        let p = pool.0.borrow();
        p.write_lock.acquire(None);
        let _ = p.results_w.send(&frame);
        let _ = p.write_lock.release();
    }
    // Exit code 1, as after any uncaught exception, with the traceback already written.
    Err(crate::python::exceptions::Exc::with_args(
        ExcKind::SystemExit,
        vec![Value::Int(1)],
    ))
}

/// How CPython names a callable in a call's TypeError (`_PyObject_FunctionStr`):
/// `__main__.f()`, a builtin's bare `abs()`.
fn function_str(it: &mut Interp, func: &Value) -> String {
    let mut text = |name: &str| {
        it.getattr(func, name).ok().and_then(|v| {
            if let Value::Str(s) = &v {
                Some(s.to_string())
            } else {
                None
            }
        })
    };
    let qualname = text("__qualname__").unwrap_or_else(|| func.type_name().to_string());
    match text("__module__") {
        Some(m) if m != "builtins" => format!("{m}.{qualname}()"),
        _ => format!("{qualname}()"),
    }
}

/// The tag of a worker's note that it lost a task.
pub(super) const LOST: &str = "__forkyard_lost_task__";

fn run_task(it: &mut Interp, fref: &Value, mode: i64, items: &Value, kwds: &Value) -> R {
    let func = resolve_func(it, fref.clone())?;
    let items = match items {
        // The message was just decoded: its chunk list is ours alone, so its values move out
        // (a copy of a 25,000-item chunk was a fresh 400 KB vector, page faults and all).
        Value::List(l) if Rc::strong_count(l) == 1 => std::mem::take(&mut *l.borrow_mut()),
        _ => it.collect(items)?,
    };
    let kw: Vec<(PyStr, Value)> = match kwds {
        Value::Dict(d) => d
            .borrow()
            .map
            .values()
            .filter_map(|(k, v)| match k {
                Value::Str(s) => Some((s.clone(), v.clone())),
                _ => None,
            })
            .collect(),
        // CPython's worker calls `func(*args, **kwds)`: a kwds that is no mapping fails there
        // (apply's kwds comes as a dict when not given).
        other if mode == Mode::Apply as i64 => {
            return Err(type_error(format!(
                "{} argument after ** must be a mapping, not {}",
                function_str(it, &func),
                other.type_name()
            )));
        }
        _ => vec![],
    };
    if mode == Mode::Apply as i64 {
        let args = items.into_iter().next().unwrap_or(Value::tuple(vec![]));
        let args = match &args {
            Value::Tuple(_) | Value::List(_) => it.collect(&args)?,
            other => it.collect(other).map_err(|_| {
                type_error(format!(
                    "{} argument after * must be an iterable, not {}",
                    function_str(it, &func),
                    other.type_name()
                ))
            })?,
        };
        return it.call(&func, Args { pos: args, kw });
    }
    let mut out = Vec::with_capacity(items.len());
    if mode == Mode::Star as i64 {
        for x in items {
            let args = it.collect(&x)?;
            out.push(it.call(&func, Args::new(args))?);
        }
        return Ok(Value::list(out));
    }
    // `map` of a plain module-level function (the common case): straight to the call of a user
    // function, past `call`'s dispatch on the callable's kind, which is the same for every item.
    if let Value::Function(fun) = &func {
        for x in items {
            out.push(it.call_function(fun, Args::new(vec![x]))?);
        }
    } else {
        for x in items {
            out.push(it.call(&func, Args::new(vec![x]))?);
        }
    }
    Ok(Value::list(out))
}
