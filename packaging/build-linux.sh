#!/usr/bin/env bash
# packaging/build-linux.sh — the Linux release binary build/linux-amd64/trienlam
# (PIE, full RELRO, no symbol tables, no build paths, version stamped in),
# which the .deb and the tarball package.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source packaging/lib.sh
build_linux
echo "$LINUX_BIN"
