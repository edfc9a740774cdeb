#!/usr/bin/env python3
"""Looks for input shapes on which `yusuan check` costs more than linear time.

A reader or a rule that compares every item with every other is invisible on real documents
(they hold a few hundred of anything) and hangs on a broken or generated one. This takes each
sample, and in it every STEP-th line (or block of BLOCK lines from it), repeats it until the
file is about SIZE bytes, and times `yusuan check --format json -j 1` on that file and on one
with a quarter of the repeats. Linear cost makes the larger run about 4 times slower; the shapes
with the largest ratios are printed, slowest growth last:

  python3 bench/shapes.py [--yusuan build/yusuan] [--step 3] [--offset 0] [--block 1]
                          [--size 2000000] [--top 20]

A ratio well above 4 with a larger time of a second or more is worth a profile
(`perf record -g build/yusuan check ... FILE`). Runs under 0.15 s are not timed again: they are
too short to compare. docs/performance.md lists what this found and what was done about it.
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile
import time

SAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples")


def timed_check(yusuan: str, path: str, doc: bytes, limit: float) -> float:
    with open(path, "wb") as f:
        f.write(doc)
    start = time.time()
    try:
        subprocess.run([yusuan, "check", "--format", "json", "-j", "1", path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=limit,
                       check=False)
    except subprocess.TimeoutExpired:
        return limit
    return time.time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--yusuan", default="build/yusuan")
    parser.add_argument("--step", type=int, default=3)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--block", type=int, default=1, help="lines repeated together")
    parser.add_argument("--size", type=int, default=2_000_000, help="bytes of the larger file")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a run is cut")
    args = parser.parse_args()

    found = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "shape.txt")
        for sample in sorted(glob.glob(os.path.join(SAMPLES, "*.txt"))):
            lines = open(sample, "rb").read().split(b"\n")
            for i in range(args.offset, len(lines), args.step):
                block = lines[i:i + args.block]
                if not any(line.strip() for line in block):
                    continue
                size = sum(len(line) + 1 for line in block)
                reps = max(4, min(200_000, args.size // size))
                rest = lines[:i], lines[i + args.block:]
                large = timed_check(args.yusuan, path, b"\n".join(rest[0] + block * reps + rest[1]),
                                    args.limit)
                if large < 0.15:
                    continue
                small = timed_check(args.yusuan, path,
                                    b"\n".join(rest[0] + block * (reps // 4) + rest[1]), args.limit)
                text = block[0][:40].decode("utf-8", "replace").replace("\t", " ")
                found.append((large / max(small, 0.01), large, small, os.path.basename(sample)[:3],
                              i + 1, reps, text))
    found.sort()
    print("| ratio | larger s | smaller s | sample | line | repeats | text |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for ratio, large, small, sample, line, reps, text in found[-args.top:]:
        print(f"| {ratio:.1f} | {large:.2f} | {small:.2f} | {sample} | {line} | {reps} | {text} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
