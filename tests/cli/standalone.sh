# The repository stands alone: no tracked file names the workshop beside it (its harness
# directory or its design contract) except the three tools that use the benchmark harness,
# and those tools skip cleanly, exit 0, when the harness is missing.
# The patterns are written so that this file does not match them itself.
. tests/tools/cli_lib.sh
allowed='tools/bench.sh
tools/deps.sh
tools/verify.sh'

# naming_workshop DIR: the tracked files of the git checkout DIR that name the workshop.
naming_workshop() {
  git -C "$1" grep -l -I -e '\.\./shared' -e '/work/[s]hared' -e 'DESIGN\.md' | sort
}

git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "not a git checkout; skipped"; exit 0; }
found=$(naming_workshop .)
[ "$found" = "$allowed" ] || die "files naming the workshop (only tools/{bench,deps,verify}.sh may):
$found"

# the check itself sees a planted reference (a negative control)
plant="$SCRATCH/plant"
mkdir -p "$plant/tests" && git -C "$plant" init -q || die "git init failed"
printf 'see ../%s/fixtures/x.csv\n' shared > "$plant/tests/a.sh"
printf 'as DESIGN.%s says\n' md > "$plant/b.md"
git -C "$plant" add . || die "git add failed"
[ "$(naming_workshop "$plant" | tr '\n' ' ')" = "b.md tests/a.sh " ] || die "the check misses planted references"

# without the harness, verify, bench and scale say "skipped", exit 0 and touch nothing
for tool in verify bench scale; do
  BENCH="$SCRATCH/no-harness" BENCH_WORK="$SCRATCH/bench-work" SCALE_WORK="$SCRATCH/scale-work" \
    expect_exit 0 sh "tools/$tool.sh"
  grep -q "^$tool: .*skipped$" "$SCRATCH/err" || { cat "$SCRATCH/err" >&2; die "tools/$tool.sh does not say it skipped"; }
  [ ! -e "$SCRATCH/bench-work" ] && [ ! -e "$SCRATCH/scale-work" ] || die "tools/$tool.sh wrote files without the harness"
done
exit 0
