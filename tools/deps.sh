#!/bin/sh
# Installs the Debian packages tna needs to build and test, when any is missing.
# Uses sudo when not root. Does nothing when everything is present.
set -e
pkgs="build-essential pkg-config libcsv-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev
      libglib2.0-dev libyaml-dev fonts-dejavu-core python3 python3-openpyxl qpdf poppler-utils
      valgrind libreoffice-calc-nogui python3-yaml strace"
# make fuzz builds its harnesses with clang and libFuzzer.
if [ "${1:-}" = fuzz ]; then
  pkgs="$pkgs clang libclang-rt-14-dev"
fi
# make verify and make bench also run the reference peers of ../shared/bench.
if [ "${1:-}" = verify ]; then
  pkgs="$pkgs python3-pandas r-base-core r-cran-data.table time bc bsdextrautils"
fi
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ "${1:-}" = verify ]; then
  # node and npm may come from Debian's nodejs and npm or from another nodejs build
  command -v node >/dev/null 2>&1 || missing="$missing nodejs"
  command -v npm >/dev/null 2>&1 || missing="$missing npm"
fi
[ -z "$missing" ] && exit 0
echo "installing:$missing"
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
