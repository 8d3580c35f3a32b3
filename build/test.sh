#!/usr/bin/env bash
# The whole test suite from a fresh Debian machine with Node >= 20.19 and npm (as root):
# installs pnpm, the workspace, Debian's chromium and libxml2-utils when missing, then runs
# every test in one vitest run. Extra arguments go to vitest.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(pnpm --version 2>/dev/null)" != "10.34.9" ]; then
  npm install -g pnpm@10.34.9 >/dev/null
fi
pnpm install --frozen-lockfile --reporter=silent

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

exec pnpm test "$@"
