#!/usr/bin/env python3
"""Times the workspace's document list (GET /api/documents) over a province-sized database.

Loads the samples with `yusuan db load`, copies their rows in `documents` until there are
COUNT documents (each copy with its own name and content hash; the models are left empty, which
the list never reads), starts `yusuan serve` on it and times, fastest of three: the whole list,
the first page of 100 in order of id, the first page by a figure, and a page of a search. The
server's peak resident memory (VmHWM) is printed last:

  python3 bench/workspace_list.py [--yusuan build/yusuan] [--count 100000]

A build that does not page (before the list took q/sort/offset/limit) answers every request
with the whole list; its times are those of the first line.
"""
import argparse
import glob
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

SAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples")


def fill(yusuan: str, db: str, count: int) -> None:
    seeds = sorted(glob.glob(os.path.join(SAMPLES, "*.txt")))
    subprocess.run([yusuan, "db", "load", "--db", db, *seeds], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    con = sqlite3.connect(db)
    columns = [r[1] for r in con.execute("PRAGMA table_info(documents)")]
    kept = [c for c in columns if c not in ("id", "content_hash", "name", "model_json")]
    copies = (count - 1) // len(seeds)  # the seeds and their copies: at least `count`
    con.execute(
        f"""WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {copies})
        INSERT INTO documents (content_hash, name, model_json, {', '.join(kept)})
        SELECT d.content_hash || '-' || n.i, d.name || n.i, '', {', '.join('d.' + c for c in kept)}
        FROM documents d, n""")
    con.commit()
    con.close()


def best_of_three(url: str) -> tuple:
    times, size = [], 0
    for _ in range(3):
        start = time.time()
        with urllib.request.urlopen(url) as r:
            size = len(r.read())
        times.append(time.time() - start)
    return min(times), size


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--yusuan", default="build/yusuan")
    ap.add_argument("--count", type=int, default=100000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "workspace.db")
        fill(args.yusuan, db, args.count)
        server = subprocess.Popen([args.yusuan, "serve", "--db", db, "--port", "0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            base = None
            while base is None:
                line = server.stdout.readline()
                if not line:
                    print("yusuan serve did not start", file=sys.stderr)
                    return 1
                m = re.search(r"http://\S+", line)
                base = m.group(0).rstrip("/") if m else None
            with urllib.request.urlopen(base + "/api/documents?limit=1") as r:
                total = re.search(rb'"total":\s*(\d+)', r.read())
            print(f"documents: {int(total.group(1)) if total else '(no total: a build that does not page)'}")
            search = urllib.parse.quote("卫生")
            for name, query in [("whole list", ""),
                                ("first page of 100, by id", "?limit=100"),
                                ("first page of 100, by income, descending",
                                 "?limit=100&sort=income_total&order=desc"),
                                ("page 100 of a search (卫生), by name",
                                 f"?limit=100&offset=10000&sort=name&q={search}")]:
                seconds, size = best_of_three(base + "/api/documents" + query)
                print(f"{name}: {size:,} bytes in {seconds:.3f} s")
            with open(f"/proc/{server.pid}/status") as status:
                peak = re.search(r"VmHWM:\s*(\d+) kB", status.read())
            print(f"server peak resident memory: {int(peak.group(1)) / 1024:.0f} MB")
        finally:
            server.terminate()
            server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
