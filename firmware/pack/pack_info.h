/*
 * pack_info: the summary `vitrine-pack info` prints about a pack: version, build date, title,
 * how many documents, questions, answers, key points, footnotes and events it holds, and its
 * languages. Staff use it to see which pack a stick carries before importing it.
 */
#ifndef VT_PACK_INFO_H
#define VT_PACK_INFO_H

#include <stddef.h>
#include <stdio.h>

/* Opens the pack with pack_db_open() and prints the summary to out, one "key: value" a line.
 * Returns 0, or -1 with a one-line reason in err when the pack cannot be opened or read. */
int pack_info_print(const char *path, FILE *out, char *err, size_t errlen);

#endif
