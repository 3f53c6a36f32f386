-- Vitrine content pack schema, version 1.
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
-- The file carries PRAGMA application_id = 0x56545231 ('VTR1') and PRAGMA user_version = 1,
-- journal_mode=DELETE, no triggers and no views.

CREATE TABLE pack (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  version   INTEGER NOT NULL CHECK (version > 0),
  built     TEXT CHECK (built IS NULL OR built GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'),
  title_nl  TEXT NOT NULL,
  title_en  TEXT NOT NULL,
  subtitle_nl TEXT,
  subtitle_en TEXT
) STRICT;

CREATE TABLE document (
  id          TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9-]*'),
  seq         INTEGER NOT NULL UNIQUE,          -- display order, by first known date
  kind        TEXT NOT NULL CHECK (kind IN ('questions', 'memo')),
  status      TEXT NOT NULL CHECK (status IN ('answered', 'awaiting', 'memo')),
  source_file TEXT NOT NULL,
  title_nl    TEXT NOT NULL,
  title_en    TEXT NOT NULL,
  submitted   TEXT,                             -- NULL: unknown
  answered    TEXT,                             -- NULL: unknown, or none when status='awaiting'
  addressee_nl TEXT,
  addressee_en TEXT,
  summary_nl  TEXT,                             -- curator's text
  summary_en  TEXT,
  CHECK ((addressee_nl IS NULL) = (addressee_en IS NULL)),
  CHECK ((summary_nl IS NULL) = (summary_en IS NULL)),
  CHECK (status <> 'awaiting' OR answered IS NULL)
) STRICT;

CREATE TABLE reference (
  doc_id TEXT NOT NULL REFERENCES document(id),
  seq    INTEGER NOT NULL,
  ref    TEXT NOT NULL CHECK (length(ref) > 0),
  PRIMARY KEY (doc_id, seq)
) STRICT;

CREATE TABLE person (
  doc_id      TEXT NOT NULL REFERENCES document(id),
  role        TEXT NOT NULL CHECK (role IN ('asker', 'answerer', 'author')),
  seq         INTEGER NOT NULL,
  name        TEXT NOT NULL,
  party       TEXT,                             -- NULL: unknown or not applicable
  function_nl TEXT,
  function_en TEXT,
  CHECK ((function_nl IS NULL) = (function_en IS NULL)),
  PRIMARY KEY (doc_id, role, seq)
) STRICT;

CREATE TABLE item (
  doc_id     TEXT NOT NULL REFERENCES document(id),
  seq        INTEGER NOT NULL,                  -- order within the document, from 1
  kind       TEXT NOT NULL CHECK (kind IN ('text', 'question', 'answer', 'point')),
  number     INTEGER,                           -- question/point/text number; NULL for answers
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
  question   INTEGER NOT NULL,
  PRIMARY KEY (doc_id, question),
  FOREIGN KEY (doc_id, answer_seq) REFERENCES item(doc_id, seq)
) STRICT;

CREATE TABLE footnote (
  doc_id   TEXT NOT NULL,
  number   INTEGER NOT NULL,
  item_seq INTEGER NOT NULL,                    -- the item that references it
  body_nl  TEXT NOT NULL,
  body_en  TEXT NOT NULL,
  url      TEXT,                                -- only when the source gives one
  PRIMARY KEY (doc_id, number),
  FOREIGN KEY (doc_id, item_seq) REFERENCES item(doc_id, seq)
) STRICT;

CREATE TABLE event (
  id        TEXT PRIMARY KEY,
  date      TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]*'),
  precision TEXT NOT NULL CHECK (precision IN ('year', 'month', 'day')),
  kind      TEXT NOT NULL CHECK (kind IN ('event', 'submitted', 'answered', 'memo')),
  title_nl  TEXT NOT NULL,
  title_en  TEXT NOT NULL,
  body_nl   TEXT,                               -- curator's description
  body_en   TEXT,
  doc_id    TEXT NOT NULL REFERENCES document(id),
  item_seq  INTEGER,                            -- NULL: the document as a whole
  quote     TEXT,                               -- the passage of the item that states it
  CHECK ((body_nl IS NULL) = (body_en IS NULL)),
  FOREIGN KEY (doc_id, item_seq) REFERENCES item(doc_id, seq)
) STRICT;

CREATE TABLE about (
  seq        INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  heading_nl TEXT NOT NULL,
  heading_en TEXT NOT NULL,
  body_nl    TEXT NOT NULL,
  body_en    TEXT NOT NULL
) STRICT;
