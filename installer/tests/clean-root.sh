#!/usr/bin/env bash
# Builds (once) and caches a minimal Debian 12 root, from the mirror this machine's apt uses, for
# the install test. Prints the path of the cached tarball. A root older than a week is rebuilt so
# the test keeps installing against current bookworm point releases.
set -euo pipefail

cache=${LIVEDECK_TEST_ROOT_CACHE:-/var/cache/livedeck-test-root}
tarball="$cache/bookworm-apt.tar"
mkdir -p "$cache"

if [[ -s $tarball ]] && [[ -z $(find "$tarball" -mtime +7) ]]; then
  echo "$tarball"
  exit 0
fi

# The sources the host resolves packages from (deb822 or one-line format), restricted to the
# Debian archive: the clean root must see what a Debian 12 user sees, not third-party repos.
mirror=$(apt-get indextargets --format '$(REPO_URI)' 2>/dev/null | grep -m1 -E '/debian/?$' ||
  echo http://deb.debian.org/debian/)
security=$(apt-get indextargets --format '$(REPO_URI)' 2>/dev/null | grep -m1 -E 'debian-security/?$' ||
  echo http://deb.debian.org/debian-security/)

# --variant=apt: only Essential packages and apt, so the .deb must bring every dependency itself.
# Root mode because this runs as root in CI containers where unprivileged user namespaces are off.
echo "== building a clean Debian 12 root from $mirror (cached in $cache)" >&2
mmdebstrap --mode=root --variant=apt --quiet \
  bookworm "$cache/partial-bookworm-apt.tar" \
  "deb $mirror bookworm main" \
  "deb $mirror bookworm-updates main" \
  "deb $security bookworm-security main" >&2
mv "$cache/partial-bookworm-apt.tar" "$tarball"
echo "$tarball"
