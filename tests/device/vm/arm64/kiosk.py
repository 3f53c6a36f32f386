#!/usr/bin/env python3
"""kiosk.py: checks that the kiosk came up in the arm64 VM that boot.sh started.

Talks to QEMU only through its QMP socket (screendumps, quit) and the serial console (the
image logs root in there; each command ends with a marker carrying its exit status), with
the amd64 test's own drivers (vm.py, screen.py). Measures QEMU start -> the first screendump that is not black (the
kiosk's first frame: tty1 has no getty and the kernel logs to the serial console, so nothing
else draws there), then asserts `systemctl is-active vitrine`, prints the kiosk's renderer
line from the journal and systemd-analyze, and writes the screen as OUT/screen.png.
Exits 1 when a check fails.
"""

import argparse
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import screen  # noqa: E402  (the amd64 test's screendump reading and PNG writing)
from vm import Console, Qmp, VmError  # noqa: E402  (its QMP and serial console drivers)


def lit_fraction(image):
    """The fraction of pixels (sampled on a grid) that are not near black, and their colours."""
    rgb = image.rgb
    lit = total = 0
    colours = set()
    for i in range(0, len(rgb) - 2, 3 * 97):
        r, g, b = rgb[i], rgb[i + 1], rgb[i + 2]
        total += 1
        if r + g + b > 60:
            lit += 1
            colours.add((r >> 4, g >> 4, b >> 4))
    return lit / max(total, 1), len(colours)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--qmp", required=True)
    parser.add_argument("--serial", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--started", type=float, required=True, help="QEMU start, epoch seconds")
    args = parser.parse_args()
    qmp = Qmp(args.qmp, 60)
    console = Console(args.serial, os.path.join(args.out, "console.log"), 60)
    dump = os.path.join(args.out, "run", "screen.ppm")
    times = open(os.path.join(args.out, "times.txt"), "a")
    failures = []

    def record(text):
        print(f"vm-arm64: time: {text}", file=sys.stderr)
        times.write(text + "\n")
        times.flush()

    first = None
    while time.time() - args.started < args.timeout:
        qmp.command("screendump", filename=dump)
        image = screen.read_ppm(dump)
        lit, colours = lit_fraction(image)
        if lit > 0.05 and colours >= 4:
            first = time.time() - args.started
            screen.write_png(image, os.path.join(args.out, "first-frame.png"))
            break
        time.sleep(2)
    if first is None:
        failures.append(f"the screen stayed black for {args.timeout:.0f} s")
    else:
        record(f"kiosk boot: QEMU start -> first non-black screendump: {first:.1f} s "
               f"(TCG, polled every 2 s)")

    console.wait_shell(max(60, args.timeout - (time.time() - args.started)))
    console.run("export COLUMNS=200", 60)  # systemctl's lines unabridged in the report
    checks = [
        ("is-active", "systemctl is-active vitrine"),
        ("renderer", "journalctl -b -u vitrine --no-pager -o cat | grep -iE 'renderer|video driver'"),
        ("version", "vitrine --version"),
        ("status", "systemctl status vitrine --no-pager -n 0 | head -n 8"),
        ("analyze", "systemd-analyze"),
        ("chain", "systemd-analyze critical-chain vitrine.service --no-pager"),
        ("ready", "systemctl show vitrine -p ActiveEnterTimestampMonotonic -p NRestarts"),
        ("journal", "journalctl -b -u vitrine --no-pager -o short-monotonic | tail -n 25"),
        ("gpu", "ls -l /dev/dri; cat /proc/cmdline; uname -a"),
        ("restarts", "journalctl -b -u vitrine --no-pager -o cat | grep -ciE 'watchdog timeout|main process exited'"),
    ]
    results = {}
    for name, command in checks:
        status, output = console.run(command, 120)
        results[name] = (status, output)
        print(f"--- {command}  [exit {status}]\n{output}", file=sys.stderr)
    if results["is-active"][1].strip().split("\n")[-1:] != ["active"]:
        failures.append(f"systemctl is-active vitrine: {results['is-active'][1]!r}")
    if results["renderer"][0] != 0:
        failures.append("no renderer line in the kiosk's journal")
    ready = re.search(r"ActiveEnterTimestampMonotonic=(\d+)", results["ready"][1])
    if ready and int(ready.group(1)) > 0:
        record(f"kiosk boot: kernel start -> vitrine.service active (READY=1 after the first "
               f"frame), guest clock: {int(ready.group(1)) / 1e6:.1f} s")
    restarts = re.search(r"NRestarts=(\d+)", results["ready"][1])
    record(f"kiosk boot: vitrine.service restarts so far: {restarts.group(1) if restarts else '?'} "
           f"(watchdog timeouts or exits in the journal: {results['restarts'][1].strip()})")
    status, journal = console.run("journalctl -b --no-pager -o short-monotonic", 300)
    with open(os.path.join(args.out, "journal.txt"), "w") as f:
        f.write(journal + "\n")
    analyze = results["analyze"][1].strip().split("\n")
    record("kiosk boot: " + " ".join(analyze[:1]).strip())

    time.sleep(3)  # the attract loop moves on: the last screen, seconds after the first
    qmp.command("screendump", filename=dump)
    image = screen.read_ppm(dump)
    screen.write_png(image, os.path.join(args.out, "screen.png"))
    lit, colours = lit_fraction(image)
    print(f"vm-arm64: screen {image.width}x{image.height}: {lit:.0%} lit, {colours} colours; "
          f"{os.path.join(args.out, 'screen.png')}", file=sys.stderr)
    if lit < 0.05 or colours < 4:
        failures.append("the last screendump is blank")
    try:
        qmp.command("quit")
    except (VmError, OSError):
        pass
    for failure in failures:
        print(f"vm-arm64: FAILED: {failure}", file=sys.stderr)
    print("vm-arm64: " + ("kiosk up" if not failures else "kiosk NOT up"), file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
