#!/usr/bin/env python3
"""Records the labelled clustering corpus (docs/clusters.md#measured-quality).

Runs three pairs of real tools packaged by Debian on the same inputs and keeps every input on
which the two differ, one JSON object per line, in
harness/core/src/test/resources/dev/parity/cluster/corpus/<pair>.jsonl:

  coreutils-busybox  GNU coreutils, sed and mawk (legacy) against busybox (candidate)
  jq-jsontool        jq --indent 4 . (legacy) against python3 -m json.tool (candidate)
  markdown-cmark     markdown, Gruber's Markdown.pl (legacy) against cmark (candidate)

Needs: apt-get install -y busybox jq cmark markdown mawk (only to record again: the test
reads the recorded outputs, not the tools). The labels (labels.tsv) are
written by hand after reading each case's diff; rerunning this script keeps them, and lists the
ids that have none.
"""
import json
import os
import subprocess
import sys

OUT = os.path.join(os.path.dirname(__file__), "../../core/src/test/resources/dev/parity/cluster/corpus")

TEXTS = [
    "one two three\n",
    "a\nb\nc\n",
    "Béatrice Dupont\nZoë Martin\n",
    "x y\n\n\nz\n",
    "the quick brown fox jumps over the lazy dog\n" * 3,
    "tab\tseparated\tvalues\n",
    "crème brûlée à la carte\n",
    "12 apples\n7 pears\n",
    "UPPER lower MiXeD\n",
    "no newline at end",
    "naïve façade coöperate\n",
    "ünïcödé everywhere\n",
    "Ærøskøbing harbour\n",
    "1\n22\n333\n4444\n",
    "    indented text line\n",
    "mañana, señor\n",
]


def run(argv, stdin):
    p = subprocess.run(argv, input=stdin.encode(), capture_output=True, timeout=10)
    return {
        "exit": p.returncode,
        "stdout": p.stdout.decode("utf-8", "replace"),
        "stderr": p.stderr.decode("utf-8", "replace"),
    }


def coreutils():
    cases = []
    for i, t in enumerate(TEXTS):
        cases.append((f"wc/{i}", ["wc"], ["busybox", "wc"], [], t))
    for i, t in enumerate(TEXTS):
        for w in (5, 8):
            cases.append((f"fold-w{w}/{i}", ["fold", f"-w{w}"], ["busybox", "fold", f"-w{w}"], [], t))
    for name in ["missing.txt", "/nonexistent", "data/none.csv", "a b.txt", "x", "../up.txt", "dir/sub/f", "ré.txt", "out.log", "/tmp/none/x", "y.json", "notes"]:
        key = name.replace("/", "_").replace(" ", "_")
        cases.append((f"cat-missing/{key}", ["cat", name], ["busybox", "cat", name], [], ""))
        cases.append((f"ls-missing/{key}", ["ls", name], ["busybox", "ls", name], [], ""))
    for n in ["x", "1x", "--", "abc", "1.5", "ten", "0x", "++1", "z9", "one", "1e3", "NaN"]:
        key = n.replace("-", "m").replace("+", "p").replace(".", "_")
        cases.append((f"head-invalid/{key}", ["head", "-n", n], ["busybox", "head", "-n", n], [], "a\n"))
    for i, t in enumerate(TEXTS[:10]):
        cases.append((f"sed-upper/{i}", ["sed", r"s/[a-z]\+/\U&/"], ["busybox", "sed", r"s/[a-z]\+/\U&/"], [], t))
    for v in ["1e17", "123456789012345678", "1e20", "2.5e16", "1e18", "3e21", "100000000000000000000", "7e17"]:
        cases.append((f"awk-big/{v}", ["mawk", "{print $1*1}"], ["busybox", "awk", "{print $1*1}"], [], v + "\n"))
    for applet in ["cksum", "sum", "comm", "fmt", "pr", "join", "ptx", "tsort"]:
        argv = [applet] + (["/dev/null", "/dev/null"] if applet in ("comm", "join") else [])
        cases.append((f"applet/{applet}", argv, ["busybox"] + argv, [], "a\nb\n"))
    for i, t in enumerate(["1K\n2M\n3G\n", "10\n9\n1.5K\n", "b\na\n", "5G\n4K\n", "1M\n1K\n"]):
        cases.append((f"sort-h/{i}", ["sort", "-h"], ["busybox", "sort", "-h"], [], t))
    return cases


JSONS = [
    '{"name": "Zo\\u00eb", "age": 3}',
    '{"city": "Montr\u00e9al"}',
    '["caf\u00e9", "th\u00e9"]',
    '{"a": {"b": "\u00fcber"}}',
    '{"emoji": "\u263a"}',
    '{"price": 1.0}',
    '{"ratio": 2.50}',
    '[1.0, 2.0, 3.0]',
    '{"v": 10.0, "w": 3}',
    '{"x": {"y": 0.0}}',
    '{"big": 1e17}',
    '{"n": 1E3}',
    '[1e2, 5e-1]',
    '{"t": 1.5e10}',
    '{"id": 12345678901234567890}',
    '{"id": 98765432109876543210, "k": "v"}',
    '[123456789012345678901234567890]',
    '{"a": 1, "a": 2}',
    '{"k": "v", "k": "w", "z": 0}',
    '{"a": [1, 2,]}',
    '{"a": 1,}',
    '{a: 1}',
    "{'a': 1}",
    '[1, 2',
    '{"a": tru}',
    '',
    '{"a": 1} {"b": 2}',
    '[1] [2]',
    '{"s": "caf\u00e9", "p": 1.0}',
    '{"name": "\u00c9mile", "born": 1.0e3}',
    '{"nan": NaN}',
    '{"inf": Infinity}',
    '[-Infinity]',
    '{"deep": {"deeper": {"deepest": "\u00e0"}}}',
    '{"list": ["\u00f1", "\u00df"]}',
    '{"float": 100.00}',
    '{"z": 0.10, "y": "a"}',
    '{"unicode": "\\u00e9t\\u00e9"}',
    '{"x": 1e400}',
    '{"x": -0.0}',
]


def jsons():
    cases = []
    for i, doc in enumerate(JSONS):
        cases.append((f"json/{i:02d}", ["jq", "--indent", "4", "."], ["python3", "-m", "json.tool"], [], doc + "\n"))
    return cases


MARKDOWN = [
    "# Title\n\nSome text.\n",
    "Text with \"quotes\" here.\n",
    "A & B\n",
    "* one\n* two\n",
    "* one\n\n* two\n",
    "1. first\n2. second\n",
    "1. first\n\n2. second\n",
    "    code block\n",
    "> quoted\n",
    "Line one\nline two\n",
    "Hard  \nbreak\n",
    "---\n",
    "*em* and **strong**\n",
    "`code` span\n",
    "[link](http://example.com)\n",
    "<http://example.com>\n",
    "<me@example.com>\n",
    "![img](a.png)\n",
    "Title\n=====\n\nBody\n",
    "Sub\n---\n\nBody\n",
    "## Two\n\n### Three\n",
    "Para one.\n\nPara two.\n",
    "He said \"hi\" & left.\n",
    "x < y > z\n",
    "- a\n- b\n  - c\n",
    "* item with \"quote\"\n",
    "> quote with \"q\"\n> more\n",
    "```\nfenced\n```\n",
    "~~~\nfenced tilde\n~~~\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "Trailing spaces   \n",
    "1) paren list\n2) second\n",
    "+ plus\n+ list\n",
    "Setext *em*\n===\n",
    "# Title #\n",
    "#NoSpace\n",
    "\\*escaped\\*\n",
    "a_b_c and snake_case_word\n",
    "http://bare.example.com\n",
    "Footnote[^1]\n\n[^1]: note\n",
    "<div>raw html</div>\n\ntext\n",
    "Text\n\n    code after para\n",
    "* a\n\n    code in list\n",
    "Q: \"x\" & \"y\"\n\n* \"z\"\n",
    "# \"Quoted\" title\n\n\"para\"\n",
]


def markdowns():
    cases = []
    for i, doc in enumerate(MARKDOWN):
        cases.append((f"md/{i:02d}", ["markdown"], ["cmark"], [], doc))
    return cases


def main():
    pairs = {"coreutils-busybox": coreutils(), "jq-jsontool": jsons(), "markdown-cmark": markdowns()}
    os.makedirs(OUT, exist_ok=True)
    total = 0
    for pair, cases in pairs.items():
        kept = []
        for cid, legacy, candidate, _, stdin in cases:
            a = run(legacy, stdin)
            b = run(candidate, stdin)
            if a != b:
                kept.append({"id": pair + "/" + cid, "legacy": {"argv": legacy, **a},
                             "candidate": {"argv": candidate, **b}, "stdin": stdin})
        with open(os.path.join(OUT, pair + ".jsonl"), "w") as f:
            for k in kept:
                f.write(json.dumps(k, ensure_ascii=False) + "\n")
        print(f"{pair}: {len(kept)} of {len(cases)} inputs differ")
        total += len(kept)
    print(f"total: {total} mismatching cases")
    labels = os.path.join(OUT, "labels.tsv")
    have = set()
    if os.path.exists(labels):
        with open(labels) as f:
            have = {line.split("\t")[0] for line in f if line.strip() and not line.startswith("#")}
    missing = [k["id"] for p in pairs for k in map(json.loads, open(os.path.join(OUT, p + ".jsonl")))
               if k["id"] not in have]
    if missing:
        print("no label yet:", *missing, sep="\n  ", file=sys.stderr)


if __name__ == "__main__":
    main()
