#!/usr/bin/env python3
"""The least a differential test of command-line programs must do (issue 13, target 5).

Runs every case's legacy and candidate command on a pool of N threads (N = the number of cores,
like parity's default -j), each run with the case's stdin, and compares exit code, stdout and stderr
byte for byte. No goldens, no normalization, no reports: the baseline `parity compare --runs 1` is
measured against.

Usage: compare-baseline.py CASES.json [JOBS]
CASES.json: {"legacy": [argv...], "candidate": [argv...], "cases": [{"id": ..., "args": [...], "stdin": "..."}]}
Prints "N cases, P passed, F failed" and exits 1 when a case differs.
"""
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor


def run(argv, stdin):
    done = subprocess.run(argv, input=stdin, capture_output=True, timeout=60)
    return done.returncode, done.stdout, done.stderr


def main():
    suite = json.load(open(sys.argv[1]))
    jobs = int(sys.argv[2]) if len(sys.argv) > 2 else os.cpu_count()

    def case(c):
        stdin = c.get("stdin", "").encode()
        legacy = run(suite["legacy"] + c.get("args", []), stdin)
        candidate = run(suite["candidate"] + c.get("args", []), stdin)
        return legacy == candidate

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        same = list(pool.map(case, suite["cases"]))
    passed = sum(same)
    print(f"{len(same)} cases, {passed} passed, {len(same) - passed} failed")
    sys.exit(0 if passed == len(same) else 1)


if __name__ == "__main__":
    main()
