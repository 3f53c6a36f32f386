#!/usr/bin/env python3
"""The drafted curated layer (issue 12, section 1), while the builder does not read it yet
(ctest label: content).

Each documents/*.txt ends with the draft as comment lines starting with "#| " (format:
content/README.md, "Planned: the curated layer"). Until vitrine-pack reads it, this test does
what the builder will have to do, so the drafts cannot drift from the sources:

1. The drafts are invisible to the current parser: a pack built from content/ and one built from
   a copy without the "#|" lines are byte-identical.
2. Every [key N] and [hook N] names an item of its document ("question 3", "answer 3" (the
   answer covering question 3), "answer 2 3", "point 6", "text 1", "footnote 1"); its `quote` is
   a verbatim span of that item's Dutch text (compared as the timeline's quotes are: without
   [^N] markers and *, white space collapsed) and of the source file itself; its `en` is a span
   of the item's English translation, so the kiosk's highlight matches in both languages.
3. Sizes: one headline per language of at most 10 words; a context of 35-75 words per language;
   one to three keys; two or three hooks of at most 32 words; both languages everywhere.
4. The curator's texts in it (headline, context, attribution) state no one's gender
   (test_curator.py's rule).

usage: test_curated_drafts.py VITRINE_PACK CONTENT_DIR
"""
import glob
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_curator import gendered  # noqa: E402
from test_fidelity import plain_body, plain_source  # noqa: E402


def parse_draft(path):
    """[(section, line, {key: value})] from the "#| " lines of a document file."""
    sections, cur, block = [], None, None
    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        if not raw.startswith("#|"):
            continue
        line = raw[3:].rstrip("\n") if raw.startswith("#| ") else ""
        if line.startswith("["):
            cur = (line.strip("[]"), n, {})
            sections.append(cur)
            block = None
        elif line.startswith("  ") and block:
            cur[2][block] = (cur[2][block] + " " + line.strip()).strip()
        elif ":" in line and cur:
            key, value = line.split(":", 1)
            cur[2][key] = value.strip()
            block = key if not value.strip() else None
    return sections


def resolve(db, doc, ref):
    """(body_nl, body_en) of the item ref names, or None."""
    parts = ref.split()
    kind, nums = parts[0], [int(x) for x in parts[1:]]
    if kind == "footnote" and len(nums) == 1:
        return db.execute("SELECT body_nl, body_en FROM footnote WHERE doc_id = ? AND number = ?",
                          (doc, nums[0])).fetchone()
    if kind == "answer" and nums:
        seqs = {s for (s,) in db.execute(
            "SELECT answer_seq FROM answer_cover WHERE doc_id = ? AND question IN (%s)"
            % ",".join("?" * len(nums)), (doc, *nums))}
        if len(seqs) != 1:
            return None
        return db.execute("SELECT body_nl, body_en FROM item WHERE doc_id = ? AND seq = ?",
                          (doc, seqs.pop())).fetchone()
    if kind in ("question", "point", "text") and len(nums) == 1:
        return db.execute("SELECT body_nl, body_en FROM item WHERE doc_id = ? AND kind = ? AND "
                          "number = ?", (doc, kind, nums[0])).fetchone()
    return None


def words(s):
    return len(s.split())


def build(tool, content, out):
    r = subprocess.run([tool, "build", content, "-o", out, "--date", "2026-01-01"],
                       capture_output=True, text=True)
    return r.returncode == 0, r.stderr


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    tool, content = sys.argv[1], sys.argv[2]
    fails = []
    with tempfile.TemporaryDirectory() as tmp:
        a, b = os.path.join(tmp, "a.vpack"), os.path.join(tmp, "b.vpack")
        ok, err = build(tool, content, a)
        if not ok:
            print("FAIL: the real content does not build:\n" + err)
            return 1
        bare = os.path.join(tmp, "content")
        shutil.copytree(content, bare)
        for f in glob.glob(os.path.join(bare, "documents", "*.txt")):
            kept = [l for l in open(f, encoding="utf-8") if not l.startswith("#|")]
            open(f, "w", encoding="utf-8").writelines(kept)
        ok, err = build(tool, bare, b)
        if not ok or open(a, "rb").read() != open(b, "rb").read():
            fails.append("the drafts change the pack the current parser builds " + err)
        db = sqlite3.connect("file:%s?mode=ro" % a, uri=True)
        ndocs = nspans = 0
        for path in sorted(glob.glob(os.path.join(content, "documents", "*.txt"))):
            name = os.path.relpath(path, os.path.dirname(content))
            doc, source = db.execute("SELECT id, source_file FROM document WHERE id = ?",
                                     (os.path.basename(path)[:-4],)).fetchone()
            src = plain_source(open(os.path.join(content, "sources", source),
                                    encoding="utf-8").read())
            sections = parse_draft(path)
            if not sections:
                fails.append("%s: no curated draft" % name)
                continue
            ndocs += 1
            kinds = [s.split()[0] for s, _, _ in sections]
            for kind, lo, hi in (("curated", 1, 1), ("key", 1, 3), ("hook", 2, 3)):
                if not lo <= kinds.count(kind) <= hi:
                    fails.append("%s: %d [%s] sections, want %d-%d" % (name, kinds.count(kind),
                                                                       kind, lo, hi))
            for sec, line, f in sections:
                where = "%s:%d: [%s]" % (name, line, sec)
                if sec == "curated":
                    for lang in ("nl", "en"):
                        h, c = f.get("headline." + lang, ""), f.get("context." + lang, "")
                        if not 1 <= words(h) <= 10:
                            fails.append("%s headline.%s has %d words" % (where, lang, words(h)))
                        if not 35 <= words(c) <= 75:
                            fails.append("%s context.%s has %d words" % (where, lang, words(c)))
                        for t in (h, c):
                            if gendered(lang, t):
                                fails.append("%s states a gender: %s" % (where, gendered(lang, t)))
                    continue
                nspans += 1
                item = resolve(db, doc, f.get("item", ""))
                if not item:
                    fails.append("%s: no item '%s'" % (where, f.get("item")))
                    continue
                q, en = plain_body(f.get("quote", "")), plain_body(f.get("en", ""))
                if not q or q not in plain_body(item[0]):
                    fails.append("%s: quote is not verbatim in %s: %s" % (where, f["item"], q))
                if q not in src:
                    fails.append("%s: quote is not verbatim in the source: %s" % (where, q))
                if not en or en not in plain_body(item[1]):
                    fails.append("%s: en is not a span of the item's translation: %s"
                                 % (where, en))
                if sec.startswith("hook") and words(q) > 32:
                    fails.append("%s: hook of %d words" % (where, words(q)))
                for lang in ("nl", "en"):
                    t = f.get("attribution." + lang)
                    if t is not None and gendered(lang, t):
                        fails.append("%s attribution states a gender" % where)
                if ("attribution.nl" in f) != ("attribution.en" in f):
                    fails.append("%s: attribution needs both languages" % where)
        db.close()
    for f in fails:
        print("FAIL: " + f)
    print("test_curated_drafts: %d documents, %d quotes, %d failures" % (ndocs, nspans, len(fails)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
