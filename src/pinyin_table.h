/*
** pinyin_table: the reading of every CJK ideograph ICU can read, generated
** from ICU when bangban is built (src/pinyin_gen.c). Entries are sorted by
** code point; readings are offsets of NUL-terminated strings in the pool.
*/
#ifndef BANGBAN_PINYIN_TABLE_H
#define BANGBAN_PINYIN_TABLE_H

#include <stddef.h>
#include <stdint.h>

struct pinyin_entry {
    uint32_t cp;
    uint16_t plain;   /* Han-Latin: the common reading */
    uint16_t surname; /* Han-Latin/Names: the reading as the first character of a name */
};

extern const struct pinyin_entry pinyin_entries[];
extern const size_t pinyin_entry_count;
extern const char pinyin_pool[];

#endif
