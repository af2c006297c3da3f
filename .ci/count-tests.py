#!/usr/bin/env python3
"""Counts g_test cases in meson's test logs and prints 'N passed, N failed, N skipped'.

    count-tests.py [--failed-build DIR]... BUILD_DIR...

Every test program speaks TAP: each 'ok'/'not ok' line is one case, and the
plan ('1..N') says how many there were to be.  Nothing red is hidden:

- a case the plan announced that never reported (a crash, a timeout, a
  sanitizer abort stopped the program before it) counts as failed;
- a program that failed without any 'not ok' line counts as one failed case
  more (a crash before the plan, a wrong exit status);
- a program that skipped as a whole (exit status 77, or a plan '1..0') counts
  as one failed case: in CI every program has what it needs to run;
- a build that did not compile (--failed-build, or a build folder without a
  test log) counts as one failed case, so that a broken build never reads
  '0 passed, 0 failed'.
"""
import json
import os
import re
import sys

PLAN = re.compile(r"^1\.\.(\d+)", re.M)
OK = re.compile(r"^ok \d+.*$", re.M)
NOT_OK = re.compile(r"^not ok \d+", re.M)


def count_entry(entry, where):
    """(passed, failed, skipped) of one test program."""
    out = entry.get("stdout") or ""
    oks = OK.findall(out)
    skipped = sum(1 for line in oks if "# SKIP" in line)
    passed = len(oks) - skipped
    failed = len(NOT_OK.findall(out))
    plans = [int(n) for n in PLAN.findall(out)]
    ran = len(oks) + failed
    result = entry.get("result")
    name = entry.get("name")

    if entry.get("returncode") == 77 or result == "SKIP" or (plans and max(plans) == 0):
        print(f"{where}: {name} skipped as a whole (exit status 77 or plan 1..0): counted as failed",
              file=sys.stderr)
        return passed, failed + 1, skipped
    if plans and ran < max(plans):
        missing = max(plans) - ran
        print(f"{where}: {name} planned {max(plans)} cases, {ran} reported: {missing} counted as failed",
              file=sys.stderr)
        failed += missing
    if result not in ("OK", "EXPECTEDFAIL") and failed == 0:
        print(f"{where}: {name} {result} without a failed case: counted as one", file=sys.stderr)
        failed += 1
    return passed, failed, skipped


def main(argv):
    passed = failed = skipped = 0
    builds = []
    args = iter(argv)
    for arg in args:
        if arg == "--failed-build":
            build = next(args)
            print(f"{build}: the build failed: counted as one failed case", file=sys.stderr)
            failed += 1
        else:
            builds.append(arg)
    for build in builds:
        log = os.path.join(build, "meson-logs", "testlog.json")
        if not os.path.exists(log):
            print(f"{build}: no test log: counted as one failed case", file=sys.stderr)
            failed += 1
            continue
        with open(log, encoding="utf-8") as f:
            for line in f:
                p, fl, s = count_entry(json.loads(line), build)
                passed += p
                failed += fl
                skipped += s
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
