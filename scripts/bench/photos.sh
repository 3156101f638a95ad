#!/bin/sh
# Browsing memory benchmark (issue 5): pages through 300 photos of 24 MP
# (6000×4000 JPEG; 30 distinct ones under 300 names, hard links) at screen
# size 1920×1080 through a photos.Cache of 128 MB, plus a 320 px thumbnail
# of each through a 32 MB cache, and prints the peak RSS. Target: < 400 MB.
#
#   scripts/bench/photos.sh [DIR]     DIR keeps the generated photos between runs
#                             (default: /tmp/trienlam-photobench, ~250 MB of disk;
#                             DIR-80mp the 80 MP ones, ~60 MB)
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
# The largest photos accepted (80 MP, photos.MaxPixels; issue 14): each
# decode takes 120 MB before it is scaled, within photos.MaxDecodeBytes.
echo "80 MP photos (10000×8000 JPEG, 3 distinct under 12 names):"
"$bin" -gen 3 -names 12 -size 10000x8000 -dir "$dir-80mp" | tail -n 1
"$bin" -dir "$dir-80mp"
