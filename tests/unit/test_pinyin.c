/* Unit tests for src/pinyin: keys, surnames, polyphones, collation. */
#include "unit.h"
#include "src/pinyin.h"
#include "src/search.h"

/* True when key is one of the space-separated keys. */
static int has_key(const char *keys, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = keys; (p = strstr(p, key)) != NULL; p += n)
        if ((p == keys || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return 1;
    return 0;
}

static void expect(const char *name, unsigned flags, const char *want, const char *not_want)
{
    char *keys = pinyin_keys(name, flags);
    char buf[256];
    snprintf(buf, sizeof buf, "%s", want);
    for (char *k = strtok(buf, " "); k; k = strtok(NULL, " ")) {
        if (!has_key(keys, k)) fail_msg("%s: key '%s' missing from '%s'", name, k, keys);
    }
    if (not_want) {
        snprintf(buf, sizeof buf, "%s", not_want);
        for (char *k = strtok(buf, " "); k; k = strtok(NULL, " "))
            if (has_key(keys, k)) fail_msg("%s: unwanted key '%s' in '%s'", name, k, keys);
    }
    free(keys);
}

/* Choosers narrow by a fragment or the start of a pinyin key. */
static void short_list_matching(void **state)
{
    (void)state;
    assert_true(pinyin_matches("回族", ""));
    assert_true(pinyin_matches("回族", "回"));
    assert_true(pinyin_matches("回族", "hz"));
    assert_true(pinyin_matches("回族", "HuiZ"));
    assert_false(pinyin_matches("汉族", "huiz"));
    assert_true(pinyin_matches("子", "zi"));
    assert_false(pinyin_matches("孙子", "zi"));
    assert_true(pinyin_matches("孙子", "子"));
    /* Names kept with PINYIN_INSIDE keys (the catalogue) are found by a word inside. */
    char *keys = pinyin_keys("加装电梯", PINYIN_INSIDE);
    assert_non_null(strstr(keys, "jiazhuangdianti"));
    assert_non_null(strstr(keys, " dt"));
    assert_non_null(strstr(keys, " dianti"));
    assert_non_null(strstr(keys, " ti"));
    free(keys);
    keys = pinyin_keys("加装电梯", 0); /* without the flag, whole names only */
    assert_null(strstr(keys, " dianti"));
    free(keys);
}

/* A person's name's keys from each later syllable on, apart from its own. */
static void inner_keys(void **state)
{
    (void)state;
    struct strlist keys = STRLIST_INIT;
    pinyin_inner_key_list("张三丰", &keys);
    assert_true(strlist_has(&keys, "sanfeng"));
    assert_true(strlist_has(&keys, "sf"));
    assert_true(strlist_has(&keys, "feng"));
    assert_false(strlist_has(&keys, "zhangsanfeng"));
    assert_false(strlist_has(&keys, "zsf"));
    /* The middle dot is no syllable: 艾力 starts one word. */
    pinyin_inner_key_list("买买提·艾力", &keys);
    assert_true(strlist_has(&keys, "aili"));
    assert_true(strlist_has(&keys, "al"));
    assert_true(strlist_has(&keys, "tiaili"));
    assert_false(strlist_has(&keys, "maimaitiaili"));
    /* A one-character name has nothing inside. */
    pinyin_inner_key_list("张", &keys);
    assert_int_equal(keys.n, 0);
    strlist_free(&keys);
}

static void plain_names(void **state)
{
    (void)state;
    expect("张三", PINYIN_PERSON, "zhangsan zs zhs", NULL);
    expect("李四", PINYIN_PERSON, "lisi ls", NULL);
    /* One syllable per character, even where ICU runs syllables together. */
    expect("杨勇", PINYIN_PERSON, "yangyong yy", NULL);
    expect("曾国藩", PINYIN_PERSON, "zengguofan zgf zgf", NULL);
}

static void polyphonic_surnames(void **state)
{
    (void)state;
    expect("单田芳", PINYIN_PERSON, "shantianfang stf shtf", "dtf dantianfang");
    expect("曾志伟", PINYIN_PERSON, "zengzhiwei zzw zzhw", "czw");
    expect("解缙", PINYIN_PERSON, "xiejin xj", "jj");
    expect("仇英", PINYIN_PERSON, "qiuying qy", "cy");
    expect("区志强", PINYIN_PERSON, "ouzhiqiang ozq", "qzq");
    expect("查良镛", PINYIN_PERSON, "zhaliangyong zly", "cly");
    /* Fix-ups ICU lacks. */
    expect("朴树", PINYIN_PERSON, "piaoshu ps", "pushu");
    expect("缪斯", PINYIN_PERSON, "miaosi ms", "mousi");
    expect("覃芳", PINYIN_PERSON, "qinfang qf", "tanfang");
    /* Compound surnames read as one. */
    expect("万俟卨", PINYIN_PERSON, "mqx moqixie", "wqx");
    expect("尉迟恭", PINYIN_PERSON, "yuchigong ycg", "wcg");
    expect("欧阳修", PINYIN_PERSON, "ouyangxiu oyx", NULL);
}

static void polyphonic_given_names(void **state)
{
    (void)state;
    expect("张乐", PINYIN_PERSON, "zhangle zhangyue zl zy", NULL);
    expect("王长顺", PINYIN_PERSON, "wcs wzs wangchangshun wangzhangshun", NULL);
    expect("李行", PINYIN_PERSON, "lx lh", NULL);
    expect("刘重阳", PINYIN_PERSON, "lzy lcy", NULL);
    expect("赵朝阳", PINYIN_PERSON, "zcy zzy zhchy", NULL);
    /* A surname only at the start: 单 elsewhere keeps its readings. */
    expect("张单", PINYIN_PERSON, "zd zs", NULL);
}

static void places_and_ext_b(void **state)
{
    (void)state;
    /* Not a person: no surname reading, polyphones get every reading. */
    expect("长春道", 0, "ccd zcd changchundao", NULL);
    expect("3号楼", 0, "3hl 3haolou", NULL);
    expect("津汇广场B座", 0, "jhgcbz", NULL);
    /* Ext-B characters ICU cannot read are skipped, the rest still found. */
    expect("王𠇔", PINYIN_PERSON, "w wang", NULL);
    expect("买买提·艾力", PINYIN_PERSON, "mmtal", NULL);
    char *keys = pinyin_keys("·、", 0);
    assert_str(keys, "");
    free(keys);
    assert_null(pinyin_readings(0x3001, 0));
    assert_str(pinyin_readings(0x5355, 1), "shan");
}

static void collation(void **state)
{
    (void)state;
    assert_true(pinyin_collate("3号楼", -1, "12号楼", -1) < 0);
    assert_true(pinyin_collate("李四", -1, "王五", -1) < 0);
    assert_true(pinyin_collate("王五", -1, "张三", -1) < 0);
    assert_true(pinyin_collate("阿毛", -1, "李四", -1) < 0);
    assert_int_equal(pinyin_collate("和平", -1, "和平", -1), 0);
    assert_true(pinyin_collate("张三", -1, "Alice", -1) < 0); /* Han before Latin */
}

/* ü as input methods type it (v) and as written (ü) finds what is filed with u: 吕 lu, 女 nu. */
static void umlaut_typed(void **state)
{
    (void)state;
    assert_true(pinyin_matches("吕", "lv"));
    assert_true(pinyin_matches("绿化", "lvh"));
    assert_false(pinyin_matches("刘", "lv"));
    char *u = pinyin_typed_u("LvWeiDong");
    assert_string_equal(u, "LuWeiDong");
    free(u);
    assert_null(pinyin_typed_u("lu"));     /* no v */
    assert_null(pinyin_typed_u("v2"));     /* not letters alone */
    assert_null(pinyin_typed_u("吕v"));
    u = pinyin_typed_u("lüwd");
    assert_string_equal(u, "luwd");
    free(u);
    assert_true(pinyin_matches("吕卫东", "lüw"));       /* ü as written, in a chooser */
    assert_true(pinyin_matches("VIP服务", "vip"));      /* a Latin v, as typed */
    struct search_query q;
    search_classify("lüweidong", &q);
    assert_int_equal(q.kind, SEARCH_PINYIN);
    assert_string_equal(q.text, "luweidong");
    free(q.text);
    search_classify("LÜ", &q);
    assert_string_equal(q.text, "lu");
    free(q.text);
    search_classify("Müller1", &q); /* not pinyin: as typed */
    assert_string_equal(q.text, "Müller1");
    free(q.text);
}

static int teardown(void **state)
{
    (void)state;
    pinyin_shutdown();
    return 0;
}

int main(void)
{
    unit_locale();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(short_list_matching),
        cmocka_unit_test(inner_keys),
        cmocka_unit_test(plain_names),
        cmocka_unit_test(polyphonic_surnames),
        cmocka_unit_test(polyphonic_given_names),
        cmocka_unit_test(places_and_ext_b),
        cmocka_unit_test(collation),
        cmocka_unit_test(umlaut_typed),
    };
    return cmocka_run_group_tests_name("pinyin", tests, NULL, teardown);
}
