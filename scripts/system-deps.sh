#!/usr/bin/env bash
# Debian packages the test suite needs: a PostgreSQL server (the tests start their own
# throwaway cluster on a loopback port), Chromium for the browser tests (Playwright drives
# /usr/bin/chromium; it never downloads a browser) and Pango + fonts for PDF reports.
# Installs only what is missing; needs root or sudo.
set -euo pipefail

packages=(postgresql postgresql-contrib chromium libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
missing=()
for pkg in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
    echo "Need root to install: ${missing[*]} (apt-get install ${missing[*]})" >&2
    exit 1
fi
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
