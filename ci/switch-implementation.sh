#!/usr/bin/env bash
# Switches a deployment to the implementation Parity's gate chose.
#
#   ci/switch-implementation.sh --verdict reports/<suite>/verdict.json [--group TAG] DEPLOY_DIR
#   ci/switch-implementation.sh --decision legacy|candidate DEPLOY_DIR
#
# DEPLOY_DIR holds one release folder per side, legacy/ and candidate/. The script
#  - points the symlink DEPLOY_DIR/current at the chosen folder (atomically: new link, then rename), and
#  - writes DEPLOY_DIR/parity.env (PARITY_IMPLEMENTATION=..., PARITY_RELEASE=...), the EnvironmentFile
#    of the systemd unit in ci/deploy/parity-app.service,
# then, when PARITY_RESTART_UNIT is set, restarts that unit with systemctl.
# With --group TAG the decision of that group (case tag) is used instead of the overall one.
# Exit codes: 0 switched (or already there), 2 usage error.
set -euo pipefail

usage() {
  echo "usage: $0 (--verdict FILE [--group TAG] | --decision legacy|candidate) DEPLOY_DIR" >&2
  echo "error: $1" >&2
  exit 2
}

verdict="" group="" decision="" deploy=""
while [ $# -gt 0 ]; do
  case "$1" in
    --verdict) [ $# -ge 2 ] || usage "--verdict needs a file"; verdict=$2; shift 2 ;;
    --group) [ $# -ge 2 ] || usage "--group needs a tag"; group=$2; shift 2 ;;
    --decision) [ $# -ge 2 ] || usage "--decision needs legacy or candidate"; decision=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) usage "unknown option [$1]" ;;
    *) [ -z "$deploy" ] || usage "more than one DEPLOY_DIR: [$deploy] and [$1]"; deploy=$1; shift ;;
  esac
done

[ -n "$deploy" ] || usage "no DEPLOY_DIR given"
if [ -n "$verdict" ] && [ -n "$decision" ]; then usage "give either --verdict or --decision, not both"; fi
if [ -n "$verdict" ]; then
  [ -f "$verdict" ] || usage "verdict file [$verdict] not found; run parity gate first"
  decision=$(python3 - "$verdict" "$group" <<'PY'
import json, sys
verdict, group = json.load(open(sys.argv[1], encoding="utf-8")), sys.argv[2]
if group:
    groups = verdict.get("groups") or {}
    if group not in groups:
        sys.exit("group [%s] is not in the verdict; its groups are: %s" % (group, ", ".join(sorted(groups)) or "none"))
    print(groups[group]["decision"])
else:
    print(verdict["decision"])
PY
  ) || usage "cannot read the decision from [$verdict]"
fi
[ -n "$decision" ] || usage "give --verdict FILE or --decision legacy|candidate"
case "$decision" in
  legacy|candidate) ;;
  *) usage "unknown decision [$decision]; valid: legacy, candidate" ;;
esac
[ -d "$deploy/$decision" ] || usage "release folder [$deploy/$decision] not found; DEPLOY_DIR must hold legacy/ and candidate/"

release=$(cd "$deploy/$decision" && pwd -P)
if [ "$(readlink "$deploy/current" 2>/dev/null || true)" = "$decision" ]; then
  echo "already on $decision ($release)"
else
  ln -sfn "$decision" "$deploy/.current.new"
  mv -Tf "$deploy/.current.new" "$deploy/current"
  echo "switched $deploy/current to $decision ($release)"
fi
printf 'PARITY_IMPLEMENTATION=%s\nPARITY_RELEASE=%s\n' "$decision" "$release" > "$deploy/.parity.env.new"
mv -f "$deploy/.parity.env.new" "$deploy/parity.env"

if [ -n "${PARITY_RESTART_UNIT:-}" ]; then
  systemctl restart "$PARITY_RESTART_UNIT"
  echo "restarted $PARITY_RESTART_UNIT"
fi
