#!/usr/bin/env bash
# Turns the allure-results/ of a Parity output folder into the Allure HTML report, offline.
#   harness/allure/scripts/allure-report.sh reports/genealogy-cli        -> reports/genealogy-cli/allure-report/index.html
# The Allure command line comes from Maven Central (io.qameta.allure:allure-commandline:zip), unpacked once
# into harness/allure/target/allure-commandline/ by the maven-dependency-plugin.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:?usage: allure-report.sh <out-dir> (the folder holding allure-results/)}
results="$out/allure-results"
if [ ! -d "$results" ]; then
  echo "allure-report.sh: no allure-results/ in [$out]; run parity verify/compare (or parity report) first" >&2
  exit 2
fi
version=$(sed -n 's:.*<allure-commandline.version>\(.*\)</allure-commandline.version>.*:\1:p' "$root/pom.xml")
allure="$here/target/allure-commandline/allure-$version/bin/allure"
if [ ! -x "$allure" ]; then
  mvn -q -B -f "$root/pom.xml" -pl harness/allure dependency:unpack@allure-commandline
fi
# --single-file: the data inline in index.html, so the report opens from disk (a browser refuses to
# fetch data/*.json from file://, and the page would show "Loading..." forever).
"$allure" generate "$results" -o "$out/allure-report" --clean --single-file
echo "Allure report: $out/allure-report/index.html"
