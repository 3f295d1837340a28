/*
** fuzz_codec: src/codec.h on arbitrary bytes. The first byte chooses the
** codec to decode from (UTF-8, GB18030, GBK) and seeds the chunk sizes;
** the rest is the input.
**   - codec_detect: a BOM length of 0, 3 or 4 that fits the input;
**   - codec_decode: the text is valid UTF-8 (also the part before an
**     error); an error lies inside the input, names 1-4 bytes, and has a
**     message;
**   - a successful decode encodes to GB18030 (which has a code for every
**     character) and decodes back to the same text; decoded from GBK it
**     encodes back to GBK just as well;
**   - codec_decoder_feed in chunks of 0-16 bytes gives the same text and
**     the same outcome (and error place) as the whole buffer at once.
** An empty input is passed as NULL with length 0, as an empty strbuf's
** buf and len are, and must be taken as the empty text.
*/
#include "fuzz.h"

#include "src/codec.h"
#include "src/text.h"

static void check_error(const struct codec_error *err, size_t n)
{
    CHECK(err->offset <= n && err->line >= 1 && err->column >= 1);
    CHECK(err->nbytes >= 1 && err->nbytes <= 4 && err->offset + err->nbytes <= n);
    char *msg = codec_error_message(err);
    CHECK(msg && *msg);
    free(msg);
}

/* text (UTF-8) encoded to 'to' and decoded back must be the same text. */
static void check_back(enum codec to, const struct strbuf *text)
{
    struct strbuf enc = STRBUF_INIT, dec = STRBUF_INIT;
    struct codec_error err;
    CHECK(codec_encode(to, strbuf_str(text), text->len, &enc, &err) == 0);
    CHECK(codec_decode(to, strbuf_str(&enc), enc.len, &dec, &err) == 0);
    CHECK(dec.len == text->len && memcmp(strbuf_str(&dec), strbuf_str(text), text->len) == 0);
    strbuf_free(&enc);
    strbuf_free(&dec);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    enum codec from = (enum codec)(data[0] % 3);
    uint32_t seed = data[0] / 3u;
    size_t n = size - 1;
    /* Empty input is passed as an empty strbuf holds it (buf NULL, len 0): a caller may. */
    const char *in = n ? (const char *)data + 1 : NULL;

    size_t bom;
    enum codec found = codec_detect(in, n, &bom);
    CHECK(found == CODEC_UTF8 || found == CODEC_GB18030);
    CHECK(bom == 0 || (bom == 3 && found == CODEC_UTF8) || (bom == 4 && found == CODEC_GB18030));
    CHECK(bom <= n);

    struct strbuf whole = STRBUF_INIT;
    struct codec_error werr;
    int wrc = codec_decode(from, in, n, &whole, &werr);
    CHECK(wrc == 0 || wrc == -1);
    CHECK(text_check_utf8(strbuf_str(&whole), whole.len, NULL));
    if (wrc == 0) {
        check_back(CODEC_GB18030, &whole);
        if (from == CODEC_GBK) check_back(CODEC_GBK, &whole);
        check_back(CODEC_UTF8, &whole);
    } else {
        check_error(&werr, n);
        CHECK(werr.codec == from && !werr.encoding);
    }

    /* The same input in chunks. */
    struct codec_decoder *d = codec_decoder_new(from);
    struct strbuf parts = STRBUF_INIT;
    struct codec_error perr;
    int prc = 0;
    size_t pos = 0;
    for (;;) {
        seed = seed * 1103515245u + 12345u;
        size_t chunk = (seed >> 16) % 17;
        if (chunk > n - pos) chunk = n - pos;
        int last = pos + chunk == n;
        prc = codec_decoder_feed(d, in ? in + pos : NULL, chunk, last, &parts, &perr);
        pos += chunk;
        if (prc != 0 || last) break;
    }
    codec_decoder_free(d);
    CHECK(prc == wrc);
    CHECK(parts.len == whole.len && memcmp(strbuf_str(&parts), strbuf_str(&whole), whole.len) == 0);
    if (wrc != 0) {
        CHECK(perr.offset == werr.offset && perr.line == werr.line && perr.column == werr.column);
        CHECK(perr.truncated == werr.truncated && perr.nbytes == werr.nbytes);
        CHECK(memcmp(perr.bytes, werr.bytes, werr.nbytes) == 0);
    }
    strbuf_free(&parts);
    strbuf_free(&whole);
    return 0;
}
