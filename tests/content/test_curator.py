#!/usr/bin/env python3
"""The curator's own texts in the content pack (ctest label: content).

The sources name people but never state anyone's gender, so the curator's texts must not either
(issue 12). Curator's texts are the fields the curator writes, in both languages: the documents'
summaries, the headings of passages, the timeline events' titles and descriptions, the exhibit's
title and subtitle and the About introductions. (The translations of the sources' own texts are
not checked here: "hem/haar/hen" in a source is translated as it stands.)

- English: none of he, she, his, her, hers, him, himself, herself.
- Dutch: none of hij, hem, zij, ze, haar, hijzelf, zijzelf (the curator's Dutch avoids "zij",
  "ze" and "haar" even for a plural or an organisation, so that no reader can take them for a
  person), and no possessive "zijn": "zijn" after a preposition ("op zijn vragen") or before a
  noun of the parliamentary vocabulary ("zijn vragen", "zijn antwoord"). The verb "zijn" is fine,
  except right before such a noun ("tijdens dit overleg zijn moties ingediend" is flagged too):
  rephrase it, the reader may stumble on it as well.

usage: test_curator.py VITRINE_PACK CONTENT_DIR
"""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

EN = re.compile(r"\b(he|she|his|her|hers|him|himself|herself)\b", re.I)
NL = re.compile(r"\b(hij|hem|zij|ze|haar|hijzelf|zijzelf)\b", re.I)
PREPOSITIONS = ("aan bij door in met na naar namens om op over tot uit van volgens voor zonder "
                "tegen tijdens").split()
NOUNS = ("vraag vragen antwoord antwoorden brief brieven partij fractie ministerie collega "
         "collega's functie naam beantwoording toezegging motie moties opvolger voorganger "
         "departement kabinet woorden mening standpunt verzoek").split()
NL_ZIJN = re.compile(r"\b(?:(?:%s)\s+zijn|zijn\s+(?:eigen\s+)?(?:%s))\b"
                     % ("|".join(PREPOSITIONS), "|".join(re.escape(n) for n in NOUNS)), re.I)

FIELDS = [
    ("document", "id", ["summary"]),
    ("item", "doc_id || ' item ' || seq", ["heading"]),
    ("event", "id", ["title", "body"]),
    ("about", "id", ["heading", "body"]),
    ("pack", "'exhibit'", ["title", "subtitle"]),
]


def curator_texts(db):
    """Yields (where, language, text) for every curator's text in the pack."""
    for table, key, cols in FIELDS:
        names = ", ".join("%s_nl, %s_en" % (c, c) for c in cols)
        for row in db.execute("SELECT %s, %s FROM %s" % (key, names, table)):
            for k, col in enumerate(cols):
                for lang, text in (("nl", row[1 + 2 * k]), ("en", row[2 + 2 * k])):
                    if text:
                        yield "%s %s %s_%s" % (table, row[0], col, lang), lang, text


def gendered(lang, text):
    """The gendered words in text, [] when there are none."""
    if lang == "en":
        return [m.group(0) for m in EN.finditer(text)]
    return [m.group(0) for m in NL.finditer(text)] + [m.group(0) for m in NL_ZIJN.finditer(text)]


def self_test():
    """The rules must be able to fail: the phrasings issue 12 found, and verbs that must pass."""
    bad = [("nl", "Een antwoord op zijn vragen staat niet in de bronnen."),
           ("nl", "Hij meldt verder dat"), ("nl", "de krijgsmacht haar gebruikt"),
           ("en", "The sources contain no answer to his questions."),
           ("en", "He further states that"), ("en", "the members of government she addresses")]
    good = [("nl", "De financiële details zijn vertrouwelijk."),
            ("nl", "Wat zijn Kamervragen?"), ("en", "the askers write that they")]
    return [t for l, t in bad if not gendered(l, t)] + [t for l, t in good if gendered(l, t)]


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    tool, content = sys.argv[1], sys.argv[2]
    failures = ["the gender rule misjudges: %s" % t for t in self_test()]
    with tempfile.TemporaryDirectory() as tmp:
        pack = os.path.join(tmp, "content.vpack")
        build = subprocess.run([tool, "build", content, "-o", pack], capture_output=True,
                               text=True)
        if build.returncode != 0:
            print("FAIL: the real content does not build:\n" + build.stderr)
            return 1
        db = sqlite3.connect("file:%s?mode=ro" % pack, uri=True)
        n = 0
        for where, lang, text in curator_texts(db):
            n += 1
            words = gendered(lang, text)
            if words:
                failures.append("%s states a gender (%s): %s" % (where, ", ".join(words),
                                                                  text[:100]))
        db.close()
    for f in failures:
        print("FAIL: " + f)
    print("test_curator: %d curator's texts, %d failures" % (n, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
