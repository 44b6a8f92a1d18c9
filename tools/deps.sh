#!/bin/sh
# Installs the Debian packages tna needs, when any is missing. Uses sudo when not root and
# does nothing when everything is present.
#   tools/deps.sh          what building and running need (make run)
#   tools/deps.sh test     that, plus the tools the tests read reports with (make test)
#   tools/deps.sh verify   that, plus the reference peers of ../shared/bench (make verify, bench)
#   tools/deps.sh fuzz     that, plus clang and libFuzzer (make fuzz)
# With --list first, it prints the packages of that set, one a line, and installs nothing.
set -e
list=""
if [ "${1:-}" = --list ]; then list=1; shift; fi
pkgs="build-essential pkg-config libcsv-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev
      libglib2.0-dev libyaml-dev fonts-dejavu-core"
case "${1:-}" in
  test|verify)
    # python3-jsonschema, libxml2-utils (xmllint) and node check the questionnaire files
    pkgs="$pkgs python3 python3-openpyxl python3-yaml python3-jsonschema libxml2-utils qpdf
          poppler-utils valgrind libreoffice-calc-nogui strace" ;;
  fuzz)
    # make fuzz builds its harnesses with clang and libFuzzer.
    pkgs="$pkgs clang libclang-rt-14-dev" ;;
esac
# make verify and make bench also run the reference peers of ../shared/bench.
if [ "${1:-}" = verify ]; then
  pkgs="$pkgs python3-pandas r-base-core r-cran-data.table time bc bsdextrautils"
fi
if [ -n "$list" ]; then
  for p in $pkgs; do echo "$p"; done
  exit 0
fi
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ "${1:-}" = test ] || [ "${1:-}" = verify ]; then
  # node may come from Debian's nodejs or from another nodejs build
  command -v node >/dev/null 2>&1 || missing="$missing nodejs"
fi
if [ "${1:-}" = verify ]; then
  command -v npm >/dev/null 2>&1 || missing="$missing npm"
fi
[ -z "$missing" ] && exit 0
echo "installing:$missing"
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
