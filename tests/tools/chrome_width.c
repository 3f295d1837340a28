/*
** chrome_width: the check that the program's own text holds no character of
** East-Asian ambiguous width (Unicode EastAsianWidth=A: · … “ ” — × → ①
** ...), which a terminal set to draw them wide (PuTTY's and xterm's CJK
** setting) draws in two columns where the program counts one.
**
**   chrome_width FILE...
**
** In C sources, every string literal (comments and escapes such as
** "\xC2\xB7" are not looked at); in a .po catalogue, every msgstr. A
** literal that is data, not chrome (the demo's names with their middle
** dot), is let through by the words "not chrome" in a comment on its line.
** Prints each character found with its file and line; exits 1 if any.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

static int found;

/* Decode one UTF-8 sequence at s (valid or not: a bad byte is taken alone). */
static int decode(const unsigned char *s, UChar32 *cp)
{
    int len = s[0] < 0x80 ? 1 : s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
    UChar32 c = len == 1 ? s[0] : s[0] & (0x3F >> (len - 1));
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    *cp = c;
    return len;
}

/* The line of text holding offset at. */
static const char *line_start(const char *text, const char *at)
{
    while (at > text && at[-1] != '\n')
        at--;
    return at;
}

static int line_says_data(const char *text, const char *at)
{
    const char *b = line_start(text, at), *e = strchr(at, '\n');
    size_t n = e ? (size_t)(e - b) : strlen(b);
    char *line = strndup(b, n);
    int yes = strstr(line, "not chrome") != NULL;
    free(line);
    return yes;
}

/* Report the ambiguous characters of text[from, to). */
static void scan(const char *path, const char *text, const char *from, const char *to,
                 const char *what)
{
    for (const char *p = from; p < to;) {
        UChar32 cp;
        int n = decode((const unsigned char *)p, &cp);
        if (cp >= 0x80 && u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH) == U_EA_AMBIGUOUS &&
            !line_says_data(text, p)) {
            int line = 1;
            for (const char *q = text; q < p; q++)
                line += *q == '\n';
            printf("%s:%d: U+%04X %.*s in %s: its width is ambiguous\n", path, line, (unsigned)cp,
                   n, p, what);
            found = 1;
        }
        p += n;
    }
}

/* The end of the literal or char constant opened by the quote at p. */
static const char *literal_end(const char *p)
{
    char quote = *p++;
    while (*p && *p != quote && *p != '\n')
        p += p[0] == '\\' && p[1] ? 2 : 1;
    return p;
}

static void scan_c(const char *path, const char *text)
{
    for (const char *p = text; *p;) {
        if (p[0] == '/' && p[1] == '*') {
            const char *e = strstr(p + 2, "*/");
            p = e ? e + 2 : p + strlen(p);
        } else if (p[0] == '/' && p[1] == '/') {
            while (*p && *p != '\n')
                p++;
        } else if (*p == '"' || *p == '\'') {
            const char *e = literal_end(p);
            if (*p == '"') scan(path, text, p + 1, e, "a string literal");
            p = *e ? e + 1 : e;
        } else {
            p++;
        }
    }
}

static void scan_po(const char *path, const char *text)
{
    int in_msgstr = 0;
    for (const char *p = text; *p;) {
        const char *e = strchr(p, '\n');
        if (!e) e = p + strlen(p);
        if (strncmp(p, "msgstr", 6) == 0)
            in_msgstr = 1;
        else if (*p != '"')
            in_msgstr = 0;
        if (in_msgstr) scan(path, text, p, e, "a msgstr");
        p = *e ? e + 1 : e;
    }
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0, n;
    char *buf = malloc(cap);
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (len + 1 == cap) buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    if (buf) buf[len] = '\0';
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: chrome_width FILE...\n");
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        char *text = slurp(argv[i]);
        if (!text) {
            fprintf(stderr, "chrome_width: cannot read %s\n", argv[i]);
            return 2;
        }
        size_t n = strlen(argv[i]);
        if (n > 3 && strcmp(argv[i] + n - 3, ".po") == 0)
            scan_po(argv[i], text);
        else
            scan_c(argv[i], text);
        free(text);
    }
    return found;
}
