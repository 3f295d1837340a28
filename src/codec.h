/*
** codec: file encodings in and out, through iconv(3). Ledgers arrive as
** UTF-8 (with or without a BOM), or as GBK/GB18030 from Chinese Excel;
** they leave as UTF-8, GB18030 or, where every character fits, GBK.
**
** Nothing is ever dropped or replaced silently: decoding stops at the
** first byte that decodes as nothing and says where it is; encoding to
** GBK stops at the first character GBK has no code for and names it.
** No //TRANSLIT, no //IGNORE.
*/
#ifndef BANGBAN_CODEC_H
#define BANGBAN_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

enum codec {
    CODEC_UTF8,
    CODEC_GB18030,
    CODEC_GBK,
};

/* "UTF-8", "GB18030" or "GBK". */
const char *codec_name(enum codec c);

/* Parse a user's name for an encoding ("utf-8", "utf8", "GB18030", "gbk", any case).
** Returns 0 and sets *c, or -1 when the name is unknown. */
int codec_parse(const char *name, enum codec *c);

/*
** Guess the encoding of a file from its first bytes buf[0..n): a UTF-8 BOM
** (EF BB BF) or a GB18030 BOM (84 31 95 33) decides; otherwise valid UTF-8
** is UTF-8 (a sequence cut by the end of buf still counts as valid, so a
** prefix of a file may be passed) and anything else is GB18030, the
** superset of GBK. *bom_len gets the length of the BOM to skip (0 if none).
*/
enum codec codec_detect(const char *buf, size_t n, size_t *bom_len);

/* Where and why a conversion stopped. */
struct codec_error {
    size_t offset;          /* byte offset in the input */
    size_t line;            /* 1-based line of the input */
    size_t column;          /* 1-based character column in that line */
    unsigned char bytes[4]; /* decoding: the offending bytes (up to 4) */
    size_t nbytes;
    uint32_t cp;   /* encoding: the character with no code */
    int truncated; /* decoding: the input ended inside a character */
    enum codec codec;
    int encoding; /* 1 when the error came from encoding */
};

/*
** A streaming decoder to UTF-8, for reading a file in chunks. Create with
** codec_decoder_new(), feed it, free with codec_decoder_free().
*/
struct codec_decoder;

struct codec_decoder *codec_decoder_new(enum codec from);
void codec_decoder_free(struct codec_decoder *d);

/*
** Decode in[0..n) and append the UTF-8 text to out. Bytes of a character
** cut by the end of the chunk are kept for the next call; pass last=1 with
** the final chunk. Returns 0, or -1 with *err set at the first byte that
** decodes as nothing (offset, line and column counted over the whole
** stream so far). After an error the decoder must not be fed again.
*/
int codec_decoder_feed(struct codec_decoder *d, const char *in, size_t n, int last,
                       struct strbuf *out, struct codec_error *err);

/* Forget any partial character and count positions from the start again (for the next record). */
void codec_decoder_reset(struct codec_decoder *d);

/* Decode a whole buffer (a BOM, if any, must be skipped by the caller). As codec_decoder_feed(). */
int codec_decode(enum codec from, const char *in, size_t n, struct strbuf *out,
                 struct codec_error *err);

/*
** Encode the UTF-8 text in[0..n) into 'to' and append it to out. Returns 0,
** or -1 with *err naming the first character that has no code in 'to'
** (err->cp) and where it is, or the first bad UTF-8 byte of the input.
** On error out holds what was encoded before it; callers discard it.
*/
int codec_encode(enum codec to, const char *in, size_t n, struct strbuf *out,
                 struct codec_error *err);

/*
** A reusable encoder from UTF-8 into 'to', for encoding many small pieces
** (the cells of an export) without opening iconv for each.
*/
struct codec_encoder;
struct codec_encoder *codec_encoder_new(enum codec to);
/* As codec_encode(), with the encoder's iconv. */
int codec_encoder_put(struct codec_encoder *e, const char *in, size_t n, struct strbuf *out,
                      struct codec_error *err);
void codec_encoder_free(struct codec_encoder *e);

/*
** A sentence describing err for people, e.g. "第 3 行第 5 列的字节 0xFF
** 不是有效的 GB18030 字符". Caller frees.
*/
char *codec_error_message(const struct codec_error *err);

/*
** The reason alone, without line and column, for callers that name the
** place themselves (a sheet's row and column). Caller frees.
*/
char *codec_error_reason(const struct codec_error *err);

#endif
