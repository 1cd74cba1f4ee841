#!/bin/sh
# Record what CPython 3.11 prints for the conformance corpus (see README.md).
#
#   tests/corpus/regen.sh [NAME.py ...]          write NAME.out / NAME.err / NAME.code (default: all)
#   tests/corpus/regen.sh --check [NAME.py ...]  run CPython again and report programs whose output
#                                                no longer matches the committed files (flaky or stale)
#
# Each program runs exactly as tests/conformance.rs runs it: from this directory, `python3 -u NAME.py`
# (unbuffered, so lines land in the order they were printed, as on a terminal), PYTHONHASHSEED=0.
# NAME.err is kept only when stderr is non-empty, NAME.code only when the exit status is not 0.
# Paths are made portable: this directory's prefix is removed (CPython 3.11 prints the script's
# absolute path) and CPython's stdlib prefix becomes `<stdlib>`.
set -eu
cd "$(dirname "$0")"
PY=${FORKYARD_PYTHON:-python3}
check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
ver=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [ "$ver" != 3.11 ]; then
    echo "regen.sh: the corpus records CPython 3.11; $PY is $ver (set FORKYARD_PYTHON)" >&2
    exit 2
fi
stdlib=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
here=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ $# -gt 0 ] || set -- *.py
bad=0
for f in "$@"; do
    f=$(basename "$f")
    name=${f%.py}
    set +e
    PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 PYTHONDONTWRITEBYTECODE=1 \
        timeout 60 "$PY" -u "$f" >"$tmp/out" 2>"$tmp/raw" </dev/null
    code=$?
    set -e
    sed -e "s|$here/||g" -e "s|$stdlib/|<stdlib>/|g" "$tmp/raw" >"$tmp/err"
    if [ $check -eq 0 ]; then
        cp "$tmp/out" "$name.out"
        if [ -s "$tmp/err" ]; then cp "$tmp/err" "$name.err"; else rm -f "$name.err"; fi
        if [ $code -ne 0 ]; then echo $code >"$name.code"; else rm -f "$name.code"; fi
        echo "$name: exit $code"
        continue
    fi
    # --check: compare with the committed files (sorted when the program says so).
    want_code=0
    [ -f "$name.code" ] && want_code=$(cat "$name.code")
    touch "$tmp/none"
    want_err="$name.err"
    [ -f "$want_err" ] || want_err="$tmp/none"
    if grep -q '^# forkyard-compare: sorted' "$f"; then
        sort "$tmp/out" >"$tmp/a1"; sort "$name.out" >"$tmp/b1"
        sort "$tmp/err" >"$tmp/a2"; sort "$want_err" >"$tmp/b2"
    else
        cp "$tmp/out" "$tmp/a1"; cp "$name.out" "$tmp/b1"
        cp "$tmp/err" "$tmp/a2"; cp "$want_err" "$tmp/b2"
    fi
    if cmp -s "$tmp/a1" "$tmp/b1" && cmp -s "$tmp/a2" "$tmp/b2" && [ "$code" = "$want_code" ]; then
        echo "$name: same"
    else
        echo "$name: DIFFERENT (exit $code, committed $want_code)"
        diff "$tmp/b1" "$tmp/a1" || true
        diff "$tmp/b2" "$tmp/a2" || true
        bad=1
    fi
done
exit $bad
