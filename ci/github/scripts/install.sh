#!/bin/sh
# Action step "Install Parity": unpacks the distribution given as PARITY_DISTRIBUTION (a zip, a tar.gz
# or an unpacked folder; a glob such as harness/cli/target/parity-*.tar.gz must match one), or
# downloads release PARITY_VERSION from PARITY_RELEASES; writes parity=<bin/parity> to $GITHUB_OUTPUT
# and adds its bin folder to $GITHUB_PATH. Exit 2 (as Parity's usage errors) when it cannot.
set -eu

fail() {
  echo "::error title=Parity::$1"
  exit 2
}

dest="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/parity-dist"
mkdir -p "$dest"
if [ -n "${PARITY_DISTRIBUTION:-}" ]; then
  # shellcheck disable=SC2086 # a glob is expanded on purpose
  set -- $PARITY_DISTRIBUTION
  [ $# -eq 1 ] || fail "distribution [$PARITY_DISTRIBUTION] matches $# files; give exactly one parity-VERSION.zip, .tar.gz or unpacked folder"
  source=$1
  [ -e "$source" ] || fail "distribution [$source] does not exist; build it with mvn -B package (harness/cli/target/parity-VERSION.tar.gz) or give the version input instead"
else
  version=${PARITY_VERSION:-}
  [ -n "$version" ] || fail "give the version input (a Parity release such as 0.1.0) or the distribution input (a path)"
  source="$dest/parity-$version.tar.gz"
  url="${PARITY_RELEASES:?}/v$version/parity-$version.tar.gz"
  echo "downloading $url"
  curl --fail --location --silent --show-error --retry 3 --output "$source" "$url" \
    || fail "could not download Parity $version from $url; check that release v$version has the asset parity-$version.tar.gz"
fi

if [ -d "$source" ]; then
  home=$source
else
  rm -rf "$dest/unpacked"
  mkdir -p "$dest/unpacked"
  case $source in
    *.zip) unzip -q "$source" -d "$dest/unpacked" ;;
    *.tar.gz | *.tgz) tar -xzf "$source" -C "$dest/unpacked" ;;
    *) fail "distribution [$source] is neither a .zip, a .tar.gz nor a folder" ;;
  esac
  home=$(find "$dest/unpacked" -mindepth 1 -maxdepth 1 -type d | sed -n 1p)
fi
if [ -z "$home" ] || [ ! -x "$home/bin/parity" ]; then
  fail "distribution [$source] has no bin/parity"
fi
home=$(cd "$home" && pwd -P)

echo "parity=$home/bin/parity" >>"$GITHUB_OUTPUT"
echo "$home/bin" >>"$GITHUB_PATH"
"$home/bin/parity" --version
