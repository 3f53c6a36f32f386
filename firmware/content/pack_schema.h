/*
 * pack_schema: the identity of a content pack file. The schema text itself lives in schema.sql
 * and is compiled into every program that builds or reads packs (see embed_sql.cmake), so the
 * builder and the readers can never disagree about it: the builder executes it, and
 * pack_db_open() compares a pack's sqlite_schema with what the same text produces.
 */
#ifndef VT_PACK_SCHEMA_H
#define VT_PACK_SCHEMA_H

/* PRAGMA application_id of every pack: 'VTR1'. */
#define VT_PACK_APPLICATION_ID 0x56545231
/* PRAGMA user_version: the schema version this build writes and reads. */
#define VT_PACK_SCHEMA_VERSION 2
/* The range of pack.version every program enforces (builder, validator, importer, kiosk): the
 * kiosk holds it in an int, so a larger signed version must not install and then show as
 * another number. The validator checks it, since the schema's CHECK only says > 0. */
#define VT_PACK_VERSION_MAX 2147483647
#define VT_PACK_VERSION_MAX_TEXT "2147483647"
/* Most questions one answer may cover: the source parser refuses more (file:line), the
 * validator refuses a pack with more, and the kiosk reads as many as a valid pack holds. */
#define VT_PACK_MAX_COVERS 64
#define VT_PACK_MAX_COVERS_TEXT "64"
/* Page size the builder writes; readers accept any valid SQLite page size. */
#define VT_PACK_PAGE_SIZE 4096
/* Largest pack file the readers accept. The real content is well under 1 MiB. */
#define VT_PACK_MAX_BYTES (64L * 1024 * 1024)

/* The schema's closed vocabularies (pack_vocab.c), in the order of the enums of content.h:
 * item.kind (VtItemKind), document.status (VtStatus), event.kind (VtEventKind),
 * event.precision (VtPrecision). schema.sql's CHECK constraints list the same words. */
#define VT_PACK_ITEM_KINDS 4
#define VT_PACK_DOC_STATUSES 3
#define VT_PACK_EVENT_KINDS 4
#define VT_PACK_PRECISIONS 3
extern const char *const pack_item_kinds[VT_PACK_ITEM_KINDS];
extern const char *const pack_doc_statuses[VT_PACK_DOC_STATUSES];
extern const char *const pack_event_kinds[VT_PACK_EVENT_KINDS];
extern const char *const pack_precisions[VT_PACK_PRECISIONS];

/* Returns the index of word in words[0..n), or -1 when it is not one of them (or NULL). */
int pack_vocab_find(const char *const *words, int n, const char *word);

/* The whole of schema.sql, NUL-terminated; static storage. */
extern const char pack_schema_sql[];

#endif
