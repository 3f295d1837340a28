/*
** textbench: measuring and fitting very long text, as a list or a form
** draws a cell, beside the C library's own width of the same string
** (mbstowcs + wcswidth) in the same run.
**
**   textbench [CHARS]
**
** A CHARS-character address (300,000 by default; a pasted or imported one
** once took 0.8 s per repaint) is measured whole (text_width) and fitted to
** 40 columns with an ellipsis (text_fit_dup, what a cell costs).
*/
#include "tests/bench/bench.h"
#include "src/text.h"
#include "src/util.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#define ROUNDS 21

static void report(const char *what, double *v)
{
    double p50, p99;
    bench_percentiles(v, ROUNDS, &p50, &p99);
    printf("  %-44s p50 %8.3f ms   p99 %8.3f ms\n", what, p50, p99);
}

int main(int argc, char **argv)
{
    size_t chars = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 300000;
    if (!setlocale(LC_ALL, "C.UTF-8")) return 1;
    static const char piece[] = "和平区南京路123号";
    size_t pchars = text_chars(piece);
    struct strbuf sb = STRBUF_INIT;
    for (size_t n = 0; n < chars; n += pchars)
        strbuf_adds(&sb, piece);
    const char *s = strbuf_str(&sb);
    size_t n = text_chars(s);
    wchar_t *wide = xmalloc((n + 1) * sizeof *wide);
    double width[ROUNDS], fit[ROUNDS], libc[ROUNDS];
    int w = 0, lw = 0;
    for (int r = 0; r < ROUNDS; r++) {
        double t0 = bench_now_ms();
        w = text_width(s);
        double t1 = bench_now_ms();
        char *cell = text_fit_dup(s, 40, TEXT_FIT_ELLIPSIS);
        double t2 = bench_now_ms();
        size_t got = mbstowcs(wide, s, n + 1);
        lw = got == (size_t)-1 ? -1 : wcswidth(wide, got);
        double t3 = bench_now_ms();
        free(cell);
        width[r] = t1 - t0;
        fit[r] = t2 - t1;
        libc[r] = t3 - t2;
    }
    printf("text: a %zu-character address (%zu bytes, %d columns; libc says %d)\n", n, sb.len, w,
           lw);
    report("text_width, the whole string", width);
    report("text_fit_dup to 40 columns with an ellipsis", fit);
    report("libc mbstowcs + wcswidth, the whole string", libc);
    free(wide);
    strbuf_free(&sb);
    return 0;
}
