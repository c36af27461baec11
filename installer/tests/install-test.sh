#!/usr/bin/env bash
# Installs the .deb packages on a clean Debian 12 root, as a user would with apt, and checks the
# whole life of the service: dependencies, --version, the service with the packaged settings
# serving the home page and live views (headless Chromium over the WebSocket), its data across a
# restart, the desktop entry under Xvfb, then remove (data kept) and purge (nothing left). Then
# the upgrade path: the previous build's packages, data written, this build's packages over them.
#
# Usage: install-test.sh PACKAGES_DIR   (as root; exit 77 when a needed tool is missing)
#
# The service runs under a real systemd where it can: the root, with the packages installed, is
# booted with systemd-nspawn (private network, so the packaged port 4000 is used unchanged), and
# livedeck.service runs as written (DynamicUser=, StateDirectory=, the sandbox and system-call
# filter, Restart=); the maintainer scripts then talk to a running systemd through
# deb-systemd-helper / deb-systemd-invoke. Where nspawn cannot boot it (no systemd-nspawn, or a
# container that does not allow it), no systemd runs and the service is started the way the unit
# would start it: its ExecStart= line, read from the installed unit, with StateDirectory= and
# DynamicUser= reproduced (a uid with no passwd entry, the data in /var/lib/private/livedeck behind
# the /var/lib/livedeck symlink, made traversable in the service's own mount namespace only),
# UMask=, LimitNOFILE=, PrivateTmp= and NoNewPrivileges=, in a network namespace of its own.
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
  shutdown_root || true
  for root in "${roots[@]}"; do
    for mount in var/lib/apt/lists var/cache/apt/archives dev proc; do
      while mountpoint -q "$root/$mount"; do umount -R "$root/$mount"; done
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
  mount_kernel_fs
  mount --bind "$cache/archives" "$root/var/cache/apt/archives"
  mount --bind "$cache/lists" "$root/var/lib/apt/lists"
  in_root "$root" apt-get -q update >"$work/apt-update-$1.log" 2>&1 ||
    { cat "$work/apt-update-$1.log"; exit 1; }
}
mount_kernel_fs() {
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --make-rslave "$root/dev"
}
in_root() {
  local root=$1
  shift
  chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}
apt_install() { # ROOT DEB... [--apt-option...]: `apt-get install ./x.deb` as the README says
  local root=$1
  shift
  mkdir -p "$root/tmp/debs"
  local args=()
  for arg in "$@"; do
    if [[ $arg == -* ]]; then
      args+=("$arg")
    else
      cp "$arg" "$root/tmp/debs/"
      args+=("./$(basename "$arg")")
    fi
  done
  chroot "$root" sh -c 'cd /tmp/debs && exec env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"' \
    sh "${args[@]}" >"$work/apt-install.log" 2>&1 || { cat "$work/apt-install.log"; return 1; }
  rm -rf "$root/tmp/debs"
  awk '/^(Setting up|Unpacking) /{n++} END{print n+0}' "$work/apt-install.log"
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
net_enter=(ip netns exec "$netns")
live() { "${net_enter[@]}" node "$here/live-check.js" "$@" || fail "live check: $*"; }

# --- a real systemd: the root booted with systemd-nspawn ------------------------------------------
init_pid= nspawn_pid=
in_booted() {
  nsenter -t "$init_pid" -a env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}
# Boots $root; false (and nothing left running) where that is not possible here.
boot_root() {
  command -v systemd-nspawn >/dev/null && [[ -x $root/lib/systemd/systemd ]] || return 1
  # The container mounts its own /proc and /dev; the apt caches stay bound in.
  for mount in proc dev; do mountpoint -q "$root/$mount" && umount -R "$root/$mount"; done
  systemd-nspawn -q -D "$root" --boot --register=no --keep-unit --private-network \
    >"$work/boot-$1.log" 2>&1 &
  nspawn_pid=$!
  local state=
  for _ in $(seq 300); do
    for pid in $(pgrep -P "$nspawn_pid") $(pgrep -P "$(pgrep -P "$nspawn_pid" | head -1)" 2>/dev/null); do
      [[ $(cat "/proc/$pid/comm" 2>/dev/null) == systemd ]] && init_pid=$pid
    done
    if [[ -n $init_pid ]]; then
      state=$(in_booted systemctl is-system-running 2>/dev/null || true)
      [[ $state == running || $state == degraded ]] && break
    fi
    kill -0 "$nspawn_pid" 2>/dev/null || break
    sleep 0.2
  done
  if [[ $state != running && $state != degraded ]]; then
    echo "      systemd-nspawn did not boot the root here: $(tail -2 "$work/boot-$1.log" | tr '\n' ' ')"
    echo "      -> starting the unit's ExecStart= line as systemd would instead"
    shutdown_root
    return 1
  fi
  net_enter=(nsenter -t "$init_pid" -n)
  pass "booted the root: $(in_booted systemctl --version | head -1) in systemd-nspawn ($state)"
}
shutdown_root() {
  [[ -n $nspawn_pid ]] || return 0
  [[ -n $init_pid ]] && in_booted systemctl poweroff --no-block >/dev/null 2>&1
  for _ in $(seq 150); do
    kill -0 "$nspawn_pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$nspawn_pid" 2>/dev/null; then
    [[ -n $init_pid ]] && kill -KILL "$init_pid" 2>/dev/null
    sleep 1
    kill -KILL "$nspawn_pid" 2>/dev/null
  fi
  wait "$nspawn_pid" 2>/dev/null || true
  nspawn_pid= init_pid=
  net_enter=(ip netns exec "$netns")
  [[ -n ${root:-} ]] && mount_kernel_fs
  true
}
main_pid() { in_booted systemctl show -p MainPID --value livedeck.service; }
# Active and answering on the packaged port.
wait_active() {
  for _ in $(seq 100); do
    [[ $(in_booted systemctl is-active livedeck.service) == active ]] &&
      "${net_enter[@]}" curl -fs -o /dev/null http://127.0.0.1:4000/ && return 0
    sleep 0.2
  done
  return 1
}
# Commands of the installed system: inside the booted root, or chrooted into it.
in_system() {
  if [[ -n $init_pid ]]; then in_booted "$@"; else in_root "$root" "$@"; fi
}

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

echo "== desktop entry under Xvfb (installed files)"
desktop_status=0
bash "$here/desktop-launch.sh" --chroot "$root" || desktop_status=$?
((desktop_status == 1)) && fail "desktop launch"

echo "== the service"
mark="installed $version at $(date -u +%H:%M:%S)"
if boot_root fresh; then
  url=http://127.0.0.1:4000
  wait_active && pass "livedeck.service active after boot (enabled by postinst), MainPID $(main_pid)" ||
    fail "livedeck.service is not active after boot: $(in_booted systemctl status livedeck --no-pager)"
  pid=$(main_pid)
  user=$(in_booted ps -o user=,uid= -p "$pid" | xargs)
  if in_booted grep -q '^livedeck:' /etc/passwd; then fail "DynamicUser= left a passwd entry"; else
    pass "runs as the dynamic user $user (not in /etc/passwd)"; fi
  live write "$url" "$mark"
  files=$(cd "$root/var/lib/private/livedeck" && ls | tr '\n' ' ')
  [[ -L $root/var/lib/livedeck && -f $root/var/lib/livedeck/livedeck.sqlite ]] &&
    pass "state in /var/lib/livedeck -> $(readlink "$root/var/lib/livedeck") (uid $(stat -c '%u, mode %a' "$root/var/lib/private/livedeck")): $files" ||
    fail "no state in /var/lib/livedeck: $files"
  key_before=$(sha256sum <"$root/var/lib/livedeck/secret.key")
  in_booted systemctl restart livedeck.service && wait_active && [[ $(main_pid) != "$pid" ]] &&
    pass "systemctl restart: a new process" || fail "systemctl restart"
  live verify "$url" "$mark"
  [[ $(sha256sum <"$root/var/lib/livedeck/secret.key") == "$key_before" ]] &&
    pass "the signing key survived the restart" || fail "the signing key changed on restart"
  pid=$(main_pid)
  in_booted systemctl kill -s KILL livedeck.service
  sleep 3 # RestartSec=2s
  wait_active && [[ $(main_pid) != "$pid" ]] &&
    pass "killed with SIGKILL, systemd started it again (Restart=on-failure)" ||
    fail "no restart after a crash: $(in_booted systemctl status livedeck --no-pager)"
  live verify "$url" "$mark"
  echo "      $(in_booted systemd-analyze security livedeck.service --no-pager | tail -1)"
else
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
fi

echo "== remove, then purge"
in_system apt-get remove -y -q livedeck-server livedeck >"$work/remove.log" 2>&1 || { cat "$work/remove.log"; fail "apt-get remove"; }
if [[ -n $init_pid ]]; then
  [[ $(in_booted systemctl is-active livedeck.service) != active ]] && ! in_booted pgrep -x livedeck >/dev/null &&
    pass "remove: prerm stopped the service (deb-systemd-invoke)" || fail "remove left the service running"
fi
[[ ! -e $root/usr/bin/livedeck ]] && pass "remove: the program is gone" || fail "remove left /usr/bin/livedeck"
[[ -f $root/var/lib/livedeck/livedeck.sqlite && -f $root/etc/livedeck/livedeck.conf ]] &&
  pass "remove: data and settings kept" || fail "remove deleted the data or the settings"
# Purged where the service ran; the dependencies are autoremoved after shutdown, since apt
# cannot remove the init system of a running root.
in_system apt-get purge -y -q livedeck-server livedeck >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "apt-get purge"; }
shutdown_root
in_root "$root" apt-get autoremove -y -q --purge >"$work/autoremove.log" 2>&1 ||
  { cat "$work/autoremove.log"; fail "apt-get autoremove --purge"; }
left=$(cd "$root" && find . \( -path ./proc -o -path ./dev -o -path ./tmp \) -prune -o -iname '*livedeck*' -print)
[[ -z $left ]] && pass "purge: nothing named livedeck left" || fail "purge left: $left"
file_list "$root" >"$work/after.list"
# apt keeps some of what the install pulled in (systemd and what it needs are Protected: apt never
# autoremoves the init system), with the files their maintainer scripts made. Those are Debian's;
# anything else new would be LiveDeck's.
kept=$(comm -13 "$work/before.packages" <(in_root "$root" dpkg-query -W -f '${Package}\n' | sort) | tr '\n' ' ')
residue=$(comm -13 "$work/before.list" "$work/after.list")
if [[ -z $residue ]]; then
  pass "purge, autoremove --purge: the root has the same files as before the install"
else
  echo "      still installed, kept by apt: ${kept:-none}"
  unowned=$(while read -r path; do
    # dpkg knows merged-/usr files by their historical path (/bin/mount for /usr/bin/mount).
    in_root "$root" dpkg -S "${path#.}" >/dev/null 2>&1 ||
      in_root "$root" dpkg -S "${path#./usr}" >/dev/null 2>&1 || echo "$path"
  done <<<"$residue")
  echo "      $(wc -l <<<"$residue") new paths, $(grep -c . <<<"$unowned" || true) not owned by a package:" \
    $(head -20 <<<"$unowned")
  if grep -qi livedeck <<<"$residue"; then
    fail "purge left LiveDeck's files: $(grep -i livedeck <<<"$residue")"
  else
    pass "purge, autoremove --purge: nothing of LiveDeck's left; what remains belongs to the kept packages"
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
  # The booted root has no network: the new packages' dependencies go into the apt cache now.
  apt_install "$root" "$desktop_deb" "$server_deb" --download-only >/dev/null ||
    fail "downloading what $version needs"
  mkdir -p "$root/var/tmp/debs"
  cp "$desktop_deb" "$server_deb" "$root/var/tmp/debs/"
  if boot_root upgrade; then
    wait_active && live write http://127.0.0.1:4000 "$mark" || fail "the previous build's service"
    pid=$(main_pid)
    in_booted sh -c "cd /var/tmp/debs && apt-get install -y -q ./$(basename "$desktop_deb") ./$(basename "$server_deb")" \
      >"$work/apt-install.log" 2>&1
    grep -q "Unpacking livedeck ($version) over ($old)" "$work/apt-install.log" &&
      pass "upgraded $old -> $version under a running systemd" || fail "upgrade to $version: $(cat "$work/apt-install.log")"
    wait_active && [[ $(main_pid) != "$pid" ]] &&
      pass "postinst restarted the service (deb-systemd-invoke), MainPID $pid -> $(main_pid)" ||
      fail "the service was not restarted by the upgrade"
    [[ $(in_booted systemctl is-enabled livedeck.service) == enabled ]] &&
      pass "still enabled after the upgrade" || fail "the upgrade disabled the service"
    live verify http://127.0.0.1:4000 "$mark"
    shutdown_root
  else
    start_service "$root" "$work/service-old.log" && { live write "$service_url" "$mark"; stop_service; }
    apt_install "$root" "$desktop_deb" "$server_deb" >/dev/null && grep -q "Unpacking livedeck ($version) over ($old)" "$work/apt-install.log" &&
      pass "upgraded $old -> $version" || fail "upgrade to $version: $(cat "$work/apt-install.log")"
    [[ -L $root/etc/systemd/system/multi-user.target.wants/livedeck.service ]] &&
      pass "still enabled after the upgrade" || fail "the upgrade disabled the service"
    start_service "$root" "$work/service-new.log" && { live verify "$service_url" "$mark"; stop_service; }
  fi
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
