/*
** pinyin: search keys and sort order for Chinese names, through ICU.
**
** Each character is transliterated on its own (ICU's whole-string output
** runs syllables together, so it is never split on spaces) and cached per
** code point, so ICU's ~110 ms transliterator start is paid once, lazily,
** never on the way to the first screen. For a person's name the first
** character is read as a surname (ICU Han-Latin/Names: 单 shan, 曾 zeng,
** 解 xie, 仇 qiu; plus fix-ups ICU lacks: 朴 piao, 缪 miao, 覃 qin) and
** compound surnames are read as one (万俟 mo qi, 尉迟 yu chi). Polyphonic
** characters elsewhere (乐 长 行 重 朝 ...) get every common reading.
*/
#ifndef BANGBAN_PINYIN_H
#define BANGBAN_PINYIN_H

#include <stddef.h>
#include <stdint.h>

/* pinyin_keys() flags. */
#define PINYIN_PERSON 1u /* the text is a person's name: read its start as a surname */

/*
** Search keys for text (a name, a building, a street), space-separated
** and without duplicates: for every combination of readings, the full
** pinyin ("zhangsan"), the initials ("zs") and the initials with zh/ch/sh
** kept whole ("zhs"). ASCII letters and digits stand for themselves
** (lower-cased); other characters without a reading are skipped. Returns a
** new string (empty when nothing could be read); caller frees.
*/
char *pinyin_keys(const char *text, unsigned flags);

/*
** The readings of one code point, space-separated ("le yue"), or NULL when
** it has none (punctuation, characters ICU cannot read). With surname set,
** the surname reading. Borrowed: valid until pinyin_shutdown().
*/
const char *pinyin_readings(uint32_t cp, int surname);

/*
** Compare two UTF-8 strings in Chinese pinyin order with numbers compared
** as numbers (3号楼 < 12号楼), by ICU's "zh" collator. Returns <0, 0 or >0.
** Lengths may be -1 for NUL-terminated strings.
*/
int pinyin_collate(const char *a, int na, const char *b, int nb);

/* Free the cache and ICU's objects (at exit, for leak checkers). */
void pinyin_shutdown(void);

#endif
