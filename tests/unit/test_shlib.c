/*
** Unit tests for src/shlib: each library opened by its soname the first
** time it is asked for, each function of its table the one the library
** exports (this test is linked with the same libraries, and opening a
** loaded soname gives it again), ICU's with their version suffix; and
** ICU counted as opened only once it was.
*/
#include "unit.h"
#include "src/shlib.h"

#include <stdint.h>

#define SAME(t, f)         assert_ptr_equal((void *)(uintptr_t)(t)->f, (void *)(uintptr_t)f);
#define SAME_ZIP(f)        SAME(z, f)
#define SAME_XLSXWRITER(f) SAME(w, f)
#define SAME_ICU(f)        SAME(icu, f)

static void each_function_found(void **state)
{
    (void)state;
    assert_null(shlib_icu_opened()); /* nothing asked for ICU yet */
    char *err = NULL;
    const struct zip_calls *z = shlib_zip(&err);
    assert_null(err);
    assert_non_null(z);
    SHLIB_ZIP_CALLS(SAME_ZIP)
    const struct xlsxwriter_calls *w = shlib_xlsxwriter(&err);
    assert_null(err);
    assert_non_null(w);
    SHLIB_XLSXWRITER_CALLS(SAME_XLSXWRITER)
    assert_null(shlib_icu_opened());
    const struct icu_calls *icu = shlib_icu(&err);
    assert_null(err);
    assert_non_null(icu);
    SHLIB_ICU_CALLS(SAME_ICU)
    assert_ptr_equal(shlib_icu_opened(), icu);
    assert_ptr_equal(shlib_zip(NULL), z); /* opened once */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_function_found),
    };
    return cmocka_run_group_tests_name("shlib", tests, NULL, NULL);
}
