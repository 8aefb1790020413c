#!/usr/bin/env bash
# The test suite on Debian sid's QGIS (the newest QGIS Debian has), in a headless chroot.
#
#   bash tools/sid.sh [pytest arguments]   run the suite there (`make test-sid`; part of `make test`)
#   bash tools/sid.sh --build              only make sure the cached chroot exists
#   bash tools/sid.sh --shell              a shell in a fresh copy of the chroot, the repository mounted
#
# Needs root (it asks sudo otherwise), the Debian mirror and PyPI. The chroot (debootstrap
# --variant=minbase sid, Debian's QGIS, the test requirements in /opt/venv) is built once and kept
# as a tarball outside the repository, in $SID_CACHE (default /var/cache/vroegsignalering), so it
# survives clean clones. Its name carries a hash of the package list, the build steps and
# requirements-dev.txt: it is rebuilt when it is missing or when one of those changes, and with
# SID_REFRESH=1 (to follow sid).
# Each run happens in a private mount namespace: a tmpfs (SID_TMPFS=0: a directory under $SID_WORK,
# default /var/tmp) receives the tarball, /proc, /dev, /sys and the repository (at its own path;
# ../shared/data read-only when it exists) are mounted into it, and pytest runs there with a clean
# environment (env -i). The mounts are never visible outside the namespace and end with it,
# however the run ends.
set -euo pipefail

# Debian sid packages: QGIS and the test requirements Debian has (as tools/setup.sh installs on Debian 12;
# SciPy is there through qgis > matplotlib > fonttools, here by name); pip adds the rest (pytest-qgis).
SID_APT="python3-qgis qgis-providers qgis python3-pandas python3-scipy python3-pytest python3-requests
 python3-pyproj python3-venv pyqt5-dev-tools poppler-utils ca-certificates"
SID_MIRROR=${SID_MIRROR:-http://deb.debian.org/debian}
SID_CACHE=${SID_CACHE:-/var/cache/vroegsignalering}
SID_WORK=${SID_WORK:-/var/tmp}
SID_TMPFS=${SID_TMPFS:-1}
VENV=/opt/venv
PASS_ENV="http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
SCRIPT="$ROOT/tools/sid.sh"

log() { printf 'sid: %s\n' "$*" >&2; }

# --- inside the private mount namespace -----------------------------------------------------------
# sid.sh --in-namespace DIR build COMMAND...          in the chroot being built (network, proxies)
# sid.sh --in-namespace DIR test TARBALL COMMAND...   restore TARBALL into DIR, mount the repository, run
if [ "${1:-}" = "--in-namespace" ]; then
  dir=$2 mode=$3
  shift 3
  mounted=()
  unmount_all() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
      umount -R "${mounted[i]}" 2>/dev/null || umount -R -l "${mounted[i]}" 2>/dev/null || true
    done
  }
  trap unmount_all EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  bind() {  # bind SOURCE TARGET [ro]
    mkdir -p "$dir$2"
    mount --rbind "$1" "$dir$2"
    mounted+=("$dir$2")
    if [ "${3:-}" = ro ]; then
      mount -o remount,bind,ro "$dir$2"
    fi
  }
  env=(HOME=/root LANG=C.UTF-8 "PATH=$VENV/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
  if [ "$mode" = build ]; then
    cp -L /etc/resolv.conf "$dir/etc/resolv.conf"
    env+=(DEBIAN_FRONTEND=noninteractive)
    for name in $PASS_ENV; do
      if [ -n "${!name:-}" ]; then env+=("$name=${!name}"); fi
    done
  else
    tarball=$1
    shift
    started=$SECONDS
    if [ "$SID_TMPFS" != 0 ]; then
      mount -t tmpfs -o mode=755,size=75% sid-qgis "$dir"
      mounted+=("$dir")
    fi
    zstd -q -d -c "$tarball" | tar -C "$dir" --numeric-owner -xf -
    log "QGIS $(chroot "$dir" dpkg-query -W -f='${Version}' python3-qgis) (Debian sid," \
      "$(chroot "$dir" python3 -V)), restored in $((SECONDS - started)) s"
    # as the Makefile sets them for the 3.22 suite, in the chroot's own (fresh) directories
    mkdir -p "$dir/root/xdg" "$dir/root/qgis-config"
    chmod 700 "$dir/root/xdg"
    env+=(QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/root/xdg QGIS_CUSTOM_CONFIG_PATH=/root/qgis-config
          PYTHONDONTWRITEBYTECODE=1 "TERM=${TERM:-dumb}")
    bind "$ROOT" "$ROOT"
    shared_data="$(dirname "$ROOT")/shared/data"
    if [ -d "$shared_data" ]; then bind "$shared_data" "$shared_data" ro; fi
  fi
  bind /proc /proc
  bind /dev /dev
  bind /sys /sys
  status=0
  chroot "$dir" /usr/bin/env -i "${env[@]}" "$@" || status=$?
  exit "$status"
fi

# --- on the host ----------------------------------------------------------------------------------
if [ "$(id -u)" -ne 0 ]; then
  exec sudo --preserve-env="SID_MIRROR,SID_CACHE,SID_WORK,SID_TMPFS,SID_REFRESH,${PASS_ENV// /,}" \
    bash "$SCRIPT" "$@"
fi

# Ctrl-C or a kill: exit (after the running command), so the EXIT traps below clean up
trap 'exit 130' INT
trap 'exit 143' TERM

need=""
command -v debootstrap >/dev/null || need="$need debootstrap"
command -v zstd >/dev/null || need="$need zstd"
command -v unshare >/dev/null || need="$need util-linux"
if [ -n "$need" ]; then
  log "installing on the host:$need"
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $need
fi

enter() {  # enter DIR MODE ...: see --in-namespace above
  unshare --mount --propagation private bash "$SCRIPT" --in-namespace "$@"
}

# Every step that shapes the tarball is in this function: its text is part of the cache key.
build_image() {  # build_image DIR
  local dir=$1
  chmod 755 "$dir"
  debootstrap --variant=minbase sid "$dir" "$SID_MIRROR"
  cat >"$dir/etc/apt/apt.conf.d/90vroegsignalering" <<'EOF'
Acquire::Check-Valid-Until "false";
Acquire::Retries "3";
APT::Install-Recommends "false";
APT::Install-Suggests "false";
Dpkg::Use-Pty "false";
EOF
  printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
  chmod 755 "$dir/usr/sbin/policy-rc.d"
  enter "$dir" build apt-get update -q
  # shellcheck disable=SC2086
  enter "$dir" build apt-get install -y -q $SID_APT
  # pip trusts what the host's pip trusts
  cp -L /etc/ssl/certs/ca-certificates.crt "$dir/etc/ssl/certs/ca-certificates.crt"
  if [ -f /etc/pip.conf ]; then cp -L /etc/pip.conf "$dir/etc/pip.conf"; fi
  # the test requirements: Debian's where they satisfy requirements-dev.txt, numpy held at Debian's
  cp "$ROOT/requirements-dev.txt" "$dir/tmp/requirements-dev.txt"
  enter "$dir" build /usr/bin/python3 -m venv --system-site-packages "$VENV"
  enter "$dir" build sh -c "/usr/bin/python3 -c 'import numpy; print(\"numpy==\" + numpy.__version__)' \
    > $VENV/constraints.txt"
  enter "$dir" build "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-cache-dir \
    -c "$VENV/constraints.txt" -r /tmp/requirements-dev.txt
  test -x "$dir/usr/bin/qgis_process.bin"
  enter "$dir" build apt-get clean
  rm -rf "$dir"/var/lib/apt/lists/* "$dir"/tmp/* "$dir"/root/.cache
}

key=$( { echo "$SID_APT"; declare -f build_image; cat "$ROOT/requirements-dev.txt"; } | sha256sum | cut -c1-12)
TARBALL="$SID_CACHE/sid-qgis-$key.tar.zst"

ensure_tarball() {
  mkdir -p "$SID_CACHE"
  exec 9>"$SID_CACHE/.lock"
  flock 9  # one build at a time; a second run waits for it and then uses it
  if [ -f "$TARBALL" ] && [ -z "${SID_REFRESH:-}" ]; then
    exec 9>&-
    return
  fi
  local started=$SECONDS dir tmp buildlog="$SID_CACHE/build.log" built
  log "building the Debian sid chroot with QGIS (5 to 10 minutes; log in $buildlog)"
  dir=$(mktemp -d "$SID_WORK/vroegsignalering-sid-build.XXXXXX")
  tmp="$TARBALL.tmp.$$"
  # shellcheck disable=SC2064
  trap "rm -rf '$dir' '$tmp'" EXIT
  # (not under `if`: there bash would ignore set -e inside the function)
  set +e
  (set -e; build_image "$dir") >"$buildlog" 2>&1
  built=$?
  set -e
  if [ "$built" -ne 0 ]; then
    tail -n 40 "$buildlog" >&2
    log "building the chroot failed (the whole log: $buildlog)"
    exit 1
  fi
  tar -C "$dir" --numeric-owner -cf - . | zstd -q -T0 -6 -o "$tmp"
  mv -f "$tmp" "$TARBALL"
  find "$SID_CACHE" -maxdepth 1 -name 'sid-qgis-*.tar.zst' ! -path "$TARBALL" -delete
  rm -rf "$dir"
  trap - EXIT
  exec 9>&-
  log "chroot built in $((SECONDS - started)) s ($(du -h "$TARBALL" | cut -f1)): $TARBALL"
}

# Run directories left by killed runs (their pid is gone): outside their namespace they never had
# anything mounted on them, so they go.
for stale in "$SID_WORK"/vroegsignalering-sid-run.*; do
  [ -f "$stale/owner" ] || continue
  kill -0 "$(cat "$stale/owner")" 2>/dev/null || rm -rf "$stale"
done

ensure_tarball
if [ "${1:-}" = "--build" ]; then
  log "cached: $TARBALL"
  exit 0
fi

started=$SECONDS
work=$(mktemp -d "$SID_WORK/vroegsignalering-sid-run.XXXXXX")
echo $$ >"$work/owner"
mkdir -m 755 "$work/root"
# shellcheck disable=SC2064
trap "rm -rf '$work'" EXIT

if [ "${1:-}" = "--shell" ]; then
  enter "$work/root" test "$TARBALL" bash -c 'cd "$1" && exec bash -i' bash "$ROOT"
  exit
fi

status=0
enter "$work/root" test "$TARBALL" bash -c 'cd "$1" && shift && exec python -m pytest -q "$@"' pytest "$ROOT" "$@" \
  || status=$?
log "pytest on Debian sid's QGIS: exit status $status, $((SECONDS - started)) s in all"
exit "$status"
