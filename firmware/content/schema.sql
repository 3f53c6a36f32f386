-- Vitrine content pack schema, version 2 (version 1 had no curated layer).
--
-- A pack is one SQLite file built by `vitrine-pack build` from content/ and read, read-only and
-- as untrusted input, by the kiosk and the importer. The schema is normalised: a document owns
-- its references, people, items (questions, answers, key points, other passages) and footnotes;
-- events and the about texts stand alone. Every human text is stored twice, `_nl` (the Dutch
-- original, word for word from the source, or the curator's Dutch for curator texts) and `_en`
-- (our unofficial English translation). NULL means "the sources do not say" (shown as unknown).
--
-- Text markup inside bodies: paragraphs are separated by one "\n\n"; `*x*` is emphasis;
-- `[^N]` references footnote N of the same document.
--
-- Dates are TEXT in one of three precisions: 'YYYY', 'YYYY-MM', 'YYYY-MM-DD'.
-- The file carries PRAGMA application_id = 0x56545231 ('VTR1') and PRAGMA user_version = 2,
-- journal_mode=DELETE, no triggers and no views.
--
-- This text is compiled into the programs (pack_schema_sql): the builder executes it, and
-- pack_db_open() accepts a pack only when its sqlite_schema holds exactly these statements. The
-- CHECK constraints below document the rules, but a pack is untrusted input and a crafted file
-- can hold rows that break them; and PRAGMA integrity_check on a read-only connection checks
-- NOT NULL and STRICT types but does not re-evaluate CHECK constraints (SQLite 3.40). So
-- pack_check.c verifies every rule again when reading. Changing anything here is a new schema
-- version: raise user_version and VT_PACK_SCHEMA_VERSION together.
-- content/SCHEMA.md describes the tables for curators and kiosk developers.
-- pack.version is held to 1..2147483647 (VT_PACK_VERSION_MAX: the kiosk keeps it in an int) and
-- pack.built to a real calendar day by pack_check.c; the CHECKs below are looser and stay as
-- they are, since changing them would be a new schema version.

CREATE TABLE pack (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  version   INTEGER NOT NULL CHECK (version > 0),
  built     TEXT CHECK (built IS NULL OR built GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  title_nl  TEXT NOT NULL,
  title_en  TEXT NOT NULL,
  subtitle_nl TEXT,
  subtitle_en TEXT
) STRICT;

CREATE TABLE document (
  id          TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9-]*'),
  seq         INTEGER NOT NULL UNIQUE CHECK (seq > 0), -- display order, by first known date
  kind        TEXT NOT NULL CHECK (kind IN ('questions', 'memo')),
  status      TEXT NOT NULL CHECK (status IN ('answered', 'awaiting', 'memo')),
  source_file TEXT NOT NULL CHECK (length(source_file) > 0), -- file name in content/sources/
  title_nl    TEXT NOT NULL,
  title_en    TEXT NOT NULL,
  submitted   TEXT CHECK (submitted IS NULL OR length(submitted) IN (4, 7, 10)), -- NULL: unknown
  answered    TEXT CHECK (answered IS NULL OR length(answered) IN (4, 7, 10)),
                                                -- NULL: unknown, or none when status='awaiting'
                                                -- a memo's own date is `submitted`
  addressee_nl TEXT,
  addressee_en TEXT,
  summary_nl  TEXT,                             -- curator's text
  summary_en  TEXT,
  CHECK ((addressee_nl IS NULL) = (addressee_en IS NULL)),
  CHECK ((summary_nl IS NULL) = (summary_en IS NULL)),
  CHECK (status <> 'awaiting' OR answered IS NULL),
  CHECK ((kind = 'memo') = (status = 'memo'))
) STRICT;

CREATE TABLE reference (
  doc_id TEXT NOT NULL REFERENCES document(id),
  seq    INTEGER NOT NULL CHECK (seq > 0),       -- order as the source lists them
  ref    TEXT NOT NULL CHECK (length(ref) > 0),
  PRIMARY KEY (doc_id, seq)
) STRICT;

CREATE TABLE person (
  doc_id      TEXT NOT NULL REFERENCES document(id),
  role        TEXT NOT NULL CHECK (role IN ('asker', 'answerer', 'author')),
  seq         INTEGER NOT NULL CHECK (seq > 0), -- order within the role, as in the source
  name        TEXT CHECK (name IS NULL OR length(name) > 0), -- NULL: the source does not name
                                                -- them (e.g. a memo's author, shown as unknown)
  party       TEXT,                             -- NULL: unknown or not applicable
  function_nl TEXT,
  function_en TEXT,
  CHECK ((function_nl IS NULL) = (function_en IS NULL)),
  PRIMARY KEY (doc_id, role, seq)
) STRICT;

CREATE TABLE item (
  doc_id     TEXT NOT NULL REFERENCES document(id),
  seq        INTEGER NOT NULL CHECK (seq > 0),  -- order within the document, 1..n without gaps
  kind       TEXT NOT NULL CHECK (kind IN ('text', 'question', 'answer', 'point')),
  number     INTEGER CHECK (number IS NULL OR number > 0),
                                                -- question/point/text number, 1..n per kind;
                                                -- NULL for answers (see answer_cover)
  heading_nl TEXT,
  heading_en TEXT,
  body_nl    TEXT NOT NULL CHECK (length(body_nl) > 0),
  body_en    TEXT NOT NULL CHECK (length(body_en) > 0),
  CHECK ((heading_nl IS NULL) = (heading_en IS NULL)),
  CHECK ((kind = 'answer') = (number IS NULL)),
  PRIMARY KEY (doc_id, seq)
) STRICT;

-- Which questions an answer covers ("Antwoord op vragen 2 en 3" covers 2 and 3).
CREATE TABLE answer_cover (
  doc_id     TEXT NOT NULL,
  answer_seq INTEGER NOT NULL,
  question   INTEGER NOT NULL CHECK (question > 0), -- item.number of a question of doc_id
  PRIMARY KEY (doc_id, question),               -- a question is answered at most once
  FOREIGN KEY (doc_id, answer_seq) REFERENCES item(doc_id, seq)
) STRICT;

CREATE TABLE footnote (
  doc_id   TEXT NOT NULL,
  number   INTEGER NOT NULL CHECK (number > 0), -- as the source numbers it (may start above 1)
  item_seq INTEGER NOT NULL,                    -- the item that references it as [^number]
  body_nl  TEXT NOT NULL CHECK (length(body_nl) > 0),
  body_en  TEXT NOT NULL CHECK (length(body_en) > 0),
  url      TEXT CHECK (url IS NULL OR length(url) > 0), -- only when the source gives one
  link     TEXT CHECK ((link IS NULL) = (url IS NULL)), -- the address that opens: url, or the
                                                -- curator's mend of a url that does not
  PRIMARY KEY (doc_id, number),
  FOREIGN KEY (doc_id, item_seq) REFERENCES item(doc_id, seq)
) STRICT;

CREATE TABLE event (
  id        TEXT PRIMARY KEY,
  date      TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]*'),
                                                -- kind 'submitted'/'answered'/'memo': added by the
                                                -- builder from the document's own dates
  precision TEXT NOT NULL CHECK (precision IN ('year', 'month', 'day')),
  kind      TEXT NOT NULL CHECK (kind IN ('event', 'submitted', 'answered', 'memo')),
  title_nl  TEXT NOT NULL,
  title_en  TEXT NOT NULL,
  body_nl   TEXT,                               -- curator's description
  body_en   TEXT,
  doc_id    TEXT NOT NULL REFERENCES document(id),
  item_seq  INTEGER,                            -- NULL: the document as a whole
  quote     TEXT CHECK (quote IS NULL OR length(quote) > 0),
                                                -- words of the item's body_nl (or of one of its
                                                -- footnotes; of title_nl when item_seq is NULL)
                                                -- that state it, markup ([^N], *) left out
  CHECK ((body_nl IS NULL) = (body_en IS NULL)),
  CHECK (precision = CASE length(date) WHEN 4 THEN 'year' WHEN 7 THEN 'month'
                                       WHEN 10 THEN 'day' END),
  CHECK (kind = 'event' OR (item_seq IS NULL AND quote IS NULL)),
  CHECK (kind <> 'event' OR quote IS NOT NULL),
  FOREIGN KEY (doc_id, item_seq) REFERENCES item(doc_id, seq)
) STRICT;

CREATE TABLE about (
  seq        INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,              -- the name after [intro ...] in about.txt
  heading_nl TEXT NOT NULL,
  heading_en TEXT NOT NULL,
  body_nl    TEXT NOT NULL,
  body_en    TEXT NOT NULL
) STRICT;

-- The curated layer (optional per document; content/ has it for every one): the curator's
-- headline and context, shown marked as the curator's.
CREATE TABLE curated (
  doc_id      TEXT PRIMARY KEY REFERENCES document(id),
  headline_nl TEXT NOT NULL,                    -- at most 10 words (VT_PACK_HEADLINE_MAX_WORDS)
  headline_en TEXT NOT NULL,
  context_nl  TEXT NOT NULL,                    -- 35 to 75 words
  context_en  TEXT NOT NULL
) STRICT;

-- Verbatim spans of a curated document: key sentences the story highlights, hooks the attract
-- loop shows. quote_nl is words of the cited Dutch text, quote_en of its English translation
-- (markup left out, as event.quote); the validator checks both.
CREATE TABLE highlight (
  doc_id         TEXT NOT NULL REFERENCES curated(doc_id),
  kind           TEXT NOT NULL CHECK (kind IN ('key', 'hook')),
  seq            INTEGER NOT NULL CHECK (seq > 0), -- 1..n per document and kind
  item_seq       INTEGER NOT NULL,              -- the cited item
  footnote       INTEGER,                       -- the footnote of that item quoted; NULL: its body
  quote_nl       TEXT NOT NULL CHECK (length(quote_nl) > 0),
  quote_en       TEXT NOT NULL CHECK (length(quote_en) > 0),
  attribution_nl TEXT,                          -- the curator's, where the kiosk cannot compose
  attribution_en TEXT,                          -- who said it from the document (NULL: compose)
  CHECK ((attribution_nl IS NULL) = (attribution_en IS NULL)),
  PRIMARY KEY (doc_id, kind, seq),
  FOREIGN KEY (doc_id, item_seq) REFERENCES item(doc_id, seq),
  FOREIGN KEY (doc_id, footnote) REFERENCES footnote(doc_id, number)
) STRICT;

-- Answers that invoke confidentiality (the timeline's "confidentiality invoked" badge), each
-- marked by the curator with the source's own words (`confidential:` in a document file). Since
-- schema version 2.
CREATE TABLE confidential (
  doc_id   TEXT NOT NULL,
  item_seq INTEGER NOT NULL,                    -- an answer of doc_id
  quote    TEXT NOT NULL CHECK (length(quote) > 0),
                                                -- words of that answer's body_nl, markup
                                                -- ([^N], *) left out, as event.quote
  PRIMARY KEY (doc_id, item_seq),
  FOREIGN KEY (doc_id, item_seq) REFERENCES item(doc_id, seq)
) STRICT;
