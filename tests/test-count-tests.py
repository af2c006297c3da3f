#!/usr/bin/env python3
"""test-count-tests.py: .ci/count-tests.py counts what did not run as failed.

Fake meson test logs in a temporary folder, counted by the real script; TAP
output, one case per situation.
"""
import json
import os
import subprocess
import sys
import tempfile

SCRIPT = os.path.join(os.environ.get("AMEND_SOURCE_DIR", "."), ".ci", "count-tests.py")


def entry(name, stdout, result="OK", returncode=0):
    return {"name": name, "stdout": stdout, "result": result, "returncode": returncode}


def count(tmp, entries, extra=()):
    build = os.path.join(tmp, "build")
    os.makedirs(os.path.join(build, "meson-logs"), exist_ok=True)
    with open(os.path.join(build, "meson-logs", "testlog.json"), "w") as f:
        for e in entries:
            f.write(json.dumps(e) + "\n")
    out = subprocess.run([sys.executable, SCRIPT, *extra, build], capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1], out.returncode


CASES = [
    ("all ran", [entry("a", "1..2\nok 1 /a\nok 2 /b # SKIP no\n")], (),
     ("1 passed, 0 failed, 1 skipped", 0)),
    ("a crash stops the plan", [entry("a", "1..5\nok 1 /a\nok 2 /b\n", "ERROR", -6)], (),
     ("2 passed, 3 failed, 0 skipped", 1)),
    ("a failed case and a crash", [entry("a", "1..3\nok 1 /a\nnot ok 2 /b\n", "FAIL", 1)], (),
     ("1 passed, 2 failed, 0 skipped", 1)),
    ("a program that exits 77", [entry("a", "", "SKIP", 77)], (),
     ("0 passed, 1 failed, 0 skipped", 1)),
    ("a plan of 1..0", [entry("a", "1..0 # SKIP nothing\n", "SKIP", 0)], (),
     ("0 passed, 1 failed, 0 skipped", 1)),
    ("a build that did not compile", [entry("a", "1..1\nok 1 /a\n")], ("--failed-build", "build-asan"),
     ("1 passed, 1 failed, 0 skipped", 1)),
    ("a crash before the plan", [entry("a", "", "ERROR", -11)], (),
     ("0 passed, 1 failed, 0 skipped", 1)),
]


def main():
    print(f"1..{len(CASES) + 1}")
    n = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, entries, extra, want in CASES:
            n += 1
            got = count(tmp, entries, extra)
            print(f"{'ok' if got == want else 'not ok'} {n} {name}" + ("" if got == want else f" # got {got}"))
        n += 1
        out = subprocess.run([sys.executable, SCRIPT, os.path.join(tmp, "no-such-build")], capture_output=True,
                             text=True)
        ok = out.stdout.strip().endswith("0 passed, 1 failed, 0 skipped") and out.returncode == 1
        print(f"{'ok' if ok else 'not ok'} {n} a build folder without a test log")


main()
