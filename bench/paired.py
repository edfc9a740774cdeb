#!/usr/bin/env python3
"""Compares two builds of yusuan_instructions in pairs of short runs, on a noisy machine.

The development machines have slow and fast phases lasting seconds, which hide a difference of
a few percent between two builds measured minutes apart. Here each pair runs both builds back to
back (in alternating order), so both see the same phase, and the answer is the median of the
per-pair speed ratios B/A, with a 95% interval from resampling the pairs. Run it once with two
copies of one build first: the interval it gives is the noise.

  python3 bench/paired.py --pairs 200 /tmp/build-base/yusuan_instructions build/yusuan_instructions

Each run reads and checks the five samples `--rounds` times (20: about 0.1 s); the samples are
found from the build's source tree, so the builds' trees must still exist.

With --command (parse or check), A and B are `yusuan` programs instead, and each run is the
whole process over the first --files files of bench/corpus.py's corpus:

  python3 bench/paired.py --command parse --files 40 /tmp/build-base/yusuan build/yusuan
  (each run: YUSUAN parse --format json -j 1 FILE..., its output discarded)
"""

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import build_corpus  # noqa: E402


def process_speed(binary, command, files, size):
    """MB/s of one whole process over `files` (`size` bytes), its output discarded."""
    start = time.perf_counter()
    try:
        subprocess.run([binary, command, "--format", "json", "-j", "1", *files],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    except OSError as error:
        sys.exit(f"{binary}: {error.strerror}")
    return size / 1e6 / (time.perf_counter() - start)


def speed(binary, rounds):
    try:
        run = subprocess.run([binary, str(rounds)], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        sys.exit(f"{binary}: {error}")
    out = run.stdout
    match = re.search(r"of (\d+) bytes in [\d.]+ s: ([\d.]+) MB/s", out)
    if not match or int(match.group(1)) == 0:
        sys.exit(f"{binary}: read no sample (is its source tree still there?): {out.strip()}")
    return float(match.group(2))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("a", help="the build compared against (yusuan_instructions)")
    parser.add_argument("b", help="the build measured (yusuan_instructions)")
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--command", choices=["parse", "check"],
                        help="compare yusuan programs running this over corpus files")
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--dir", default="/tmp/yusuan-corpus")
    args = parser.parse_args()
    if args.pairs < 2 or args.rounds < 1 or args.files < 1:
        parser.error("--pairs takes at least 2, --rounds and --files at least 1")
    measure = lambda binary: speed(binary, args.rounds)  # noqa: E731
    if args.command:
        files = build_corpus(args.dir, args.files)[:args.files]
        size = sum(os.path.getsize(f) for f in files)
        measure = lambda binary: process_speed(binary, args.command, files, size)  # noqa: E731

    with tempfile.TemporaryDirectory() as tmp:
        # Two paths even when a and b are one file, so an A/A comparison runs each copy.
        a, b = f"{tmp}/a", f"{tmp}/b"
        for source, copy in ((args.a, a), (args.b, b)):
            try:
                shutil.copy2(source, copy)
            except OSError as error:
                sys.exit(f"{source}: {error.strerror}")
        speeds_a, speeds_b, ratios = [], [], []
        for k in range(args.pairs):
            first, second = (a, b) if k % 2 == 0 else (b, a)
            got = {first: measure(first)}
            got[second] = measure(second)
            speeds_a.append(got[a])
            speeds_b.append(got[b])
            ratios.append(got[b] / got[a])

    rng = random.Random(1)  # the same interval for the same measurements
    medians = sorted(
        statistics.median(rng.choices(ratios, k=len(ratios))) for _ in range(2000))
    low, high = medians[50], medians[1949]
    print(f"A {statistics.median(speeds_a):.1f} MB/s, B {statistics.median(speeds_b):.1f} MB/s "
          f"(medians of {args.pairs} runs each)")
    print(f"B/A {statistics.median(ratios):.4f}, 95% interval {low:.4f}-{high:.4f}")


if __name__ == "__main__":
    main()
