#!/usr/bin/env python3
"""Whole-process throughput of two or more builds, alternated in one run.

The development machine changes speed from minute to minute (docs/performance.md), so builds
are compared only within one run, one after the other, round after round. Each round runs,
for every build (and, with --env, for every build with and without those variables set):

  BUILD check --format json -j 1 FILE...     over the first N files of bench/corpus.py's corpus

and, with --orders, the same over those files grouped by the sample each was made from (one
layout after another, as one publisher's documents come; the corpus's own order changes
layout with every file). The script prints the MB/s of every run, sorted, and their median.

  python3 bench/alternate.py [--files 100] [--rounds 10] [--env NAME=VALUE ...] [--orders] YUSUAN...
  python3 bench/alternate.py /tmp/build-before/yusuan build/yusuan
  python3 bench/alternate.py --files 12 --env MIMALLOC_LARGE_OS_PAGES=1 build/yusuan
  python3 bench/alternate.py --files 600 --rounds 5 --orders build/yusuan
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import build_corpus, by_sample  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("yusuan", nargs="+", help="the yusuan programs to compare")
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--dir", default="/tmp/yusuan-corpus")
    parser.add_argument("--env", action="append", default=[],
                        help="NAME=VALUE: also run each build with this set")
    parser.add_argument("--orders", action="store_true",
                        help="also run each build over the files grouped by sample")
    args = parser.parse_args()
    files = build_corpus(args.dir, args.files)
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    extra = dict(e.split("=", 1) for e in args.env)
    orders = [("", files)] + ([(" grouped", by_sample(files))] if args.orders else [])
    runs = []  # (label, program, environment added, files in order)
    for program in args.yusuan:
        for name, ordered in orders:
            runs.append((program + name, program, {}, ordered))
            if extra:
                runs.append((program + name + " " + " ".join(args.env), program, extra, ordered))
    rates = {label: [] for label, _, _, _ in runs}
    for _ in range(args.rounds):
        for label, program, env, ordered in runs:
            start = time.perf_counter()
            subprocess.run([program, "check", "--format", "json", "-j", "1"] + ordered,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env=dict(os.environ, **env), check=False)
            rates[label].append(mb / (time.perf_counter() - start))
    print(f"{len(files)} files, {mb:.1f} MB, {args.rounds} rounds (MB/s)")
    for label, values in rates.items():
        values.sort()
        print(f"{label}: median {statistics.median(values):.1f} | "
              + " ".join(f"{v:.1f}" for v in values))
    return 0


if __name__ == "__main__":
    sys.exit(main())
