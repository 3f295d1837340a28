/*
** fuzz_lineedit: a struct lineedit (src/lineedit.h) driven by the input.
** The first byte gives the field's limit (0: none, else 1..31 characters)
** and, by its bit 0x20, whether it takes digits alone; then each byte is
** an operation, some followed by their argument: insert a code point (3
** bytes, any value up to 0xFFFFFF), insert a pasted UTF-8 string (a length
** byte, then the bytes), set, backspace, delete, left/right/home/end, kill
** to the end, clear, or lay out in a field of 1..80 columns. After every
** operation:
**   - the cursor is within the text, the text never holds more characters
**     than the limit, and every character held is a printable one (a
**     digit, in a field of digits);
**   - lineedit_text is valid UTF-8 of exactly len characters;
**   - an operation that says it changed nothing changed nothing, and a
**     character refused is counted once (le->over, le->unfit or
**     le->nondigit);
**   - lineedit_view shows a range inside the text, no wider than the
**     field (at least 2 columns, as lineedit.h asks), with the cursor in
**     it at the column the widths before it add up to.
*/
#include "fuzz.h"

#include "src/lineedit.h"
#include "src/text.h"

static int cols_of(uint32_t cp)
{
    int w = text_cp_width(cp);
    return w < 0 ? 1 : w;
}

static int is_digit(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static void check_state(const struct lineedit *le)
{
    CHECK(le->cursor <= le->len && le->len <= le->cap);
    if (le->max) CHECK(le->len <= le->max);
    for (size_t i = 0; i < le->len; i++) {
        CHECK(text_cp_width(le->cps[i]) >= 0);
        if (le->digits) CHECK(is_digit(le->cps[i]));
    }
    char *t = lineedit_text(le);
    size_t n = strlen(t);
    CHECK(text_check_utf8(t, n, NULL));
    CHECK(text_chars(t) == le->len);
    free(t);
}

static void check_view(struct lineedit *le, int width)
{
    size_t first = 99999, count = 99999;
    int col = -1;
    lineedit_view(le, width, &first, &count, &col);
    int w = width < 2 ? 2 : width;
    CHECK(first <= le->len && count <= le->len - first);
    CHECK(first <= le->cursor && le->cursor <= first + count);
    if (le->cursor < le->len) CHECK(le->cursor < first + count);
    int cols = 0, at = 0;
    for (size_t i = first; i < first + count; i++) {
        if (i == le->cursor) at = cols;
        cols += cols_of(le->cps[i]);
    }
    if (le->cursor == first + count) at = cols;
    CHECK(cols <= w);
    CHECK(col == at && col >= 0 && col < w);
    char *shown = lineedit_text_range(le, first, count);
    CHECK(text_check_utf8(shown, strlen(shown), NULL) && text_chars(shown) == count);
    free(shown);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    struct lineedit le;
    lineedit_init(&le, data[0] % 32);
    if (data[0] & 0x20) lineedit_digits_only(&le);
    size_t i = 1;
    while (i < size) {
        uint8_t op = data[i++];
        size_t before_len = le.len, before_cursor = le.cursor;
        int changed = -1;
        switch (op % 14) {
        case 0: { /* one code point: 3 bytes */
            uint32_t cp = 0;
            for (int k = 0; k < 3 && i < size; k++)
                cp = cp << 8 | data[i++];
            size_t refused = le.over + le.unfit + le.nondigit;
            changed = lineedit_insert(&le, cp);
            CHECK(changed == 0 || le.len == before_len + 1);
            /* a refusal is counted once */
            CHECK(le.over + le.unfit + le.nondigit == refused + (changed == 0));
            break;
        }
        case 1:
        case 2: { /* a paste, or a set: a length, then that many bytes */
            size_t len = i < size ? data[i++] : 0;
            if (len > size - i) len = size - i;
            char *s = fuzz_str(data + i, len);
            i += len;
            if (op % 14 == 1) {
                size_t refused = lineedit_insert_text(&le, s);
                CHECK(le.len - before_len + refused >= 1 || !*s);
                CHECK(le.len - before_len <= text_chars(s));
            } else {
                lineedit_set(&le, s);
                CHECK(le.cursor == le.len && le.over == 0 && le.unfit == 0 && le.nondigit == 0);
            }
            free(s);
            break;
        }
        case 3:
            changed = lineedit_backspace(&le);
            break;
        case 4:
            changed = lineedit_delete(&le);
            break;
        case 5:
            changed = lineedit_left(&le);
            break;
        case 6:
            changed = lineedit_right(&le);
            break;
        case 7:
            changed = lineedit_home(&le);
            CHECK(le.cursor == 0);
            break;
        case 8:
            changed = lineedit_end(&le);
            CHECK(le.cursor == le.len);
            break;
        case 9:
            changed = lineedit_kill_end(&le);
            CHECK(le.len == le.cursor);
            break;
        case 10:
            changed = lineedit_clear(&le);
            CHECK(lineedit_empty(&le));
            break;
        default:
            check_view(&le, 1 + (i < size ? data[i++] : 0) % 80);
            break;
        }
        if (changed == 0) CHECK(le.len == before_len && le.cursor == before_cursor);
        check_state(&le);
    }
    check_view(&le, 2);
    check_state(&le);
    lineedit_free(&le);
    return 0;
}
