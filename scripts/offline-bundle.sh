#!/usr/bin/env bash
# Offline install (CM-7, SA-12): build a self-contained bundle on a connected machine, carry it across, install it with
# no network. The bundle holds the source, node_modules as built by `npm ci` (native modules compiled for this Node
# ABI and CPU), the built CLI, the tesseract language data, the CycloneDX SBOM and a SHA-256 manifest of every file.
#
#   bash scripts/offline-bundle.sh build   [bundle.tar.gz]     # connected machine, same OS/CPU/Node major as the target
#   bash scripts/offline-bundle.sh install  bundle.tar.gz DIR  # target machine, no network needed
set -euo pipefail
cmd=${1:-}; shift || true
root="$(cd "$(dirname "$0")/.." && pwd)"

case "$cmd" in
  build)
    version=$(node -p "require('$root/package.json').version")
    out=$(realpath -m "${1:-$root/release/assay-$version-offline-$(uname -m)-node$(node -p 'process.versions.node.split(".")[0]').tar.gz}")
    work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
    stage="$work/assay-$version"
    mkdir -p "$stage"
    node "$root/scripts/check-lockfile.mjs" "$root"
    # Only committed files travel (no local .assay data, no keys).
    git -C "$root" archive --format=tar HEAD | tar -x -C "$stage"
    # Full install (the `prepare` build needs esbuild, a dev dependency), then drop the dev tools.
    (cd "$stage" && npm ci --engine-strict --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund)
    node "$root/scripts/sbom.mjs" --out "$stage/release/assay-$version.cdx.json"
    (cd "$stage" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum > SHA256SUMS)
    mkdir -p "$(dirname "$out")"
    tar -C "$work" -czf "$out" "assay-$version"
    sha256sum "$out" | tee "$out.sha256"
    echo "offline-bundle: wrote $out ($(du -h "$out" | cut -f1)); carry it with its .sha256 file"
    ;;
  install)
    bundle=${1:?usage: offline-bundle.sh install bundle.tar.gz DIR}; dest=${2:?usage: offline-bundle.sh install bundle.tar.gz DIR}
    if [ -f "$bundle.sha256" ]; then (cd "$(dirname "$bundle")" && sha256sum -c "$(basename "$bundle").sha256"); else echo "offline-bundle: no $bundle.sha256 beside the bundle; compare its hash by hand" >&2; fi
    mkdir -p "$dest"
    tar -C "$dest" -xzf "$bundle"
    dir=$(find "$dest" -mindepth 1 -maxdepth 1 -type d -name 'assay-*' | head -1)
    (cd "$dir" && sha256sum --quiet -c SHA256SUMS) || { echo "offline-bundle: the manifest check FAILED: a file was altered in transit" >&2; exit 1; }
    node "$dir/bin/assay.mjs" --version >/dev/null
    echo "offline-bundle: installed and verified in $dir; run: node $dir/bin/assay.mjs quickstart"
    ;;
  *) echo "usage: offline-bundle.sh build [bundle.tar.gz] | install bundle.tar.gz DIR" >&2; exit 2 ;;
esac
