#!/usr/bin/env bash
# Issue 13, target 4: start-up of `parity --version` against `java Hello`, side by side.
# Usage: harness/bench/scripts/startup.sh [RUNS=20]   (needs hyperfine, javac and a built ./parity)
set -euo pipefail
runs=${1:-20}
here=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$work/Hello.java"
javac -d "$work" "$work/Hello.java"
echo "start-up: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/result.json" \
  -n "java Hello" "java -cp $work Hello" \
  -n "./parity --version" "$here/parity --version" \
  -n "./parity --version without CDS" "env PARITY_NO_CDS=1 $here/parity --version"
python3 - "$work/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["median"]
for x in r:
    print(f"{x['command']:<32} median {x['median'] * 1000:7.1f} ms  user+sys {(x['user'] + x['system']) * 1000:6.1f} ms  ratio {x['median'] / base:5.2f}x")
PY
