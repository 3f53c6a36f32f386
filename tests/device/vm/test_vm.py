#!/usr/bin/env python3
"""test_vm: the whole device in a virtual machine, checked the way a technician and a visitor
would find it (issue 9).

    test_vm.py DEB [--artefacts DIR]

The .deb is installed and provisioned in a Debian bookworm image (image.sh, cached), booted in
QEMU (vm.py; KVM when it really runs guests, else TCG: accel.py) and driven only through QMP
(screendumps, taps and swipes on a USB tablet, USB sticks and the tablet hot-plugged, power cut)
and the serial console (systemctl, journalctl, kill). Two boots in all: the main one, and one
after a power cut in the middle of an import. Every check is an assertion with a bound and
prints one PASS or FAIL line; screens are compared with references the same .deb renders on the
host (refs.py). Failed screens and the console log are kept in the artefacts folder. The last
line is "N passed, N failed, N skipped"; the exit status is 0 only when nothing failed, 77 (and
"SKIPPED: reason") when this machine cannot run the test at all.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import accel  # noqa: E402
import checks  # noqa: E402
import refs  # noqa: E402
import stick  # noqa: E402
import vm as vmlib  # noqa: E402
from checks import Kiosk  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
TOOLS = ["qemu-system-x86_64", "qemu-img", "mmdebstrap", "mkfs.ext4", "mkfs.vfat", "mcopy",
         "minisign", "dpkg-deb"]


def skip_reason():
    missing = [t for t in TOOLS if not shutil.which(t)]
    if missing:
        return "missing " + " ".join(missing)
    if os.geteuid() != 0:
        return "the image is built in a chroot: run as root"
    return None


def build_image(deb):
    out = checks.host_run([os.path.join(HERE, "image.sh"), deb], timeout=1800)
    return dict(line.split("=", 1) for line in out.split("\n") if "=" in line)


def make_sticks(root, tmp, seckey):
    """The sticks: v2 signed (the update); v3 tampered and v3 signed by an unknown key (newer
    than what is installed, so the signature is the only reason to refuse them); v3 signed (the
    one the power cut interrupts)."""
    packtool = os.path.join(root, "usr/bin/vitrine-pack")
    content = os.path.join(SOURCE, "content")
    sticks = {}
    for version in (2, 3):
        pack = os.path.join(tmp, f"v{version}.vpack")
        stick.build_pack(packtool, content, version, pack, tmp)
        sig = stick.sign(pack, seckey, f"vitrine-pack version {version}")
        sticks[f"v{version}"] = stick.make(os.path.join(tmp, f"v{version}.img"), pack, sig)
    sticks["tampered"] = stick.make(os.path.join(tmp, "tampered.img"), os.path.join(tmp, "v3.vpack"),
                                    os.path.join(tmp, "v3.vpack.minisig"), append=b"x")
    stranger = os.path.join(tmp, "stranger")
    os.makedirs(stranger)
    other = stick.sign(shutil.copy(os.path.join(tmp, "v3.vpack"), stranger),
                       stick.new_key(stranger, "stranger"), "vitrine-pack version 3")
    sticks["unknown-key"] = stick.make(os.path.join(tmp, "unknown.img"),
                                       os.path.join(stranger, "v3.vpack"), other)
    return sticks


def main_boot(report, kiosk, sticks):
    report.check("boot: the kiosk is active and drawn (attract loop, like the reference)",
                 kiosk.check_first_frame)
    report.check("a touchscreen plugged in after the kiosk is up: a tap leaves the attract loop",
                 kiosk.check_hotplug_tap)
    report.check("a swipe scrolls the timeline", kiosk.check_swipe)
    report.check("first USB update on a new device (v2) is shown live",
                 lambda: kiosk.check_update_live(sticks["v2"], 2))
    report.check("a tampered stick is refused, the store unchanged",
                 lambda: kiosk.check_refused(sticks["tampered"], "signature not valid"))
    report.check("a stick signed by an unknown key is refused, the store unchanged",
                 lambda: kiosk.check_refused(sticks["unknown-key"], "key this kiosk does not trust"))
    report.check("kill -9 of the kiosk: it is back, active and drawn", kiosk.check_kill9)
    report.check("SIGSTOP: the watchdog restarts the kiosk", kiosk.check_watchdog)
    report.check("kiosk stopped: tty1 is black, no blinking cursor", kiosk.check_tty1_dark)
    report.check("repeated crashes past both start limits: the kiosk comes back",
                 kiosk.check_crash_loop)


def second_boot(report, kiosk, sticks):
    report.check("power cut during an import: the next boot shows a valid pack",
                 lambda: kiosk.check_power_cut(sticks["v3"], 3))
    report.check("a touchscreen present at boot: a tap leaves the attract loop",
                 kiosk.check_tap)


def run(args, report, tmp):
    started = time.monotonic()
    deb = os.path.abspath(args.deb)
    t0 = time.monotonic()
    image = build_image(deb)
    print(f"image: ready in {time.monotonic() - t0:.1f} s: {image['IMAGE']}", flush=True)
    root = os.path.join(tmp, "deb")
    checks.host_run(["dpkg-deb", "-x", deb, root])
    references = refs.render(root, os.path.join(tmp, "refs"))
    sticks = make_sticks(root, tmp, image["SECKEY"])
    accel_args, accel_name = accel.choose(image["KERNEL"])
    print(f"accelerator: {accel_name}", flush=True)
    machine = vmlib.Vm(image["IMAGE"], image["KERNEL"], image["INITRD"], tmp, accel_args)
    kiosk = Kiosk(machine, references, args.artefacts)
    report.on_failure = kiosk.evidence
    try:
        kiosk.boot()
        main_boot(report, kiosk, sticks)
        second_boot(report, kiosk, sticks)
    finally:
        machine.stop()
        kiosk.save_console()
    kiosk.print_timings()
    print(f"runtime: {time.monotonic() - started:.0f} s (image, references, sticks, "
          f"two boots, every check)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("deb")
    parser.add_argument("--artefacts", default=None,
                        help="keep failed screens and the console log here")
    args = parser.parse_args()
    reason = skip_reason()
    if reason:
        print(f"SKIPPED: {reason}")
        return 77
    report = checks.Report()
    tmp = tempfile.mkdtemp(prefix="vitrine-vm-")
    args.artefacts = args.artefacts or os.path.join(tmp, "artefacts")
    os.makedirs(args.artefacts, exist_ok=True)
    try:
        run(args, report, tmp)
    except Exception as error:  # the VM or the host tools broke: every check not run fails
        report.abort(error)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return report.summary()


if __name__ == "__main__":
    sys.exit(main())
