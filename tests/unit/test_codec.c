/* Unit tests for src/codec: detection, decoding with positions, GBK refusal. */
#include "unit.h"
#include "src/codec.h"

#include <iconv.h>

static void detect(void **state)
{
    (void)state;
    size_t bom;
    assert_int_equal(codec_detect("\xEF\xBB\xBF\xE5\xBC\xA0", 6, &bom), CODEC_UTF8);
    assert_int_equal(bom, 3);
    assert_int_equal(codec_detect("\x84\x31\x95\x33\xD5\xC5", 6, &bom), CODEC_GB18030);
    assert_int_equal(bom, 4);
    assert_int_equal(codec_detect("张三,男", strlen("张三,男"), &bom), CODEC_UTF8);
    assert_int_equal(bom, 0);
    assert_int_equal(codec_detect("\xD5\xC5\xC8\xFD,\xC4\xD0", 7, &bom),
                     CODEC_GB18030); /* 张三,男 in GBK */
    /* A sample that ends inside a UTF-8 character is still UTF-8. */
    assert_int_equal(codec_detect("张三\xE6\x9D", 8, &bom), CODEC_UTF8);
    enum codec c;
    assert_int_equal(codec_parse("gbk", &c), 0);
    assert_int_equal(c, CODEC_GBK);
    assert_int_equal(codec_parse("UTF8", &c), 0);
    assert_int_equal(c, CODEC_UTF8);
    assert_int_equal(codec_parse("latin1", &c), -1);
}

static void decode_gb18030(void **state)
{
    (void)state;
    struct strbuf out = STRBUF_INIT;
    struct codec_error err;
    /* 张三,男 then 䶮 (FE 9F, not in GBK) */
    assert_int_equal(
        codec_decode(CODEC_GB18030, "\xD5\xC5\xC8\xFD,\xC4\xD0\xFE\x9F", 9, &out, &err), 0);
    assert_str(strbuf_str(&out), "张三,男䶮");
    strbuf_free(&out);
}

static void roundtrip_ext_b(void **state)
{
    (void)state;
    const char *names = "王𠀀\n刘䶮\n买买提·艾力\n𠇔𨭉\n";
    struct strbuf gb = STRBUF_INIT, back = STRBUF_INIT;
    struct codec_error err;
    assert_int_equal(codec_encode(CODEC_GB18030, names, strlen(names), &gb, &err), 0);
    assert_int_equal(codec_decode(CODEC_GB18030, gb.buf, gb.len, &back, &err), 0);
    assert_str(strbuf_str(&back), names);
    strbuf_free(&gb);
    strbuf_free(&back);
}

static void decode_reports_bad_byte(void **state)
{
    (void)state;
    struct strbuf out = STRBUF_INIT;
    struct codec_error err;
    /* line 1 "abc", line 2 "张三," then 0xFF */
    const char in[] = "abc\r\n\xD5\xC5\xC8\xFD,\xFFx";
    assert_int_equal(codec_decode(CODEC_GB18030, in, sizeof in - 1, &out, &err), -1);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 4);
    assert_int_equal(err.offset, 10);
    assert_int_equal(err.bytes[0], 0xFF);
    assert_false(err.truncated);
    char *msg = codec_error_message(&err);
    assert_non_null(strstr(msg, "0xFF"));
    free(msg);
    strbuf_free(&out);

    /* UTF-8 with a bad byte. */
    const char u[] = "姓名\n李\xC3(\n";
    assert_int_equal(codec_decode(CODEC_UTF8, u, sizeof u - 1, &out, &err), -1);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 2);
    strbuf_free(&out);
}

static void decode_truncated_at_end(void **state)
{
    (void)state;
    struct strbuf out = STRBUF_INIT;
    struct codec_error err;
    assert_int_equal(codec_decode(CODEC_GB18030, "ab\xD5", 3, &out, &err), -1);
    assert_true(err.truncated);
    assert_int_equal(err.column, 3);
    strbuf_free(&out);
}

static void decode_in_chunks(void **state)
{
    (void)state;
    const char *text = "姓名,备注\n曾志伟,𠇔字\n";
    struct strbuf gb = STRBUF_INIT, out = STRBUF_INIT;
    struct codec_error err;
    assert_int_equal(codec_encode(CODEC_GB18030, text, strlen(text), &gb, &err), 0);
    for (int from = 0; from < 2; from++) {
        enum codec c = from ? CODEC_GB18030 : CODEC_UTF8;
        const char *in = from ? gb.buf : text;
        size_t n = from ? gb.len : strlen(text);
        struct codec_decoder *d = codec_decoder_new(c);
        strbuf_reset(&out);
        for (size_t i = 0; i < n; i++)
            assert_int_equal(codec_decoder_feed(d, in + i, 1, i + 1 == n, &out, &err), 0);
        assert_str(strbuf_str(&out), text);
        codec_decoder_free(d);
    }
    strbuf_free(&gb);
    strbuf_free(&out);
}

/*
** Every two-byte character of GB18030 and GBK decodes as iconv(3) decodes
** it, with ASCII and a four-byte character around it, and one iconv
** refuses is reported at the same place.
*/
static void pairs_as_iconv(void **state)
{
    (void)state;
    const enum codec codecs[] = {CODEC_GB18030, CODEC_GBK};
    for (size_t c = 0; c < 2; c++) {
        iconv_t cd = iconv_open("UTF-8", codec_name(codecs[c]));
        assert_true(cd != (iconv_t)-1);
        struct codec_decoder *d = codec_decoder_new(codecs[c]);
        struct strbuf out = STRBUF_INIT;
        size_t refused = 0;
        for (int lead = 0x81; lead <= 0xFE; lead++)
            for (int trail = 0x40; trail <= 0xFE; trail++) {
                /* a, the pair, U+0080 (four bytes in GB18030), a newline, b */
                char in[] = {'a',    (char)lead, (char)trail, '\x81', '\x30',
                             '\x81', '\x30',     '\n',        'b'};
                size_t n = codecs[c] == CODEC_GB18030 ? sizeof in : 3;
                char want[32], *ip = in, *op = want;
                size_t il = n, ol = sizeof want;
                iconv(cd, NULL, NULL, NULL, NULL);
                int ok = iconv(cd, &ip, &il, &op, &ol) != (size_t)-1;
                struct codec_error err;
                strbuf_reset(&out);
                codec_decoder_reset(d);
                int rc = codec_decoder_feed(d, in, n, 1, &out, &err);
                assert_int_equal(rc, ok ? 0 : -1);
                if (ok) {
                    assert_int_equal(out.len, sizeof want - ol);
                    assert_memory_equal(out.buf, want, out.len);
                } else {
                    refused++;
                    assert_int_equal(err.offset, (size_t)(ip - in));
                    assert_int_equal(err.line, 1);
                }
            }
        if (codecs[c] == CODEC_GBK) assert_true(refused > 0); /* GBK leaves codes unassigned */
        strbuf_free(&out);
        codec_decoder_free(d);
        iconv_close(cd);
    }
}

static void gbk_names_the_character(void **state)
{
    (void)state;
    struct strbuf out = STRBUF_INIT;
    struct codec_error err;
    const char *ok = "买买提·艾力";
    assert_int_equal(codec_encode(CODEC_GBK, ok, strlen(ok), &out, &err), 0);
    assert_int_equal(out.len, 12); /* five characters of two bytes and · as A1A4 */
    strbuf_reset(&out);
    const char *bad = "姓名\n张三\n王𠀀\n";
    assert_int_equal(codec_encode(CODEC_GBK, bad, strlen(bad), &out, &err), -1);
    assert_int_equal(err.cp, 0x20000);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 2);
    char *msg = codec_error_message(&err);
    assert_non_null(strstr(msg, "U+20000"));
    assert_non_null(strstr(msg, "𠀀"));
    free(msg);
    strbuf_reset(&out);
    assert_int_equal(codec_encode(CODEC_GBK, "刘䶮", strlen("刘䶮"), &out, &err), -1);
    assert_int_equal(err.cp, 0x4DAE);
    strbuf_reset(&out);
    /* The same text goes to GB18030 without loss. */
    assert_int_equal(codec_encode(CODEC_GB18030, bad, strlen(bad), &out, &err), 0);
    strbuf_free(&out);
}

int main(void)
{
    unit_locale();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(detect),
        cmocka_unit_test(decode_gb18030),
        cmocka_unit_test(roundtrip_ext_b),
        cmocka_unit_test(decode_reports_bad_byte),
        cmocka_unit_test(decode_truncated_at_end),
        cmocka_unit_test(decode_in_chunks),
        cmocka_unit_test(gbk_names_the_character),
        cmocka_unit_test(pairs_as_iconv),
    };
    return cmocka_run_group_tests_name("codec", tests, NULL, NULL);
}
