#!/usr/bin/env python3
"""dpkgdb: records extracted .debs in a root tree's dpkg database as "unpacked", on the host.

    dpkgdb.py ROOT DEB...

mmdebstrap's extract variant puts the files of every package into ROOT but leaves dpkg's
database empty (dpkg --unpack would run preinst scripts: arm64 code, which this host cannot run
without binfmt_misc). This writes what `dpkg --unpack` would have recorded, without running
anything from the packages:
  - /var/lib/dpkg/status: each package's control fields with `Status: install ok unpacked` and
    its `Conffiles:` (md5 of the file as extracted, so dpkg sees an unmodified conffile),
  - /var/lib/dpkg/info/PKG.{list,md5sums,conffiles,preinst,postinst,prerm,postrm,config,
    templates,triggers,shlibs,symbols} (PKG:arm64 for Multi-Arch: same packages; info/format 1),
  - the trigger interests (/var/lib/dpkg/triggers/File and one file per explicit trigger).
Inside the VM, first-boot.sh then runs each preinst ("install") and `dpkg --configure -a`,
which is the half of an installation that needs the target's own CPU.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

INFO_FILES = ("md5sums", "conffiles", "preinst", "postinst", "prerm", "postrm", "config",
              "templates", "triggers", "shlibs", "symbols")


def control_fields(text):
    """Control text to an ordered list of (name, value-with-continuation-lines)."""
    fields = []
    for line in text.rstrip("\n").split("\n"):
        if line[:1] in (" ", "\t") and fields:
            fields[-1] = (fields[-1][0], fields[-1][1] + "\n" + line)
        elif line:
            name, _, value = line.partition(":")
            fields.append((name, value.strip()))
    return fields


def file_list(deb):
    tar = subprocess.run(f"dpkg-deb --fsys-tarfile '{deb}' | tar -t", shell=True, check=True,
                         capture_output=True, text=True).stdout
    paths = []
    for entry in tar.split("\n"):
        entry = entry.rstrip("/")
        if entry in ("", "."):
            continue
        paths.append("/" + entry[2:] if entry.startswith("./") else "/" + entry)
    return ["/."] + paths


def md5_in_root(root, path):
    full = os.path.join(root, path.lstrip("/"))
    if os.path.islink(full) or not os.path.isfile(full):
        return None
    with open(full, "rb") as f:
        return hashlib.md5(f.read()).hexdigest()


def main():
    root, debs = sys.argv[1], sys.argv[2:]
    dpkg = os.path.join(root, "var/lib/dpkg")
    info = os.path.join(dpkg, "info")
    os.makedirs(info, exist_ok=True)
    os.makedirs(os.path.join(dpkg, "triggers"), exist_ok=True)
    with open(os.path.join(info, "format"), "w") as f:
        f.write("1\n")
    stanzas, file_triggers, explicit_triggers, names = [], [], {}, []
    for deb in sorted(debs):
        fields = control_fields(subprocess.run(["dpkg-deb", "-f", deb], check=True,
                                               capture_output=True, text=True).stdout)
        get = dict(fields).get
        package, arch = get("Package"), get("Architecture")
        name = f"{package}:{arch}" if get("Multi-Arch") == "same" else package
        names.append(name)
        with tempfile.TemporaryDirectory() as ctl:
            subprocess.run(["dpkg-deb", "-e", deb, ctl], check=True)
            for what in INFO_FILES:
                src = os.path.join(ctl, what)
                if os.path.exists(src):
                    shutil.copy2(src, os.path.join(info, f"{name}.{what}"))
            conffiles = []
            if os.path.exists(os.path.join(ctl, "conffiles")):
                for line in open(os.path.join(ctl, "conffiles")):
                    words = line.split()
                    if not words or words[0].startswith("remove-on-upgrade"):
                        continue
                    digest = md5_in_root(root, words[-1])
                    if digest:
                        conffiles.append(f" {words[-1]} {digest}")
            if os.path.exists(os.path.join(ctl, "triggers")):
                for line in open(os.path.join(ctl, "triggers")):
                    words = line.split("#")[0].split()
                    if len(words) != 2 or not words[0].startswith("interest"):
                        continue
                    suffix = "/noawait" if words[0] == "interest-noawait" else ""
                    if words[1].startswith("/"):
                        file_triggers.append(f"{words[1]} {name}{suffix}")
                    else:
                        explicit_triggers.setdefault(words[1], []).append(name + suffix)
        with open(os.path.join(info, f"{name}.list"), "w") as f:
            f.write("\n".join(file_list(deb)) + "\n")
        out = []
        for key, value in fields:
            out.append(f"{key}: {value}" if value else f"{key}:")
            if key == "Package":
                out.append("Status: install ok unpacked")
        if conffiles:
            out.append("Conffiles:\n" + "\n".join(conffiles))
        stanzas.append("\n".join(out) + "\n")
    with open(os.path.join(dpkg, "status"), "w") as f:
        f.write("\n".join(stanzas))
    open(os.path.join(dpkg, "available"), "a").close()
    with open(os.path.join(dpkg, "triggers/File"), "w") as f:
        f.write("".join(line + "\n" for line in file_triggers))
    for trigger, interested in explicit_triggers.items():
        with open(os.path.join(dpkg, "triggers", trigger), "w") as f:
            f.write("".join(p + "\n" for p in interested))
    # The order first-boot.sh runs the preinst scripts in: base-passwd first (its preinst
    # creates /etc/passwd and /etc/group, which the others' may need).
    names.sort(key=lambda n: (n.split(":")[0] != "base-passwd", n))
    os.makedirs(os.path.join(root, "var/lib/vitrine-vm"), exist_ok=True)
    with open(os.path.join(root, "var/lib/vitrine-vm/unpacked"), "w") as f:
        f.write("".join(n + "\n" for n in names))
    print(f"dpkgdb: {len(names)} packages recorded as unpacked in {root}", file=sys.stderr)


if __name__ == "__main__":
    main()
