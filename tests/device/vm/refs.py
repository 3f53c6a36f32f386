"""refs: the reference screens the VM's screendumps are compared with, rendered on the host.

The .deb under test is unpacked on the host and its own vitrine draws its own default pack and
fonts with its own vitrine.conf at the VM's 1280x800, in script mode with SDL's dummy video
driver and software renderer (no window, no GPU): the attract loop's first slides (the kiosk
starts on the first and moves on every 12 s; the VM may be caught on any of them) and the
timeline a tap opens. The "today" marker follows the clock on both sides, so host and guest
must agree on the date (QEMU's clock is the host's). Returns {name: screen.Image}; a group
name ("attract") maps to the list of its slides.
"""

import os
import subprocess

import screen

SLIDES = 4
DWELL_MS = 12000

_SCRIPT = """\
wait 500
{slides}
tap 50% 3%
expect screen timeline
wait 1000
screenshot {out}/timeline.png
"""


def render(root, out):
    os.makedirs(out, exist_ok=True)
    slides = "\n".join(f"screenshot {out}/attract-{i}.png\nwait {DWELL_MS}" for i in range(SLIDES))
    script = os.path.join(out, "refs.vts")
    with open(script, "w") as f:
        f.write(_SCRIPT.format(slides=slides, out=out))
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    subprocess.run(
        [os.path.join(root, "usr/bin/vitrine"), "--config", os.path.join(root, "etc/vitrine/vitrine.conf"),
         "--pack", os.path.join(root, "usr/share/vitrine/content.vpack"),
         "--fonts", os.path.join(root, "usr/share/vitrine/fonts"),
         "--size", "1280x800", "--software", "--hidden", "--script", script],
        check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return {
        "attract": [screen.read(os.path.join(out, f"attract-{i}.png")) for i in range(SLIDES)],
        "timeline": screen.read(os.path.join(out, "timeline.png")),
    }
