#!/usr/bin/env python3
"""Fidelity of the content pack to the five primary sources (ctest label: content).

Builds the repository's content/ into a pack with vitrine-pack, validates it (vitrine-pack
check), and then compares it with content/sources/*.txt, the unchanged extractions the exhibit
is transcribed from:

1. Counts. For each document, the number of questions, answers and key points in the pack equals
   what its source contains, counted by the pattern that source uses (see COUNTERS below; each
   counter says why it counts the way it does). Where the source says which questions an answer
   covers, the pack's grouping must match too.
2. Words. Every paragraph of every item body (question, answer, key point, other passage) and
   every footnote in Dutch occurs verbatim in the source, after removing the markup the format
   adds ([^N] footnote markers, * emphasis), the footnote syntax the extraction carries
   ([footnoteRef:N], superscript digits) and * (the extraction's markdown emphasis and bold), and
   collapsing white space. The same holds for the document title, each reference number, each
   footnote URL, and the dates: a known submission or answer date must appear in the source
   written out in Dutch ("11 juli 2025").
3. Whole. The Dutch title is the source's whole title: it starts a line of the source and runs
   to the end of that line, or up to the " (ingezonden ...)" that follows it there (so a lost
   final full stop is caught). Every signature the source carries (a line such as
   "De Minister van Justitie en Veiligheid," or "DE STAATSSECRETARIS VAN DEFENSIE", with the
   name on the next line, if any) is kept: its lines are consecutive paragraphs of one item.

usage: test_fidelity.py VITRINE_PACK CONTENT_DIR
Reads CONTENT_DIR/sources/ only; never anything outside the repository.
"""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"


def lines(text):
    return [l.rstrip() for l in text.splitlines()]


def count_numbered_dot(text):
    """003 (Van Houwelingen): questions are numbered "1. ", "2. " at the start of a line, and
    the answer follows its question directly, without a heading. A question followed (after
    blank lines) by the next question has no answer of its own: the source answers question 2
    together with question 3, so that answer covers both."""
    ls = lines(text)
    qs = [i for i, l in enumerate(ls) if re.match(r"^\d+\. ", l)]
    questions = len(qs)
    covers, pending = [], []
    for k, i in enumerate(qs):
        number = int(ls[i].split(".")[0])
        pending.append(number)
        end = qs[k + 1] if k + 1 < len(qs) else len(ls)
        if any(l.strip() for l in ls[i + 1:end]):
            covers.append(tuple(pending))
            pending = []
    return questions, covers, 0


def count_vraag_antwoord(text):
    """004 (Van Vroonhoven) and 001 (Jagtenberg): each question is headed "Vraag N" on a line of
    its own (in 004 once preceded by a [bookmark: ...] artifact) and each answer "Antwoord op
    vraag N" or, for a grouped answer, "Antwoord op vragen 2 en 3". The heading names the
    questions the answer covers."""
    questions, covers = 0, []
    for l in lines(re.sub(r"\[bookmark: [^\]]*\]", "", text)):
        if re.fullmatch(r"Vraag \d+", l.strip()):
            questions += 1
        m = re.fullmatch(r"Antwoord op vra(?:ag|gen) (.+)", l.strip())
        if m:
            covers.append(tuple(int(n) for n in re.findall(r"\d+", m.group(1))))
    return questions, covers, 0


def count_kernpunten(text):
    """002 (the memo): no questions or answers; its key points are the "- " bullets under the
    heading "## Kernpunten", up to the next line that is not a bullet or blank (the repeated
    page header "**Datum**" or the next heading)."""
    ls = lines(text)
    start = ls.index("## Kernpunten")
    points = 0
    for l in ls[start + 1:]:
        if l.startswith("- "):
            points += 1
        elif l.strip():
            break
    return 0, [], points


def count_dassen(text):
    """000 (Dassen): the questions are not numbered. After the paragraph "Vragen van het lid
    Dassen ..." every non-empty paragraph up to the footnote "1) NRC, ..." is one question
    (the source has one question per paragraph, twelve in all, the last asking whether they can
    be answered separately). The source contains no answers."""
    ls = lines(text)
    start = next(i for i, l in enumerate(ls) if l.startswith("Vragen van het lid"))
    end = next(i for i, l in enumerate(ls) if l.startswith("1) "))
    return sum(1 for l in ls[start + 1:end] if l.strip()), [], 0


COUNTERS = {
    "000_5c597f463c1e1ce0.txt": count_dassen,
    "001_f5f982e582a0f99b.txt": count_vraag_antwoord,
    "002_c878f5143a161b41.txt": count_kernpunten,
    "003_3f3b4cd169632d5e.txt": count_numbered_dot,
    "004_bf2697cca69f3509.txt": count_vraag_antwoord,
}


def plain_source(text):
    text = re.sub(r"\[footnoteRef:\d+\]", "", text)
    text = re.sub("[" + SUPERSCRIPTS + "]", "", text)
    return " ".join(text.replace("*", "").split())


def plain_body(text):
    return " ".join(re.sub(r"\[\^\d+\]", "", text).replace("*", "").split())


def dutch_date(date):
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return "%d %s %d" % (parts[2], MONTHS[parts[1] - 1], parts[0])
    if len(parts) == 2:
        return "%s %d" % (MONTHS[parts[1] - 1], parts[0])
    return str(parts[0])


class Report:
    def __init__(self):
        self.failures = 0

    def check(self, ok, what):
        if not ok:
            self.failures += 1
            print("FAIL: " + what)


def check_counts(db, report, doc_id, source_file, text):
    counter = COUNTERS.get(source_file)
    if not counter:
        report.check(False, "%s: no counting rule for source %s" % (doc_id, source_file))
        return
    questions, covers, points = counter(text)

    def count(kind):
        return db.execute("SELECT count(*) FROM item WHERE doc_id = ? AND kind = ?",
                          (doc_id, kind)).fetchone()[0]

    report.check(count("question") == questions, "%s: %d questions, the source has %d"
                 % (doc_id, count("question"), questions))
    report.check(count("answer") == len(covers), "%s: %d answers, the source has %d"
                 % (doc_id, count("answer"), len(covers)))
    report.check(count("point") == points, "%s: %d key points, the source has %d"
                 % (doc_id, count("point"), points))
    groups = {}
    for seq, q in db.execute("SELECT answer_seq, question FROM answer_cover WHERE doc_id = ? "
                             "ORDER BY answer_seq, question", (doc_id,)):
        groups.setdefault(seq, []).append(q)
    got = sorted(tuple(g) for g in groups.values())
    report.check(got == sorted(covers), "%s: answers cover %s, the source groups them as %s"
                 % (doc_id, got, sorted(covers)))


def check_words(db, report, doc_id, text):
    source = plain_source(text)
    rows = [("%s %s" % (kind, number if number else "(item %d)" % seq), body)
            for seq, kind, number, body in db.execute(
                "SELECT seq, kind, number, body_nl FROM item WHERE doc_id = ?", (doc_id,))]
    rows += [("footnote %d" % n, body) for n, body in db.execute(
        "SELECT number, body_nl FROM footnote WHERE doc_id = ?", (doc_id,))]
    for label, body in rows:
        for paragraph in body.split("\n\n"):
            p = plain_body(paragraph)
            report.check(p in source, "%s, %s: paragraph not in the source: %s"
                         % (doc_id, label, p[:120]))
    title, submitted, answered = db.execute(
        "SELECT title_nl, submitted, answered FROM document WHERE id = ?", (doc_id,)).fetchone()
    report.check(plain_body(title) in source, "%s: title not in the source" % doc_id)
    for (ref,) in db.execute("SELECT ref FROM reference WHERE doc_id = ?", (doc_id,)):
        report.check(ref in source, "%s: reference %s not in the source" % (doc_id, ref))
    for (url,) in db.execute("SELECT url FROM footnote WHERE doc_id = ? AND url IS NOT NULL",
                             (doc_id,)):
        report.check(url in text, "%s: footnote URL not in the source: %s" % (doc_id, url))
    for name, date in (("submitted", submitted), ("answered", answered)):
        if date:
            report.check(dutch_date(date) in source, "%s: %s date %s (%s) not in the source"
                         % (doc_id, name, date, dutch_date(date)))


SIGNATURE = re.compile(r"^(De|DE) (Minister|MINISTER|Staatssecretaris|STAATSSECRETARIS|CHIEF "
                       r"INFORMATION OFFICER)\b")


def signatures(text):
    """The signature blocks of a source: [(function line, name line or None)]. A function line
    starts with "De Minister", "DE STAATSSECRETARIS", ... and either ends with a comma or is in
    capitals; the name is the next non-empty line when it is short and not another signature."""
    ls = [" ".join(l.replace("*", "").split()) for l in text.splitlines()]
    found = []
    for i, l in enumerate(ls):
        if not SIGNATURE.match(l) or not (l.endswith(",") or l == l.upper()) or len(l) > 80:
            continue
        rest = [x for x in ls[i + 1:] if x]
        name = rest[0] if rest and len(rest[0]) < 40 and not SIGNATURE.match(rest[0]) else None
        found.append((l, name))
    return found


def check_whole(db, report, doc_id, text):
    title = plain_body(db.execute("SELECT title_nl FROM document WHERE id = ?",
                                  (doc_id,)).fetchone()[0])
    ok = False
    for l in text.splitlines():
        l = " ".join(l.replace("*", "").split())
        if l.startswith(title):
            rest = l[len(title):]
            ok = ok or rest == "" or re.fullmatch(r" \(ingezonden [^)]*\)", rest) is not None
    report.check(ok, "%s: the title is not the source's whole title line: %s" % (doc_id, title))
    bodies = [[plain_body(p) for p in body.split("\n\n")] for (body,) in db.execute(
        "SELECT body_nl FROM item WHERE doc_id = ?", (doc_id,))]
    for function, name in signatures(text):
        want = [function] + ([name] if name else [])
        kept = any(ps[i:i + len(want)] == want for ps in bodies for i in range(len(ps)))
        report.check(kept, "%s: the signature %s is not kept" % (doc_id, " / ".join(want)))


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    tool, content = sys.argv[1], sys.argv[2]
    report = Report()
    with tempfile.TemporaryDirectory() as tmp:
        pack = os.path.join(tmp, "content.vpack")
        build = subprocess.run([tool, "build", content, "-o", pack], capture_output=True,
                               text=True)
        if build.returncode != 0:
            print("FAIL: the real content does not build:\n" + build.stderr)
            return 1
        check = subprocess.run([tool, "check", pack], capture_output=True, text=True)
        report.check(check.returncode == 0, "the built pack fails its check: " + check.stderr)
        db = sqlite3.connect("file:%s?mode=ro" % pack, uri=True)
        docs = db.execute("SELECT id, source_file FROM document ORDER BY seq").fetchall()
        report.check(sorted(s for _, s in docs) == sorted(COUNTERS),
                     "the documents do not transcribe exactly the five sources: %s" % docs)
        for doc_id, source_file in docs:
            with open(os.path.join(content, "sources", source_file), encoding="utf-8") as f:
                text = f.read()
            check_counts(db, report, doc_id, source_file, text)
            check_words(db, report, doc_id, text)
            check_whole(db, report, doc_id, text)
        db.close()
    print("test_fidelity: %d documents, %d failures" % (len(docs), report.failures))
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
