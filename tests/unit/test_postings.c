/* Unit tests for src/postings: chunks packed and unpacked, damaged bytes refused, edits in order.
 */
#include "unit.h"
#include "src/postings.h"

/* Pack e[0..n) and unpack it again into out. Returns what postings_unpack returned. */
static int roundtrip(const struct posting *e, size_t n, struct posting *out, size_t *packed_len)
{
    unsigned char first[POSTING_SIZE];
    posting_put(&e[0], first);
    struct strbuf sb = STRBUF_INIT;
    postings_pack(e, n, &sb);
    *packed_len = sb.len;
    int rc = postings_unpack(first, POSTING_SIZE, (const unsigned char *)sb.buf, sb.len, n, out);
    strbuf_free(&sb);
    return rc;
}

static void pack_unpack(void **state)
{
    (void)state;
    const struct posting e[] = {
        {posting_key(0, 5), 900000},
        {posting_key(0, 5), 900001},
        {posting_key(0, 5), 4000000000u},
        {posting_key(1, 7), 1},
        {posting_key(1, 7), 2},
        {posting_key(1, 150094635296999121), 300},
        {posting_key(2, 150094635296999121), 3},
        {UINT64_MAX, UINT32_MAX},
    };
    size_t n = sizeof e / sizeof e[0], len;
    struct posting out[sizeof e / sizeof e[0]];
    assert_int_equal(roundtrip(e, n, out, &len), 0);
    for (size_t i = 0; i < n; i++) {
        assert_true(out[i].key == e[i].key);
        assert_int_equal(out[i].id, e[i].id);
    }
    /* One entry is its first alone; entries of one key and near ids take 2 bytes each. */
    assert_int_equal(roundtrip(e, 1, out, &len), 0);
    assert_int_equal(len, 0);
    assert_int_equal(roundtrip(e, 2, out, &len), 0);
    assert_int_equal(len, 2);
    /* The whole first entry keeps byte order as entry order. */
    unsigned char a[POSTING_SIZE], b[POSTING_SIZE];
    posting_put(&e[2], a);
    posting_put(&e[3], b);
    assert_true(memcmp(a, b, POSTING_SIZE) < 0);
    struct posting g = posting_get(b);
    assert_true(g.key == e[3].key && g.id == e[3].id);
}

static void damaged_refused(void **state)
{
    (void)state;
    const struct posting e[] = {
        {posting_key(1, 10), 5}, {posting_key(1, 10), 6}, {posting_key(1, 99999), 7}};
    unsigned char first[POSTING_SIZE];
    posting_put(&e[0], first);
    struct strbuf sb = STRBUF_INIT;
    postings_pack(e, 3, &sb);
    const unsigned char *p = (const unsigned char *)sb.buf;
    struct posting out[4];
    assert_int_equal(postings_unpack(first, POSTING_SIZE, p, sb.len, 3, out), 0);
    assert_int_equal(postings_unpack(first, POSTING_SIZE, p, sb.len - 1, 3, out), -1); /* cut */
    assert_int_equal(postings_unpack(first, POSTING_SIZE, p, sb.len, 2, out), -1); /* left over */
    assert_int_equal(postings_unpack(first, POSTING_SIZE, p, sb.len, 4, out), -1); /* too few */
    assert_int_equal(postings_unpack(first, 8, p, sb.len, 3, out), -1);            /* bad first */
    /* An id past 32 bits. */
    const unsigned char big[] = {0x00, 0xff, 0xff, 0xff, 0xff, 0x7f};
    assert_int_equal(postings_unpack(first, POSTING_SIZE, big, sizeof big, 2, out), -1);
    /* A key gap running past the largest key. */
    const struct posting top = {UINT64_MAX - 1, 0};
    posting_put(&top, first);
    const unsigned char past[] = {0x02, 0x00};
    assert_int_equal(postings_unpack(first, POSTING_SIZE, past, sizeof past, 2, out), -1);
    /* A varint that never ends. */
    const unsigned char endless[] = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
                                     0x80, 0x80, 0x80, 0x80, 0x80, 0x01};
    assert_int_equal(postings_unpack(first, POSTING_SIZE, endless, sizeof endless, 2, out), -1);
    strbuf_free(&sb);
}

static void insert_remove_in_order(void **state)
{
    (void)state;
    struct posting v[4];
    size_t n = 0;
    const struct posting a = {posting_key(1, 3), 9}, b = {posting_key(0, 3), 9},
                         c = {posting_key(1, 3), 2};
    assert_int_equal(postings_insert(v, &n, &a), 0);
    assert_int_equal(postings_insert(v, &n, &b), 0);
    assert_int_equal(postings_insert(v, &n, &c), 0);
    assert_int_equal(postings_insert(v, &n, &c), -1);
    assert_int_equal(n, 3);
    assert_true(posting_cmp(&v[0], &b) == 0 && posting_cmp(&v[1], &c) == 0 &&
                posting_cmp(&v[2], &a) == 0);
    assert_int_equal(postings_remove(v, &n, &c), 0);
    assert_int_equal(postings_remove(v, &n, &c), -1);
    assert_int_equal(n, 2);
    assert_true(posting_cmp(&v[0], &b) == 0 && posting_cmp(&v[1], &a) == 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pack_unpack),
        cmocka_unit_test(damaged_refused),
        cmocka_unit_test(insert_remove_in_order),
    };
    return cmocka_run_group_tests_name("postings", tests, NULL, NULL);
}
