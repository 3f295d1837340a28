/* Unit tests for src/text: decoding, width, fitting, normalising. */
#include "unit.h"
#include "src/text.h"

#include <time.h>

static void decode_strict(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(utf8_decode("A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(utf8_decode("张", 3, &cp), 3);
    assert_int_equal(cp, 0x5F20);
    /* Ext B: U+201D4 𠇔 and U+28B49 𨭉 are four bytes and ordinary. */
    assert_int_equal(utf8_decode("𠇔", 4, &cp), 4);
    assert_int_equal(cp, 0x201D4);
    assert_int_equal(utf8_decode("𨭉", 4, &cp), 4);
    assert_int_equal(cp, 0x28B49);
    assert_int_equal(utf8_decode("\xFF", 1, &cp), UTF8_INVALID);
    assert_int_equal(utf8_decode("\x80", 1, &cp), UTF8_INVALID);
    assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), UTF8_INVALID);         /* overlong '/' */
    assert_int_equal(utf8_decode("\xE0\x80\xAF", 3, &cp), UTF8_INVALID);     /* overlong */
    assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), UTF8_INVALID);     /* surrogate */
    assert_int_equal(utf8_decode("\xF4\x90\x80\x80", 4, &cp), UTF8_INVALID); /* > 10FFFF */
    assert_int_equal(utf8_decode("\xE5\xBC", 2, &cp), UTF8_INCOMPLETE);
    assert_int_equal(utf8_decode("\xE5,", 2, &cp), UTF8_INVALID);
}

static void encode_roundtrip(void **state)
{
    (void)state;
    uint32_t cps[] = {'a', 0xB7, 0x5F20, 0xFF10, 0x201D4, 0x10FFFF};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char buf[4];
        uint32_t back;
        int n = utf8_encode(cps[i], buf);
        assert_int_equal(utf8_decode(buf, (size_t)n, &back), n);
        assert_int_equal(back, cps[i]);
    }
}

static void check_reports_position(void **state)
{
    (void)state;
    struct text_pos bad;
    const char *s = "姓名,性别\n张三,男\n李\xFF四,女\n";
    assert_int_equal(text_check_utf8(s, strlen(s), &bad), 0);
    assert_int_equal(bad.line, 3);
    assert_int_equal(bad.column, 2);
    assert_int_equal(bad.offset, strlen("姓名,性别\n张三,男\n李"));
    assert_int_equal(text_check_utf8("张三𠇔", strlen("张三𠇔"), &bad), 1);
    /* A sequence cut by the end is bad too. */
    assert_int_equal(text_check_utf8("ab\xE5\xBC", 4, &bad), 0);
    assert_int_equal(bad.offset, 2);
    assert_int_equal(bad.column, 3);
}

static void widths(void **state)
{
    (void)state;
    assert_int_equal(text_width("abc"), 3);
    assert_int_equal(text_width("张三"), 4);
    assert_int_equal(text_width("𠇔𨭉"), 4);
    assert_int_equal(text_width("１２"), 4);         /* full-width digits */
    assert_int_equal(text_width("买买提·艾力"), 11); /* middle dot is narrow */
    assert_int_equal(text_width("a\xFF"), 2);        /* a bad byte shows as '?' */
    assert_int_equal(text_width("a\tb"), 3);         /* a control shows as '?' */
    assert_int_equal(text_chars("张三abc𠇔"), 6);
    assert_int_equal(text_cp_width(0x0301), 0); /* combining acute */
}

static void fit_pads_and_cuts(void **state)
{
    (void)state;
    char buf[64];
    assert_int_equal(text_fit(buf, sizeof buf, "张三", 6, 0), 6);
    assert_str(buf, "张三  ");
    assert_int_equal(text_fit(buf, sizeof buf, "张三", 6, TEXT_FIT_RIGHT), 6);
    assert_str(buf, "  张三");
    /* A wide character that would cross the edge is left out and padded. */
    assert_int_equal(text_fit(buf, sizeof buf, "张三丰", 5, 0), 5);
    assert_str(buf, "张三 ");
    assert_int_equal(text_fit(buf, sizeof buf, "ab张", 3, 0), 3);
    assert_str(buf, "ab ");
    /* The ellipsis is two ASCII dots; a wide glyph never straddles them. */
    assert_int_equal(text_fit(buf, sizeof buf, "和平区劝业场街道", 8, TEXT_FIT_ELLIPSIS), 8);
    assert_str(buf, "和平区..");
    assert_int_equal(text_fit(buf, sizeof buf, "和平区劝业场街道", 7, TEXT_FIT_ELLIPSIS), 7);
    assert_str(buf, "和平.. ");
    /* Fewer columns than dots: as many dots as fit. */
    assert_int_equal(text_fit(buf, sizeof buf, "和平区", 1, TEXT_FIT_ELLIPSIS), 1);
    assert_str(buf, ".");
    assert_int_equal(text_fit(buf, sizeof buf, "短", 7, TEXT_FIT_ELLIPSIS), 7);
    assert_str(buf, "短     ");
    assert_int_equal(text_fit(buf, sizeof buf, "𠇔𨭉x", 5, 0), 5);
    assert_str(buf, "𠇔𨭉x");
    assert_int_equal(text_fit(buf, sizeof buf, "x\xFFy", 3, 0), 3);
    assert_str(buf, "x?y");
    assert_int_equal(text_fit(buf, sizeof buf, "张三", 0, 0), 0);
    assert_str(buf, "");
    assert_int_equal(text_fit(buf, sizeof buf, "张三", 3, TEXT_FIT_NOPAD), 2);
    assert_str(buf, "张");
}

static void fit_last_column(void **state)
{
    (void)state;
    /* An 80-column line whose 79 columns are taken: a wide character does not fit. */
    char line[400];
    char src[200] = "";
    for (int i = 0; i < 79; i++)
        strcat(src, "a");
    strcat(src, "张");
    assert_int_equal(text_fit(line, sizeof line, src, 80, 0), 80);
    assert_int_equal(text_width(line), 80);
    assert_int_equal(line[79], ' ');
    assert_null(strstr(line, "张"));
}

static void fit_small_buffer(void **state)
{
    (void)state;
    char buf[5];
    text_fit(buf, sizeof buf, "张三李四", 8, 0);
    assert_str(buf, "张 "); /* stops at a character boundary, then pads with what room is left */
}

static void normalise_codes(void **state)
{
    (void)state;
    char *s = text_normalize("１２０１０１　１９９０ｘ", TEXT_NORM_UPPER | TEXT_NORM_NOSPACE);
    assert_str(s, "1201011990X");
    free(s);
    s = text_normalize("　ＨＰ－００１ ", 0);
    assert_str(s, "HP-001");
    free(s);
    s = text_normalize("a\tb　c", 0);
    assert_str(s, "a b c");
    free(s);
    s = text_normalize("张三𠇔", TEXT_NORM_UPPER);
    assert_str(s, "张三𠇔");
    free(s);
    assert_true(text_blank(NULL));
    assert_true(text_blank(""));
    assert_true(text_blank(" \t　 "));
    assert_false(text_blank(" 核对 "));
    s = text_trim("　 和平 大厦\t");
    assert_str(s, "和平 大厦");
    free(s);
    /* ASCII, bad bytes and prose spaces: each flag as on the wider characters. */
    s = text_normalize(" \tab c\xff\tｄ1 ", TEXT_NORM_UPPER | TEXT_NORM_NOSPACE);
    assert_str(s, "ABC\xff"
                  "D1");
    free(s);
    s = text_normalize("\ta b\t　ｘ ", TEXT_NORM_PROSE);
    assert_str(s, "a b\t　x"); /* a full-width letter is made ASCII in prose too */
    free(s);
    s = text_normalize("　\t ", 0);
    assert_str(s, "");
    free(s);
    /* A name's spaces beside Chinese characters go; between Latin words one stays. */
    s = text_drop_han_spaces("王 五");
    assert_str(s, "王五");
    free(s);
    s = text_drop_han_spaces("欧阳　 娜娜 Anna Li");
    assert_str(s, "欧阳娜娜Anna Li");
    free(s);
    s = text_drop_han_spaces("𠇔 三");
    assert_str(s, "𠇔三");
    free(s);
    /* An address's dashes of every width become '-'; its other punctuation stays. */
    s = text_normalize(" ５号楼－２单元—３０１（东）", TEXT_NORM_PROSE | TEXT_NORM_DASH);
    assert_str(s, "5号楼-2单元-301（东）");
    free(s);
    s = text_normalize("5栋——3单元", TEXT_NORM_PROSE | TEXT_NORM_DASH);
    assert_str(s, "5栋-3单元"); /* a double dash is one */
    free(s);
    s = text_normalize("５号楼－２单元", TEXT_NORM_PROSE);
    assert_str(s, "5号楼－2单元"); /* without the flag, prose keeps it */
    free(s);
    /* Text given back as it is (ASCII, Han) and text just beside it that is not. */
    static const char *const cases[][3] = {
        {"1990-03-12", "1990-03-12", "1990-03-12"},
        {"男", "男", "男"},
        {"x110", "x110", "X110"},
        {"张三", "张三", "张三"},
        {"张\xe3\x80\x80", "张", "张"},
        {"\xe3\x80\x80张", "张", "张"},
        {"ｘ张1", "x张1", "X张1"},
        {"张\xe4\xb8", "张\xe4\xb8", "张\xe4\xb8"},
        {"张 三", "张三", "张三"},
        {"a1\x7f", "a1\x7f", "A1\x7f"},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        s = text_normalize(cases[i][0], TEXT_NORM_NOSPACE);
        assert_str(s, cases[i][1]);
        free(s);
        s = text_normalize(cases[i][0], TEXT_NORM_NOSPACE | TEXT_NORM_UPPER);
        assert_str(s, cases[i][2]);
        free(s);
        /* text_is_normal(): never for text normalizing changes; for the dates, 男, x110, 张三. */
        const char *in = cases[i][0];
        int plain = i < 4, upper = i != 2 && i < 4;
        assert_int_equal(text_is_normal(in, strlen(in), TEXT_NORM_NOSPACE), plain);
        assert_int_equal(text_is_normal(in, strlen(in), TEXT_NORM_NOSPACE | TEXT_NORM_UPPER),
                         upper);
    }
    const char *cell = "\t 和平\xe3\x80\x80 \t";
    size_t from, to;
    text_trim_span(cell, strlen(cell), &from, &to);
    assert_int_equal(from, 2);
    assert_int_equal(to, 8);
}

/* Every middle-dot variant is the one dot U+00B7; dropped, the name reads on. */
static void middle_dots(void **state)
{
    (void)state;
    static const char *const variants[] = {"·", "•", "‧", "∙", "⸱", "・", "･", "．", "·"};
    for (size_t i = 0; i < ARRAY_LEN(variants); i++) {
        char typed[64];
        snprintf(typed, sizeof typed, "买买提%s艾力", variants[i]);
        char *folded = text_fold_dots(typed);
        assert_string_equal(folded, "买买提·艾力");
        free(folded);
        char *plain = text_drop_dots(typed);
        assert_string_equal(plain, "买买提艾力");
        free(plain);
    }
    /* Other text is left alone: other punctuation, bad bytes, NULL. */
    char *s = text_fold_dots("张三。李四-\xE2\x80");
    assert_string_equal(s, "张三。李四-\xE2\x80");
    free(s);
    s = text_fold_dots(NULL);
    assert_string_equal(s, "");
    free(s);
    s = text_drop_dots("阿依古丽·买买提·艾力");
    assert_string_equal(s, "阿依古丽买买提艾力");
    free(s);
}

static void wrap_lines(void **state)
{
    (void)state;
    const char *next;
    const char *s = "此记录已被修改。\n请重试abc";
    size_t n = text_wrap_line(s, 6, &next);
    assert_int_equal(n, strlen("此记录"));
    n = text_wrap_line(next, 6, &next);
    assert_int_equal(n, strlen("已被修"));
    n = text_wrap_line(next, 6, &next);
    assert_int_equal(n, strlen("改。"));
    n = text_wrap_line(next, 6, &next);
    assert_int_equal(n, strlen("请重试"));
    n = text_wrap_line(next, 6, &next);
    assert_int_equal(n, strlen("abc"));
    assert_int_equal(*next, '\0');
    /* A glyph wider than the line still moves on. */
    n = text_wrap_line("张", 1, &next);
    assert_int_equal(n, 3);
    /* No line starts with closing punctuation: 需 goes along with ？. */
    n = text_wrap_line("为什么需要？", 10, &next);
    assert_str(next, "要？");
    /* None ends with an opening one. */
    n = text_wrap_line("请填写（必填）", 8, &next);
    assert_str(next, "（必填）");
    /* Closing punctuation after closing punctuation: nothing is pulled back for it. */
    n = text_wrap_line("他说好。」", 8, &next);
    assert_str(next, "」");
    /* A number or a Latin word goes to the next line whole (F10 is not F1 and 0)... */
    n = text_wrap_line("按 Esc 0 = F10。", 12, &next);
    assert_str(next, "F10。");
    n = text_wrap_line("延至 2026-03-05 17:00：需", 17, &next);
    assert_str(next, "17:00：需");
    /* A masked number too: 139****1111 is not cut at its stars. */
    n = text_wrap_line("手机号 139****1111", 14, &next);
    assert_str(next, "139****1111");
    /* Closing punctuation that does not fit takes the whole date along, not its last digit. */
    n = text_wrap_line("例如 2026-03-16：", 15, &next);
    assert_str(next, "2026-03-16：");
    /* ...unless it fills the line by itself. */
    n = text_wrap_line("ABCDEFGHIJ", 4, &next);
    assert_str(next, "EFGHIJ");
    /* A variation selector is never parted from its character. */
    n = text_wrap_line("好好好一\xef\xb8\x80，x", 8, &next);
    assert_str(next, "一\xef\xb8\x80，x");
    /* A line of one glyph still moves on. */
    n = text_wrap_line("张。", 2, &next);
    assert_str(next, "。");
}

static void split_lists(void **state)
{
    (void)state;
    struct strlist l = STRLIST_INIT;
    text_split_list("空巢老人;党员 / 空巢老人、，退役军人", &l);
    char *joined = strlist_join(&l, "|");
    assert_str(joined, "空巢老人|党员|退役军人");
    free(joined);
    /* Appends, without what is there already. */
    text_split_list("党员、低保户", &l);
    assert_int_equal(l.n, 4);
    assert_str(l.v[3], "低保户");
    strlist_free(&l);
    text_split_list("", &l);
    assert_int_equal(l.n, 0);
}

static void line_check(void **state)
{
    (void)state;
    assert_true(text_is_line("和平大厦 A座"));
    assert_false(text_is_line("a\nb"));
    assert_false(text_is_line("a\xFF"));
    assert_true(text_is_line(""));
}

/* The one rule for stored text: controls, direction marks and invisible format characters. */
static void forbidden_characters(void **state)
{
    (void)state;
    struct text_pos at;
    uint32_t cp;
    static const struct {
        const char *s;
        size_t n;
        int kind;
        size_t column;
        uint32_t cp;
    } cases[] = {
        {"张\0三", 7, TEXT_CONTROL, 2, 0},           /* a NUL inside the length */
        {"a\x1b]0;x\x07", 8, TEXT_CONTROL, 2, 0x1B}, /* OSC */
        {"ab\x7f", 3, TEXT_CONTROL, 3, 0x7F},        /* DEL */
        {"x\xc2\x9b", 3, TEXT_CONTROL, 2, 0x9B},     /* C1 CSI */
        {"\xe2\x80\xae地址", 9, TEXT_DIRECTION, 1, 0x202E},
        {"名\xe2\x81\xa6字", 9, TEXT_DIRECTION, 2, 0x2066},
        {"王\xe2\x80\x8b五", 9, TEXT_INVISIBLE, 2, 0x200B},
        {"\xef\xbb\xbf李", 6, TEXT_INVISIBLE, 1, 0xFEFF},
        {"a\tb", 3, TEXT_CONTROL, 2, '\t'},
        {"a\xff", 2, TEXT_NOT_UTF8, 2, 0xFF},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        assert_int_equal(text_find_forbidden(cases[i].s, cases[i].n, 0, &at, &cp), cases[i].kind);
        assert_int_equal(at.column, cases[i].column);
        assert_int_equal(cp, cases[i].cp);
    }
    assert_int_equal(text_find_forbidden("第一行\n第二行", 19, 0, NULL, NULL), TEXT_CONTROL);
    assert_int_equal(text_find_forbidden("第一行\n第二行", 19, TEXT_LINES, NULL, NULL),
                     TEXT_ALLOWED);
    const char *names = "买买提·艾力 𠇔 ＡＢ";
    assert_int_equal(text_find_forbidden(names, strlen(names), 0, NULL, NULL), TEXT_ALLOWED);
    /* What the rule refuses is never drawn: it takes no width and shows as '?'. */
    assert_int_equal(text_cp_width(0x202E), -1);
    char buf[32];
    text_fit(buf, sizeof buf,
             "\xe2\x80\xae"
             "ab",
             4, 0);
    assert_str(buf, "?ab ");
}

/* Text going out to a terminal: every control replaced, line feeds and tabs only when asked. */
static void printable_output(void **state)
{
    (void)state;
    char *s = text_printable("a\x1b[2Jb\x07\n\tc\xff\xe2\x80\xae", 0);
    assert_str(s, "a?[2Jb???c??");
    free(s);
    s = text_printable("a\x1b[2Jb\n\tc", TEXT_LINES | TEXT_TABS);
    assert_str(s, "a?[2Jb\n\tc");
    free(s);
}

static void excerpts(void **state)
{
    (void)state;
    char *s = text_excerpt("和平区党群服务中心", 4);
    assert_str(s, "和平区党..");
    free(s);
    s = text_excerpt("短", 4);
    assert_str(s, "短");
    free(s);
}

/* Width and fitting read a string once: a 4,000,000-character address is a few milliseconds. */
static void width_is_linear(void **state)
{
    (void)state;
    size_t n = 4000000;
    char *big = xmalloc(n * 3 + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(big + i * 3, "路", 3);
    big[n * 3] = '\0';
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(text_width(big), (int)(2 * n));
    char *fit = text_fit_dup(big, 20, TEXT_FIT_ELLIPSIS);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    assert_str(fit, "路路路路路路路路路..");
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    /* Quadratic would be hours; linear is well under a second even with sanitizers. */
    assert_true(s < 2.0);
    free(fit);
    free(big);
}

int main(void)
{
    unit_locale();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decode_strict),
        cmocka_unit_test(encode_roundtrip),
        cmocka_unit_test(check_reports_position),
        cmocka_unit_test(widths),
        cmocka_unit_test(fit_pads_and_cuts),
        cmocka_unit_test(fit_last_column),
        cmocka_unit_test(fit_small_buffer),
        cmocka_unit_test(normalise_codes),
        cmocka_unit_test(middle_dots),
        cmocka_unit_test(wrap_lines),
        cmocka_unit_test(split_lists),
        cmocka_unit_test(line_check),
        cmocka_unit_test(forbidden_characters),
        cmocka_unit_test(printable_output),
        cmocka_unit_test(excerpts),
        cmocka_unit_test(width_is_linear),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
