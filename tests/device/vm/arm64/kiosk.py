#!/usr/bin/env python3
"""kiosk.py: checks that the kiosk came up in the arm64 VM that boot.sh started.

Talks to QEMU only through its QMP socket (screendumps, quit) and the serial console (the
image logs root in there; each command ends with a marker carrying its exit status), as the
amd64 test's vm.py does. Measures QEMU start -> the first screendump that is not black (the
kiosk's first frame: tty1 has no getty and the kernel logs to the serial console, so nothing
else draws there), then asserts `systemctl is-active vitrine`, prints the kiosk's renderer
line from the journal and systemd-analyze, and writes the screen as OUT/screen.png.
Exits 1 when a check fails.
"""

import argparse
import json
import os
import re
import socket
import struct
import sys
import threading
import time
import zlib


class VmError(Exception):
    pass


def connect(path, timeout):
    deadline = time.monotonic() + timeout
    while True:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(path)
            return sock
        except OSError:
            sock.close()
            if time.monotonic() > deadline:
                raise VmError(f"no socket {path} after {timeout} s")
            time.sleep(0.1)


class Qmp:
    def __init__(self, path):
        self.file = connect(path, 60).makefile("rwb")
        self._read()
        self.command("qmp_capabilities")

    def _read(self):
        line = self.file.readline()
        if not line:
            raise VmError("QMP connection closed")
        return json.loads(line)

    def command(self, execute, **arguments):
        message = {"execute": execute, **({"arguments": arguments} if arguments else {})}
        self.file.write(json.dumps(message).encode() + b"\n")
        self.file.flush()
        while True:
            reply = self._read()
            if "error" in reply:
                raise VmError(f"QMP {execute}: {reply['error'].get('desc')}")
            if "return" in reply:
                return reply["return"]


class Console:
    def __init__(self, path):
        self.sock = connect(path, 60)
        self.buffer = b""
        self.lock = threading.Condition()
        self.count = 0
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        while True:
            try:
                data = self.sock.recv(65536)
            except OSError:
                data = b""
            with self.lock:
                self.buffer += data if data else b"\0EOF"
                self.lock.notify_all()
            if not data:
                return

    def expect(self, pattern, timeout, start=0):
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                match = regex.search(self.buffer, start)
                if match:
                    return match
                if self.buffer.endswith(b"\0EOF"):
                    raise VmError("the serial console closed (QEMU exited?)")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise VmError(f"no {pattern!r} on the console within {timeout} s")
                self.lock.wait(min(left, 1))

    def wait_shell(self, timeout):
        deadline = time.monotonic() + timeout
        while True:
            start = len(self.buffer)
            self.sock.sendall(b"echo __UP$((40+2))__\n")
            try:
                self.expect(rb"__UP42__", 5, start)
                break
            except VmError:
                if time.monotonic() > deadline:
                    raise VmError(f"no shell on the serial console within {timeout} s")
        self.run("stty -echo; export PS1= PS2= SYSTEMD_PAGER= SYSTEMD_COLORS=0 COLUMNS=200; dmesg -n 1", 60)

    def run(self, command, timeout=120):
        self.count += 1
        marker = f"__END{self.count}_"
        with self.lock:
            start = len(self.buffer)
        self.sock.sendall(f"{command}; echo {marker}$?__\n".encode())
        match = self.expect(re.escape(marker.encode()) + rb"(\d+)__", timeout, start)
        text = self.buffer[start:match.start()].decode(errors="replace").replace("\r", "")
        lines = [line for line in text.split("\n") if marker not in line]
        return int(match.group(1)), "\n".join(lines).strip("\n")


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P6" or fields[3] != b"255":
        raise VmError(f"{path}: not an 8-bit P6 PPM")
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[pos + 1:pos + 1 + width * height * 3]


def write_png(width, height, rgb, path):
    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    stride = width * 3
    raw = b"".join(b"\0" + rgb[y * stride:(y + 1) * stride] for y in range(height))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def lit_fraction(rgb):
    """The fraction of pixels (sampled on a grid) that are not near black, and their colours."""
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
    qmp = Qmp(args.qmp)
    console = Console(args.serial)
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
        width, height, rgb = read_ppm(dump)
        lit, colours = lit_fraction(rgb)
        if lit > 0.05 and colours >= 4:
            first = time.time() - args.started
            write_png(width, height, rgb, os.path.join(args.out, "first-frame.png"))
            break
        time.sleep(2)
    if first is None:
        failures.append(f"the screen stayed black for {args.timeout:.0f} s")
    else:
        record(f"kiosk boot: QEMU start -> first non-black screendump: {first:.1f} s "
               f"(TCG, polled every 2 s)")

    console.wait_shell(max(60, args.timeout - (time.time() - args.started)))
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
        status, output = console.run(command)
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
    width, height, rgb = read_ppm(dump)
    write_png(width, height, rgb, os.path.join(args.out, "screen.png"))
    lit, colours = lit_fraction(rgb)
    print(f"vm-arm64: screen {width}x{height}: {lit:.0%} lit, {colours} colours; "
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
