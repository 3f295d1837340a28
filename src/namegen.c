/*
** namegen: see namegen.h.
*/
#include "namegen.h"

#include <string.h>

/* Common surnames with rough weights (per mille of the population). */
static const struct {
    const char *name;
    unsigned weight;
} surnames[] = {
    {"王", 72}, {"李", 72}, {"张", 69}, {"刘", 54},  {"陈", 45},  {"杨", 31}, {"赵", 23},
    {"黄", 23}, {"周", 21}, {"吴", 20}, {"徐", 16},  {"孙", 15},  {"胡", 13}, {"朱", 13},
    {"高", 12}, {"林", 12}, {"何", 12}, {"郭", 11},  {"马", 11},  {"罗", 9},  {"梁", 9},
    {"宋", 8},  {"郑", 8},  {"谢", 7},  {"韩", 7},   {"唐", 7},   {"冯", 7},  {"于", 6},
    {"董", 6},  {"萧", 6},  {"程", 6},  {"曹", 6},   {"袁", 5},   {"邓", 5},  {"许", 5},
    {"傅", 5},  {"沈", 5},  {"曾", 5},  {"彭", 5},   {"吕", 5},   {"苏", 4},  {"卢", 4},
    {"蒋", 4},  {"蔡", 4},  {"贾", 4},  {"丁", 4},   {"魏", 4},   {"薛", 4},  {"叶", 4},
    {"单", 1},  {"解", 1},  {"仇", 1},  {"欧阳", 1}, {"司马", 1},
};

/* Characters common in given names. */
static const char *const given[] = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
    "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "建", "国",
    "志", "红", "文", "海", "波", "宁", "鹏", "辉", "燕", "凤", "晨", "欣", "宇", "浩",
    "思", "雨", "婷", "俊", "佳", "琳", "博", "涵", "子", "梓", "轩", "怡", "瑞", "萱",
};

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

void namegen_person(struct rng *r, struct strbuf *out)
{
    unsigned total = 0;
    for (size_t i = 0; i < ARRAY_LEN(surnames); i++)
        total += surnames[i].weight;
    unsigned pick = rng_below(r, total);
    size_t s = 0;
    while (pick >= surnames[s].weight) {
        pick -= surnames[s].weight;
        s++;
    }
    strbuf_adds(out, surnames[s].name);
    int chars = rng_below(r, 3) == 0 ? 1 : 2;
    for (int i = 0; i < chars; i++)
        strbuf_adds(out, given[rng_below(r, ARRAY_LEN(given))]);
}
