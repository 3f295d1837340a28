/*
** fuzz: what every libFuzzer harness of tests/fuzz/ includes. CHECK() is
** how a harness states a property: when it fails, the message names it and
** abort() makes libFuzzer keep the input as a crash artifact. The
** harnesses run under C.UTF-8 (as the unit tests do) so that wcwidth knows
** CJK widths. Built and run by tests/fuzz/run.sh.
*/
#ifndef BANGBAN_FUZZ_H
#define BANGBAN_FUZZ_H

#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond);          \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (!setlocale(LC_ALL, "C.UTF-8")) {
        fprintf(stderr, "fuzz: the C.UTF-8 locale is missing\n");
        exit(1);
    }
    return 0;
}

/* data[0..n) as a NUL-terminated string of its own (cut at the first NUL). Caller frees. */
static inline char *fuzz_str(const uint8_t *data, size_t n)
{
    char *s = xmalloc(n + 1);
    if (n) memcpy(s, data, n);
    s[n] = '\0';
    return s;
}

#endif
