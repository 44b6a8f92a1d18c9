# make install honours PREFIX and DESTDIR.
. tests/tools/cli_lib.sh
make --no-print-directory -s install PREFIX=/opt/tna DESTDIR="$SCRATCH/root" BUILD="$BUILD" >/dev/null || die "make install failed"
for f in bin/tna share/man/man1/tna.1 share/man/man5/tna.yaml.5 share/tna/roles.yaml share/tna/authorities.yaml share/tna/barriers.yaml share/tna/frameworks/content-design.yaml; do
  [ -f "$SCRATCH/root/opt/tna/$f" ] || die "missing $f"
done
expect_exit 0 "$SCRATCH/root/opt/tna/bin/tna" --version
man -l "$SCRATCH/root/opt/tna/share/man/man1/tna.1" >/dev/null 2>&1 || command -v man >/dev/null || true
