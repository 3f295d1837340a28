/*
** Unit tests of the credit-code validator (src/credit_code.h): real,
** published codes of well-known companies pass; every kind of bad code is
** refused with the reason, a wrong check character with the right one named.
*/
#include "unit.h"
#include "src/credit_code.h"

/* Codes the companies publish (business licences, annual reports, the credit registry). */
static const struct {
    const char *name, *code;
} published[] = {
    {"华为技术有限公司", "914403001922038216"},
    {"腾讯科技（深圳）有限公司", "9144030071526726XG"},
    {"阿里巴巴（中国）有限公司", "91330100716105852F"},
    {"小米科技有限责任公司", "91110108551385082Q"},
    {"百度在线网络技术（北京）有限公司", "91110000802100433B"},
    {"中国工商银行股份有限公司", "91100000100003962T"},
    {"比亚迪股份有限公司", "91440300192317458F"},
    {"中国平安保险（集团）股份有限公司", "91440300100012316L"},
    {"招商银行股份有限公司", "9144030010001686XA"},
    {"贵州茅台酒股份有限公司", "91520000214434146R"},
    {"中国石油化工股份有限公司", "91110000710926094P"},
    {"中国建设银行股份有限公司", "911100001000044477"},
    {"国家电网有限公司", "9111000071093123XX"},
};

static void published_codes_pass(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof published / sizeof published[0]; i++) {
        struct credit_code c;
        enum credit_code_error err = credit_code_parse(published[i].code, &c);
        if (err != CREDIT_CODE_OK) fail_msg("%s %s: %d", published[i].name, published[i].code, err);
        assert_str(c.code, published[i].code);
        assert_int_equal(credit_code_check_char(published[i].code), published[i].code[17]);
        assert_null(credit_code_check(published[i].code));
    }
}

static void typed_forms_are_normalised(void **state)
{
    (void)state;
    struct credit_code c;
    /* Full-width characters from an input method, lower case, spaces. */
    assert_int_equal(credit_code_parse("９１４４０３００１９２２０３８２１６", &c), CREDIT_CODE_OK);
    assert_str(c.code, "914403001922038216");
    assert_int_equal(credit_code_parse(" 9144 0300 7152 6726xg\t", &c), CREDIT_CODE_OK);
    assert_str(c.code, "9144030071526726XG");
}

/* One bad code, the error it gives, and a piece of its message. */
static void refused(const char *code, enum credit_code_error want, const char *words)
{
    struct credit_code c;
    enum credit_code_error got = credit_code_parse(code, &c);
    if (got != want) fail_msg("%s: %d, not %d", code, got, want);
    char *msg = credit_code_message(got, &c);
    if (words && (!msg || !strstr(msg, words)))
        fail_msg("%s: \"%s\" lacks \"%s\"", code, msg, words);
    if (want != CREDIT_CODE_EMPTY) assert_non_null(credit_code_check(code));
    free(msg);
}

static void bad_codes_are_refused(void **state)
{
    (void)state;
    refused("", CREDIT_CODE_EMPTY, "Required");
    assert_null(credit_code_check("")); /* optional where it is checked */
    refused("91440300192317458", CREDIT_CODE_LENGTH, "18 characters");
    refused("91440300192317458FF", CREDIT_CODE_LENGTH, "18 characters");
    refused("914403001923174", CREDIT_CODE_LENGTH, NULL);
    /* The letters the standard leaves out, each named with its place. */
    refused("91440300I92317458F", CREDIT_CODE_CHARS, "Character 9 is I");
    refused("91440300192317458O", CREDIT_CODE_CHARS, "Character 18 is O");
    refused("9S4403001923174580", CREDIT_CODE_CHARS, "Character 2 is S");
    refused("91440300192317V58F", CREDIT_CODE_CHARS, "never use I, O, S, V or Z");
    refused("Z14403001923174580", CREDIT_CODE_CHARS, "Character 1 is Z");
    refused("91440300-92317458F", CREDIT_CODE_CHARS, "Character 9 is -");
    refused("914403001923174５8中", CREDIT_CODE_CHARS, "Character 18 is not");
    refused("91100000\xa9"
            "912449495",
            CREDIT_CODE_CHARS, "Character 9 is not"); /* a stray byte */
    /* Authority and category. */
    refused("B14403001923174580", CREDIT_CODE_AUTHORITY, "code B");
    refused("04403001923174580X", CREDIT_CODE_AUTHORITY, "code 0");
    refused("94440300192317458F", CREDIT_CODE_CATEGORY, "authority 9 has no category 4");
    refused("Y24403001923174580", CREDIT_CODE_CATEGORY, NULL);
    /* Region. */
    refused("91990300192317458F", CREDIT_CODE_REGION, "990300");
    refused("9144A300192317458F", CREDIT_CODE_REGION, NULL);
    /* The organisation code's own check (GB 11714): 19231745 ends in 8. */
    refused("914403001923174518", CREDIT_CODE_ORG_CHECK, "the 17th is 8, not 1");
    /* The check character, the right one named. */
    refused("914403001922038217", CREDIT_CODE_CHECK, "ends in 6");
    refused("9144030071526726X0", CREDIT_CODE_CHECK, "ends in G");
    struct credit_code c;
    assert_int_equal(credit_code_parse("91330100716105852E", &c), CREDIT_CODE_CHECK);
    assert_int_equal(c.expected, 'F');
}

static void check_characters(void **state)
{
    (void)state;
    /* 9x1 + 1x3 + 1x9 + 1x27 + 1x(3^8 mod 31 = 20) = 68; 68 mod 31 = 6; 31 - 6 = 25: R. */
    assert_int_equal(credit_code_check_char("91110000100000000"), 'R');
    assert_int_equal(credit_code_check_char("9111000010000000I"), 0); /* not in the alphabet */
    assert_int_equal(credit_code_org_check_char("19220382"), '1');
    assert_int_equal(credit_code_org_check_char("71526726"), 'X');
    assert_int_equal(credit_code_org_check_char("7152672*"), 0);
}

int main(void)
{
    unit_locale();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(published_codes_pass),
        cmocka_unit_test(typed_forms_are_normalised),
        cmocka_unit_test(bad_codes_are_refused),
        cmocka_unit_test(check_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
