# make run installs only what building and running need; make test adds the test tools.
. tests/tools/cli_lib.sh
sh tools/deps.sh --list > "$SCRATCH/run" || die "tools/deps.sh --list failed"
sh tools/deps.sh --list test > "$SCRATCH/test" || die "tools/deps.sh --list test failed"
for tool in valgrind qpdf poppler-utils libreoffice-calc-nogui python3-openpyxl python3-jsonschema \
            libxml2-utils; do
  grep -qx "$tool" "$SCRATCH/run" && die "make run would install the test tool $tool"
  grep -qx "$tool" "$SCRATCH/test" || die "make test would not install $tool"
done
for lib in libcsv-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev libyaml-dev; do
  grep -qx "$lib" "$SCRATCH/run" || die "make run would not install $lib"
done
# the Makefile wires them that way
make -n --no-print-directory run BUILD="$BUILD" | grep -q 'tools/deps.sh$' || die "make run does not call tools/deps.sh without arguments"
make -n --no-print-directory test BUILD="$BUILD" | grep -q 'tools/deps.sh test' || die "make test does not install the test tools"
exit 0
