# Shared by the accuracy scripts: the launcher, a scratch folder, and a suite of two awk programs
# doing the same CPU-bound work N1 and N2 times (true cost ratio N2/N1, minus awk's ~1 ms start-up).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
parity="$root/parity"
if [ ! -f "$root/harness/cli/target/parity.jar" ]; then
  echo "build parity first: mvn -q -B package -DskipTests" >&2
  exit 2
fi
scratch=$(mktemp -d /tmp/parity-accuracy-XXXXXX)
trap 'rm -rf "$scratch"' EXIT
# ~80 ms of mawk work per unit on the reference machine.
UNIT=${PARITY_BENCH_UNIT:-600000}

work_command() { # $1 = repetitions of the unit
  echo "awk -v n=$(( UNIT * $1 )) 'BEGIN{for(i=0;i<n;i++)s+=i*i; print s > \"/dev/null\"}'"
}

make_suite() { # $1 = folder, $2 = legacy repetitions, $3 = candidate repetitions
  mkdir -p "$1"
  cat > "$1/suite.yaml" <<YAML
name: $(basename "$1")
legacy:
  command: [sh, -c, "$(work_command "$2" | sed 's/"/\\"/g')"]
candidate:
  command: [sh, -c, "$(work_command "$3" | sed 's/"/\\"/g')"]
defaults:
  timeout: 10s
performance: {maxRatio: 1.10, alertRatio: 1.05}
cases:
  - id: work
    tags: [bench]
YAML
}

json_field() { # $1 = file, $2 = python expression over d
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"
}
