/*
** input: see input.h.
*/
#include "ui/input.h"
#include "src/text.h"

#include <curses.h>
#include <string.h>

/* How long to wait for the rest of a UTF-8 character (and the least Esc waits for a digit). */
#define FOLLOW_MS 40

static unsigned long bad_bytes;
static int escape_ms = 1000;
static void (*escape_shown)(void);

void input_set_escape(int ms, void (*shown)(void))
{
    escape_ms = ms < FOLLOW_MS ? FOLLOW_MS : ms;
    escape_shown = shown;
}

/*
** Inside a paste the terminal marks (bracketed paste: ESC [ 200 ~ before
** it, ESC [ 201 ~ after): its line breaks and tabs are text, never Enter
** and Tab, which would move on to the next field and save there. CR LF is
** one break.
*/
static int in_paste, paste_cr;

/* A paste arrives at once: this long without a byte, it is over even if its end was lost. */
#define PASTE_IDLE_MS 1000

/* Bytes read but not yet decoded (a UTF-8 character in progress). */
static unsigned char pending[4];
static size_t npending;

unsigned long input_bad_bytes(void)
{
    return bad_bytes;
}

/* One getch() with a timeout in ms (-1: block). */
static int get_byte(int timeout_ms)
{
    timeout(timeout_ms);
    return getch();
}

/* Map a control byte or curses code to a key. */
static void key_from_code(int c, struct key *k)
{
    k->ch = 0;
    switch (c) {
    case '\t':
        k->code = UI_KEY_TAB;
        break;
    case '\n': /* Ctrl+J */
        k->code = UI_KEY_NEW_LINE;
        break;
    case '\r':
    case KEY_ENTER:
        k->code = KEY_ENTER;
        break;
    case 8:
    case 127:
    case KEY_BACKSPACE:
        k->code = KEY_BACKSPACE;
        break;
    default:
        k->code = c < 0x20 ? UI_KEY_CTRL(c) : c;
        break;
    }
}

/* The keys of "ESC [ n ~" by n, as terminals other than the one terminfo names send them. */
static const int tilde_keys[] = {
    [1] = KEY_HOME,  [2] = KEY_IC,    [3] = KEY_DC,     [4] = KEY_END,    [5] = KEY_PPAGE,
    [6] = KEY_NPAGE, [7] = KEY_HOME,  [8] = KEY_END,    [11] = KEY_F(1),  [12] = KEY_F(2),
    [13] = KEY_F(3), [14] = KEY_F(4), [15] = KEY_F(5),  [17] = KEY_F(6),  [18] = KEY_F(7),
    [19] = KEY_F(8), [20] = KEY_F(9), [21] = KEY_F(10), [23] = KEY_F(11), [24] = KEY_F(12),
};

/* The key of "ESC [ ... final" or "ESC O final" by its final byte; 0 for none. */
static int final_key(int final)
{
    switch (final) {
    case 'A':
        return KEY_UP;
    case 'B':
        return KEY_DOWN;
    case 'C':
        return KEY_RIGHT;
    case 'D':
        return KEY_LEFT;
    case 'H':
        return KEY_HOME;
    case 'F':
        return KEY_END;
    case 'P':
    case 'Q':
    case 'R':
    case 'S':
        return KEY_F(final - 'P' + 1);
    default:
        return 0;
    }
}

/*
** The rest of an escape sequence the terminal sent at once, after ESC and
** intro ('[' or 'O'), that curses did not know (Home as ESC [ 1 ~ from
** tmux or PuTTY under TERM=xterm-256color): read to its final byte, into
** the key it stands for. Returns 1 with *k, or 0 for a sequence that is no
** key here (read and dropped: it is never Esc and letters typed).
*/
static int escape_sequence(int intro, struct key *k)
{
    int param = 0, first = -1, c = ERR;
    for (int n = 0; n < 16; n++) {
        c = get_byte(FOLLOW_MS);
        if (c == ERR || intro == 'O' || c < 0x20 || c > 0x3f) break;
        if (c >= '0' && c <= '9' && first < 0) param = param * 10 + (c - '0');
        if (c == ';' && first < 0) first = param; /* ESC [ 1 ; 5 H: the key is the first */
    }
    if (first < 0) first = param;
    if (c == '~' && (first == 200 || first == 201)) { /* a paste begins or ends */
        in_paste = first == 200;
        paste_cr = 0;
        return 0;
    }
    int code = c == '~' && first > 0 && (size_t)first < sizeof tilde_keys / sizeof *tilde_keys
                   ? tilde_keys[first]
               : c != ERR ? final_key(c)
                          : 0;
    if (!code) return 0;
    key_from_code(code, k);
    return 1;
}

/*
** After Esc: a digit within the window makes it an F-key (Esc 1 = F1 ...
** Esc 0 = F10); a second Esc, or nothing, leaves it Esc; '[' or 'O' at
** once is an escape sequence (escape_sequence()); anything else is Esc
** followed by that key, which is read again next time (Alt+key is not a
** shortcut here, but for Alt+Enter: a new line in a text of several
** lines, as in a spreadsheet's cell). A terminal sends Alt+digit as Esc and the digit at
** once; a person takes the window, told so on the key bar. Returns 1 with
** *k, or 0 when what came was dropped.
*/
static int after_escape(struct key *k)
{
    int c = get_byte(FOLLOW_MS);
    if (c == '\r' || c == '\n') { /* Alt+Enter: the terminal sends both at once */
        k->ch = 0;
        k->code = UI_KEY_NEW_LINE;
        return 1;
    }
    if (c == '[' || c == 'O') return escape_sequence(c, k);
    if (c == ERR && escape_ms > FOLLOW_MS) {
        if (escape_shown) escape_shown();
        c = get_byte(escape_ms - FOLLOW_MS);
    }
    k->ch = 0;
    if (c >= '0' && c <= '9') {
        k->code = KEY_F(c == '0' ? 10 : c - '0');
        return 1;
    }
    if (c != ERR && c != 27) ungetch(c);
    k->code = UI_KEY_ESC;
    return 1;
}

/*
** Feed one byte >= 0x80 to the UTF-8 decoder. Returns 1 with a character
** in *k, 0 when more bytes are needed or the bytes were not UTF-8 (counted).
*/
static int decode_byte(int c, struct key *k)
{
    pending[npending++] = (unsigned char)c;
    for (;;) {
        uint32_t cp;
        int len = utf8_decode((const char *)pending, npending, &cp);
        if (len == UTF8_INCOMPLETE) return 0;
        if (len > 0) {
            npending = 0;
            k->code = 0;
            k->ch = cp;
            return 1;
        }
        /* Not UTF-8: drop the first byte and look at the rest again (a GBK
        ** trail byte may be a valid start). */
        bad_bytes++;
        memmove(pending, pending + 1, --npending);
        if (npending == 0) return 0;
    }
}

int input_read(struct key *k, int timeout_ms)
{
    int wait = timeout_ms;
    for (;;) {
        int c = get_byte(npending ? FOLLOW_MS : in_paste ? PASTE_IDLE_MS : wait);
        if (c == ERR && in_paste) { /* its end lost: keys are keys again */
            in_paste = paste_cr = 0;
            continue;
        }
        if (c == ERR) {
            if (npending) {
                /* A character was cut short: its bytes are not UTF-8. */
                bad_bytes += npending;
                npending = 0;
                continue;
            }
            return timeout_ms < 0 ? -1 : 0;
        }
        if (npending && (c < 0x80 || c > 0xFF)) {
            bad_bytes += npending;
            npending = 0;
        }
        if (c >= 0x80 && c <= 0xFF) {
            if (decode_byte(c, k)) return 1;
            continue;
        }
        if (c == 27) {
            if (after_escape(k)) return 1;
            continue;
        }
        if (in_paste && (c == '\r' || c == '\n' || c == '\t')) {
            int same_break = c == '\n' && paste_cr;
            paste_cr = c == '\r';
            if (same_break) continue;
            k->code = 0;
            k->ch = c == '\t' ? ' ' : '\n'; /* a field of one line takes the break as a space */
            return 1;
        }
        paste_cr = 0;
        if (c >= 0x20 && c < 0x7F) {
            k->code = 0;
            k->ch = (uint32_t)c;
            return 1;
        }
        key_from_code(c, k);
        return 1;
    }
}
