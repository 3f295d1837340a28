/*
** Unit tests of the roles table (src/roles.h): every role against every
** right, as seeded, written out here a second time so that a change to
** the table is a change to this test too; and finding a role by its code
** or its name (the Chinese one, through
** the catalogue, is the CLI test's).
*/
#include "unit.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/workflow.h"
#include "src/util.h"

/* Columns: the rights in the order of enum right. */
static const char *const right_cols =
    "take dispatch own-unit follow-up approve catalogue areas "
    "users reveal unmasked audit visits hours kiosk settings residents";

/* Each role's row: 1 where it holds the right of that column. */
static const struct {
    const char *code;
    int has[RIGHT_COUNT];
    unsigned acts; /* the workflow's parts it plays */
} expected[] = {
    {"desk", {1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1}, ROLE_DESK | ROLE_UNIT},
    {"unit", {0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, ROLE_UNIT},
    {"chief", {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0}, 0},
    {"volunteers", {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1}, 0},
    {"supervisor",
     {1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1},
     ROLE_DESK | ROLE_UNIT | ROLE_SUPERVISOR},
    {"admin",
     {1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1},
     ROLE_DESK | ROLE_UNIT | ROLE_SUPERVISOR},
    {"kiosk", {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0}, 0},
};

static void every_role_every_right(void **state)
{
    (void)state;
    (void)right_cols;
    assert_int_equal(ARRAY_LEN(expected), ROLE_COUNT);
    for (size_t i = 0; i < ARRAY_LEN(expected); i++) {
        const struct role *r = roles_get((enum role_id)i);
        assert_non_null(r);
        assert_str(r->code, expected[i].code);
        for (unsigned b = 0; b < RIGHT_COUNT; b++) {
            int has = roles_allow(r->code, 1u << b);
            if (has != expected[i].has[b])
                fail_msg("role %s, right %s: %d, expected %d", r->code, roles_right_name(1u << b),
                         has, expected[i].has[b]);
        }
        assert_int_equal(roles_acts(r->code), expected[i].acts);
    }
    assert_null(roles_get(ROLE_COUNT));
}

static void unknown_roles_hold_nothing(void **state)
{
    (void)state;
    assert_false(roles_allow("root", RIGHT_TAKE_DOWN));
    assert_false(roles_allow("", 0));
    assert_false(roles_allow(NULL, 0));
    assert_int_equal(roles_acts("root"), 0);
    /* Several rights at once: all of them or nothing. */
    assert_true(roles_allow("desk", RIGHT_TAKE_DOWN | RIGHT_DISPATCH));
    assert_false(roles_allow("desk", RIGHT_TAKE_DOWN | RIGHT_MANAGE_USERS));
    assert_null(roles_right_name(0));
    assert_null(roles_right_name(3));
    assert_non_null(roles_right_name(RIGHT_KIOSK_ONLY));
}

static void found_by_code_or_name(void **state)
{
    (void)state;
    assert_str(roles_find("supervisor")->code, "supervisor");
    assert_str(roles_find("Unit handler")->code, "unit");
    assert_null(roles_find("boss"));
    char *codes = roles_codes();
    assert_str(codes, "desk|unit|chief|volunteers|supervisor|admin|kiosk");
    free(codes);
}

int main(void)
{
    unit_locale();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_role_every_right),
        cmocka_unit_test(unknown_roles_hold_nothing),
        cmocka_unit_test(found_by_code_or_name),
    };
    return cmocka_run_group_tests_name("roles", tests, NULL, NULL);
}
