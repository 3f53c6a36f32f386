#!/usr/bin/env python3
"""The curated layer of the real content (issue 12, section 1), in the pack it builds
(ctest label: content).

vitrine-pack checks each key sentence and hook against its item (file:line) and the validator
checks the pack again; this test checks what only the real content must satisfy:

1. Every document has a curated layer: a headline and a context in both languages, one to three
   key sentences, two or three hooks (the exhibit's attract loop and stories need them all).
2. Every quote is also verbatim in the primary source file itself (content/sources/), compared
   as test_fidelity.py compares paragraphs, so a curated span can never come from a mistake of
   the transcription.
3. The curator's texts in it (headline, context, attribution) state no one's gender
   (test_curator.py's rule), and a curator's attribution is given in both languages.

usage: test_curated.py VITRINE_PACK CONTENT_DIR
"""
import os
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_curator import gendered  # noqa: E402
from test_fidelity import plain_body, plain_source  # noqa: E402


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    tool, content = sys.argv[1], sys.argv[2]
    fails = []
    with tempfile.TemporaryDirectory() as tmp:
        pack = os.path.join(tmp, "c.vpack")
        r = subprocess.run([tool, "build", content, "-o", pack, "--date", "2026-01-01"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            print("FAIL: the real content does not build:\n" + r.stderr)
            return 1
        db = sqlite3.connect("file:%s?mode=ro" % pack, uri=True)
        docs = db.execute("SELECT id, source_file FROM document ORDER BY seq").fetchall()
        nquotes = 0
        for doc, source in docs:
            src = plain_source(open(os.path.join(content, "sources", source),
                                    encoding="utf-8").read())
            cur = db.execute("SELECT headline_nl, headline_en, context_nl, context_en FROM curated "
                             "WHERE doc_id = ?", (doc,)).fetchone()
            if not cur:
                fails.append("%s: no curated layer" % doc)
                continue
            for lang, text in zip(("nl", "en", "nl", "en"), cur):
                if gendered(lang, text):
                    fails.append("%s: curated text states a gender: %s" % (doc, gendered(lang, text)))
            for kind, lo, hi in (("key", 1, 3), ("hook", 2, 3)):
                n = db.execute("SELECT count(*) FROM highlight WHERE doc_id = ? AND kind = ?",
                               (doc, kind)).fetchone()[0]
                if not lo <= n <= hi:
                    fails.append("%s: %d %s, want %d-%d" % (doc, n, kind, lo, hi))
            for kind, seq, quote, an, ae in db.execute(
                    "SELECT kind, seq, quote_nl, attribution_nl, attribution_en FROM highlight "
                    "WHERE doc_id = ? ORDER BY kind, seq", (doc,)):
                nquotes += 1
                if plain_body(quote) not in src:
                    fails.append("%s %s %d: quote is not verbatim in %s: %s"
                                 % (doc, kind, seq, source, quote))
                for lang, t in (("nl", an), ("en", ae)):
                    if t and gendered(lang, t):
                        fails.append("%s %s %d: attribution states a gender" % (doc, kind, seq))
        db.close()
    for f in fails:
        print("FAIL: " + f)
    print("test_curated: %d documents, %d quotes, %d failures" % (len(docs), nquotes, len(fails)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
