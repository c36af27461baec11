#!/usr/bin/env bash
# Installs the .deb packages on a clean Debian 12 root, as a user would with apt, and checks the
# whole life of the service: dependencies, --version, the service with the packaged settings
# serving the home page and live views (headless Chromium over the WebSocket), its data across a
# restart, the desktop entry under Xvfb, then remove (data kept) and purge (nothing left). Then
# the upgrade path: the previous build's packages, data written, this build's packages over them.
#
# Usage: install-test.sh PACKAGES_DIR   (as root; exit 77 when a needed tool is missing)
#
# No systemd runs in a chroot, so the service is started the way livedeck.service would start it:
# its ExecStart= line, read from the installed unit, with StateDirectory= and DynamicUser=
# reproduced (a uid with no passwd entry, the data in /var/lib/private/livedeck behind the
# /var/lib/livedeck symlink, made traversable in the service's own mount namespace only), UMask=,
# LimitNOFILE=, PrivateTmp= and NoNewPrivileges=. The root gets its own network namespace, so the
# packaged port 4000 is used unchanged and nothing on this machine can answer in its place.
set -euo pipefail

here=$(dirname "$(realpath "$0")")
packages=$(realpath "${1:?usage: install-test.sh PACKAGES_DIR}")
[[ $EUID -eq 0 ]] || { echo "SKIP: needs root (chroot, mounts, network namespaces)"; exit 77; }
for tool in mmdebstrap chroot unshare setpriv prlimit ip node chromium curl; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
[[ -d $here/../../tests/e2e/node_modules/playwright-core ]] ||
  { echo "SKIP: tests/e2e has no node_modules (npm ci)"; exit 77; }

cache=${LIVEDECK_TEST_ROOT_CACHE:-/var/cache/livedeck-test-root}
desktop_deb=$(ls "$packages"/livedeck_*.deb)
server_deb=$(ls "$packages"/livedeck-server_*.deb)
version=$(dpkg-deb --field "$desktop_deb" Version)
base=$(bash "$here/clean-root.sh")
mkdir -p "$cache/archives/partial" "$cache/lists/partial"

work=$(mktemp -d /var/tmp/livedeck-install-test.XXXXXX)
netns="livedeck-test-$$"
roots=()
server_pid=
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }
cleanup() {
  stop_service || true
  for root in "${roots[@]}"; do
    for mount in var/lib/apt/lists var/cache/apt/archives dev proc; do
      mountpoint -q "$root/$mount" && umount -R "$root/$mount"
    done
  done
  ip netns del "$netns" 2>/dev/null || true
  # Never delete through a mount that is still there: /dev and the apt cache are bound in.
  if findmnt -rn -o TARGET | grep -q "^$work"; then
    echo "mounts are left under $work; not deleting it"
  else
    rm -rf --one-file-system "$work"
  fi
}
trap cleanup EXIT
ip netns add "$netns"
ip netns exec "$netns" ip link set lo up

# A fresh copy of the cached clean root in $root; apt's downloads and lists are cached between
# runs (bind mounts), and apt's download sandbox user is root because those caches are root's.
new_root() {
  root="$work/root-$1"
  mkdir -p "$root"
  tar -xf "$base" -C "$root"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  echo 'APT::Sandbox::User "root";' >"$root/etc/apt/apt.conf.d/00test-cache-sandbox"
  # No fsync per file: the root is thrown away after the test (a third of the install time).
  echo force-unsafe-io >"$root/etc/dpkg/dpkg.cfg.d/00test-unsafe-io"
  roots+=("$root")
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --make-rslave "$root/dev"
  mount --bind "$cache/archives" "$root/var/cache/apt/archives"
  mount --bind "$cache/lists" "$root/var/lib/apt/lists"
  in_root "$root" apt-get -q update >"$work/apt-update-$1.log" 2>&1 ||
    { cat "$work/apt-update-$1.log"; exit 1; }
}
in_root() {
  local root=$1
  shift
  chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}
apt_install() { # ROOT DEB...: `apt-get install ./x.deb` as the README says
  local root=$1
  shift
  mkdir -p "$root/tmp/debs"
  cp "$@" "$root/tmp/debs/"
  local args=()
  for deb in "$@"; do args+=("./$(basename "$deb")"); done
  chroot "$root" sh -c 'cd /tmp/debs && exec env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"' \
    sh "${args[@]}" >"$work/apt-install.log" 2>&1 || { cat "$work/apt-install.log"; return 1; }
  rm -rf "$root/tmp/debs"
  grep -E '^(Setting up|Unpacking) ' "$work/apt-install.log" | wc -l
}
# Every path of the root except the kernel's, apt's caches and what dpkg and apt bookkeep.
file_list() {
  (cd "$1" && find . \( -path ./proc -o -path ./dev -o -path ./sys -o -path ./run -o -path ./tmp \
    -o -path ./var/cache/apt -o -path ./var/lib/apt -o -path ./var/lib/dpkg -o -path ./var/log \
    -o -path ./var/cache/debconf -o -path ./var/cache/ldconfig \) -prune -o -print | sort)
}

unit_value() { sed -n "s/^$2=//p" "$1/lib/systemd/system/livedeck.service" | tail -1; }

# Starts the service as systemd would (see the header). A new dynamic uid each start, as
# DynamicUser= may allocate; systemd then chowns the state directory to it.
start_service() {
  local root=$1 log=$2
  local exec_start state mode umask nofile uid
  exec_start=$(unit_value "$root" ExecStart | sed 's|%S|/var/lib|g')
  state=$(unit_value "$root" StateDirectory)
  mode=$(unit_value "$root" StateDirectoryMode)
  umask=$(unit_value "$root" UMask)
  nofile=$(unit_value "$root" LimitNOFILE)
  # systemd raises the hard limit as root; a container without CAP_SYS_RESOURCE cannot.
  if ((nofile > $(ulimit -Hn))); then
    echo "      LimitNOFILE=$nofile is above this machine's hard limit: using $(ulimit -Hn)"
    nofile=$(ulimit -Hn)
  fi
  [[ $(unit_value "$root" DynamicUser) == yes ]] || { fail "the unit has no DynamicUser=yes"; return 1; }
  uid=$((61184 + RANDOM % 4000))
  install -d -m 0700 "$root/var/lib/private"
  install -d -m "$mode" "$root/var/lib/private/$state"
  chown -R "$uid:$uid" "$root/var/lib/private/$state"
  ln -sfn "private/$state" "$root/var/lib/$state"
  ip netns exec "$netns" unshare --mount --propagation private sh -ec '
    root=$1 state=$2 hold=$3 uid=$4 umask=$5 nofile=$6; shift 6
    mkdir -p "$hold"
    mount --bind "$root/var/lib/private" "$hold"
    mount -t tmpfs -o mode=0755 tmpfs "$root/var/lib/private"
    mkdir "$root/var/lib/private/$state"
    mount --bind "$hold/$state" "$root/var/lib/private/$state"
    mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
    exec prlimit --nofile="$nofile:$nofile" chroot "$root" \
      setpriv --reuid="$uid" --regid="$uid" --clear-groups --no-new-privs --inh-caps=-all \
      --bounding-set=-all env -i PATH=/usr/bin:/bin LANG=C.UTF-8 \
      sh -c "umask $umask; exec \"\$@\"" sh "$@"' \
    sh "$root" "$state" "$work/hold-$uid" "$uid" "$umask" "$nofile" $exec_start >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 150); do
    grep -q 'LiveDeck listening on' "$log" && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  if ! grep -q 'LiveDeck listening on' "$log"; then
    fail "the service did not start: $(cat "$log")"
    server_pid=
    return 1
  fi
  service_url=$(grep -oP 'LiveDeck listening on \K\S+' "$log")
  pass "service started as uid $uid (no passwd entry): $exec_start -> $service_url"
}
stop_service() {
  [[ -n $server_pid ]] || return 0
  kill -TERM "$server_pid"
  local status=0
  wait "$server_pid" || status=$?
  server_pid=
  ((status == 0)) && pass "SIGTERM: the service exited cleanly" || fail "the service exited with $status"
}
live() { ip netns exec "$netns" node "$here/live-check.js" "$@" || fail "live check: $*"; }

# === 1. install, serve, restart, desktop entry, remove, purge =====================================
echo "== clean Debian 12 root from $base"
new_root fresh
file_list "$root" >"$work/before.list"
in_root "$root" dpkg-query -W -f '${Package}\n' | sort >"$work/before.packages"
count=$(apt_install "$root" "$desktop_deb" "$server_deb") &&
  pass "apt-get install ./$(basename "$desktop_deb") ./$(basename "$server_deb"): $((count / 2)) packages" ||
  { fail "apt-get install"; exit 1; }
[[ $(in_root "$root" livedeck --version) == "livedeck $version" ]] &&
  pass "livedeck --version: $version" || fail "livedeck --version: $(in_root "$root" livedeck --version 2>&1)"
missing=$(in_root "$root" ldd /usr/bin/livedeck | grep 'not found' || true)
[[ -z $missing ]] && pass "every shared library resolves" || fail "unresolved libraries: $missing"
for plugin in sqldrivers/libqsqlite.so platforms/libqxcb.so; do
  [[ -e $root/usr/lib/$(uname -m)-linux-gnu/qt6/plugins/$plugin ]] && pass "Qt plugin $plugin installed" ||
    fail "Qt plugin $plugin is missing"
done
[[ -L $root/etc/systemd/system/multi-user.target.wants/livedeck.service ]] &&
  pass "postinst enabled livedeck.service (deb-systemd-helper)" || fail "livedeck.service is not enabled"

mark="installed $version at $(date -u +%H:%M:%S)"
start_service "$root" "$work/service-1.log" && {
  live write "$service_url" "$mark"
  owner=$(stat -c '%u %a' "$root/var/lib/private/livedeck")
  files=$(cd "$root/var/lib/private/livedeck" && ls | tr '\n' ' ')
  [[ -f $root/var/lib/livedeck/livedeck.sqlite && -f $root/var/lib/livedeck/secret.key ]] &&
    pass "state in /var/lib/livedeck -> private/livedeck (uid/mode $owner): $files" ||
    fail "no state in /var/lib/livedeck: $files"
  key_before=$(sha256sum <"$root/var/lib/livedeck/secret.key")
  stop_service
}
start_service "$root" "$work/service-2.log" && {
  live verify "$service_url" "$mark"
  [[ $(sha256sum <"$root/var/lib/livedeck/secret.key") == "$key_before" ]] &&
    pass "the signing key survived the restart" || fail "the signing key changed on restart"
  stop_service
}

echo "== desktop entry under Xvfb (installed files)"
desktop_status=0
bash "$here/desktop-launch.sh" --chroot "$root" || desktop_status=$?
((desktop_status == 1)) && fail "desktop launch"

echo "== remove, then purge"
in_root "$root" apt-get remove -y -q livedeck-server livedeck >"$work/remove.log" 2>&1 || { cat "$work/remove.log"; fail "apt-get remove"; }
[[ ! -e $root/usr/bin/livedeck ]] && pass "remove: the program is gone" || fail "remove left /usr/bin/livedeck"
[[ -f $root/var/lib/livedeck/livedeck.sqlite && -f $root/etc/livedeck/livedeck.conf ]] &&
  pass "remove: data and settings kept" || fail "remove deleted the data or the settings"
in_root "$root" apt-get purge -y -q --autoremove livedeck-server livedeck >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "apt-get purge"; }
left=$(cd "$root" && find . \( -path ./proc -o -path ./dev -o -path ./tmp \) -prune -o -iname '*livedeck*' -print)
[[ -z $left ]] && pass "purge: nothing named livedeck left" || fail "purge left: $left"
file_list "$root" >"$work/after.list"
# apt keeps some of what the install pulled in (systemd and what it needs are Protected: apt never
# autoremoves the init system), with the files their maintainer scripts made. Those are Debian's;
# anything else new would be LiveDeck's.
kept=$(comm -13 "$work/before.packages" <(in_root "$root" dpkg-query -W -f '${Package}\n' | sort) | tr '\n' ' ')
residue=$(comm -13 "$work/before.list" "$work/after.list")
if [[ -z $residue ]]; then
  pass "purge --autoremove: the root has the same files as before the install"
else
  echo "      still installed, kept by apt: ${kept:-none}"
  unowned=$(while read -r path; do
    # dpkg knows merged-/usr files by their historical path (/bin/mount for /usr/bin/mount).
    in_root "$root" dpkg -S "${path#.}" >/dev/null 2>&1 ||
      in_root "$root" dpkg -S "${path#./usr}" >/dev/null 2>&1 || echo "$path"
  done <<<"$residue")
  echo "      $(wc -l <<<"$residue") new paths, $(grep -c . <<<"$unowned" || true) not owned by a package:" \
    $unowned
  if grep -qi livedeck <<<"$residue"; then
    fail "purge left LiveDeck's files: $(grep -i livedeck <<<"$residue")"
  else
    pass "purge --autoremove: nothing of LiveDeck's left; what remains belongs to the kept packages"
  fi
fi

# === 2. upgrade from the previous build ==========================================================
echo "== upgrade"
previous=
for dir in $(ls -td "$cache"/previous/*/ 2>/dev/null); do
  old=$(dpkg-deb --field "$dir"/livedeck_*.deb Version)
  if dpkg --compare-versions "$old" lt "$version"; then previous=$dir; break; fi
done
if [[ -z $previous ]]; then
  echo "NOT RUN: no earlier build is cached in $cache/previous yet; this build is kept there," \
    "so the next run with a newer build upgrades from it"
else
  new_root upgrade
  old=$(dpkg-deb --field "$previous"/livedeck_*.deb Version)
  apt_install "$root" "$previous"/livedeck_*.deb "$previous"/livedeck-server_*.deb >/dev/null &&
    pass "installed the previous build $old" || fail "apt-get install of the previous build"
  mark="written by $old"
  start_service "$root" "$work/service-old.log" && { live write "$service_url" "$mark"; stop_service; }
  apt_install "$root" "$desktop_deb" "$server_deb" >/dev/null && grep -q "Unpacking livedeck ($version) over ($old)" "$work/apt-install.log" &&
    pass "upgraded $old -> $version" || fail "upgrade to $version: $(cat "$work/apt-install.log")"
  [[ -L $root/etc/systemd/system/multi-user.target.wants/livedeck.service ]] &&
    pass "still enabled after the upgrade" || fail "the upgrade disabled the service"
  start_service "$root" "$work/service-new.log" && { live verify "$service_url" "$mark"; stop_service; }
fi

if ((failures)); then
  echo "$failures check(s) failed"
  exit 1
fi
# Kept for the next run's upgrade test (the three newest builds).
mkdir -p "$cache/previous/$version"
cp "$desktop_deb" "$server_deb" "$cache/previous/$version/"
ls -td "$cache"/previous/*/ | tail -n +4 | xargs -r rm -rf
echo "install test passed$( ((desktop_status == 77)) && echo '; the desktop window was NOT verified (no admin window in this build)')"
