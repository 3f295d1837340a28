/*
** pinyin: search keys and sort order for Chinese names, through ICU.
**
** Each character is read on its own (ICU's whole-string output runs
** syllables together, so it is never split on spaces), from a table that
** src/pinyin_gen.c asks ICU's Han-Latin transliterator for when bangban is
** built: the ~110 ms it takes to open is never paid at run time, and a
** reading costs a table lookup. For a person's name the first
** character is read as a surname (ICU Han-Latin/Names: 单 shan, 曾 zeng,
** 解 xie, 仇 qiu; plus fix-ups ICU lacks: 朴 piao, 缪 miao, 覃 qin) and
** compound surnames are read as one (万俟 mo qi, 尉迟 yu chi). Polyphonic
** characters elsewhere (乐 长 行 重 朝 ...) get every common reading.
*/
#ifndef BANGBAN_PINYIN_H
#define BANGBAN_PINYIN_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* pinyin_keys() flags. */
#define PINYIN_PERSON 1u /* the text is a person's name: read its start as a surname */
#define PINYIN_INSIDE                                                                              \
    2u /* also the keys of the text from each later character on, so a                             \
        * word inside is found by its pinyin (老年人助餐 by "zhucan") */

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
** True when what was typed finds text in a short list (a chooser of ethnic
** groups, relations): empty, a fragment of text, or the start of one of its
** pinyin keys (回族: 回, hz, huiz). Case does not matter. (A short list is
** narrowed by the start: "zi" is 子, not 孙子 too.)
*/
int pinyin_matches(const char *text, const char *typed);

/*
** Pinyin typed as input methods type it, as keys are filed: ü is typed v
** (lv, nv for 吕, 女) or ü, filed u. A copy of typed, letters (and ü)
** only, with each v and ü a u; NULL when typed holds neither or is not
** letters alone (a code, a word). Caller frees.
*/
char *pinyin_typed_u(const char *typed);

/*
** The same keys as a list (out is cleared first). The first key is the
** full pinyin of the first combination of readings (ICU's readings, the
** surname read as a surname): the one names sort by.
*/
void pinyin_key_list(const char *text, unsigned flags, struct strlist *out);

/*
** Only the keys of text from each later Han character on, as PINYIN_INSIDE
** adds them (张三丰: sanfeng, sf, feng, f; 买买提·艾力: aili, al ...), the
** readings taken as in a word (no surname); out is cleared first. A
** person's name is filed under these apart from its own keys, so a match
** at its start ranks first.
*/
void pinyin_inner_key_list(const char *text, struct strlist *out);

/*
** A number that orders names as their full pinyin does (its first 12
** letters), for sorting by an integer: 0 for text without pinyin.
*/
int64_t pinyin_rank(const char *full);

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
