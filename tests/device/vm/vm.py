"""vm: one QEMU virtual machine running the device image, driven as a person at the kiosk would.

The guest is the image from image.sh, booted straight from its kernel and initrd on a fresh qcow2
overlay (the cached raw image is never written), with no network, a virtio GPU at 1280x800 as
its only display (the guest's virtio_gpu is the kiosk's DRM device; no 3D, so Mesa renders in
software: a device without a GPU) and an xHCI controller for the USB tablet (the touchscreen)
and the USB sticks. It is driven through two sockets only:
  - QMP: screendumps, pointer events (taps and swipes in screen pixels, scaled to the tablet's
    0..32767 axes), stick and tablet hot-plug, quit; a power cut is SIGKILL to QEMU.
  - the serial console, where the image logs root in: `run()` types one command line and waits
    for a unique marker carrying its exit status, so output and status are never guessed.
Everything the guest prints on the console is appended to a log file beside the overlay, for
the test's report. `stop()` always leaves no QEMU behind (quit, then kill).
"""

import json
import os
import re
import socket
import subprocess
import threading
import time

import screen

WIDTH, HEIGHT = 1280, 800
ABS_MAX = 0x7FFF
KERNEL_ARGS = "root=/dev/vda rw console=ttyS0 loglevel=4 panic=-1"


class VmError(Exception):
    pass


def _connect(path, timeout):
    deadline = time.monotonic() + timeout
    while True:
        try:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.connect(path)
            return sock
        except OSError:
            sock.close()
            if time.monotonic() > deadline:
                raise VmError(f"no socket {path} after {timeout} s")
            time.sleep(0.05)


class Qmp:
    """A QMP client: one command at a time, events kept for wait_event()."""

    def __init__(self, path, timeout=30):
        self.sock = _connect(path, timeout)
        self.file = self.sock.makefile("rwb")
        self.events = []
        self._read()  # the greeting
        self.command("qmp_capabilities")

    def _read(self):
        line = self.file.readline()
        if not line:
            raise VmError("QMP connection closed")
        return json.loads(line)

    def command(self, execute, **arguments):
        message = {"execute": execute}
        if arguments:
            message["arguments"] = arguments
        self.file.write(json.dumps(message).encode() + b"\n")
        self.file.flush()
        while True:
            reply = self._read()
            if "event" in reply:
                self.events.append(reply)
            elif "error" in reply:
                raise VmError(f"QMP {execute}: {reply['error'].get('desc')}")
            elif "return" in reply:
                return reply["return"]

    def wait_event(self, name, timeout, **data):
        """Waits for the event name whose data holds data (DEVICE_DELETED comes for a device's
        children too); returns it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in self.events:
                if event["event"] == name and data.items() <= event.get("data", {}).items():
                    self.events.remove(event)
                    return event
            self.sock.settimeout(max(0.1, deadline - time.monotonic()))
            try:
                self.events.append(self._read())
            except (socket.timeout, TimeoutError):
                pass
            finally:
                self.sock.settimeout(None)
        raise VmError(f"no QMP event {name} within {timeout} s")


class Console:
    """The guest's serial console: a reader thread collects everything into a buffer and a log."""

    def __init__(self, path, log_path, timeout=30):
        self.sock = _connect(path, timeout)
        self.log = open(log_path, "ab")
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
                if not data:
                    self.buffer += b"\0EOF"
                    self.lock.notify_all()
                    return
                self.buffer += data
                self.lock.notify_all()
            self.log.write(data)
            self.log.flush()

    def send(self, text):
        self.sock.sendall(text.encode())

    def expect(self, pattern, timeout, start=0):
        """Waits for the regex pattern (bytes) in the output after offset start; returns the match."""
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
        """Waits until the autologin shell answers, then makes its output plain."""
        deadline = time.monotonic() + timeout
        while True:
            start = len(self.buffer)
            self.send("echo __UP$((40+2))__\n")
            try:
                self.expect(rb"__UP42__", 3, start)
                break
            except VmError:
                if time.monotonic() > deadline:
                    raise VmError(f"no shell on the serial console within {timeout} s")
        self.run("stty -echo; export PS1= PS2= SYSTEMD_PAGER= SYSTEMD_COLORS=0; dmesg -n 1", 30)

    def run(self, command, timeout=60):
        """Runs one shell command line; returns (exit status, output as text)."""
        self.count += 1
        marker = f"__END{self.count}_"
        with self.lock:
            start = len(self.buffer)
        self.send(f"{command}; echo {marker}$?__\n")
        match = self.expect(re.escape(marker.encode()) + rb"(\d+)__", timeout, start)
        output = self.buffer[start:match.start()].decode(errors="replace").replace("\r", "")
        lines = [l for l in output.split("\n") if marker not in l]
        return int(match.group(1)), "\n".join(lines).strip("\n")


class Vm:
    def __init__(self, image, kernel, initrd, workdir, accel_args, name="vm"):
        self.workdir, self.name = workdir, name
        self.overlay = os.path.join(workdir, f"{name}.qcow2")
        self.qmp_path = os.path.join(workdir, f"{name}.qmp")
        self.serial_path = os.path.join(workdir, f"{name}.serial")
        self.log_path = os.path.join(workdir, f"{name}.console.log")
        self.args = [
            "qemu-system-x86_64", *accel_args, "-m", "1024", "-smp", "2", "-nodefaults",
            "-display", "none", "-nic", "none", "-vga", "none",
            # edid=off: the connector reports 0x0 mm, so the kiosk sizes itself as a 7" panel,
            # as the host rendering it is compared with does (QEMU's EDID would say 100 dpi)
            "-device", f"virtio-gpu-pci,xres={WIDTH},yres={HEIGHT},edid=off",
            "-device", "qemu-xhci,id=xhci",
            "-kernel", kernel, "-initrd", initrd, "-append", KERNEL_ARGS,
            "-drive", f"file={self.overlay},format=qcow2,if=virtio",
            "-qmp", f"unix:{self.qmp_path},server=on,wait=off",
            "-chardev", f"socket,id=serial,path={self.serial_path},server=on,wait=off",
            "-serial", "chardev:serial",
        ]
        self.image = image
        self.proc = self.qmp = self.console = None
        self.started = None

    def start(self, fresh=True, tablet=True):
        """Starts QEMU; fresh=False boots the same overlay again (after a power cut); tablet:
        the touchscreen is there from the start."""
        if fresh:
            subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", "-b", self.image, "-F",
                            "raw", self.overlay], check=True)
        for path in (self.qmp_path, self.serial_path):
            if os.path.exists(path):
                os.unlink(path)
        self.stderr = open(os.path.join(self.workdir, f"{self.name}.qemu.log"), "ab")
        self.started = time.monotonic()
        tablet_args = ["-device", "usb-tablet,id=tablet,bus=xhci.0"] if tablet else []
        self.proc = subprocess.Popen(self.args + tablet_args, stdin=subprocess.DEVNULL,
                                     stdout=self.stderr, stderr=self.stderr)
        self.qmp = Qmp(self.qmp_path)
        self.console = Console(self.serial_path, self.log_path)

    def run(self, command, timeout=60):
        return self.console.run(command, timeout)

    def check(self, command, timeout=60):
        """run() that raises when the command fails; returns its output."""
        status, output = self.run(command, timeout)
        if status != 0:
            raise VmError(f"`{command}` exited {status}: {output[-500:]}")
        return output

    def screendump(self, path):
        self.qmp.command("screendump", filename=path)
        return screen.read_ppm(path)

    def _pointer(self, x, y, down=None):
        events = [{"type": "abs", "data": {"axis": "x", "value": round(x * ABS_MAX / (WIDTH - 1))}},
                  {"type": "abs", "data": {"axis": "y", "value": round(y * ABS_MAX / (HEIGHT - 1))}}]
        if down is not None:
            events.append({"type": "btn", "data": {"down": down, "button": "left"}})
        self.qmp.command("input-send-event", events=events)

    def tap(self, x, y):
        self._pointer(x, y)
        time.sleep(0.05)
        self._pointer(x, y, True)
        time.sleep(0.08)
        self._pointer(x, y, False)

    def swipe(self, x1, y1, x2, y2, seconds=0.15, steps=8):
        self._pointer(x1, y1, True)
        for i in range(1, steps + 1):
            time.sleep(seconds / steps)
            self._pointer(x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps)
        self._pointer(x2, y2, False)

    def plug_stick(self, path, ident):
        self.qmp.command("blockdev-add", **{"node-name": f"{ident}-node", "driver": "raw",
                                            "read-only": True,
                                            "file": {"driver": "file", "filename": path,
                                                     "read-only": True}})
        self.qmp.command("device_add", driver="usb-storage", id=ident, drive=f"{ident}-node",
                         bus="xhci.0", removable=True)

    def unplug(self, ident, node=True, timeout=30):
        self.qmp.command("device_del", id=ident)
        self.qmp.wait_event("DEVICE_DELETED", timeout, device=ident)
        if node:
            self.qmp.command("blockdev-del", **{"node-name": f"{ident}-node"})

    def plug_tablet(self):
        self.qmp.command("device_add", driver="usb-tablet", id="tablet", bus="xhci.0")

    def power_cut(self):
        """SIGKILL to QEMU: the guest loses power with no warning."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def stop(self):
        if self.proc and self.proc.poll() is None:
            try:
                self.qmp.command("quit")
                self.proc.wait(10)
            except (VmError, OSError, subprocess.TimeoutExpired):
                pass
        self.power_cut()
