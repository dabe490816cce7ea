#!/usr/bin/env bash
# Runs a project command with the toolchain this repository needs (Node >= 22.12 and
# pnpm 12). When the machine's own Node or pnpm is missing or too old, both are brought
# from the npm registry into a cache folder outside the checkout; the system Node is
# never touched and corepack is not used.
#
#   scripts/dev.sh demo      install, build, run the demo
#   scripts/dev.sh test      install (frozen lockfile), then every check
#   scripts/dev.sh pnpm ...  any pnpm command under the right toolchain
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_MAJOR=24
NODE_MIN="22.12.0"
PNPM_VERSION="$(sed -n 's/.*"packageManager": *"pnpm@\([^"+]*\).*/\1/p' "$ROOT/package.json")"
CACHE="${UCWA_TOOLCHAIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ucwa-toolchain}"

log() { printf 'ucwa: %s\n' "$*" >&2; }

version_ge() { # version_ge A B: A >= B
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

ensure_node() {
  local current=""
  if command -v node >/dev/null 2>&1; then current="$(node -p 'process.versions.node' 2>/dev/null || true)"; fi
  if [ -n "$current" ] && version_ge "$current" "$NODE_MIN"; then return; fi
  local arch
  case "$(uname -m)" in
    x86_64|amd64) arch=x64 ;;
    aarch64|arm64) arch=arm64 ;;
    *) log "no Node package for $(uname -m)"; exit 1 ;;
  esac
  local dir="$CACHE/node$NODE_MAJOR-$arch"
  local bin="$dir/node_modules/node-linux-$arch/bin"
  if [ ! -x "$bin/node" ]; then
    log "Node ${current:-none} is older than $NODE_MIN: installing node-linux-$arch@$NODE_MAJOR into $dir"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "node-linux-$arch@$NODE_MAJOR" >&2
  fi
  export PATH="$bin:$PATH"
}

ensure_pnpm() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null || true)" = "$PNPM_VERSION" ]; then return; fi
  local dir="$CACHE/pnpm-$PNPM_VERSION"
  if [ ! -x "$dir/node_modules/.bin/pnpm" ]; then
    log "installing pnpm@$PNPM_VERSION into $dir"
    mkdir -p "$dir"
    printf '{"allowScripts":{"pnpm":true}}\n' >"$dir/package.json"
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >&2
  fi
  export PATH="$dir/node_modules/.bin:$PATH"
}

ensure_node
ensure_pnpm
cd "$ROOT"
# Turbo would otherwise try to send telemetry; this machine's network is closed.
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

install_deps() {
  if [ "${CI:-}" = "true" ]; then
    pnpm install --frozen-lockfile
  else
    pnpm install --frozen-lockfile --prefer-offline
  fi
}

cmd="${1:-}"
shift || true
case "$cmd" in
  demo) install_deps; pnpm run demo "$@" ;;
  test) install_deps; exec pnpm run check "$@" ;;
  pnpm) exec pnpm "$@" ;;
  node) exec node "$@" ;;
  *) log "usage: scripts/dev.sh demo|test|pnpm ARGS|node ARGS"; exit 2 ;;
esac
