/*
** unit: what every unit test includes. cmocka needs these system headers
** first; the runner reads its TAP output (CMOCKA_MESSAGE_OUTPUT=TAP).
*/
#ifndef BANGBAN_UNIT_H
#define BANGBAN_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "src/clock.h"

/* Unit tests run under C.UTF-8 so wcwidth knows CJK widths. */
static inline void unit_locale(void)
{
    if (!setlocale(LC_ALL, "C.UTF-8")) {
        fprintf(stderr, "the C.UTF-8 locale is missing\n");
        exit(1);
    }
}

#define assert_str(a, b) assert_string_equal((a), (b))

/* A local time written "2026-03-02 09:30" (clock_parse()), or the test fails. */
static inline time_t at(const char *s)
{
    time_t t;
    assert_int_equal(clock_parse(s, &t), 0);
    return t;
}

#endif
