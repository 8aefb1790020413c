#!/usr/bin/env bash
# Install what the plugin's tests and demo need: Debian's QGIS and tools, then a venv.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES="python3-qgis qgis-providers qgis python3-pandas python3-venv pyqt5-dev-tools qttools5-dev-tools poppler-utils"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

missing=""
for pkg in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  echo "setup: installing Debian packages:$missing"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv (with Debian's QGIS, numpy and GDAL visible)"
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
# pip's numpy 2 would break Debian's GDAL and SciPy: pin numpy to Debian's version.
/usr/bin/python3 -c 'import numpy; print("numpy==" + numpy.__version__)' > .venv/constraints.txt
if [ ! -f .venv/.installed ] || [ requirements-dev.txt -nt .venv/.installed ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -c .venv/constraints.txt -r requirements-dev.txt
  touch .venv/.installed
fi
