#!/usr/bin/env bash
# End-to-end checks of the yusuan command: exit codes, stderr, output shapes.
# Usage: cli_test.sh YUSUAN SAMPLES_DIR
set -u
yusuan=$1
samples=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Every seed parses, as JSON and as text, with exit 0 and nothing on stderr.
for f in "$samples"/*.txt; do
  "$yusuan" parse --format json "$f" >"$tmp/out.json" 2>"$tmp/err" || fail "parse json $f exit $?"
  [ -s "$tmp/err" ] && fail "parse json $f wrote to stderr: $(cat "$tmp/err")"
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert "summary" in d and d["summary"]["year"] > 2000' \
    "$tmp/out.json" || fail "parse json $f: no summary"
  "$yusuan" parse "$f" >"$tmp/out.txt" 2>"$tmp/err" || fail "parse text $f exit $?"
done

# Several files at once: a JSON array, one document each.
"$yusuan" parse --format json "$samples"/001_*.txt "$samples"/003_*.txt >"$tmp/two.json" || fail "two files"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d, list) and len(d) == 2' \
  "$tmp/two.json" || fail "two files: not an array of two"

# Unusable input: exit 2 and one line on stderr naming the file and the reason.
check_refused() {
  local file=$1 reason=$2
  "$yusuan" parse "$file" >/dev/null 2>"$tmp/err"
  local code=$?
  [ "$code" -eq 2 ] || fail "$file: exit $code, expected 2"
  [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "$file: stderr is not one line: $(cat "$tmp/err")"
  grep -q -- "$file" "$tmp/err" || fail "$file: stderr does not name the file"
  grep -q -- "$reason" "$tmp/err" || fail "$file: stderr does not say '$reason': $(cat "$tmp/err")"
}
: >"$tmp/empty.txt"
check_refused "$tmp/empty.txt" "文件为空"
head -c 3000 /dev/urandom >"$tmp/random.bin"
printf '\0\0\0' >>"$tmp/random.bin"
check_refused "$tmp/random.bin" "文本"
printf '会议纪要\n今天讨论了工作。\n' >"$tmp/memo.txt"
check_refused "$tmp/memo.txt" "不是预算公开文件"
check_refused "$tmp/missing.txt" "无法读取"

# A good file among bad ones: the good one is still printed, the exit code says 2.
"$yusuan" parse --format json "$tmp/empty.txt" "$samples"/001_*.txt >"$tmp/mixed.json" 2>/dev/null
[ $? -eq 2 ] || fail "mixed: expected exit 2"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d) == 1' "$tmp/mixed.json" \
  || fail "mixed: good document not printed"

# GB18030, UTF-16 and CRLF give the same model as UTF-8.
seed="$samples/003_e6ae60a0aa2cb151.txt"
"$yusuan" parse --format json "$seed" | python3 -c 'import json,sys; d=json.load(sys.stdin); d.pop("source"); print(json.dumps(d))' >"$tmp/utf8.json"
iconv -f UTF-8 -t GB18030 "$seed" >"$tmp/gb.txt"
(printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$seed") >"$tmp/u16.txt"
sed 's/$/\r/' "$seed" >"$tmp/crlf.txt"
for variant in gb u16 crlf; do
  "$yusuan" parse --format json "$tmp/$variant.txt" | python3 -c 'import json,sys; d=json.load(sys.stdin); d.pop("source"); print(json.dumps(d))' >"$tmp/$variant.json"
  cmp -s "$tmp/utf8.json" "$tmp/$variant.json" || fail "$variant: model differs from UTF-8"
done

# --help on every command.
"$yusuan" --help >/dev/null || fail "--help"
"$yusuan" parse --help | grep -q -- "--format" || fail "parse --help"

if [ "$failures" -ne 0 ]; then
  echo "$failures failed"
  exit 1
fi
echo "cli: all checks passed"
