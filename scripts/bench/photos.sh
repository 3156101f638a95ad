#!/bin/sh
# Browsing memory benchmark (issue 5): pages through 300 photos of 24 MP
# (6000×4000 JPEG; 30 distinct ones under 300 names, hard links) at screen
# size 1920×1080 through a photos.Cache of 128 MB, plus a 320 px thumbnail
# of each through a 32 MB cache, and prints the peak RSS. Target: < 400 MB.
#
#   scripts/bench/photos.sh [DIR]     DIR keeps the generated photos between runs
#                             (default: /tmp/trienlam-photobench, ~250 MB of disk)
set -eu
cd "$(dirname "$0")/../.."
dir=${1:-/tmp/trienlam-photobench}
bin=$(mktemp -d)/photobrowse
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./scripts/bench/photobrowse
"$bin" -gen 30 -names 300 -dir "$dir" | tail -n 1
"$bin" -dir "$dir"
echo "same, with a soft memory limit (GOMEMLIMIT=300MiB, as the app can set with debug.SetMemoryLimit):"
GOMEMLIMIT=300MiB "$bin" -dir "$dir"
