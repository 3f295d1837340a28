/*
** namegen: see namegen.h.
*/
#include "namegen.h"
#include "date.h"
#include "idcard.h"

#include <stdio.h>
#include <string.h>

/*
** Surnames with rough weights (per ten thousand people): the common ones
** by census frequency, then two-character and polyphonic surnames.
*/
static const struct {
    const char *name;
    unsigned weight;
} surnames[] = {
    {"王", 720}, {"李", 720}, {"张", 690}, {"刘", 540}, {"陈", 450}, {"杨", 310}, {"赵", 230},
    {"黄", 230}, {"周", 210}, {"吴", 200}, {"徐", 160}, {"孙", 150}, {"胡", 130}, {"朱", 130},
    {"高", 120}, {"林", 120}, {"何", 120}, {"郭", 110}, {"马", 110}, {"罗", 90},  {"梁", 90},
    {"宋", 80},  {"郑", 80},  {"谢", 70},  {"韩", 70},  {"唐", 70},  {"冯", 70},  {"于", 60},
    {"董", 60},  {"萧", 60},  {"程", 60},  {"曹", 60},  {"袁", 50},  {"邓", 50},  {"许", 50},
    {"傅", 50},  {"沈", 50},  {"曾", 50},  {"彭", 50},  {"吕", 50},  {"苏", 40},  {"卢", 40},
    {"蒋", 40},  {"蔡", 40},  {"贾", 40},  {"丁", 40},  {"魏", 40},  {"薛", 40},  {"叶", 40},
    {"阎", 40},  {"余", 30},  {"潘", 30},  {"杜", 30},  {"戴", 30},  {"夏", 30},  {"钟", 30},
    {"汪", 30},  {"田", 30},  {"任", 30},  {"姜", 30},  {"范", 30},  {"方", 30},  {"石", 30},
    {"姚", 30},  {"谭", 30},  {"廖", 30},  {"邹", 30},  {"熊", 30},  {"金", 30},  {"陆", 30},
    {"郝", 30},  {"孔", 30},  {"白", 30},  {"崔", 30},  {"康", 30},  {"毛", 30},  {"邱", 30},
    {"秦", 30},  {"江", 30},  {"史", 30},  {"顾", 30},  {"侯", 30},  {"邵", 30},  {"孟", 30},
    {"龙", 20},  {"万", 20},  {"段", 20},  {"雷", 20},  {"钱", 20},  {"汤", 20},  {"尹", 20},
    {"黎", 20},  {"易", 20},  {"常", 20},  {"武", 20},  {"乔", 20},  {"贺", 20},  {"赖", 20},
    {"龚", 20},  {"文", 20},  {"单", 6},   {"解", 6},   {"仇", 4},   {"区", 3},   {"查", 4},
    {"朴", 4},   {"盖", 3},   {"乐", 3},   {"缪", 3},   {"翟", 5},   {"覃", 3},   {"种", 2},
    {"欧阳", 5}, {"司马", 2}, {"上官", 2}, {"诸葛", 2}, {"司徒", 2}, {"尉迟", 1}, {"万俟", 1},
    {"长孙", 1}, {"澹台", 1}, {"令狐", 1}, {"皇甫", 1}, {"东方", 1}, {"公孙", 1}, {"慕容", 1},
};

/* Given names by generation and gender: [born before 1965, 1965-1994, after 1994][male, female]. */
static const char *const given_two[3][2][16] = {
    {{"建国", "国强", "志强", "建华", "德明", "振华", "国庆", "永利", "宝华", "福生", "文斌",
      "树林", "玉山", "长顺", "德胜", "国华"},
     {"淑珍", "秀英", "桂兰", "玉兰", "凤英", "淑华", "秀兰", "桂英", "玉珍", "淑英", "凤兰",
      "秀珍", "桂芳", "丽华", "素芬", "玉梅"}},
    {{"伟", "军", "勇", "强", "磊", "涛", "斌", "志刚", "海涛", "建军", "晓东", "立新", "卫东",
      "文杰", "宏伟", "鹏"},
     {"丽", "静", "敏", "燕", "红", "艳", "丽娟", "晓燕", "海燕", "丽萍", "雪梅", "春艳", "艳玲",
      "晓红", "丽丽", "慧"}},
    {{"子轩", "浩然", "宇航", "梓豪", "俊杰", "浩宇", "博文", "一鸣", "天佑", "子墨", "皓轩",
      "宇轩", "明哲", "昊天", "思远", "嘉豪"},
     {"子涵", "欣怡", "梓涵", "诗涵", "雨桐", "可馨", "佳怡", "语嫣", "梦瑶", "思琪", "雨萱",
      "欣妍", "一诺", "紫涵", "若曦", "佳琪"}},
};

/* Polyphonic characters in given names: every reading must find the person. */
static const char *const polyphonic[] = {"乐", "长", "行", "重", "朝", "茜", "蔚", "柏", "和"};

/* Rare characters: 䶮 㛃 㵘 are outside GBK; 𠇔 𡒄 𨭉 𬌗 are outside the BMP. */
static const char *const rare[] = {"䶮", "㛃", "㵘", "𠇔", "𡒄", "𨭉", "𬌗"};

/* Uyghur names, written with the middle dot (data, not chrome: tests/tools/chrome_width.c). */
static const char *const uyghur[] = {
    "买买提·艾力",     /* not chrome */
    "阿依古丽·吐尔逊", /* not chrome */
    "艾尔肯·买买提",   /* not chrome */
    "古丽娜尔·阿不都", /* not chrome */
    "热合曼·吾斯曼",   /* not chrome */
    "帕提古丽·艾买提", /* not chrome */
};

static const struct {
    const char *name;
    unsigned weight; /* per ten thousand */
} ethnic_mix[] = {
    {"汉族", 9600},   {"回族", 150},  {"满族", 100}, {"蒙古族", 50}, {"朝鲜族", 40},
    {"维吾尔族", 20}, {"土家族", 15}, {"壮族", 15},  {"苗族", 10},
};

static const char *const regions[] = {"120102", "120103", "120104", "120105", "120106", "120110",
                                      "120111", "120112", "130102", "370102", "410105", "110105",
                                      "210102", "320102", "420102", "510104"};

static const char *const mobile_prefixes[] = {
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147",
    "150", "151", "152", "153", "155", "156", "157", "158", "159", "162", "165", "166",
    "167", "170", "171", "172", "173", "175", "176", "177", "178", "180", "181", "182",
    "183", "184", "185", "186", "187", "188", "189", "191", "193", "195", "198", "199"};

void rng_seed(struct rng *r, uint64_t seed)
{
    r->state = seed;
}

uint64_t rng_next(struct rng *r)
{
    uint64_t z = (r->state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

uint32_t rng_below(struct rng *r, uint32_t n)
{
    return (uint32_t)(rng_next(r) % n);
}

/* Index of a weighted pick among n weights spaced stride bytes apart. */
static size_t pick_weighted(struct rng *r, const unsigned *first, size_t n, size_t stride)
{
    unsigned total = 0;
    for (size_t i = 0; i < n; i++)
        total += *(const unsigned *)(const void *)((const char *)first + i * stride);
    unsigned x = rng_below(r, total);
    for (size_t i = 0; i < n; i++) {
        unsigned w = *(const unsigned *)(const void *)((const char *)first + i * stride);
        if (x < w) return i;
        x -= w;
    }
    return n - 1;
}

static const char *surname_pick(struct rng *r)
{
    return surnames[pick_weighted(r, &surnames[0].weight, ARRAY_LEN(surnames), sizeof surnames[0])]
        .name;
}

void namegen_person(struct rng *r, struct strbuf *out)
{
    strbuf_adds(out, surname_pick(r));
    int female = (int)rng_below(r, 2);
    const char *given = given_two[1 + rng_below(r, 2)][female][rng_below(r, 16)];
    strbuf_adds(out, given);
}

/* A name for someone born in year of gender ('M' / 'F'). */
static void name_for(struct rng *r, int year, char gender, const char *ethnicity,
                     struct strbuf *out)
{
    if (strcmp(ethnicity, "维吾尔族") == 0) {
        strbuf_adds(out, uyghur[rng_below(r, ARRAY_LEN(uyghur))]);
        return;
    }
    int era = year < 1965 ? 0 : year < 1995 ? 1 : 2;
    int female = gender == 'F';
    strbuf_adds(out, surname_pick(r));
    const char *given = given_two[era][female][rng_below(r, 16)];
    uint32_t odd = rng_below(r, 1000);
    if (odd < 10) {
        /* 1 %: a polyphonic character in the given name. */
        strbuf_adds(out, polyphonic[rng_below(r, ARRAY_LEN(polyphonic))]);
        strbuf_add(out, given, strlen(given) > 3 ? 3 : strlen(given));
    } else if (odd < 12) {
        /* 0.2 %: a rare character, some outside GBK or the BMP. */
        strbuf_add(out, given, 3);
        strbuf_adds(out, rare[rng_below(r, ARRAY_LEN(rare))]);
    } else {
        strbuf_adds(out, given);
    }
}

/* An age drawn from an ageing district: 10 % under 15, 37 % 60 and over, 6 % 80 and over. */
static int age_pick(struct rng *r)
{
    uint32_t u = rng_below(r, 1000);
    if (u < 100) return (int)rng_below(r, 15);
    if (u < 630) return 15 + (int)rng_below(r, 45);
    if (u < 940) return 60 + (int)rng_below(r, 20);
    return 80 + (int)rng_below(r, 20);
}

/* A resident of this gender and age (see namegen_resident()). */
static void person(struct rng *r, time_t now, char gender, int age, struct resident *out)
{
    struct strbuf sb = STRBUF_INIT;
    struct date today = date_of(now);
    struct date birth = {today.year - age - 1 + (int)rng_below(r, 2), 1 + (int)rng_below(r, 12),
                         1 + (int)rng_below(r, 28)};
    if (date_cmp(&birth, &today) > 0) birth.year--;
    const char *ethnicity = ethnic_mix[pick_weighted(r, &ethnic_mix[0].weight,
                                                     ARRAY_LEN(ethnic_mix), sizeof ethnic_mix[0])]
                                .name;

    name_for(r, birth.year, gender, ethnicity, &sb);
    record_set(&out->name, strbuf_str(&sb));
    out->gender = gender;
    record_set(&out->ethnicity, ethnicity);
    char iso[11];
    record_set(&out->birth_date, date_format(&birth, iso));

    /* ID: region, birth date, a sequence whose parity is the gender, the check character. */
    const char *region =
        rng_below(r, 100) < 85 ? "120101" : regions[rng_below(r, ARRAY_LEN(regions))];
    unsigned seq = rng_below(r, 500) * 2 + (gender == 'M' ? 1 : 0);
    char id[32];
    snprintf(id, sizeof id, "%.6s%04d%02d%02d%03u", region, birth.year, birth.month, birth.day,
             seq % 1000);
    id[17] = idcard_check_char(id);
    id[18] = '\0';
    record_set(&out->id_number, id);

    /* 9.6 % have no mobile, mostly children. */
    int no_phone = age < 15 ? rng_below(r, 100) < 70 : rng_below(r, 1000) < 25;
    if (!no_phone) {
        char phone[24];
        snprintf(phone, sizeof phone, "%.3s%08u",
                 mobile_prefixes[rng_below(r, ARRAY_LEN(mobile_prefixes))],
                 rng_below(r, 100000000));
        record_set(&out->phone, phone);
    } else {
        record_set(&out->phone, "");
    }
    strbuf_reset(&sb);
    strbuf_addf(&sb, "%u号楼-%u单元-%u%02u", 1 + rng_below(r, 24), 1 + rng_below(r, 6),
                1 + rng_below(r, 7), 1 + rng_below(r, 4));
    record_set(&out->address, strbuf_str(&sb));

    strbuf_reset(&sb);
    struct {
        const char *tag;
        int min_age;
        unsigned per_mille;
    } tags[] = {{"空巢老人", 60, 300}, {"独居老人", 75, 110}, {"残疾人", 0, 25},
                {"党员", 18, 22},      {"退役军人", 30, 14},  {"低保户", 0, 12}};
    for (size_t i = 0; i < ARRAY_LEN(tags); i++)
        if (age >= tags[i].min_age && rng_below(r, 1000) < tags[i].per_mille)
            strbuf_addf(&sb, "%s%s", sb.len ? "、" : "", tags[i].tag);
    record_set(&out->tags, strbuf_str(&sb));
    strbuf_free(&sb);
}

void namegen_resident(struct rng *r, time_t now, struct resident *out)
{
    char gender = rng_below(r, 2) ? 'M' : 'F';
    int age = age_pick(r);
    person(r, now, gender, age, out);
}

/* An age in [lo, hi], kept within a life. */
static int age_between(struct rng *r, int lo, int hi)
{
    if (lo < 0) lo = 0;
    if (hi > 99) hi = 99;
    if (hi < lo) hi = lo;
    return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

int namegen_household_size(struct rng *r, int head_age)
{
    /* 1 to 5 people: many elderly live alone or as a couple. */
    static const unsigned weights[] = {26, 36, 22, 11, 5};
    uint32_t u = rng_below(r, 100), sum = 0;
    int n = 1;
    for (size_t i = 0; i < ARRAY_LEN(weights); i++) {
        sum += weights[i];
        if (u < sum) {
            n = (int)i + 1;
            break;
        }
    }
    return head_age < 22 ? 1 : n;
}

void namegen_relative(struct rng *r, time_t now, const struct resident *head, int head_age, int nth,
                      struct resident *out)
{
    char gender = rng_below(r, 2) ? 'M' : 'F';
    int age;
    const char *relation;
    if (nth == 1 && head_age >= 20) {
        gender = head->gender == 'M' ? 'F' : 'M';
        age = age_between(r, head_age - 5, head_age + 5);
        if (age < 20) age = 20;
        relation = "配偶";
    } else if (head_age <= 62 && nth == 4) {
        age = age_between(r, head_age + 24, head_age + 32);
        relation = gender == 'M' ? "父亲" : "母亲";
    } else {
        age = age_between(r, head_age - 38, head_age - 22);
        relation = gender == 'M' ? "子" : "女";
    }
    person(r, now, gender, age, out);
    record_set(&out->address, head->address);
    record_set(&out->relation, relation);
}
