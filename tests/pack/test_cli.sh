#!/bin/sh
# The vitrine-pack command line, as curators and toolchain/dev use it: exit codes (0 ok, 1 the
# content or pack is wrong, 2 usage), the messages, byte-identical rebuilds, the build date from
# --date or SOURCE_DATE_EPOCH, and that a failed build writes nothing and leaves an existing
# pack alone.
#
# usage: test_cli.sh VITRINE_PACK FIXTURE_DIR
set -u
tool=$1
fixture=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -R "$fixture" "$tmp/content"
cd "$tmp" || exit 2
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# run EXPECTED_STATUS COMMAND...: runs it with stdout in out.txt, stderr in err.txt
run() {
    want=$1
    shift
    "$@" >out.txt 2>err.txt
    got=$?
    [ "$got" -eq "$want" ] || fail "'$*' exited $got, expected $want; stderr: $(cat err.txt)"
}

# same FILE TEXT: the file's whole content must be TEXT
same() {
    printf '%s\n' "$2" >want.txt
    cmp -s "$1" want.txt || fail "$1 is '$(cat "$1")', expected '$2'"
}

run 0 "$tool" --version
grep -q '^vitrine-pack [0-9][0-9.]*$' out.txt || fail "--version printed '$(cat out.txt)'"
run 0 "$tool" --help
grep -q '^usage: vitrine-pack build DIR -o PACK \[--date YYYY-MM-DD\]$' out.txt || fail "--help"
run 2 "$tool"
run 2 "$tool" frobnicate
run 2 "$tool" build content
run 2 "$tool" build content -o x.vpack --date 2026-02-30
SOURCE_DATE_EPOCH=yesterday run 2 "$tool" build content -o x.vpack
[ ! -e x.vpack ] || fail "a usage error wrote a pack"

run 0 "$tool" build content -o a.vpack
same out.txt "built a.vpack: pack version 3, 3 documents, 3 timeline events"
run 0 "$tool" build content/ -o b.vpack
cmp -s a.vpack b.vpack || fail "two builds differ"
SOURCE_DATE_EPOCH=1782864000 run 0 "$tool" build content -o c.vpack
SOURCE_DATE_EPOCH=1 run 0 "$tool" build content -o d.vpack --date 2026-07-01
cmp -s c.vpack d.vpack || fail "--date and SOURCE_DATE_EPOCH of the same day differ"
cmp -s a.vpack c.vpack && fail "the build date is not recorded"

run 0 "$tool" check a.vpack
same out.txt "ok: a.vpack is a valid content pack"
run 0 "$tool" info c.vpack
grep -qx 'built: 2026-07-01' out.txt || fail "info: $(cat out.txt)"
grep -qx 'documents: 3' out.txt || fail "info: $(cat out.txt)"
run 0 "$tool" info a.vpack
grep -qx 'built: unknown' out.txt || fail "info without a date: $(cat out.txt)"

printf 'not a pack\n' >junk.vpack
run 1 "$tool" check junk.vpack
same err.txt "junk.vpack: not an SQLite database"
run 1 "$tool" check missing.vpack
run 1 "$tool" info junk.vpack

# a broken source: every error as file:line, nothing written, the old pack untouched
sed 's/^\[question 3\]$/[question 4]/' content/documents/alpha.txt >alpha.txt &&
    mv alpha.txt content/documents/alpha.txt
cp a.vpack before.vpack
run 1 "$tool" build content -o a.vpack
same err.txt "content/documents/alpha.txt:63: question 4 out of order (expected question 3)
content/documents/alpha.txt:69: answer 2 3 covers question 3, which does not exist
vitrine-pack: 2 errors; no pack written"
cmp -s a.vpack before.vpack || fail "a failed build changed the existing pack"
run 1 "$tool" build content -o new.vpack
[ ! -e new.vpack ] || fail "a failed build wrote a pack"
leftovers=$(ls | grep -c -e '\.vpack\.' -e 'journal')
[ "$leftovers" -eq 0 ] || fail "temporary files left: $(ls)"

if [ "$failures" -ne 0 ]; then
    echo "$failures failed"
    exit 1
fi
echo "test_cli: all passed"
