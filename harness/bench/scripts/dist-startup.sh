#!/usr/bin/env bash
# Issue 13, target 4, for the distribution users install: `bin/parity --version` of the unpacked
# parity-<version>.tar.gz, with the launcher before class data sharing and the release-file version
# check (BEFORE, a git ref; default 64fb6bd) and with this checkout's, side by side with `java Hello`
# and the checkout's ./parity in one hyperfine run. Then the one-off cost of a command's first run
# (the dump of its archive) against a later run, and a one-case verify with and without its archive.
# Usage: harness/bench/scripts/dist-startup.sh [RUNS=20]
#   (needs hyperfine, javac, git and a built harness/cli/target/parity-<version>.tar.gz)
set -euo pipefail
runs=${1:-20}
before=${BEFORE:-64fb6bd}
here=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dist=$(ls "$here"/harness/cli/target/parity-*.tar.gz)
mkdir -p "$work/before" "$work/after"
tar -xzf "$dist" -C "$work/before"
tar -xzf "$dist" -C "$work/after"
old=$(echo "$work"/before/parity-*/bin/parity)
new=$(echo "$work"/after/parity-*/bin/parity)
git -C "$here" show "$before:harness/cli/src/dist/bin/parity" >"$old"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$work/Hello.java"
javac -d "$work" "$work/Hello.java"
# The archives go to a cache folder of this run only; the warm-up runs write bin/parity's.
export XDG_CACHE_HOME="$work/cache"
echo "distribution start-up: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | sed -n 2p)"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/result.json" \
  -n "java Hello" "java -cp $work Hello" \
  -n "bin/parity --version, before ($before)" "$old --version" \
  -n "bin/parity --version, after" "$new --version" \
  -n "bin/parity --version, after, PARITY_NO_CDS=1" "env PARITY_NO_CDS=1 $new --version" \
  -n "./parity --version (checkout)" "$here/parity --version"
echo "first run of a command (dumps its archive) against a later one; load $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --runs "$(( (runs + 1) / 2 ))" --export-json "$work/first.json" \
  --prepare "rm -rf $work/cache" -n "bin/parity --version, first run" "$new --version" \
  --prepare "true" -n "bin/parity --version, later run" "$new --version"
# Where the archive pays: a verify of a one-case suite (its archive written by the warm-up run).
mkdir "$work/suite"
printf 'name: s\nlegacy: {command: [/bin/echo]}\ncandidate: {command: [/bin/echo]}\ncases:\n  - {id: one, args: [x]}\n' >"$work/suite/suite.yaml"
"$new" record "$work/suite" --golden "$work/golden" --out "$work/out" >/dev/null
echo "bin/parity verify of a one-case suite; load $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 1 --runs "$(( (runs + 1) / 2 ))" --export-json "$work/verify.json" \
  -n "bin/parity verify, 1 case, archive" "$new verify $work/suite --golden $work/golden --out $work/out" \
  -n "bin/parity verify, 1 case, PARITY_NO_CDS=1" "env PARITY_NO_CDS=1 $new verify $work/suite --golden $work/golden --out $work/out"
python3 - "$work/result.json" "$work/first.json" "$work/verify.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["median"]
for x in r + json.load(open(sys.argv[2]))["results"] + json.load(open(sys.argv[3]))["results"]:
    cpu = x['user'] + x['system']
    print(f"{x['command']:<44} median {x['median'] * 1000:7.1f} ms  user+sys {cpu * 1000:6.1f} ms  ratio {x['median'] / base:5.2f}x, CPU {cpu / (r[0]['user'] + r[0]['system']):5.2f}x")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
