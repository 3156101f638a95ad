#!/usr/bin/env bash
# scripts/notices.sh — write THIRD_PARTY_NOTICES.md to stdout: every Go
# module linked into the trienlam binary, its version, its licence and the
# licence text; the Go standard library; the fonts Fyne embeds.
# Run through `make notices`, which writes the file.
#
# Which modules: `go list -deps` of the main package and of the media
# helper (trienlam-media, which links go-mpv and libmpv), for the Linux and the
# Windows build (the union; a few modules are linked on one system only), so
# test-only and tool-only modules are left out, and so are packages in a
# folder of this repository that is a module of its own (internal/earlyenv:
# Trienlam's own code, under its licence). Which licence: the LICENSE /
# COPYING / NOTICE files in the module cache — at the module root, in the
# folder of each linked package, and in folders without Go files below a
# linked package (C sources, fonts) — recognised by their wording. A text
# that is not recognised is still copied in full, as "see text".
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH=$PATH:/usr/local/go/bin
export GOFLAGS=${GOFLAGS:-}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

main_pkg=.
if ! compgen -G '*.go' >/dev/null; then
	echo "notices.sh: no main package at the repository root yet" >&2
	exit 1
fi

# Linked packages (import path, folder, module, version) per system.
for sys in linux windows; do
	CGO_ENABLED=1 GOOS=$sys go list -deps \
		-f '{{with .Module}}{{if not .Main}}{{$.Dir}}	{{.Path}}	{{.Version}}{{end}}{{end}}' \
		"$main_pkg" ./cmd/trienlam-media | awk -v repo="$PWD/" 'index($0, repo) != 1' |
		sed "s/\$/	$sys/" >>"$tmp/pkgs"
done
# module<TAB>version<TAB>systems
awk -F'\t' '{ key = $2 "\t" $3; if ((key, $4) in seen) next; seen[key, $4] = 1
		if (key in sys) sys[key] = sys[key] ", " $4; else sys[key] = $4 }
	END { for (k in sys) print k "\t" sys[k] }' "$tmp/pkgs" | sort >"$tmp/modules"
cut -f1 "$tmp/pkgs" | sort -u >"$tmp/pkgdirs"

# licence_id FILE: an SPDX identifier guessed from the wording of FILE.
licence_id() {
	local f=$1 t
	t=$(tr -s '[:space:]' ' ' <"$f")
	case $t in
	*"Apache License"*"Version 2.0"*) echo Apache-2.0 ;;
	*"Mozilla Public License Version 2.0"* | *"Mozilla Public License, version 2.0"*) echo MPL-2.0 ;;
	*"GNU LESSER GENERAL PUBLIC LICENSE"*) echo LGPL ;;
	*"GNU GENERAL PUBLIC LICENSE"*"Version 3"*) echo GPL-3.0 ;;
	*"GNU GENERAL PUBLIC LICENSE"*"Version 2"*) echo GPL-2.0 ;;
	*"SIL OPEN FONT LICENSE"* | *"SIL Open Font License"*) echo OFL-1.1 ;;
	*"Bitstream Vera"*) echo "Bitstream-Vera AND LicenseRef-Arev" ;;
	*"Redistribution and use in source and binary forms"*"Neither the name"*) echo BSD-3-Clause ;;
	*"Redistribution and use in source and binary forms"*"names of its contributors may not"*) echo BSD-3-Clause ;;
	*"Redistribution and use in source and binary forms"*) echo BSD-2-Clause ;;
	*"Permission is hereby granted, free of charge"*) echo MIT ;;
	*"Permission to use, copy, modify, and/or distribute this software for any purpose"* | *"ISC License"*) echo ISC ;;
	*"This software is provided 'as-is', without any express or implied"*) echo Zlib ;;
	*"This is free and unencumbered software released into the public domain"*) echo Unlicense ;;
	*) echo "see text" ;;
	esac
}

# has_go DIR: DIR holds Go files of its own (not counting tests).
has_go() {
	compgen -G "$1/*.go" >/dev/null
}

# licence_files MODULE_DIR: the licence files that apply to the linked code.
licence_files() {
	local root=$1 f d p keep
	(cd "$root" && find . -path ./testdata -prune -o -path '*/testdata' -prune -o \
		-type f \( -iname 'LICEN[CS]E*' -o -iname 'COPYING*' -o -iname 'NOTICE*' \) -print) |
		sed 's#^\./##' | sort |
		while read -r f; do
			d=$(dirname "$f")
			keep=
			if [[ $d == . ]] || grep -qxF "$root/$d" "$tmp/pkgdirs"; then
				keep=1
			elif ! has_go "$root/$d"; then
				# Non-Go folder (C sources, fonts): keep it when the nearest
				# folder above it with Go files is a linked package.
				p=$d
				while [[ $p != . ]]; do
					p=$(dirname "$p")
					if [[ $p == . ]] || has_go "$root/$p"; then
						if [[ $p == . ]] || grep -qxF "$root/$p" "$tmp/pkgdirs"; then keep=1; fi
						break
					fi
				done
			fi
			if [[ -n $keep ]]; then echo "$f"; fi
		done
}

goroot=$(go env GOROOT)
gover=$(go env GOVERSION)

# Collect: one row per module; texts grouped by content so that modules
# sharing a text (all of golang.org/x, say) print it once.
: >"$tmp/rows"
: >"$tmp/texts"
add_text() { # add_text ID FILE WHO
	local sum
	sum=$(tr -d '\r' <"$2" | sha256sum | cut -c1-16)
	if [[ ! -e $tmp/text-$sum ]]; then
		tr -d '\r' <"$2" >"$tmp/text-$sum"
		printf '%s\t%s\n' "$sum" "$1" >>"$tmp/texts"
	fi
	printf '%s\n' "$3" >>"$tmp/who-$sum"
}

add_text BSD-3-Clause "$goroot/LICENSE" "Go standard library ($gover)"
printf '%s\t%s\t%s\t%s\n' "Go standard library" "$gover" "BSD-3-Clause" "linux, windows" >>"$tmp/rows"

while IFS=$'\t' read -r mod ver systems; do
	dir=$(go list -m -f '{{.Dir}}' "$mod@$ver" 2>/dev/null || go list -m -f '{{.Dir}}' "$mod")
	ids=()
	while read -r f; do
		[[ -n $f ]] || continue
		id=$(licence_id "$dir/$f")
		ids+=("$id")
		if [[ $f == */* ]]; then
			add_text "$id" "$dir/$f" "$mod $ver — $f"
		else
			add_text "$id" "$dir/$f" "$mod $ver"
		fi
	done < <(licence_files "$dir")
	if ((${#ids[@]} == 0)); then ids=("not found: check the module"); fi
	lic=$(printf '%s\n' "${ids[@]}" | awk '!seen[$0]++' | paste -sd/ | sed 's#/# AND #g')
	printf '%s\t%s\t%s\t%s\n' "$mod" "$ver" "$lic" "$systems" >>"$tmp/rows"
done <"$tmp/modules"

fyne_dir=$(go list -m -f '{{.Dir}}' fyne.io/fyne/v2)

cat <<EOF
# Third-party notices

Trienlam is free software: you can redistribute it and/or modify it under the
terms of the GNU General Public License as published by the Free Software
Foundation, either version 3 of the License, or (at your option) any later
version. See [LICENSE](LICENSE).

The \`trienlam\` program is built from Trienlam's own code and the software
listed below, which keeps its own licence. This file lists every Go module
that is linked into the program or into its media helper \`trienlam-media\`
(on Linux or Windows), the Go standard library, and the fonts that Fyne
embeds, followed by the licence texts. The media helper loads libmpv
(GPL-2.0-or-later / LGPL-2.1-or-later, https://mpv.io) from the system or,
on Windows, from a DLL that staff place beside it; Trienlam does not ship
libmpv.

This file is generated by \`scripts/notices.sh\` (\`make notices\`) from
\`go list -deps\` and the licence files in the Go module cache. Regenerate it
after changing go.mod; do not edit it by hand.

## Go modules linked into the program

| Module | Version | Licence | Linked on |
| --- | --- | --- | --- |
EOF
while IFS=$'\t' read -r mod ver lic systems; do
	printf '| %s | %s | %s | %s |\n' "$mod" "$ver" "$lic" "$systems"
done <"$tmp/rows"

cat <<EOF

Where a module lists more than one licence, parts of it come from other
projects under their own licence; each text below names the file it comes
from. For example GLFW's C sources (zlib) inside go-gl/glfw, the HarfBuzz
port inside go-text/typesetting (MIT), the ICO reader and writer inside
fyne-io/image, and Fyne's fonts (next section).

## Fonts embedded in the program

Fyne embeds these fonts into every program built with it (folder
\`theme/font\` of fyne.io/fyne/v2, $(go list -m -f '{{.Version}}' fyne.io/fyne/v2)):

| Font files | Used for | Licence |
| --- | --- | --- |
EOF
font_row() { # font_row FILES USE LICENCE_FILE
	local lic=-
	if [[ -e $fyne_dir/theme/font/$3 ]]; then lic=$(licence_id "$fyne_dir/theme/font/$3"); fi
	printf '| %s | %s | %s (text: `theme/font/%s`) |\n' "$1" "$2" "$lic" "$3"
}
if grep -qs 'NotoSans' "$fyne_dir/theme/bundled-fonts.go"; then
	font_row "NotoSans-Regular, -Bold, -Italic, -BoldItalic (.ttf)" "all text, including Vietnamese" LICENSE.txt
fi
if grep -qs 'DejaVuSansMono' "$fyne_dir/theme/bundled-fonts.go"; then
	font_row "DejaVuSansMono-Powerline.ttf" "monospaced text" LICENSE_DejaVu-Powerline.txt
fi
if grep -qs 'InterSymbols' "$fyne_dir/theme/bundled-fonts.go"; then
	font_row "InterSymbols-Regular.ttf" "symbols" LICENSE_Inter.txt
fi
if grep -qs 'EmojiOneColor' "$fyne_dir/theme/bundled-emoji.go"; then
	# shellcheck source=scripts/lib/tags.sh
	if [[ ",$(source scripts/lib/tags.sh && echo "$TRIENLAM_TAGS")," == *,no_emoji,* ]]; then
		font_row "EmojiOneColor.otf" "none: Trienlam is built with \`-tags no_emoji\` (scripts/lib/tags.sh), which leaves it out; listed because it is in Fyne's source" LICENSE_EmojiOneColor.txt
	else
		font_row "EmojiOneColor.otf" "emoji" LICENSE_EmojiOneColor.txt
	fi
fi
echo
echo "The Noto Sans licence text (\`theme/font/LICENSE.txt\`) is the SIL Open Font"
echo "License 1.1; all four texts are reproduced below."

own_fonts=$(find assets -type f \( -iname '*.ttf' -o -iname '*.otf' -o -iname '*.woff*' \) 2>/dev/null | sort || true)
if [[ -n $own_fonts ]]; then
	echo
	echo "Trienlam's own assets also contain these font files; their licences are"
	echo "next to them:"
	echo
	printf '%s\n' "$own_fonts" | sed 's/^/- `/; s/$/`/'
fi

cat <<EOF

## Licence texts

EOF
while IFS=$'\t' read -r sum id; do
	echo "### $id: $(head -n 1 "$tmp/who-$sum")"
	echo
	echo "Applies to:"
	echo
	sed 's/^/- /' "$tmp/who-$sum"
	echo
	echo '```text'
	cat "$tmp/text-$sum"
	# Make sure the fence starts on its own line.
	[[ -z $(tail -c1 "$tmp/text-$sum") ]] || echo
	echo '```'
	echo
done <"$tmp/texts"
