"""stick: USB stick images for the VM test, made without mounting anything.

A stick is a raw FAT32 image (mkfs.vfat on a plain file, no partition table: the guest sees it
as /dev/sda, which the udev rule accepts like sda1) holding vitrine/content.vpack and its
minisign signature, copied in with mtools' mcopy. Packs are built by the .deb's own vitrine-pack
from a copy of content/ with another version number, and signed with minisign the way curators
do (README-import.md); a tampered stick is a correctly signed pack with one byte appended after
signing, an unknown-key stick is signed by a key the device does not hold.
"""

import os
import re
import shutil
import subprocess

STICK_MB = 64


def _run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)


def build_pack(packtool, content, version, out, workdir):
    """Builds content/ with `version: N` in pack.txt into out."""
    source = os.path.join(workdir, f"content-v{version}")
    shutil.rmtree(source, ignore_errors=True)
    shutil.copytree(content, source)
    meta = os.path.join(source, "pack.txt")
    with open(meta) as f:
        text = f.read()
    with open(meta, "w") as f:
        f.write(re.sub(r"(?m)^version: .*$", f"version: {version}", text))
    _run(packtool, "build", source, "-o", out)


def new_key(workdir, name):
    """A throwaway minisign keypair (no password); returns the secret key's path."""
    secret = os.path.join(workdir, f"{name}.key")
    _run("minisign", "-G", "-W", "-p", os.path.join(workdir, f"{name}.pub"), "-s", secret)
    return secret


def sign(pack, secret_key, comment):
    _run("minisign", "-S", "-s", secret_key, "-m", pack, "-t", comment)
    return pack + ".minisig"


def make(path, pack, signature, append=b""):
    """Writes the stick image path with pack and signature under vitrine/; append is added to
    the pack's bytes after signing (a tampered pack)."""
    copy = path + ".vpack"
    shutil.copyfile(pack, copy)
    with open(copy, "ab") as f:
        f.write(append)
    with open(path, "wb") as f:
        f.truncate(STICK_MB * 1024 * 1024)
    _run("mkfs.vfat", "-F", "32", "-n", "VITRINE", path)
    _run("mmd", "-i", path, "::vitrine")
    _run("mcopy", "-i", path, copy, "::vitrine/content.vpack")
    _run("mcopy", "-i", path, signature, "::vitrine/content.vpack.minisig")
    os.unlink(copy)
    return path
