#!/usr/bin/env bash
# Makes the packages with cpack and checks them the way Debian's tools do: lintian on both .debs,
# desktop-file-validate, appstreamcli, systemd-analyze verify on the unit, the man page, the
# version in every place it shows, and the .tar.gz run from directories it was not built for.
# Usage: check-packages.sh BUILD_DIR   (CTest runs it after the build; exit 77 = tools missing)
set -euo pipefail

build=$(realpath "${1:?usage: check-packages.sh BUILD_DIR}")
packages="$build/packages"
tools=(cpack dpkg-deb lintian desktop-file-validate appstreamcli systemd-analyze man curl)
for tool in "${tools[@]}"; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed (scripts/setup.sh installs the package tools)"
    exit 77
  fi
done

work=$(mktemp -d /tmp/livedeck-package-check.XXXXXX)
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }

echo "== cpack -G \"DEB;TGZ\""
rm -f "$packages"/livedeck*.deb "$packages"/livedeck-*.tar.gz
(cd "$build" && cpack -G "DEB;TGZ" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
desktop_deb=$(ls "$packages"/livedeck_*.deb)
server_deb=$(ls "$packages"/livedeck-server_*.deb)
tarball=$(ls "$packages"/livedeck-*-Linux-*.tar.gz)
ls -l "$desktop_deb" "$server_deb" "$tarball" | awk '{print "      " $5 "  " $9}'

# --- the version, from CMake, everywhere it shows ------------------------------------------
version=$(dpkg-deb --field "$desktop_deb" Version)
dpkg-deb -x "$desktop_deb" "$work/root"
dpkg-deb -x "$server_deb" "$work/root"
app_id=$(basename "$(ls "$work"/root/usr/share/applications/*.desktop)" .desktop)
binary_version=$("$work/root/usr/bin/livedeck" --version | awk '{print $2}')
metainfo="$work/root/usr/share/metainfo/$app_id.metainfo.xml"
metainfo_version=$(grep -oP '<release version="\K[^"]+' "$metainfo")
server_version=$(dpkg-deb --field "$server_deb" Version)
echo "== version $version"
for shown in "livedeck --version:$binary_version" "metainfo:$metainfo_version" \
  "livedeck-server:$server_version" "tar.gz name:$(basename "$tarball" | cut -d- -f2)"; do
  [[ ${shown#*:} == "$version" ]] && pass "${shown%%:*} says $version" ||
    fail "${shown%%:*} says '${shown#*:}', the package says '$version'"
done

# --- files where Debian puts them ----------------------------------------------------------
echo "== contents"
expected=(
  usr/bin/livedeck
  "usr/share/applications/$app_id.desktop"
  "usr/share/metainfo/$app_id.metainfo.xml"
  "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
  usr/share/man/man1/livedeck.1.gz
  usr/share/livedeck/livedeck.conf
  usr/share/doc/livedeck/copyright usr/share/doc/livedeck/changelog.gz
  usr/share/doc/livedeck-server/copyright usr/share/doc/livedeck-server/changelog.gz
  etc/livedeck/livedeck.conf
  lib/systemd/system/livedeck.service
)
for size in 16 24 32 48 64 128 256 512; do
  expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for path in "${expected[@]}"; do
  [[ -e $work/root/$path ]] || fail "missing /$path"
done
for png in "$work"/root/usr/share/icons/hicolor/*x*/apps/*.png; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  file "$png" | grep -q "${size/x/ x }," || fail "$png is not $size: $(file -b "$png")"
done
depends=$(dpkg-deb --field "$desktop_deb" Depends)
for dep in libqt6core6 libqt6network6 libqt6sql6 libqt6sql6-sqlite qt6-qpa-plugins libc6; do
  [[ $depends == *"$dep"* ]] || fail "Depends lacks $dep: $depends"
done
dpkg-deb --ctrl-tarfile "$server_deb" | tar -x -C "$work" ./conffiles
grep -qx /etc/livedeck/livedeck.conf "$work/conffiles" || fail "livedeck.conf is not a conffile"
((failures)) || pass "every file in place; Depends: $depends"

# --- Debian's validators --------------------------------------------------------------------
echo "== desktop-file-validate"
if out=$(desktop-file-validate "$work/root/usr/share/applications/$app_id.desktop" 2>&1) && [[ -z $out ]]; then
  pass "$app_id.desktop"
else
  fail "desktop-file-validate: $out"
fi

echo "== appstreamcli validate --no-net"
# Exits non-zero on errors and warnings. Its one pedantic note, cid-contains-uppercase-letter, is
# the reverse-DNS id's CamelCase, as in org.gnome.TextEditor or org.kde.Kate.
if appstreamcli validate --no-net --explain "$metainfo" >"$work/appstream.log" 2>&1; then
  pass "$(tail -1 "$work/appstream.log")"
else
  cat "$work/appstream.log"
  fail "appstreamcli validate"
fi

echo "== systemd-analyze verify"
# verify resolves ExecStart= and Documentation=man:livedeck(1) on this machine, and --root would
# lose the system's own units (sysinit.target): so the unit is checked with the packages' /usr
# laid over this machine's in a private mount namespace.
unit="$work/root/lib/systemd/system/livedeck.service"
if [[ $EUID -ne 0 ]]; then
  echo "NOT VERIFIED: systemd-analyze verify needs root here (the overlay mount)"
elif unshare --mount --propagation private sh -c \
  'mount -t overlay overlay -o "lowerdir=$1/usr:/usr" /usr && exec systemd-analyze verify "$2"' \
  sh "$work/root" "$unit" >"$work/verify.log" 2>&1 && [[ ! -s $work/verify.log ]]; then
  pass "livedeck.service"
else
  cat "$work/verify.log"
  fail "systemd-analyze verify livedeck.service"
fi
echo "   systemd-analyze security (0 is fully sandboxed, 10 unconfined):"
systemd-analyze security --offline=true --root="$work/root" "$unit" 2>/dev/null | tail -1 |
  sed 's/^/   /' || true

echo "== man page"
if out=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l "$work/root/usr/share/man/man1/livedeck.1.gz" 2>&1 >/dev/null) && [[ -z $out ]]; then
  pass "livedeck.1 renders without warnings"
else
  fail "man --warnings: $out"
fi

echo "== lintian"
# Fails on any error or warning; nothing is suppressed. The infos it prints today, and why they stay:
#   binary-has-unneeded-section .comment   CPack's strip keeps the compiler's version note.
#   hardening-no-fortify-functions         the tree is not built with -D_FORTIFY_SOURCE=2 (Debian's
#                                          dpkg-buildflags would add it); full RELRO and PIE are on.
#   package-supports-alternative-init-but-no-init.d-script
#                                          the service needs systemd's sandbox (DynamicUser=,
#                                          StateDirectory=): there is no sysvinit equivalent.
if lintian --fail-on error,warning --display-info "$desktop_deb" "$server_deb" \
  >"$work/lintian.log" 2>&1; then
  pass "lintian: no errors or warnings ($(grep -c '^I:' "$work/lintian.log" || true) infos)"
else
  fail "lintian"
fi
grep -v 'running with root privileges' "$work/lintian.log" | sed 's/^/   /'

# --- the .tar.gz runs wherever it is unpacked ---------------------------------------------------
echo "== tar.gz relocation"
if tar -tzf "$tarball" | grep -qv "^livedeck-$version-Linux-[^/]*/"; then
  fail "the archive has entries outside its top-level directory"
fi
place="$work/any where/unpacked"
mkdir -p "$place"
tar -xzf "$tarball" -C "$place"
top=$(ls -d "$place"/livedeck-*)
moved="$work/moved elsewhere"
mv "$place" "$moved"
top="$moved/$(basename "$top")"
[[ $(cd / && "$top/bin/livedeck" --version) == "livedeck $version" ]] && pass "--version from $top" ||
  fail "the unpacked binary does not print its version"
# Its own default settings, from where it was unpacked, serving on a free port.
(cd /tmp && exec "$top/bin/livedeck" --headless --config "$top/share/livedeck/livedeck.conf" \
  --port 0 --data-dir "$work/tgz-data" >"$work/tgz.log" 2>&1) &
server_pid=$!
url=
for _ in $(seq 100); do
  url=$(grep -oP 'LiveDeck listening on \K\S+' "$work/tgz.log" || true)
  [[ -n $url ]] && break
  sleep 0.1
done
# Read whole before matching: grep -q stops at the first match and curl then fails writing the
# rest (exit 23, which pipefail turns into a failure) once the page is larger than a pipe buffer.
if [[ -n $url ]] && home="$(curl -fsS "$url/")" && grep -q '/examples/counter' <<<"$home"; then
  pass "the unpacked server serves $url/ with its packaged settings"
else
  fail "the unpacked server did not serve the home page: $(cat "$work/tgz.log")"
fi
kill -TERM "$server_pid"
wait "$server_pid" && pass "SIGTERM: clean exit" || fail "the unpacked server did not exit cleanly"
server_pid=

if ((failures)); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all package checks passed"
