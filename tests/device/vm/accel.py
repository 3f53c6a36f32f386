"""accel: which QEMU accelerator the VM test can use, KVM or TCG.

On the project's machines /dev/kvm exists but a KVM guest can hang without any error, so the
mere device proves nothing. Two probes, cheapest first, each with a short timeout:
  1. a 512-byte boot sector that writes one byte to the first serial port (0x3f8) and halts;
  2. the test's own kernel, booted with no root file system and panic=-1 under -no-reboot: a
     working KVM prints the whole boot and exits by itself within a second or two.
The second is needed: here the boot sector passes under KVM, while the kernel prints nothing at
all (measured: no byte in 30 s; the same kernel under TCG reaches its panic in about 18 s on a
busy machine). If either fails (no /dev/kvm, no permission, QEMU refusing, or the hang) the test
uses TCG, multi-threaded. The probes' QEMU is always killed.
"""

import os
import subprocess
import tempfile
import time

SECTOR_SECONDS = 5
KERNEL_SECONDS = 10
TCG = ["-accel", "tcg,thread=multi"]
KVM = ["-accel", "kvm"]  # -cpu host: QEMU aborts here (MSR 0x10a)

# mov dx, 0x3f8; mov al, 'K'; out dx, al; cli; hlt; jmp hlt
_BOOT_CODE = bytes([0xBA, 0xF8, 0x03, 0xB0, 0x4B, 0xEE, 0xFA, 0xF4, 0xEB, 0xFD])


def _boot_sector():
    return _BOOT_CODE + bytes(510 - len(_BOOT_CODE)) + b"\x55\xaa"


def _probe(qemu, guest_args, expected, seconds, exits):
    """True when a KVM guest's serial output holds expected within seconds (and, with exits,
    QEMU has ended by itself by then)."""
    with tempfile.TemporaryDirectory(prefix="vitrine-kvm-") as tmp:
        out = os.path.join(tmp, "serial.out")
        args = [a.replace("TMP", tmp) for a in guest_args]
        if args[0] == "BOOTSECTOR":
            with open(os.path.join(tmp, "boot.img"), "wb") as f:
                f.write(_boot_sector())
            args = ["-drive", f"file={tmp}/boot.img,format=raw,if=ide"]
        proc = subprocess.Popen(
            [qemu, *KVM, "-m", "256", "-nodefaults", "-display", "none", "-nic", "none",
             *args, "-serial", f"file:{out}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                ended = proc.poll() is not None
                seen = os.path.exists(out) and expected in open(out, "rb").read()
                if seen and (ended or not exits):
                    return True
                if ended:
                    return False
                time.sleep(0.1)
            return False
        finally:
            proc.kill()
            proc.wait()


def kvm_works(kernel, qemu="qemu-system-x86_64"):
    """(True or False, why) for KVM running the test's kernel."""
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        return False, "no usable /dev/kvm"
    if not _probe(qemu, ["BOOTSECTOR"], b"K", SECTOR_SECONDS, False):
        return False, f"a boot sector wrote nothing within {SECTOR_SECONDS} s"
    kernel_args = ["-no-reboot", "-kernel", kernel, "-append",
                   "console=ttyS0 panic=-1 root=/dev/nonexistent"]
    if not _probe(qemu, kernel_args, b"Kernel panic", KERNEL_SECONDS, True):
        return False, f"the kernel did not boot to its end within {KERNEL_SECONDS} s"
    return True, "a boot sector and the kernel ran"


def choose(kernel, qemu="qemu-system-x86_64"):
    """(QEMU arguments, description) of the accelerator to use."""
    works, why = kvm_works(kernel, qemu)
    if works:
        return KVM, f"kvm ({why})"
    return TCG, f"tcg, multi-threaded (KVM not used: {why})"
