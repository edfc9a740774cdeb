#!/usr/bin/env python3
"""Whole-process timing of yusuan over a generated corpus, next to a plain scan of the same files.

Builds a corpus from the five samples with varied figures (document k changes two amounts by
k+1 fen, so no two files are byte copies), at 1x (12 files, about 1.1 MB), 10x and 100x, and
times on each, in the same run:

  grep -c 合计 FILES                                  a plain scan, the floor (best of 3)
  yusuan parse --format json  (batches of 100 files)  one core, then both cores (xargs -P 2)
  yusuan check --format json  (batches of 100 files)  one core, then both cores, then both
                                                      cores from one process per batch (-j 2)

(each process on one thread, -j 1, except the last),

one process per file (start-up included: how a loop over files or an editor runs yusuan), best
and median of 30 runs each:

  yusuan --version; yusuan check --format json FILE; grep -c 合计 FILE   (smallest, largest sample)

and the peak resident memory of `yusuan check --format json` on one file, on a batch of 100 files
in one run, and on one large document (the largest sample twenty times over): the last gives
the memory each further input byte costs, apart from the code and libraries every run loads.
Prints a Markdown table (docs/performance.md keeps one).

  python3 bench/corpus.py [--yusuan build/yusuan] [--dir /tmp/yusuan-corpus] [--scales 1,10,100]
"""
import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import time

SAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples")
AMOUNT = re.compile(rb"\d\.\d\d(?!\d)")


def variant(text: bytes, k: int) -> bytes:
    """Adds k+1 fen to two printed amounts chosen by k (carrying through the digits)."""
    ends = [m.end() for m in AMOUNT.finditer(text)]
    if not ends:
        return text + b"\n%d\n" % k
    out = bytearray(text)
    for end in sorted({ends[k % len(ends)], ends[(k // len(ends) + 7 * k) % len(ends)]}, reverse=True):
        i, add = end, k + 1
        while add and i > 0:
            i -= 1
            if out[i] == ord("."):
                continue
            if not 48 <= out[i] <= 57:
                out[i + 1:i + 1] = str(add).encode()
                break
            d = out[i] - 48 + add % 10
            out[i] = 48 + d % 10
            add = add // 10 + d // 10
    return bytes(out)


def sample_names() -> list:
    return sorted(f for f in os.listdir(SAMPLES) if f.endswith(".txt"))


def build_corpus(directory: str, files: int) -> list:
    seeds = sample_names()
    texts = [open(os.path.join(SAMPLES, s), "rb").read() for s in seeds]
    os.makedirs(directory, exist_ok=True)
    paths = []
    for k in range(files):
        path = os.path.join(directory, "doc%06d.txt" % k)
        if not os.path.exists(path):
            with open(path, "wb") as f:
                f.write(variant(texts[k % len(texts)], k // len(texts)))
        paths.append(path)
    return paths


def by_sample(paths: list) -> list:
    """The corpus ordered by the sample each file was made from (file k from sample k mod the
    number of samples), as one publisher's documents come; build_corpus's order changes sample,
    and so layout, with every file: the worst case for a processor (docs/performance.md)."""
    samples = len(sample_names())

    def key(path: str) -> tuple:
        number = int(re.search(r"(\d+)\.txt$", path).group(1))
        return (number % samples, number)

    return sorted(paths, key=key)


def run(cmd, stdin=None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    return time.perf_counter() - start


def batched(yusuan: str, command: list, paths: list, jobs: int) -> float:
    listing = "\n".join(paths).encode()
    start = time.perf_counter()
    subprocess.run(["xargs", "-d", "\n", "-n", "100", "-P", str(jobs), yusuan] + command,
                   input=listing, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    return time.perf_counter() - start


def peak_rss_kb(cmd) -> int:
    """Peak resident set of one child process, in KiB (GNU time)."""
    out = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, check=False).stderr
    return int(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--yusuan", default="build/yusuan")
    parser.add_argument("--dir", default="/tmp/yusuan-corpus")
    parser.add_argument("--scales", default="1,10,100")
    args = parser.parse_args()
    yusuan = os.path.abspath(args.yusuan)
    scales = [int(s) for s in args.scales.split(",")]
    paths = build_corpus(args.dir, 12 * max(scales))

    print("| corpus | files | MB | grep -c 合计 s | parse 1 core MB/s | parse 2 cores MB/s "
          "| check json 1 core MB/s | check json 2 cores MB/s | check json -j 2 MB/s "
          "| check / grep (1 core) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for scale in scales:
        files = paths[:12 * scale]
        mb = sum(os.path.getsize(p) for p in files) / 1e6
        grep = min(run(["grep", "-c", "合计"] + files) for _ in range(3))  # best of three
        parse1 = batched(yusuan, ["parse", "-j", "1", "--format", "json"], files, 1)
        parse2 = batched(yusuan, ["parse", "-j", "1", "--format", "json"], files, 2)
        check1 = batched(yusuan, ["check", "-j", "1", "--format", "json"], files, 1)
        check2 = batched(yusuan, ["check", "-j", "1", "--format", "json"], files, 2)
        threads2 = batched(yusuan, ["check", "-j", "2", "--format", "json"], files, 1)
        print(f"| {scale}x | {len(files)} | {mb:.1f} | {grep:.3f} | {mb / parse1:.1f} | "
              f"{mb / parse2:.1f} | {mb / check1:.1f} | {mb / check2:.1f} | "
              f"{mb / threads2:.1f} | {check1 / grep:.0f}x |", flush=True)

    smallest = min(paths[:5], key=os.path.getsize)
    largest = max(paths[:5], key=os.path.getsize)
    print()
    print("One process per file (ms, best and median of 30 runs):")
    print()
    print("| command | file KiB | best ms | median ms |")
    print("| --- | --- | --- | --- |")
    for label, cmd, size in [
            ("yusuan --version (start-up alone)", [yusuan, "--version"], 0),
            ("yusuan check --format json, smallest sample",
             [yusuan, "check", "--format", "json", smallest], os.path.getsize(smallest)),
            ("yusuan check --format json, largest sample",
             [yusuan, "check", "--format", "json", largest], os.path.getsize(largest)),
            ("grep -c 合计, largest sample", ["grep", "-c", "合计", largest],
             os.path.getsize(largest))]:
        times = sorted(run(cmd) for _ in range(30))
        print(f"| {label} | {size / 1024:.0f} | {times[0] * 1e3:.1f} | {times[15] * 1e3:.1f} |",
              flush=True)

    largest_kb = os.path.getsize(largest) / 1024
    empty = os.path.join(args.dir, "minimal.txt")
    with open(empty, "w", encoding="utf-8") as f:
        f.write("2026年度单位预算公开\n")
    base = peak_rss_kb([yusuan, "check", "--format", "json", empty])
    one = peak_rss_kb([yusuan, "check", "--format", "json", largest])
    batch = paths[:100]
    many = peak_rss_kb([yusuan, "check", "-j", "1", "--format", "json"] + batch)
    many2 = peak_rss_kb([yusuan, "check", "-j", "2", "--format", "json"] + batch)
    # One large document: the largest sample twenty times over, in one file.
    big = os.path.join(args.dir, "large-single.txt")
    with open(big, "wb") as f:
        data = open(largest, "rb").read()
        for _ in range(20):
            f.write(data)
    big_kb = os.path.getsize(big) / 1024
    peak_big = peak_rss_kb([yusuan, "check", "--format", "json", big])
    print()
    print("Peak resident memory of `yusuan check --format json` (KiB):")
    print()
    print("| input | input KiB | peak KiB | above a one-line document | per input byte |")
    print("| --- | --- | --- | --- | --- |")
    print(f"| a one-line document | 0 | {base} | | |")
    print(f"| the largest sample ({os.path.basename(largest)}) | {largest_kb:.0f} | {one} | "
          f"{one - base} | |")
    batch_kb = sum(os.path.getsize(p) for p in batch) / 1024
    print(f"| {len(batch)} files in one run | {batch_kb:.0f} | {many} | {many - base} | |")
    print(f"| {len(batch)} files in one run, two threads (-j 2) | {batch_kb:.0f} | {many2} | "
          f"{many2 - base} | |")
    print(f"| one document of 20 x the largest sample | {big_kb:.0f} | {peak_big} | "
          f"{peak_big - base} | {(peak_big - one) / (big_kb - largest_kb):.1f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
