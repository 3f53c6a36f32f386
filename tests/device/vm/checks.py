"""checks: what the VM test asserts about the kiosk in the guest, and how it reports.

Report runs one check at a time and prints "PASS name (seconds)" or "FAIL name: why"; a check
is a function that raises (AssertionError, or anything else that went wrong) to fail. Kiosk
holds the running VM and the reference screens and has one method per check. Every wait is
bounded (the bounds below are for TCG on a busy 2-core machine, several times what a quiet one
needs) and polls: screens by screendump, the guest by one shell command per poll. "Drawn" means
a screendump within TOLERANCE of a reference (screen.differing): the same screen differs in 0%
of sampled pixels here, a clear-colour-only one in about 25%, another attract slide in 9-14%.
The journal is read after a cursor taken before each action, so an old line never answers for
a new event.
"""

import os
import re
import shutil
import subprocess
import time
import traceback

import screen

TOLERANCE = 0.03        # share of sampled pixels allowed to differ from the reference
BOOT_BOUND = 420        # s, QEMU start to the kiosk's first frame
SHELL_BOUND = 600       # s, QEMU start to the serial shell
SCREEN_BOUND = 60       # s, an action to the screen it leads to
RESTART_BOUND = 150     # s, a killed or hung kiosk to its next frame (watchdog 60 s included:
                        # the kiosk asks for 60 s when a CPU rasteriser draws)
IMPORT_BOUND = 120      # s, a stick plugged in to the import's end
RECOVERY_BOUND = 300    # s, the end of a crash loop to the kiosk drawn again
CRASH_ROUNDS = 4        # times the kiosk's start limit is hit (the old rollback limit was 3)
CRASH_KILLS = 40        # kills at most: (5+1 starts) x CRASH_ROUNDS, and slack
CRASH_SECONDS = 900     # s, the crash loop at most
RETRY_BASE, RETRY_MAX = 2, 8  # s, the rollback's back-off in the test, where it can be set
DARK = 40               # brightest channel value of a black screen


def host_run(args, timeout=300):
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=timeout).stdout


class Report:
    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self.on_failure = None  # called with the check's number after a failure (evidence)

    def check(self, name, function):
        started = time.monotonic()
        try:
            function()
        except Exception as error:  # a check fails on anything, and the next one still runs
            self.failed += 1
            print(f"FAIL {name}: {type(error).__name__}: {error}", flush=True)
            if self.on_failure:
                self.on_failure(self.passed + self.failed)
            return
        self.passed += 1
        print(f"PASS {name} ({time.monotonic() - started:.0f} s)", flush=True)

    def abort(self, error):
        self.failed += 1
        print(f"FAIL the test could not go on: {type(error).__name__}: {error}", flush=True)
        traceback.print_exc()

    def summary(self):
        print(f"{self.passed} passed, {self.failed} failed, {self.skipped} skipped", flush=True)
        return 0 if self.failed == 0 else 1


def wait_for(predicate, timeout, what, interval=1.0):
    """Polls predicate until it returns something true; returns that, or raises."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout} s")
        time.sleep(interval)


class Kiosk:
    def __init__(self, vm, references, artefacts):
        self.vm, self.refs, self.artefacts = vm, references, artefacts
        self.dumps = 0
        self.timings = []

    # --- the guest ---------------------------------------------------------------------------

    def boot(self, fresh=True, tablet=False):
        self.vm.start(fresh=fresh, tablet=tablet)
        self.vm.console.wait_shell(SHELL_BOUND)
        print(f"boot: serial shell after {time.monotonic() - self.vm.started:.0f} s", flush=True)

    def sh(self, command, timeout=60):
        return self.vm.check(command, timeout)

    def main_pid(self):
        return int(self.sh("systemctl show -P MainPID vitrine.service"))

    def active_pid(self):
        """The kiosk's main PID once it is active (READY=1 sent), else 0."""
        state, pid = self.sh("systemctl show -P ActiveState vitrine.service; "
                             "systemctl show -P MainPID vitrine.service").split("\n")
        return int(pid) if state == "active" else 0

    def cursor(self):
        out = self.sh("journalctl -n 0 --show-cursor -q")
        return out.split("cursor: ", 1)[1].strip()

    def journal(self, cursor, unit="vitrine.service"):
        return self.vm.run(f"journalctl -q --no-pager -o cat --after-cursor='{cursor}' -u '{unit}'")[1]

    def store(self):
        """The packs in the store with their hashes (the status file is the importer's log)."""
        return self.sh("cd /var/lib/vitrine && sha256sum *.vpack 2>/dev/null | sort || true")

    def shown_version(self):
        lines = self.sh("journalctl -b -q --no-pager -o cat -u vitrine.service | "
                        "grep -E 'showing pack' || true").split("\n")
        versions = [re.search(r"version (\d+)", line) for line in lines]
        versions = [int(v.group(1)) for v in versions if v]
        return versions[-1] if versions else None

    # --- the screen ----------------------------------------------------------------------------

    def dump(self):
        self.dumps += 1
        return self.vm.screendump(os.path.join(self.vm.workdir, f"dump-{self.dumps}.ppm"))

    def keep(self, image, name):
        screen.write_png(image, os.path.join(self.artefacts, f"{name}.png"))

    def wait_screen(self, references, timeout, name):
        """Waits for a screendump within TOLERANCE of one of references; returns seconds waited."""
        started, best, image = time.monotonic(), 1.0, None
        while time.monotonic() - started < timeout:
            image = self.dump()
            best = min(screen.differing(image, ref) for ref in references)
            if best <= TOLERANCE:
                return time.monotonic() - started
            time.sleep(1)
        self.keep(image, name)
        raise AssertionError(f"{name}: the screen is not the reference within {timeout} s "
                             f"(best {best:.1%} of pixels differ, tolerance {TOLERANCE:.0%}; "
                             f"screen kept as {name}.png)")

    def wait_drawn(self, timeout, name):
        return self.wait_screen(self.refs["attract"], timeout, name)

    def wait_stable(self, timeout=20):
        previous = self.dump()
        for _ in range(timeout):
            time.sleep(1)
            image = self.dump()
            if image.rgb == previous.rgb:
                return image
            previous = image
        return previous

    # --- the checks ------------------------------------------------------------------------------

    def check_first_frame(self):
        self.wait_drawn(BOOT_BOUND - (time.monotonic() - self.vm.started), "boot")
        first = time.monotonic() - self.vm.started
        assert self.active_pid(), "drawn but the unit is not active"
        self.record_timings(first)

    def record_timings(self, first_frame):
        ready = int(self.sh("systemctl show -P ActiveEnterTimestampMonotonic vitrine.service"))
        chain = self.vm.run("systemd-analyze critical-chain --no-pager vitrine.service")[1]
        status = self.sh("systemctl show -P StatusText vitrine.service")
        # Where the kiosk's start went: its own lines, with the kernel's clock.
        chain += "\n" + self.vm.run("journalctl -b -q --no-pager -o short-monotonic "
                                    "-u vitrine.service | grep -E 'Starting|kms|display|render|"
                                    "Started|Failed' | head -20")[1]
        self.timings.append((first_frame, ready / 1e6, chain))
        print(f"timing: QEMU start -> first frame {first_frame:.1f} s (screendumps); "
              f"kiosk READY at {ready / 1e6:.1f} s after the kernel started (journal); "
              f"status line: {status!r}", flush=True)
        # The VM has no GPU driver: the kiosk must have chosen GLES (not desktop GL, which drew
        # only the clear colour) on Mesa's softpipe (no run-time code generation), and say so.
        assert "renderer opengles2 on softpipe" in status, f"status line: {status!r}"

    def tap_to_timeline(self):
        self.vm.tap(640, 20)  # the invitation band
        self.wait_screen([self.refs["timeline"]], SCREEN_BOUND, "tap")
        status = self.sh("systemctl show -P StatusText vitrine.service")
        assert status.startswith("Showing timeline"), f"status line: {status!r}"

    def check_hotplug_tap(self):
        cursor = self.cursor()
        self.vm.plug_tablet()
        # A person taps once the screen reacts; the test, once the kiosk has the new device.
        wait_for(lambda: "is an absolute pointer" in self.journal(cursor), SCREEN_BOUND,
                 "the kiosk to open the plugged-in tablet", 2)
        self.tap_to_timeline()

    def check_tap(self):
        self.wait_drawn(SCREEN_BOUND, "before-tap")
        self.tap_to_timeline()

    def check_swipe(self):
        """The timeline opens at today, its right end: a swipe to the right moves back in time.
        A frame takes seconds here (softpipe under TCG), so the test waits for the change."""
        before = self.wait_stable()
        self.vm.swipe(250, 450, 1000, 450, seconds=0.6, steps=12)  # a visitor's drag
        started, moved, after = time.monotonic(), 0.0, before
        while moved < 0.05 and time.monotonic() - started < SCREEN_BOUND:
            time.sleep(1)
            after = self.dump()
            moved = screen.differing(after, before)
        after = self.wait_stable()
        moved = screen.differing(after, before)
        attract = min(screen.differing(after, ref) for ref in self.refs["attract"])
        if moved < 0.05 or attract <= TOLERANCE or screen.ink(after) < 0.05:
            self.keep(after, "swipe")
            raise AssertionError(f"the swipe changed {moved:.1%} of the screen (needs 5%), "
                                 f"attract difference {attract:.1%}; kept as swipe.png")
        status = self.sh("systemctl show -P StatusText vitrine.service")
        assert status.startswith("Showing timeline"), f"status line after the swipe: {status!r}"

    def wait_import(self, path, ident):
        cursor = self.cursor()
        self.vm.plug_stick(path, ident)
        try:
            return wait_for(lambda: re.search(r"(Finished|Failed to start) vitrine-usb@",
                                              self.journal(cursor, "vitrine-usb@*")) and cursor,
                            IMPORT_BOUND, "the import from the stick to end", 2)
        finally:
            self.vm.unplug(ident)

    def check_update_live(self, path, version):
        pid = self.main_pid()
        cursor = self.wait_import(path, "stick-update")
        status = self.sh("cat /var/lib/vitrine/status")
        assert "result=ok" in status, f"the import failed: {status}"
        wait_for(lambda: f"now showing pack version {version}" in self.journal(cursor),
                 SCREEN_BOUND, f"the kiosk to show version {version} (status: {status!r})", 2)
        assert self.main_pid() == pid, "the kiosk restarted to show it"
        image = self.wait_stable()
        assert screen.ink(image) > 0.05, "the screen is blank after the update"

    def check_refused(self, path, reason):
        """The stick's pack is refused for reason (a regex on the importer's status message)."""
        before = self.store()
        cursor = self.wait_import(path, "stick-bad")
        status = self.sh("cat /var/lib/vitrine/status")
        assert "result=ok" not in status, f"the pack was accepted: {status}"
        assert re.search(reason, status.splitlines()[-1], re.I), f"refused for another reason: {status}"
        assert self.store() == before, f"the store changed: {before!r} -> {self.store()!r}"
        assert "now showing" not in self.journal(cursor), "the kiosk loaded another pack"
        print(f"  refused: {status.splitlines()[-1]}", flush=True)

    def wait_restarted(self, pid, name):
        wait_for(lambda: self.active_pid() not in (0, pid), RESTART_BOUND,
                 "the kiosk active again with a new process", 2)
        self.wait_drawn(SCREEN_BOUND, name)

    def running_pid(self):
        """The active kiosk's PID (never 0: `kill -9 0` would kill the test's own shell)."""
        return wait_for(self.active_pid, RESTART_BOUND, "the kiosk active", 2)

    def check_kill9(self):
        pid = self.running_pid()
        self.sh(f"kill -9 {pid}")
        self.wait_restarted(pid, "kill9")

    def check_watchdog(self):
        pid = self.running_pid()
        cursor = self.cursor()
        self.sh(f"kill -STOP {pid}")
        self.wait_restarted(pid, "watchdog")
        assert "Watchdog timeout" in self.journal(cursor), "restarted, but not by the watchdog"

    def check_tty1_dark(self):
        self.sh("systemctl stop vitrine.service", 120)
        try:
            time.sleep(3)
            for i in range(4):  # a blinking cursor is on about half the time
                image = self.dump()
                if screen.brightest(image) > DARK:
                    self.keep(image, "tty1")
                    raise AssertionError(f"tty1 is not black (brightest {screen.brightest(image)},"
                                         f" dump {i + 1}); kept as tty1.png")
                time.sleep(0.4)
        finally:
            self.sh("systemctl start --no-block vitrine.service")
        self.wait_drawn(RESTART_BOUND, "after-tty1")

    def shorten_back_off(self):
        """The rollback's retry delays, when the units offer the knobs (a runtime drop-in, gone
        at the next boot): seconds instead of minutes, so the test sees the whole cycle."""
        if "VITRINE_RETRY_BASE" not in self.sh("systemctl cat vitrine-rollback.service"):
            return False
        self.sh("mkdir -p /run/systemd/system/vitrine-rollback.service.d && printf "
                "'[Service]\\nEnvironment=VITRINE_RETRY_BASE=%s VITRINE_RETRY_MAX=%s\\n' "
                f"{RETRY_BASE} {RETRY_MAX} >/run/systemd/system/vitrine-rollback.service.d/"
                "test.conf && systemctl daemon-reload")
        return True

    def crash_loop(self, cursor):
        """Kills the kiosk whenever it has a process, until its start limit was hit CRASH_ROUNDS
        times (each starts vitrine-rollback.service) or the rollback hit a start limit of its
        own, at most CRASH_KILLS kills; returns (kills, rounds, rollback's result)."""
        kills = rounds = 0
        result = ""
        deadline = time.monotonic() + CRASH_SECONDS
        while kills < CRASH_KILLS and time.monotonic() < deadline:
            pid, result, rounds = self.sh(
                "systemctl show -P MainPID vitrine.service; "
                "systemctl show -P Result vitrine-rollback.service; "
                f"journalctl -q -o cat --after-cursor='{cursor}' -u vitrine.service | "
                "grep -c 'Start request repeated too quickly' || true").split("\n")
            rounds = int(rounds)
            if rounds >= CRASH_ROUNDS or result == "start-limit-hit":
                break
            if int(pid) > 0:
                self.vm.run(f"kill -9 {pid}")
                kills += 1
            time.sleep(0.5)
        return kills, rounds, result

    def check_crash_loop(self):
        shortened = self.shorten_back_off()
        cursor = self.cursor()
        kills, rounds, result = self.crash_loop(cursor)
        rollbacks = self.journal(cursor, "vitrine-rollback.service").count("Starting vitrine-rollback")
        print(f"  crash loop: {kills} kills, the kiosk's start limit hit {rounds} times, "
              f"{rollbacks} rollbacks, rollback result {result!r}, back-off "
              f"{'shortened to %d-%d s' % (RETRY_BASE, RETRY_MAX) if shortened else 'as shipped'}",
              flush=True)
        assert rounds >= CRASH_ROUNDS or result == "start-limit-hit", \
            f"the start limits were not reached in {kills} kills"
        started = time.monotonic()
        try:
            wait_for(self.active_pid, RECOVERY_BOUND, "the kiosk active again after the crashes", 3)
            self.wait_drawn(SCREEN_BOUND, "after-crash-loop")
        except AssertionError:
            state = self.vm.run("systemctl --no-pager list-units --all 'vitrine*'")[1]
            raise AssertionError(f"no kiosk {RECOVERY_BOUND} s after the last crash:\n{state}")
        print(f"  back {time.monotonic() - started:.0f} s after the last crash", flush=True)

    def check_power_cut(self, path, new_version):
        old = self.shown_version()
        cursor = self.cursor()
        self.vm.plug_stick(path, "stick-cut")
        wait_for(lambda: "importing from" in self.journal(cursor, "vitrine-usb@*"),
                 IMPORT_BOUND, "the import to start", 0.5)
        self.vm.power_cut()
        print(f"  power cut during the import (pack version {old} shown before)", flush=True)
        self.boot(fresh=False, tablet=True)
        self.wait_drawn(BOOT_BOUND - (time.monotonic() - self.vm.started), "after-power-cut")
        self.record_timings(time.monotonic() - self.vm.started)
        shown = self.shown_version()
        assert shown in (old, new_version), f"shows version {shown}, not {old} or {new_version}"
        print(f"  after the power cut: version {shown}", flush=True)

    def evidence(self, number):
        """Keeps the kiosk's journal and the units' states after failed check number."""
        try:
            out = self.vm.run("systemctl --no-pager list-units --all 'vitrine*'; "
                              "journalctl -b --no-pager -o short-monotonic -n 60 -u 'vitrine*'",
                              60)[1]
        except Exception as error:  # the guest may be what failed
            out = f"no journal: {error}"
        with open(os.path.join(self.artefacts, f"failed-{number}.journal.txt"), "w") as f:
            f.write(out)
        print(f"  (journal kept as failed-{number}.journal.txt)", flush=True)

    # --- the report ------------------------------------------------------------------------------

    def save_console(self):
        if os.path.exists(self.vm.log_path):
            shutil.copy(self.vm.log_path, os.path.join(self.artefacts, "console.log"))

    def print_timings(self):
        for i, (first, ready, chain) in enumerate(self.timings):
            print(f"boot {i + 1}: QEMU start -> first frame {first:.1f} s; "
                  f"READY {ready:.1f} s after kernel start\n{chain}")
