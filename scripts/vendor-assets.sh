#!/usr/bin/env bash
# Vendor the web app's front-end assets from the npm registry, reproducibly.
#
# `npm pack NAME@VERSION` downloads the exact published tarball (no install, no scripts run);
# we check its sha512 integrity against the registry's, copy the files we serve, and record
# name, version, tarball sha256 and integrity in static/VENDORED.txt. Run it again after changing
# a pin; commit the result. Nothing is fetched at run time or in CI.
#
#   govuk-frontend 6.3.0  — matches govuk-frontend-jinja 4.1.0 (its supported-versions table)
#   htmx.org       2.0.11 — progressive enhancement only; every page works without it
#   swagger-ui-dist 5.35.0 — the /api/docs page, self-hosted instead of FastAPI's CDN default
#   axe-core       4.14.1 — accessibility checks in the browser tests (tests/web/vendor/)
set -euo pipefail

GOVUK_FRONTEND=6.3.0
HTMX=2.0.11
AXE_CORE=4.14.1
SWAGGER_UI=5.35.0

root="$(cd "$(dirname "$0")/.." && pwd)"
static="$root/src/productivity_plans/web/static"
vendor_tests="$root/tests/web/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

pack() {  # pack NAME VERSION → path of the unpacked package dir
    local name="$1" version="$2" dir="$work/$1"
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "$name@$version" >/dev/null 2>&1)
    local tarball
    tarball="$(ls "$dir"/*.tgz)"
    local expected actual
    expected="$(npm view "$name@$version" dist.integrity 2>/dev/null)"
    actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
    if [[ "$expected" != "$actual" ]]; then
        echo "integrity mismatch for $name@$version: $expected != $actual" >&2
        exit 1
    fi
    tar -xzf "$tarball" -C "$dir"
    printf '%s %s sha256=%s integrity=%s\n' "$name" "$version" \
        "$(sha256sum "$tarball" | cut -d' ' -f1)" "$actual" >>"$work/VENDORED.txt"
    echo "$dir/package"
}

gf="$(pack govuk-frontend "$GOVUK_FRONTEND")"
rm -rf "$static/govuk"
mkdir -p "$static/govuk"
# The precompiled bundle: one CSS file and one ES-module JS file. Not the GDS Transport fonts,
# the crown, crest or favicons: those are for GOV.UK services only, and this is not one (our
# app.css sets Arial, the Design System's documented fallback, so the fonts are never requested).
cp "$gf/dist/govuk/govuk-frontend.min.css" "$gf/dist/govuk/govuk-frontend.min.js" "$static/govuk/"
node -e 'const p=require(process.argv[1]); console.log(`${p.name} ${p.version}: ${p.license} licence (${p.repository.url || p.repository})`)' \
    "$gf/package.json" >"$static/govuk/LICENSE.txt"

hx="$(pack htmx.org "$HTMX")"
mkdir -p "$static/htmx"
cp "$hx/dist/htmx.min.js" "$static/htmx/htmx.min.js"
cp "$hx/LICENSE" "$static/htmx/LICENSE"

sw="$(pack swagger-ui-dist "$SWAGGER_UI")"
rm -rf "$static/swagger-ui"
mkdir -p "$static/swagger-ui"
cp "$sw/swagger-ui-bundle.js" "$sw/swagger-ui.css" "$sw/LICENSE" "$static/swagger-ui/"

axe="$(pack axe-core "$AXE_CORE")"
mkdir -p "$vendor_tests"
cp "$axe/axe.min.js" "$vendor_tests/axe.min.js"
cp "$axe/LICENSE" "$vendor_tests/LICENSE-axe-core.txt"

{
    echo "# Front-end assets vendored by scripts/vendor-assets.sh (npm pack; integrity checked)."
    echo "# name version sha256-of-tarball npm-integrity"
    cat "$work/VENDORED.txt"
} >"$static/VENDORED.txt"
cp "$static/VENDORED.txt" "$vendor_tests/VENDORED.txt"
echo "vendored:"; cat "$work/VENDORED.txt"
