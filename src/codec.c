/*
** codec: see codec.h.
*/
#include "codec.h"
#include "i18n.h"
#include "text.h"

#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct codec_decoder {
    enum codec from;
    iconv_t cd;      /* (iconv_t)-1 for UTF-8, which is checked, not converted */
    char pending[8]; /* bytes of a character cut by the end of the last chunk */
    size_t npending;
    int iconv_used;      /* iconv was handed bytes since the last reset */
    struct text_pos pos; /* position of the next input byte */
};

static const char *const codec_names[] = {"UTF-8", "GB18030", "GBK"};

const char *codec_name(enum codec c)
{
    return codec_names[c];
}

int codec_parse(const char *name, enum codec *c)
{
    static const struct {
        const char *name;
        enum codec codec;
    } names[] = {
        {"utf-8", CODEC_UTF8}, {"utf8", CODEC_UTF8}, {"gb18030", CODEC_GB18030},
        {"gbk", CODEC_GBK},    {"cp936", CODEC_GBK},
    };
    for (size_t i = 0; i < ARRAY_LEN(names); i++) {
        if (strcasecmp(name, names[i].name) == 0) {
            *c = names[i].codec;
            return 0;
        }
    }
    return -1;
}

enum codec codec_detect(const char *buf, size_t n, size_t *bom_len)
{
    *bom_len = 0;
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        *bom_len = 3;
        return CODEC_UTF8;
    }
    if (n >= 4 && memcmp(buf, "\x84\x31\x95\x33", 4) == 0) {
        *bom_len = 4;
        return CODEC_GB18030;
    }
    struct text_pos bad;
    if (text_check_utf8(buf, n, &bad)) return CODEC_UTF8;
    /* A character cut by the end of the sample is not evidence against UTF-8. */
    uint32_t cp;
    if (n - bad.offset < 4 && utf8_decode(buf + bad.offset, n - bad.offset, &cp) == UTF8_INCOMPLETE)
        return CODEC_UTF8;
    return CODEC_GB18030;
}

struct codec_decoder *codec_decoder_new(enum codec from)
{
    struct codec_decoder *d = xcalloc(1, sizeof *d);
    d->from = from;
    d->cd = (iconv_t)-1;
    if (from != CODEC_UTF8) {
        d->cd = iconv_open("UTF-8", codec_name(from));
        if (d->cd == (iconv_t)-1) die("iconv cannot convert from %s", codec_name(from));
    }
    d->pos.line = 1;
    d->pos.column = 1;
    return d;
}

void codec_decoder_reset(struct codec_decoder *d)
{
    if (d->cd != (iconv_t)-1 && d->iconv_used) iconv(d->cd, NULL, NULL, NULL, NULL);
    d->iconv_used = 0;
    d->npending = 0;
    d->pos.offset = 0;
    d->pos.line = 1;
    d->pos.column = 1;
}

void codec_decoder_free(struct codec_decoder *d)
{
    if (!d) return;
    if (d->cd != (iconv_t)-1) iconv_close(d->cd);
    free(d);
}

/* Advance the position over decoded UTF-8 text (one column per character). */
static void pos_over_text(struct text_pos *pos, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') {
            pos->line++;
            pos->column = 1;
        } else if ((c & 0xC0) != 0x80) {
            pos->column++;
        }
    }
}

static void error_at(struct codec_error *err, const struct text_pos *pos, enum codec c,
                     const char *bytes, size_t avail, int truncated)
{
    memset(err, 0, sizeof *err);
    err->offset = pos->offset;
    err->line = pos->line;
    err->column = pos->column;
    err->codec = c;
    err->truncated = truncated;
    err->nbytes = avail < sizeof err->bytes ? avail : sizeof err->bytes;
    if (!truncated && err->nbytes > 1) err->nbytes = 1;
    memcpy(err->bytes, bytes, err->nbytes);
}

/*
** Decode UTF-8 input: check and copy. Returns bytes consumed; stops early
** at an incomplete tail (consumed < n, no error) or an error (-1).
*/
static long feed_utf8(struct codec_decoder *d, const char *in, size_t n, int last,
                      struct strbuf *out, struct codec_error *err)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int len = utf8_decode(in + i, n - i, &cp);
        if (len == UTF8_INCOMPLETE && !last) break;
        if (len < 0) {
            strbuf_add(out, in, i);
            pos_over_text(&d->pos, in, i);
            d->pos.offset += i;
            error_at(err, &d->pos, d->from, in + i, n - i, len == UTF8_INCOMPLETE);
            return -1;
        }
        i += (size_t)len;
    }
    strbuf_add(out, in, i);
    pos_over_text(&d->pos, in, i);
    d->pos.offset += i;
    return (long)i;
}

/* As feed_utf8(), through iconv. */
static long feed_iconv(struct codec_decoder *d, const char *in, size_t n, int last,
                       struct strbuf *out, struct codec_error *err)
{
    char *ip = (char *)(uintptr_t)in; /* iconv(3) takes char **, never writes */
    size_t il = n;
    if (n) d->iconv_used = 1;
    while (il > 0) {
        strbuf_grow(out, il * 2 + 16);
        char *start = out->buf + out->len;
        char *op = start;
        size_t ol = out->cap - out->len - 1;
        size_t before = il;
        size_t r = iconv(d->cd, &ip, &il, &op, &ol);
        int e = errno;
        size_t made = (size_t)(op - start);
        pos_over_text(&d->pos, start, made);
        d->pos.offset += before - il;
        out->len += made;
        out->buf[out->len] = '\0';
        if (r != (size_t)-1) break;
        if (e == E2BIG) continue;
        if (e == EINVAL && !last) break;
        error_at(err, &d->pos, d->from, ip, il, e == EINVAL);
        return -1;
    }
    return (long)(n - il);
}

/*
** The two-byte characters of GB18030 and GBK (lead 0x81-0xFE, trail
** 0x40-0x7E or 0x80-0xFE) as iconv decodes them, so that a ledger's text
** is decoded by table lookup and handed to iconv only from the first byte
** the table does not hold (a four-byte character, a bad byte). Built once,
** through iconv itself, the first time such text is decoded.
*/
#define PAIR_LEADS  126 /* 0x81 ... 0xFE */
#define PAIR_TRAILS 191 /* 0x40 ... 0xFE */

struct pair_table {
    pthread_once_t once;
    uint32_t utf8[PAIR_LEADS * PAIR_TRAILS]; /* the bytes, low first; length in the top byte */
};

static struct pair_table pair_gb18030 = {PTHREAD_ONCE_INIT, {0}};
static struct pair_table pair_gbk = {PTHREAD_ONCE_INIT, {0}};

/* Keep the UTF-8 character at out[0..made) as pair i of t; 0 if it is not one character of 2-3
 * bytes. */
static int pair_keep(struct pair_table *t, size_t i, const char *out, size_t made)
{
    if (made < 2 || made > 3 || ((unsigned char)out[0] & 0xE0) < 0xC0) return 0;
    uint32_t v = (uint32_t)made << 24;
    for (size_t k = 0; k < made; k++)
        v |= (uint32_t)(unsigned char)out[k] << (8 * k);
    t->utf8[i] = v;
    return 1;
}

/*
** Decode each pair of lead byte lead, one at a time: those iconv refuses,
** or makes other than one character of, stay out of t.
*/
static void pair_fill_lead(struct pair_table *t, iconv_t cd, int lead)
{
    for (int trail = 0; trail < PAIR_TRAILS; trail++) {
        if (trail + 0x40 == 0x7F) continue;
        char in[2] = {(char)(lead + 0x81), (char)(trail + 0x40)}, out[8];
        char *ip = in, *op = out;
        size_t il = 2, ol = sizeof out;
        iconv(cd, NULL, NULL, NULL, NULL);
        if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0) continue;
        pair_keep(t, (size_t)(lead * PAIR_TRAILS + trail), out, sizeof out - ol);
    }
}

static void pair_fill(struct pair_table *t, const char *from)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) return; /* the table stays empty: iconv decodes all */
    for (int lead = 0; lead < PAIR_LEADS; lead++)
        pair_fill_lead(t, cd, lead);
    iconv_close(cd);
}

static void pair_fill_gb18030(void)
{
    pair_fill(&pair_gb18030, "GB18030");
}

static void pair_fill_gbk(void)
{
    pair_fill(&pair_gbk, "GBK");
}

/* The table of codec c, built if need be; NULL for a codec without one. */
static const struct pair_table *pair_table_of(enum codec c)
{
    if (c == CODEC_GB18030) {
        pthread_once(&pair_gb18030.once, pair_fill_gb18030);
        return &pair_gb18030;
    }
    if (c == CODEC_GBK) {
        pthread_once(&pair_gbk.once, pair_fill_gbk);
        return &pair_gbk;
    }
    return NULL;
}

/*
** Decode the start of in[0..n) that is ASCII or two-byte characters of
** the table onto out, moving d's position as feed_iconv() would. Returns
** the bytes consumed: iconv takes it from there.
*/
static size_t feed_pairs(struct codec_decoder *d, const char *in, size_t n, struct strbuf *out)
{
    const struct pair_table *t = pair_table_of(d->from);
    if (!t) return 0;
    strbuf_grow(out, n * 2 + 1); /* each byte makes at most two: 3 for 2 */
    unsigned char *o = (unsigned char *)out->buf + out->len, *start = o;
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0, line = d->pos.line, column = d->pos.column; /* as pos_over_text() moves them */
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            *o++ = c;
            i++;
            column++;
            if (c == '\n') {
                line++;
                column = 1;
            }
            continue;
        }
        if (i + 1 >= n || c == 0x80 || c == 0xFF || s[i + 1] < 0x40 || s[i + 1] == 0xFF) break;
        uint32_t v = t->utf8[(c - 0x81) * PAIR_TRAILS + (s[i + 1] - 0x40)];
        if (!v) break;
        o[0] = (unsigned char)v;
        o[1] = (unsigned char)(v >> 8);
        o[2] = (unsigned char)(v >> 16);
        o += v >> 24;
        i += 2;
        column++;
    }
    d->pos.line = line;
    d->pos.column = column;
    out->len += (size_t)(o - start);
    out->buf[out->len] = '\0';
    d->pos.offset += i;
    return i;
}

int codec_decoder_feed(struct codec_decoder *d, const char *in, size_t n, int last,
                       struct strbuf *out, struct codec_error *err)
{
    struct strbuf joined = STRBUF_INIT;
    const char *src = in;
    size_t len = n;
    long used;

    if (d->npending) {
        strbuf_add(&joined, d->pending, d->npending);
        strbuf_add(&joined, in, n);
        src = joined.buf;
        len = joined.len;
        d->npending = 0;
    }
    if (d->from == CODEC_UTF8)
        used = feed_utf8(d, src, len, last, out, err);
    else {
        size_t quick = len ? feed_pairs(d, src, len, out) : 0; /* src is NULL for an empty record */
        used = feed_iconv(d, quick ? src + quick : src, len - quick, last, out, err);
        if (used >= 0) used += (long)quick;
    }
    if (used >= 0) {
        size_t rest = len - (size_t)used;
        if (rest > sizeof d->pending) {
            /* Cannot happen with these encodings (at most 4 bytes a character). */
            error_at(err, &d->pos, d->from, src + used, rest, 0);
            used = -1;
        } else {
            if (rest) memcpy(d->pending, src + used, rest); /* src is NULL for an empty record */
            d->npending = rest;
        }
    }
    strbuf_free(&joined);
    return used < 0 ? -1 : 0;
}

int codec_decode(enum codec from, const char *in, size_t n, struct strbuf *out,
                 struct codec_error *err)
{
    struct codec_decoder *d = codec_decoder_new(from);
    int rc = codec_decoder_feed(d, in, n, 1, out, err);
    codec_decoder_free(d);
    return rc;
}

struct codec_encoder {
    enum codec to;
    iconv_t cd; /* (iconv_t)-1 for UTF-8, which is checked, not converted */
};

struct codec_encoder *codec_encoder_new(enum codec to)
{
    struct codec_encoder *e = xcalloc(1, sizeof *e);
    e->to = to;
    e->cd = (iconv_t)-1;
    if (to != CODEC_UTF8) {
        e->cd = iconv_open(codec_name(to), "UTF-8");
        if (e->cd == (iconv_t)-1) die("iconv cannot convert to %s", codec_name(to));
    }
    return e;
}

void codec_encoder_free(struct codec_encoder *e)
{
    if (!e) return;
    if (e->cd != (iconv_t)-1) iconv_close(e->cd);
    free(e);
}

int codec_encoder_put(struct codec_encoder *e, const char *in, size_t n, struct strbuf *out,
                      struct codec_error *err)
{
    struct text_pos bad;
    if (!text_check_utf8(in, n, &bad)) {
        error_at(err, &bad, CODEC_UTF8, in + bad.offset, n - bad.offset, 0);
        err->encoding = 1;
        return -1;
    }
    if (e->to == CODEC_UTF8) {
        strbuf_add(out, in, n);
        return 0;
    }
    iconv(e->cd, NULL, NULL, NULL, NULL);
    char *ip = (char *)(uintptr_t)in; /* iconv(3) takes char **, never writes */
    size_t il = n;
    while (il > 0) {
        strbuf_grow(out, il + 16);
        char *op = out->buf + out->len;
        size_t ol = out->cap - out->len - 1;
        char *start = op;
        size_t r = iconv(e->cd, &ip, &il, &op, &ol);
        int errnum = errno;
        out->len += (size_t)(op - start);
        out->buf[out->len] = '\0';
        if (r != (size_t)-1) break;
        if (errnum == E2BIG) continue;
        struct text_pos pos = {0, 1, 1};
        text_pos_advance(&pos, in, (size_t)(ip - in));
        error_at(err, &pos, e->to, ip, il, 0);
        err->encoding = 1;
        utf8_decode(ip, il, &err->cp);
        return -1;
    }
    return 0;
}

int codec_encode(enum codec to, const char *in, size_t n, struct strbuf *out,
                 struct codec_error *err)
{
    struct codec_encoder *e = codec_encoder_new(to);
    int rc = codec_encoder_put(e, in, n, out, err);
    codec_encoder_free(e);
    return rc;
}

char *codec_error_reason(const struct codec_error *err)
{
    if (err->encoding && err->codec != CODEC_UTF8) {
        char enc[5] = {0};
        utf8_encode(err->cp, enc);
        /* GBK lacks characters GB18030 has (䶮, 𠇔 in names): say where it is written. */
        if (err->codec == CODEC_GBK)
            return xasprintf(_("the character %s (U+%04X) has no %s code (GB18030 has: write "
                               "GB18030, or .xlsx)"),
                             enc, (unsigned)err->cp, codec_name(err->codec));
        return xasprintf(_("the character %s (U+%04X) has no %s code"), enc, (unsigned)err->cp,
                         codec_name(err->codec));
    }
    struct strbuf hex = STRBUF_INIT;
    for (size_t i = 0; i < err->nbytes; i++)
        strbuf_addf(&hex, "%s0x%02X", i ? " " : "", err->bytes[i]);
    char *why = err->truncated
                    ? xasprintf(_("the text ends inside a %s character (bytes %s)"),
                                codec_name(err->codec), strbuf_str(&hex))
                    : xasprintf(_("%s is not valid %s"), strbuf_str(&hex), codec_name(err->codec));
    strbuf_free(&hex);
    return why;
}

char *codec_error_message(const struct codec_error *err)
{
    char *why = codec_error_reason(err);
    char *msg = xasprintf(_("line %zu, column %zu: %s"), err->line, err->column, why);
    free(why);
    return msg;
}
