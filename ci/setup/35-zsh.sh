# zsh (Debian package), so CompletionTests checks `parity completion` in zsh as well as bash.
# Idempotent; sourced by .ci/run.
if ! command -v zsh >/dev/null 2>&1; then
  echo "installing zsh"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends zsh) \
    >/tmp/parity-zsh-install.log 2>&1 || { cat /tmp/parity-zsh-install.log >&2; return 1; }
fi
# Where zsh is missing its test skips; in CI it must run, so a missing zsh fails it.
export PARITY_REQUIRE_ZSH=1
