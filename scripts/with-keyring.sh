#!/usr/bin/env bash
# Runs a command against a real, unlocked Secret Service, isolated from the user's own keyring:
# a private D-Bus session (dbus-run-session), a fresh temporary HOME, and gnome-keyring-daemon unlocked
# with a throwaway password. Exports what the daemon prints plus CONFBAR_KEYRING=1, so the vault's
# integration tests know they may run. Exits with the command's exit code.
#
#   scripts/with-keyring.sh npx vitest run tests/integration/vault
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' not found; install it (Debian/Ubuntu: apt install dbus gnome-keyring libsecret-1-0)." >&2
    exit 127
  fi
done

# First pass: re-enter this script inside a private session bus (it ends with the script).
if [ -z "${CONFBAR_KEYRING_BUS:-}" ]; then
  CONFBAR_KEYRING_BUS=1 exec dbus-run-session -- "$0" "$@"
fi
unset CONFBAR_KEYRING_BUS

tmp_home="$(mktemp -d "${TMPDIR:-/tmp}/confbar-keyring.XXXXXX")"
cleanup() {
  if [ -n "${GNOME_KEYRING_PID:-}" ]; then kill "$GNOME_KEYRING_PID" 2>/dev/null || true; fi
  rm -rf "$tmp_home"
}
trap cleanup EXIT

export HOME="$tmp_home"
export XDG_DATA_HOME="$tmp_home/.local/share"
export XDG_CONFIG_HOME="$tmp_home/.config"
export XDG_CACHE_HOME="$tmp_home/.cache"
export XDG_RUNTIME_DIR="$tmp_home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# --unlock reads the password on stdin and creates the login keyring with it when there is none.
# The daemon prints NAME=value lines (control socket, pid) to export.
keyring_env="$(printf '%s' "confbar-test-$$-$RANDOM" | gnome-keyring-daemon --unlock --components=secrets)"
while IFS= read -r line; do
  case "$line" in
    [A-Z_]*=*) export "${line?}" ;;
  esac
done <<<"$keyring_env"

export CONFBAR_KEYRING=1
# A fresh HOME makes npm think it has never checked for updates; keep its notice out of test output.
export NPM_CONFIG_UPDATE_NOTIFIER=false
rc=0
"$@" || rc=$?
exit "$rc"
