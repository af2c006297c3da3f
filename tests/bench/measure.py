#!/usr/bin/env python3
# measure.py: how much one command costs, as the benchmarks compare it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: measure.py [--runs N] [--callgrind] [--setup CMD] -- COMMAND...
#
# Runs COMMAND once to warm the page cache and then N times (default 7),
# output discarded, and prints one line:
#
#   CPU_MS WALL_MS PEAK_RSS_KIB INSTRUCTIONS
#
# CPU_MS is the median of user + system time of the process (wait4 of
# the child, so a loaded machine's waiting is left out), WALL_MS the median
# wall clock, PEAK_RSS_KIB the largest resident size of any run, and
# INSTRUCTIONS the instructions of one run under callgrind (valgrind), or
# "-" without --callgrind or without valgrind.  Instruction counts barely
# move on a busy machine, where times move by tens of percent.  --setup runs
# a shell command before every run (not measured), e.g. to remove a cache.
import os
import re
import shutil
import statistics
import subprocess
import sys
import time


def usage():
    sys.stderr.write("Usage: measure.py [--runs N] [--callgrind] [--setup CMD] -- COMMAND...\n")
    sys.exit(2)


def main():
    args = sys.argv[1:]
    runs, callgrind, setup = 7, False, None
    while args and args[0] != "--":
        if args[0] == "--runs" and len(args) > 1:
            runs = int(args[1])
            args = args[2:]
        elif args[0] == "--callgrind":
            callgrind = True
            args = args[1:]
        elif args[0] == "--setup" and len(args) > 1:
            setup = args[1]
            args = args[2:]
        else:
            usage()
    if len(args) < 2:
        usage()
    command = args[1:]

    cpu, wall, rss = [], [], 0
    for i in range(runs + 1):
        if setup:
            subprocess.run(setup, shell=True, check=True)
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage_ = os.wait4(proc.pid, 0)
        end = time.perf_counter()
        if os.WEXITSTATUS(status) > 1:
            sys.stderr.write("measure.py: %s failed with status %d\n" % (" ".join(command), os.WEXITSTATUS(status)))
            sys.exit(1)
        if i == 0:
            continue  # the warm-up
        cpu.append((usage_.ru_utime + usage_.ru_stime) * 1000)
        wall.append((end - start) * 1000)
        rss = max(rss, usage_.ru_maxrss)

    instructions = "-"
    if callgrind and shutil.which("valgrind"):
        if setup:
            subprocess.run(setup, shell=True, check=True)
        out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + command,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
        m = re.search(r"refs:\s+([\d,]+)", out)
        if m:
            instructions = m.group(1).replace(",", "")
    print("%.2f %.2f %d %s" % (statistics.median(cpu), statistics.median(wall), rss, instructions))


if __name__ == "__main__":
    main()
