#!/usr/bin/env python3
"""Counts g_test cases in meson's test logs and prints 'N passed, N failed, N skipped'.

Every test program speaks TAP: each 'ok'/'not ok' line is one case.  A program
that failed without a 'not ok' line (a crash, a timeout, a sanitizer abort)
counts as one failed case more, so nothing red is hidden.
"""
import json
import os
import re
import sys

passed = failed = skipped = 0
for build in sys.argv[1:]:
    log = os.path.join(build, "meson-logs", "testlog.json")
    if not os.path.exists(log):
        print(f"{build}: no test log", file=sys.stderr)
        failed += 1
        continue
    with open(log, encoding="utf-8") as f:
        for line in f:
            entry = json.loads(line)
            out = entry.get("stdout") or ""
            oks = re.findall(r"^ok \d+.*$", out, re.M)
            skip = sum(1 for l in oks if "# SKIP" in l)
            bad = len(re.findall(r"^not ok \d+", out, re.M))
            passed += len(oks) - skip
            skipped += skip
            failed += bad
            if entry.get("result") not in ("OK", "SKIP", "EXPECTEDFAIL") and bad == 0:
                print(f"{build}: {entry.get('name')} {entry.get('result')} without a failed case", file=sys.stderr)
                failed += 1

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
