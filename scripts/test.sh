#!/usr/bin/env bash
# The one test command (README): every Rust test (`cargo test`), then the
# Python package's pytest suite against a freshly built wheel.
#
# Needs Rust and Python 3 (>= 3.9) only. The Python side lives in its own
# virtual environment, target/py-venv, with the packages of
# python/requirements-test.txt from the package index; it is kept between
# runs and rebuilt when that file or the Python version changes. Spark's
# local mode needs Java 17+: when `java` is missing, a JRE is installed from
# the Debian packages (root and apt-get needed; otherwise it says so and
# fails).
#
# Environment: PYTHON (default python3) picks the interpreter; PYTEST_ARGS
# adds pytest arguments (e.g. `-k arrow`); YOMITORI_SKIP_CARGO=1 skips the
# cargo tests while iterating on the Python side.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

step() { printf '\n== %s (%ds)\n' "$1" "$SECONDS" >&2; }

if [ "${YOMITORI_SKIP_CARGO:-0}" != 1 ]; then
    step "cargo test"
    cargo test
fi

step "Python environment"
python=${PYTHON:-python3}
venv=$root/target/py-venv
requirements=$root/python/requirements-test.txt
stamp="$("$python" -c 'import sys; print(sys.version)' | tr -d '\n') $(sha256sum "$requirements" | cut -d' ' -f1)"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.requirements" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$venv"
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet -r "$requirements"
    printf '%s' "$stamp" >"$venv/.requirements"
else
    echo "reusing $venv (requirements unchanged)" >&2
fi

if ! command -v java >/dev/null 2>&1; then
    step "Java for Spark local mode"
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    else
        echo "error: java not found; the Spark tests need Java 17 (e.g. apt-get install openjdk-17-jre-headless)" >&2
        exit 2
    fi
fi

step "build and install the wheel"
# The dev profile: it reuses what `cargo test` compiled, and the suite is
# about behaviour, not speed (docs/python.md measures the release build).
wheels=$root/target/py-wheels
rm -rf "$wheels"
"$venv/bin/maturin" build --quiet --profile dev -m python/Cargo.toml -o "$wheels"
"$venv/bin/python" -m pip install --quiet --force-reinstall --no-deps "$wheels"/yomitori-*.whl

step "cargo build (the CLI the Python tests compare with)"
cargo build --quiet --bin yomitori

step "pytest"
# Where cargo put it: CARGO_TARGET_DIR when set (relative to the root).
target=${CARGO_TARGET_DIR:-target}
case $target in /*) ;; *) target=$root/$target ;; esac
export YOMITORI_BIN=$target/debug/yomitori
export PYSPARK_PYTHON=$venv/bin/python
status=0
# Run from python/tests so that `import yomitori` is the installed wheel,
# not the source folder.
(cd python/tests && "$venv/bin/python" -m pytest -p no:cacheprovider -q ${PYTEST_ARGS:-}) || status=$?
if [ "$status" = 5 ]; then
    echo "error: pytest ran no test" >&2
    exit 1
fi
if [ "$status" != 0 ]; then
    exit "$status"
fi
step "all tests passed"
