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
truncate -s 1G "$tmp/huge.txt"          # sparse: costs no disk
check_refused "$tmp/huge.txt" "上限"
# Over the default 64 MB the message says how to raise the limit; raised, the file is read
# (and refused for what it holds: zeros); over the most that may be asked, never read.
truncate -s 65M "$tmp/large.txt"
check_refused "$tmp/large.txt" "超过 64 MB 上限.*--max-input-mb"
"$yusuan" check --max-input-mb 66 "$tmp/large.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "large.txt.*NUL\|large.txt.*文本" "$tmp/err" && ! grep -q "上限" "$tmp/err" ||
  fail "--max-input-mb 66: $(cat "$tmp/err")"
"$yusuan" check --max-input-mb 512 "$tmp/huge.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "超过 512 MB 上限，未读取$" "$tmp/err" || fail "1 GB at the most: $(cat "$tmp/err")"
for bad in 0 513; do
  "$yusuan" check --max-input-mb "$bad" "$samples"/000_*.txt >/dev/null 2>&1
  [ $? -eq 2 ] || fail "--max-input-mb $bad accepted"
done
rm -f "$tmp/large.txt"
printf '2026年度单位预算公开\n\x00\x00\x00\n' >"$tmp/nul.txt"
check_refused "$tmp/nul.txt" "NUL"
check_refused /dev/zero "不是普通文件"   # a device is refused unread: it would never end

# Standard input ("-") and a pipe are read to their end: the same findings as the file, under
# the name given; an empty one is refused like an empty file.
"$yusuan" check --format json "$samples"/004_*.txt | sed "s|$samples/004_[^\"]*|-|" >"$tmp/file.json"
"$yusuan" check --format json - <"$samples"/004_*.txt >"$tmp/stdin.json"
cat "$samples"/004_*.txt | "$yusuan" check --format json - >"$tmp/pipe.json"
cmp -s "$tmp/file.json" "$tmp/stdin.json" && cmp -s "$tmp/file.json" "$tmp/pipe.json" ||
  fail "check - (standard input) differs from checking the file"
printf '' | "$yusuan" check - >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "标准输入.*文件为空" "$tmp/err" || fail "check - of nothing: $(cat "$tmp/err")"

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

# check: exit 1 when a finding is an error, 0 when none is, 2 on unusable input.
"$yusuan" check "$samples"/001_*.txt >"$tmp/check.txt"
code=$?
[ "$code" -eq 1 ] || fail "check 001: exit $code, expected 1 (it holds an arithmetic error)"
grep -q "^$samples/001_8dd967fac47080d3.txt:[0-9]*: error \[target.overview-arithmetic\]" "$tmp/check.txt" \
  || fail "check text: no compiler-style line"
tail -1 "$tmp/check.txt" | grep -q "错误" || fail "check text: no count at the end"
"$yusuan" check --disable target.overview-arithmetic "$samples"/001_*.txt >/dev/null
[ $? -eq 0 ] || fail "check 001 with the error disabled: expected exit 0"
"$yusuan" check --disable no.such-rule "$samples"/001_*.txt >/dev/null 2>&1
[ $? -eq 2 ] || fail "check --disable unknown: expected exit 2"
# --disable takes one value: the files after it are files, however many.
"$yusuan" check --disable target.overview-arithmetic "$samples"/001_*.txt "$samples"/000_*.txt \
  >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] && [ ! -s "$tmp/err" ] && grep -q "^2 个文件" "$tmp/out" ||
  fail "check --disable RULE FILE FILE: $(cat "$tmp/err")"
"$yusuan" check "$tmp/empty.txt" >/dev/null 2>&1
[ $? -eq 2 ] || fail "check empty file: expected exit 2"
"$yusuan" check --format json "$samples"/003_*.txt >"$tmp/check.json"
python3 - "$tmp/check.json" <<'PY' || fail "check json shape"
import json, sys
d = json.load(open(sys.argv[1]))
assert isinstance(d["findings"], list) and d["findings"]
for f in d["findings"]:
    assert set(f) >= {"rule", "severity", "message", "expected", "actual", "location"}
    assert set(f["location"]) == {"file", "line", "related_lines"}
    assert f["severity"] in ("error", "warning", "info")
PY
"$yusuan" check --format sarif -o "$tmp/check.sarif" "$samples"/004_*.txt
python3 - "$tmp/check.sarif" <<'PY' || fail "sarif shape"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == "2.1.0"
run = d["runs"][0]
ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
assert run["results"] and all(r["ruleId"] in ids for r in run["results"])
assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in run["results"])
PY
# SARIF's uri is a URI reference: a Chinese name, a space and a colon percent-encoded, and
# decoding it gives the path back.
cp "$samples"/000_*.txt "$tmp/高平 预算:2026.txt"
"$yusuan" check --format sarif "$tmp/高平 预算:2026.txt" >"$tmp/named.sarif"
python3 - "$tmp/named.sarif" "$tmp/高平 预算:2026.txt" <<'PY' || fail "sarif uri not a URI reference"
import json, re, sys, urllib.parse
d = json.load(open(sys.argv[1]))
uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in d["runs"][0]["results"] for loc in r["locations"]}
assert uris and all(re.fullmatch(r"[A-Za-z0-9._~/%-]+", u) for u in uris), uris
assert {urllib.parse.unquote(u) for u in uris} == {sys.argv[2]}, uris
PY
# HTML: self-contained, escaped.
printf '<script>alert(1)</script>\n2026年度单位预算公开\n2026年预算支出总表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n208\t<b onclick=x>社保</b>\t1.00\t2.00\t\n' >"$tmp/xss.txt"
"$yusuan" check --format html -o "$tmp/xss.html" "$tmp/xss.txt"
grep -q "<script>alert" "$tmp/xss.html" && fail "html: document text not escaped"
grep -q "&lt;b onclick=x&gt;" "$tmp/xss.html" || fail "html: cell text not escaped"
grep -q "<b onclick" "$tmp/xss.html" && fail "html: raw markup from the document"
grep -q "<style>" "$tmp/xss.html" || fail "html: not self-contained"
"$yusuan" check --format html -o "$tmp/all.html" "$samples"/*.txt
grep -q "table3.hierarchy\|text.repeated-word" "$tmp/all.html" || fail "html: findings missing"

# Several files are read, checked and written in order, at most four per thread ahead of the
# one being written: the peak memory of checking many files is that of checking a few (plus
# what the cross-file rules keep), not their sum. On one thread it is that of checking one. On
# two, how full the window is at the peak depends on how the threads were scheduled (under a
# loaded CI machine a run of 40 files filled it and a run of 20 did not), so the bound is the
# whole window, not a margin: 120 files hold at most the window's nine documents (eight in the
# slots, one being written) and allocator slack, 16 documents' worth, more than 40 files do,
# where holding them all would cost 80 documents more (a document costs what the largest
# sample costs above a one-line file).
# (Not under AddressSanitizer, whose quarantine keeps freed memory on purpose.)
mkdir -p "$tmp/many"
for i in $(seq 101 220); do cp "$samples"/004_*.txt "$tmp/many/d$i.txt"; done
printf '2026年度单位预算公开\n' >"$tmp/many/tiny.one"
ldd "$yusuan" 2>/dev/null | grep -q libasan ||
  python3 - "$yusuan" "$tmp/many" <<'PY' || fail "check of many files holds them all in memory"
import glob, subprocess, sys
def peak(files, jobs):
    # GNU time reports the command's own peak; a child of this interpreter would count the
    # interpreter's memory, copied into it before it runs the command, as its own.
    argv = ["/usr/bin/time", "-f", "%M", sys.argv[1], "check", "-j", str(jobs), "--format", "json"]
    err = subprocess.run(argv + files, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         text=True).stderr
    return int(err.strip().splitlines()[-1])
files = sorted(glob.glob(sys.argv[2] + "/*.txt"))
tiny = peak([sys.argv[2] + "/tiny.one"], 1)
one, many = peak(files[:1], 1), peak(files[:40], 1)
few2, many2 = peak(files[:40], 2), peak(files, 2)
per_document = max(one - tiny, 1)
print(f"peak RSS: a one-line file {tiny} KiB, 1 file {one} KiB, 40 files {many} KiB; "
      f"on two threads 40 files {few2} KiB, {len(files)} files {many2} KiB")
assert many < one * 1.25, (one, many)
assert many2 < few2 + 16 * per_document, (few2, many2, per_document)
# 120 documents held at once would cost 120 × per_document above the baseline.
assert many2 < tiny + 30 * per_document, (tiny, many2, per_document)
PY
# A large document's printed output is written as it is made, not held: the JSON model of a
# table of 40,000 rows (1.4 MB of input, 30 MB of JSON) takes no more memory than its text
# printout, and its HTML report (with a finding on every row) no more than its findings as
# JSON, which are written one at a time. (They took twice as much while the output was held.)
python3 - "$samples" "$tmp/rows.txt" <<'PY'
import glob, sys
src = open(glob.glob(sys.argv[1] + "/004_*.txt")[0], encoding="utf-8").read().split("\n")
at = [n for n, l in enumerate(src) if l.startswith("2080505\t")][1]  # in table 3
rows = [f"2{k // 100 % 100:02d}{k % 100:02d}{k // 10000 % 100:02d}\t其他支出\t1.00\t1.00\t"
        for k in range(40000)]
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(src[:at + 1] + rows + src[at + 1:]))
PY
ldd "$yusuan" 2>/dev/null | grep -q libasan ||
  python3 - "$yusuan" "$tmp/rows.txt" <<'PY' || fail "the output of a large document is held in memory"
import subprocess, sys
def peak(*args):
    err = subprocess.run(["/usr/bin/time", "-f", "%M", sys.argv[1], *args, sys.argv[2]],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
    return int(err.strip().splitlines()[-1])
text, json = peak("parse", "--format", "text"), peak("parse", "--format", "json")
findings, html = peak("check", "--format", "json"), peak("check", "--format", "html")
print(f"peak RSS of a 40,000-row table: parse text {text} KiB, json {json} KiB; "
      f"check json {findings} KiB, html {html} KiB")
assert json < text * 1.15, (text, json)
assert html < findings * 1.15, (findings, html)
PY
# Read on several threads, reported in the order given: the same output, errors and exit code
# as one file at a time, an unreadable file among good ones included.
printf '\x00\x01binary' >"$tmp/binary.txt"
set -- "$samples"/004_*.txt "$tmp/binary.txt" "$samples"/000_*.txt "$samples"/001_*.txt "$samples"/003_*.txt
for fmt in text json; do
  "$yusuan" check -j 1 --format "$fmt" "$@" >"$tmp/j1.out" 2>"$tmp/j1.err"
  c1=$?
  "$yusuan" check -j 3 --format "$fmt" "$@" >"$tmp/j3.out" 2>"$tmp/j3.err"
  c3=$?
  [ "$c1" -eq 2 ] && [ "$c3" -eq 2 ] && cmp -s "$tmp/j1.out" "$tmp/j3.out" && cmp -s "$tmp/j1.err" "$tmp/j3.err" ||
    fail "check -j 3 --format $fmt differs from -j 1"
done
"$yusuan" parse -j 1 --format json "$@" >"$tmp/p1.out" 2>/dev/null
"$yusuan" parse -j 2 --format json "$@" >"$tmp/p2.out" 2>/dev/null
cmp -s "$tmp/p1.out" "$tmp/p2.out" || fail "parse -j 2 differs from -j 1"
set --

# A directory names the .txt files under it, at any depth, in path order: the same output as
# those files named one by one, a bad file among them reported and the others still checked;
# what cannot be listed (a directory without .txt files, one this user may not read) is one
# line on stderr and exit 2, never a silent "0 个文件".
mkdir -p "$tmp/dir/2026/县" "$tmp/dir/empty"
cp "$samples"/000_*.txt "$tmp/dir/a.txt"
cp "$samples"/001_*.txt "$tmp/dir/2026/县/b.TXT"
printf '\x00\x01binary' >"$tmp/dir/2026/c.txt"
printf 'not a disclosure' >"$tmp/dir/notes.md"
touch "$tmp/dir/empty/readme.md"
"$yusuan" check --format json "$tmp/dir/2026/c.txt" "$tmp/dir/2026/县/b.TXT" "$tmp/dir/a.txt" >"$tmp/named.out" 2>"$tmp/named.err"
c1=$?
"$yusuan" check --format json "$tmp/dir/2026" "$tmp/dir/a.txt" >"$tmp/dir.out" 2>"$tmp/dir.err"
c2=$?
[ "$c1" -eq 2 ] && [ "$c2" -eq 2 ] && cmp -s "$tmp/named.out" "$tmp/dir.out" && cmp -s "$tmp/named.err" "$tmp/dir.err" ||
  fail "check of a directory differs from its files named one by one"
grep -q '"file": "[^"]*b.TXT"' "$tmp/dir.out" || fail "check of a directory: the .TXT file was not checked"
"$yusuan" check "$tmp/dir/empty" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "empty: 目录中没有 .txt 文件" "$tmp/err" ||
  fail "check of a directory without .txt files: $(cat "$tmp/err")"
"$yusuan" parse --format json "$tmp/dir/2026/县" >"$tmp/out.json" 2>/dev/null || fail "parse of a directory: exit $?"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d, list) and len(d) == 1' \
  "$tmp/out.json" || fail "parse of a directory with one file: not an array of one"
# As root every directory can be read: the unreadable one is tried as the user nobody.
as_nobody=""
if [ "$(id -u)" -eq 0 ]; then as_nobody="runuser -u nobody --"; fi
if [ -z "$as_nobody" ] || id nobody >/dev/null 2>&1; then
  mkdir -p "$tmp/perm/locked"
  cp "$samples"/000_*.txt "$tmp/perm/a.txt"
  cp "$samples"/000_*.txt "$tmp/perm/locked/b.txt"
  chmod 755 "$tmp" "$tmp/perm" && chmod 644 "$tmp/perm/a.txt" && chmod 000 "$tmp/perm/locked"
  $as_nobody "$yusuan" check "$tmp/perm" >"$tmp/perm.out" 2>"$tmp/err"
  code=$?
  chmod 755 "$tmp/perm/locked"
  [ "$code" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "locked: 无法读取目录" "$tmp/err" &&
    grep -q "^$tmp/perm/a.txt:" "$tmp/perm.out" ||
    fail "check of a directory with an unreadable directory inside: exit $code, $(cat "$tmp/err")"
fi

# Files checked together give each file's findings, then what it says differently from the files
# before it, in the file's own group.
"$yusuan" check "$samples"/000_*.txt "$samples"/001_*.txt >"$tmp/two.txt"
grep -q "^$samples/001_8dd967fac47080d3.txt:[0-9]*: warning \[cross.project-indicators\].*000_da7aa4487f922a22" "$tmp/two.txt" \
  || fail "check of two files: the cross-file finding is not in the later file"

# docs/rules.md is the generated catalogue.
docs="$(dirname "$samples")/docs/rules.md"
"$yusuan" rules --format markdown | cmp -s - "$docs" || fail "docs/rules.md is stale: run yusuan rules --format markdown > docs/rules.md"
[ "$("$yusuan" rules | wc -l)" -ge 60 ] || fail "fewer than 60 rules"

# db load / query / export.
db="$tmp/y.db"
"$yusuan" db load --db "$db" "$samples" >"$tmp/load.txt" 2>"$tmp/load.err" || fail "db load: exit $?"
grep -q "已载入 5 份" "$tmp/load.txt" || fail "db load: not 5 documents"
[ "$("$yusuan" db query --db "$db" "SELECT COUNT(*) AS n FROM documents" --format csv | tail -1)" = "5" ] \
  || fail "db query: count"
"$yusuan" db query --db "$db" "SELECT name, year FROM unit_key_figures" --format json \
  | python3 -c 'import json,sys; rows=json.load(sys.stdin); assert len(rows)==5 and "name" in rows[0]' \
  || fail "db query json"
"$yusuan" db query --db "$db" "DELETE FROM documents" >/dev/null 2>&1
[ $? -eq 2 ] || fail "db query: a write must be refused with exit 2"
[ "$("$yusuan" db query --db "$db" "SELECT COUNT(*) FROM documents" --format csv | tail -1)" = "5" ] \
  || fail "db query: the refused write changed the database"
"$yusuan" db load --db "$db" "$samples"/001_*.txt >/dev/null 2>&1
[ "$("$yusuan" db query --db "$db" "SELECT COUNT(*) FROM documents" --format csv | tail -1)" = "5" ] \
  || fail "db load: loading the same content again duplicated it"
# A query's rows are written as they are read, never held: a cross join of 395,000 rows
# takes the memory of a one-row query, in every format (held, it took 45 MB as CSV, several
# times that as JSON; a larger join ran out of memory), and every row is there.
join="SELECT a.document_id, a.amount_fen, b.line FROM table_cells a, (SELECT line FROM table_cells LIMIT 344) b"
"$yusuan" db query --db "$db" "$join" --format csv | wc -l | grep -qx 395257 || fail "db query csv: rows missing"
"$yusuan" db query --db "$db" "$join" | tail -1 | grep -qx "（395256 行）" || fail "db query table: rows missing"
"$yusuan" db query --db "$db" "$join LIMIT 3000" --format json |
  python3 -c 'import json,sys; r=json.load(sys.stdin); assert len(r)==3000 and set(r[0])=={"document_id","amount_fen","line"}' ||
  fail "db query json: not the rows as objects"
ldd "$yusuan" 2>/dev/null | grep -q libasan ||
  python3 - "$yusuan" "$db" "$join" <<'PY' || fail "db query holds its rows in memory"
import subprocess, sys
def peak(sql, fmt):
    argv = ["/usr/bin/time", "-f", "%M", sys.argv[1], "db", "query", "--db", sys.argv[2], sql,
            "--format", fmt]
    err = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
    return int(err.strip().splitlines()[-1])
one = peak("SELECT 1", "csv")
for fmt in ("csv", "json", "table"):
    many = peak(sys.argv[3], fmt)
    assert many < one + 8 * 1024, (fmt, one, many)
PY
# Loads started together on a database that does not exist yet all store (turning a new
# database to WAL used to answer "locked" at once to all but one of them).
for round in 1 2 3 4 5; do
  rm -f "$tmp/together.db"*
  for k in 1 2 3 4 5 6; do
    "$yusuan" db load --db "$tmp/together.db" "$samples"/000_*.txt >/dev/null 2>"$tmp/together.$k" &
  done
  wait
  cat "$tmp"/together.[1-6] | grep -v "^已处理" >"$tmp/err"
  [ -s "$tmp/err" ] && fail "db load started together (round $round): $(cat "$tmp/err")"
done
n_check=$("$yusuan" check --format json "$samples"/003_*.txt | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')
n_db=$("$yusuan" db query --db "$db" "SELECT COUNT(*) FROM findings f JOIN documents d ON d.id=f.document_id WHERE d.name='孟县人力资源和社会保障局'" --format csv | tail -1)
[ "$n_check" = "$n_db" ] || fail "findings stored ($n_db) differ from yusuan check ($n_check)"
id=$("$yusuan" db query --db "$db" "SELECT id FROM documents WHERE kind='unit'" --format csv | tail -1)
"$yusuan" export --db "$db" --document "$id" --format json -o "$tmp/e.json" || fail "export from db"
"$yusuan" export "$samples"/001_*.txt --format json -o "$tmp/f.json" || fail "export from file"
python3 - "$tmp/e.json" "$tmp/f.json" <<'PY' || fail "export from db differs from export from file"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
for d in (a, b):
    d.pop("source")
assert a == b
PY
"$yusuan" export "$samples"/003_*.txt --format csv -o "$tmp/e.csv" && head -1 "$tmp/e.csv" | grep -q "^document,file,table_number" \
  || fail "export csv"
"$yusuan" export --db "$db" --document 999 --format csv -o "$tmp/x.csv" >/dev/null 2>&1
[ $? -eq 2 ] || fail "export of a missing document: expected exit 2"

# serve: a database that cannot be opened read-only, or a busy port, is one line and exit 2.
out=$("$yusuan" serve --read-only --db "$tmp/none.db" --port 0 2>&1 >/dev/null)
[ $? -eq 2 ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || fail "serve on a missing read-only database: expected one line and exit 2"
"$yusuan" serve --db "$db" --port 0 --read-only >"$tmp/serve.out" 2>/dev/null &
serve_pid=$!
for _ in $(seq 50); do grep -q "http://" "$tmp/serve.out" && break; sleep 0.1; done
port=$(grep -oE ":[0-9]+/" "$tmp/serve.out" | tr -d ':/')
[ -n "$port" ] || fail "serve prints its URL"
"$yusuan" serve --db "$db" --port "$port" >/dev/null 2>"$tmp/busy.err"
[ $? -eq 2 ] && grep -q "无法监听" "$tmp/busy.err" || fail "serve on a busy port: expected exit 2 and a message"
kill "$serve_pid"
wait "$serve_pid" 2>/dev/null
[ $? -eq 0 ] || fail "serve stops cleanly on SIGTERM"
# The token may come from the environment.
YUSUAN_TOKEN=env-secret "$yusuan" serve --db "$db" --port 0 --read-only >"$tmp/serve2.out" 2>/dev/null &
serve_pid=$!
for _ in $(seq 50); do grep -q "http://" "$tmp/serve2.out" && break; sleep 0.1; done
url=$(grep -oE "http://[^ ]+" "$tmp/serve2.out")
code=$(python3 - "$url" <<'PY'
import sys, urllib.request, urllib.error
def status(headers):
    try:
        return urllib.request.urlopen(urllib.request.Request(sys.argv[1] + "api/info", headers=headers)).status
    except urllib.error.HTTPError as e:
        return e.code
print(status({}), status({"Authorization": "Bearer env-secret"}))
PY
)
[ "$code" = "401 200" ] || fail "YUSUAN_TOKEN guards the API (got $code)"
kill "$serve_pid"
wait "$serve_pid" 2>/dev/null

# Output is never written over an input: named, it is refused before anything is read or
# written; found in a directory (a report of an earlier run), it is left out of the inputs.
cp "$samples"/001_*.txt "$tmp/self.txt"
for cmd in "check" "export --format csv"; do
  $yusuan $cmd "$tmp/self.txt" -o "$tmp/self.txt" >/dev/null 2>"$tmp/err"
  [ $? -eq 2 ] && grep -q "输出文件就是输入文件" "$tmp/err" && cmp -s "$tmp/self.txt" "$samples"/001_*.txt ||
    fail "$cmd -o over its input: $(cat "$tmp/err")"
done
mkdir "$tmp/report_dir"
cp "$samples"/000_*.txt "$samples"/001_*.txt "$tmp/report_dir/"
"$yusuan" check "$tmp/report_dir" -o "$tmp/report_dir/findings.txt" >/dev/null 2>&1
"$yusuan" check "$tmp/report_dir" -o "$tmp/report_dir/findings.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && [ ! -s "$tmp/err" ] && tail -1 "$tmp/report_dir/findings.txt" | grep -q "^2 个文件" ||
  fail "check DIR -o DIR/findings.txt run again: $(cat "$tmp/err")"

# Output that cannot be written (a full disk: /dev/full) is an error, exit 2 with one line
# naming where and why, never a run that seems to have succeeded.
write_refused() {
  local where=$1
  shift
  "$@" >"$tmp/out" 2>"$tmp/err"
  local code=$?
  [ "$code" -eq 2 ] || fail "$* (full disk): exit $code, expected 2"
  [ "$(grep -c . "$tmp/err")" -eq 1 ] || fail "$* (full disk): stderr is not one line: $(cat "$tmp/err")"
  grep -q -- "$where: 写入失败" "$tmp/err" || fail "$* (full disk): $(cat "$tmp/err")"
}
if [ -w /dev/full ]; then
  for format in text json sarif html; do
    write_refused 标准输出 sh -c '"$0" check --format "$1" "$2" >/dev/full' "$yusuan" "$format" "$samples"
    write_refused /dev/full "$yusuan" check --format "$format" -o /dev/full "$samples"
  done
  for format in text json; do
    write_refused 标准输出 sh -c '"$0" parse --format "$1" "$2" >/dev/full' "$yusuan" "$format" "$samples"
  done
  write_refused 标准输出 sh -c '"$0" parse --format json "$1"/004_*.txt >/dev/full' "$yusuan" "$samples"
  write_refused 标准输出 sh -c '"$0" rules >/dev/full' "$yusuan"
  write_refused 标准输出 sh -c '"$0" db query --db "$1" "SELECT * FROM documents" >/dev/full' "$yusuan" "$db"
  write_refused /dev/full "$yusuan" export "$samples"/001_*.txt --format csv -o /dev/full
  write_refused /dev/full "$yusuan" export "$samples"/001_*.txt --format json -o /dev/full
  grep -q "No space left on device\|设备上没有空间" "$tmp/err" || fail "export (full disk): no reason given"
fi

# A file output is whole or not at all: a write refused half-way (here a file size limit,
# `ulimit -f`, as a full disk would) leaves the previous report as it was, or no file, and no
# temporary file beside it.
write_cut() {
  (
    trap '' XFSZ
    ulimit -f 4
    "$@"
  ) >/dev/null 2>"$tmp/err"
}
mkdir "$tmp/cut"
for format in text sarif; do
  printf 'previous report\n' >"$tmp/cut/kept.$format"
  write_cut "$yusuan" check --format "$format" "$samples" -o "$tmp/cut/kept.$format"
  code=$?
  [ "$code" -eq 2 ] && [ "$(grep -c . "$tmp/err")" -eq 1 ] &&
    grep -q "kept.$format: 写入失败（.*），未写出（原有文件保持不变）" "$tmp/err" &&
    [ "$(cat "$tmp/cut/kept.$format")" = "previous report" ] ||
    fail "check -o cut short ($format): exit $code, $(cat "$tmp/err")"
  write_cut "$yusuan" check --format "$format" "$samples" -o "$tmp/cut/new.$format"
  [ $? -eq 2 ] && grep -q "new.$format: 写入失败（.*），未写出$" "$tmp/err" &&
    [ ! -e "$tmp/cut/new.$format" ] || fail "check -o cut short, new file ($format): $(cat "$tmp/err")"
done
for format in xlsx json; do
  printf 'previous export\n' >"$tmp/cut/kept.$format"
  write_cut "$yusuan" export "$samples"/004_*.txt --format "$format" -o "$tmp/cut/kept.$format"
  [ $? -eq 2 ] && [ "$(cat "$tmp/cut/kept.$format")" = "previous export" ] &&
    grep -q "^yusuan: $tmp/cut/kept.$format: 写入" "$tmp/err" ||
    fail "export -o cut short ($format): $(cat "$tmp/err")"
done
[ "$(ls -A "$tmp/cut" | wc -l)" -eq 4 ] || fail "a cut-short output left files behind: $(ls -A "$tmp/cut")"
# A load whose database cannot grow (the same size limit): each file not stored is named, the
# count stored is what the database holds, and the exit is 2.
mkdir "$tmp/cutdb"
for i in 1 2 3 4 5 6; do
  { cat "$samples"/00$((i % 5))_*.txt; printf '\n附注 %s\n' "$i"; } >"$tmp/cutdb/v$i.txt"
done
"$yusuan" db load --db "$tmp/cutdb/y.db" "$samples" >/dev/null 2>&1 || fail "db load before the cut"
(
  trap '' XFSZ
  ulimit -f 1024
  "$yusuan" db load --db "$tmp/cutdb/y.db" "$tmp"/cutdb/v*.txt
) >"$tmp/out" 2>"$tmp/err"
code=$?
stored=$(sed -n 's/^已载入 \([0-9]*\) 份文件.*/\1/p' "$tmp/out")
held=$("$yusuan" db query --db "$tmp/cutdb/y.db" --format csv "SELECT COUNT(*) FROM documents" | tail -1)
lost=$(grep -c "^yusuan: .*/cutdb/v[0-9].txt: 未存入：.*请重新载入）$" "$tmp/err")
[ "$code" -eq 2 ] && [ "$lost" -ge 1 ] && [ $((stored + lost)) -eq 6 ] && [ "$held" -eq $((5 + stored)) ] &&
  grep -q "^已载入 $stored 份文件到 .*，$lost 份无法载入$" "$tmp/out" ||
  fail "db load cut short: exit $code, stored $stored, held $held, lost $lost: $(cat "$tmp/out" "$tmp/err")"

# Stopped by a signal (here while waiting on a pipe that never delivers), a run leaves the
# previous report and no temporary file, and ends as the signal ends it.
mkfifo "$tmp/cut/stalled.txt"
"$yusuan" check "$tmp/cut/stalled.txt" -o "$tmp/cut/kept.text" >/dev/null 2>&1 &
stalled=$!
for _ in $(seq 50); do
  ls -A "$tmp/cut" | grep -q '^\.kept\.text\.yusuan-' && break
  sleep 0.1
done
kill -TERM "$stalled"
wait "$stalled"
code=$?
[ "$code" -eq 143 ] && [ "$(cat "$tmp/cut/kept.text")" = "previous report" ] &&
  ! ls -A "$tmp/cut" | grep -q yusuan- || fail "check -o stopped by SIGTERM: exit $code, $(ls -A "$tmp/cut")"
rm "$tmp/cut/stalled.txt"
"$yusuan" check --format json "$samples" -o "$tmp/cut/kept.text" >/dev/null 2>&1
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/cut/kept.text" ||
  fail "check -o over an earlier report did not replace it"

# An output that cannot be created: one line saying why, for every format (the XLSX writer's
# own English lines never reach the reviewer).
for format in xlsx csv json; do
  "$yusuan" export "$samples"/001_*.txt --format "$format" -o "$tmp/no/such/dir/x.$format" \
    >/dev/null 2>"$tmp/err"
  [ $? -eq 2 ] && [ "$(grep -c . "$tmp/err")" -eq 1 ] && grep -q "无法写入（" "$tmp/err" ||
    fail "export $format to a missing directory: $(cat "$tmp/err")"
done
"$yusuan" check "$samples"/001_*.txt -o "$tmp/no/such/dir/x.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "无法写入（" "$tmp/err" || fail "check -o a missing directory: $(cat "$tmp/err")"

# --help on every command.
"$yusuan" --help >/dev/null || fail "--help"
"$yusuan" parse --help | grep -q -- "--format" || fail "parse --help"
"$yusuan" check --help | grep -q -- "--disable" || fail "check --help"
"$yusuan" rules --help | grep -q -- "--format" || fail "rules --help"
"$yusuan" db load --help | grep -q -- "--db" || fail "db load --help"
"$yusuan" db query --help | grep -q "unit_key_figures" || fail "db query --help"
"$yusuan" export --help | grep -q -- "--format" || fail "export --help"
"$yusuan" serve --help | grep -q -- "--read-only" || fail "serve --help"

# The workspace is a program beside yusuan; without it, `yusuan serve` says so in one line.
mkdir "$tmp/alone"
cp "$yusuan" "$tmp/alone/yusuan"
out=$("$tmp/alone/yusuan" serve --port 0 2>&1 >/dev/null)
[ $? -eq 2 ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] && printf '%s' "$out" | grep -q "yusuan-serve" ||
  fail "serve without yusuan-serve: expected one line naming it and exit 2"

# Start-up: the command links none of the libraries only some commands need (PostgreSQL,
# XLSX, HTTP with TLS); they are opened when needed (docs/performance.md).
needed=$(readelf -d "$yusuan" | grep NEEDED)
for lib in libpq libxlsxwriter libcpp-httplib libssl libcrypto; do
  printf '%s' "$needed" | grep -q "\[$lib" && fail "yusuan links $lib, which every run would load"
done

if [ "$failures" -ne 0 ]; then
  echo "$failures failed"
  exit 1
fi
echo "cli: all checks passed"
