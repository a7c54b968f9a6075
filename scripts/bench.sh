#!/usr/bin/env bash
# End-to-end benchmark: yomitori with all shipped rules against ripgrep
# counting the same gazetteer terms as fixed strings, on a generated corpus,
# at one thread and at all cores, in the same run.
#
#   scripts/bench.sh                 # 1 GiB corpus, 3 timed runs each
#   SIZE=200M RUNS=5 scripts/bench.sh
#   BASELINE=/path/to/old/yomitori scripts/bench.sh   # before and after, one run
#
# The runs start in this checkout, where a binary without `--rules` reads
# ./rules: an old binary would read the new rules (and may reject them). Give
# BASELINE a wrapper that passes its own folder, e.g.
#   exec /tmp/old/yomitori "$1" --rules /tmp/old-checkout/rules "${@:2}"
#
# Prints a table (MB/s, ratio to ripgrep at the same thread count, peak RSS)
# and writes it to benches/results/<date>.csv (<date>-2.csv, ... for a
# later run that day). Throughput uses the median of hyperfine's runs;
# peak RSS comes from one extra run under /usr/bin/time -v.
# The run fails when -j1 and -jN outputs differ (a fast wrong answer) or when
# a run exits non-zero.
#
# A user's large gazetteer (issue 13): the shipped rules are dumped to
# target/bench-user-rules with 200,000 generated terms added
# (scripts/gen_user_gazetteer.py; USER_TERMS=N to change), and the table
# gets their compile time and peak RSS (`rules plan`, beside the shipped
# rules alone) and the many-files throughput with them (`yomitori+user`,
# with its ratio to the shipped rules alone).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${SIZE:-1G}
RUNS=${RUNS:-3}
CORPUS=${CORPUS:-target/bench-corpus}
CORES=$(nproc)
OUT=benches/results
mkdir -p "$OUT" target

install_missing() {
  local missing=()
  command -v hyperfine >/dev/null || missing+=(hyperfine)
  command -v rg >/dev/null || missing+=(ripgrep)
  [ -x /usr/bin/time ] || missing+=(time)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} from the system packages" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq >&2
    $sudo apt-get install -y -qq "${missing[@]}" > /dev/null
  fi
}
install_missing

cargo build --release -q
BIN=${CARGO_TARGET_DIR:-target}/release/yomitori

# The corpus is regenerated when its size or the seeds change.
stamp="$SIZE $(cat seeds/*.txt | sha256sum | cut -c1-16)"
if [ "$(cat "$CORPUS/.stamp" 2>/dev/null || true)" != "$stamp" ]; then
  rm -rf "$CORPUS"
  "$BIN" bench-corpus --size "$SIZE" --out "$CORPUS"
  echo "$stamp" > "$CORPUS/.stamp"
fi
BYTES=$(stat -c %s "$CORPUS/one.txt")
TERMS="$CORPUS/terms.txt"
"$BIN" rules export-terms -o "$TERMS" 2>/dev/null
echo "corpus: $CORPUS ($BYTES bytes), $(wc -l < "$TERMS") terms, $CORES cores" >&2
USER_RULES=target/bench-user-rules
rm -rf "$USER_RULES"
"$BIN" rules dump "$USER_RULES" > /dev/null 2>&1
python3 scripts/gen_user_gazetteer.py --rules "$USER_RULES" --terms "${USER_TERMS:-200000}" >&2

# name|threads|command
cases=(
  "compile:shipped|$CORES|$BIN rules plan"
  "compile:user|$CORES|$BIN rules plan --rules $USER_RULES"
)
for form in files one.txt; do
  target="$CORPUS/$form"
  for j in 1 "$CORES"; do
    cases+=("rg:$form|$j|rg --count-matches --no-filename -F -f $TERMS -j$j $target")
    cases+=("yomitori:$form|$j|$BIN extract $target -j$j -q -o -")
    if [ "$form" = files ]; then
      cases+=("yomitori+user:$form|$j|$BIN extract --rules $USER_RULES $target -j$j -q -o -")
    fi
    if [ -n "${BASELINE:-}" ]; then
      cases+=("baseline:$form|$j|$BASELINE extract $target -j$j -q -o -")
    fi
  done
done

json=target/bench-hyperfine.json
args=()
for c in "${cases[@]}"; do
  IFS='|' read -r name j cmd <<< "$c"
  args+=(-n "$name -j$j" "$cmd > /dev/null")
done
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$json" "${args[@]}" >&2

# Peak RSS and an output fingerprint for each case (one extra run each).
rss=target/bench-rss.txt
: > "$rss"
for c in "${cases[@]}"; do
  IFS='|' read -r name j cmd <<< "$c"
  /usr/bin/time -v -o target/bench-time.txt bash -c "$cmd | sha256sum > target/bench-sum.txt"
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' target/bench-time.txt)
  sum=$(cut -c1-16 target/bench-sum.txt)
  echo "$name -j$j|$kb|$sum" >> "$rss"
done

# A second run on one day gets its own file (-2, -3, ...), never over the first.
result="$OUT/$(date +%F).csv"
n=2
while [ -e "$result" ]; do result="$OUT/$(date +%F)-$n.csv"; n=$((n + 1)); done
python3 - "$json" "$rss" "$BYTES" "$result" "$(uname -m) $CORES cores $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" <<'PY'
import json, sys, csv
hf, rss_path, nbytes, out, machine = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
res = {r["command"]: r for r in json.load(open(hf))["results"]}
rss = {}
for line in open(rss_path):
    name, kb, digest = line.rstrip("\n").split("|")
    rss[name] = (int(kb), digest)
rows = []
compiles = []
for name, r in res.items():
    tool, rest = name.split(":", 1)
    form, j = rest.rsplit(" -j", 1)
    med = r["median"]
    row = dict(tool=tool, corpus=form, threads=int(j), median_s=med, mb_s=nbytes / med / 1e6,
               peak_rss_mb=rss[name][0] / 1024, output=rss[name][1])
    (compiles if tool == "compile" else rows).append(row)
for row in rows:
    rg = next(x for x in rows if x["tool"] == "rg" and x["corpus"] == row["corpus"] and x["threads"] == row["threads"])
    row["ratio_to_rg"] = row["mb_s"] / rg["mb_s"]
for row in rows:
    if row["tool"] == "yomitori+user":
        alone = next(x for x in rows if x["tool"] == "yomitori" and x["corpus"] == row["corpus"] and x["threads"] == row["threads"])
        row["vs_shipped"] = row["mb_s"] / alone["mb_s"]
# Determinism: every thread count of a tool and corpus prints the same bytes.
bad = []
for row in rows:
    same = {x["output"] for x in rows if x["tool"] == row["tool"] and x["corpus"] == row["corpus"]}
    if len(same) != 1 and row["tool"] in ("yomitori", "yomitori+user", "baseline"):
        bad.append(f'{row["tool"]} {row["corpus"]}: outputs differ across thread counts')
print(f"machine: {machine}; corpus {nbytes / 1e6:.0f} MB")
print(f'{"tool":13} {"corpus":8} {"threads":>7} {"median s":>9} {"MB/s":>8} {"vs rg":>6} {"peak RSS MB":>11}')
for r in rows:
    extra = f'  {r["vs_shipped"]:.2f} of the shipped rules alone' if "vs_shipped" in r else ""
    print(f'{r["tool"]:13} {r["corpus"]:8} {r["threads"]:>7} {r["median_s"]:>9.2f} {r["mb_s"]:>8.1f} {r["ratio_to_rg"]:>6.2f} {r["peak_rss_mb"]:>11.1f}{extra}')
for r in compiles:
    print(f'rules plan ({r["corpus"]} rules): load and compile {r["median_s"] * 1000:.0f} ms, peak RSS {r["peak_rss_mb"]:.1f} MB')
with open(out, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["machine", "corpus_bytes", "tool", "corpus", "threads", "median_s", "mb_s", "ratio_to_rg", "peak_rss_mb", "output_sha256_16"])
    for r in rows:
        w.writerow([machine, nbytes, r["tool"], r["corpus"], r["threads"], f'{r["median_s"]:.3f}', f'{r["mb_s"]:.1f}',
                    f'{r["ratio_to_rg"]:.3f}', f'{r["peak_rss_mb"]:.1f}', r["output"]])
    # Compile rows: the time of `rules plan` (no corpus, so no MB/s).
    for r in compiles:
        w.writerow([machine, 0, "compile", r["corpus"], r["threads"], f'{r["median_s"]:.3f}', "", "",
                    f'{r["peak_rss_mb"]:.1f}', r["output"]])
print(f"recorded in {out}")
if bad:
    sys.exit("FAIL: " + "; ".join(bad))
PY
