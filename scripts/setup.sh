#!/usr/bin/env bash
# Sets up a fresh machine that has Node 20 and npm: pnpm, the workspace's
# dependencies, and (when running as root on Debian) the system packages that
# the browser tests need. Safe to run again; it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.4.2
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm@$PNPM_VERSION" >&2
  npm i -g "pnpm@$PNPM_VERSION" >/dev/null
fi

# The HTML report test drives Debian's chromium; never download a browser.
if [ "${ASSAY_SKIP_APT:-}" != "1" ] && ! command -v chromium >/dev/null 2>&1 \
  && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "setup: installing chromium from Debian's packages" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# better-sqlite3 is built from source with node-gyp; point it at the local
# Node headers so that node-gyp does not try to download them.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi

if [ "${CI:-}" = "true" ]; then
  pnpm install --frozen-lockfile
else
  pnpm install --frozen-lockfile || pnpm install
fi
