/*
** Unit tests for src/folder: the documents folder as xdg-user-dirs finds
** it, the export folder and where a typed name goes, and file name
** completion (Chinese names, directories, hidden files, common prefixes
** cut at whole characters).
*/
#include "unit.h"
#include "src/folder.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[] = "/tmp/bangban-folder-XXXXXX";

static void touch(const char *name)
{
    char *p = xasprintf("%s/%s", root, name);
    int fd = open(p, O_CREAT | O_WRONLY, 0600);
    assert_true(fd >= 0);
    close(fd);
    free(p);
}

static void make_dir(const char *name)
{
    char *p = xasprintf("%s/%s", root, name);
    assert_int_equal(mkdir(p, 0700), 0);
    free(p);
}

static void write_file(const char *name, const char *text)
{
    char *p = xasprintf("%s/%s", root, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    free(p);
}

static int setup(void **state)
{
    (void)state;
    assert_non_null(mkdtemp(root));
    touch("居民台账2026.csv");
    touch("居民台账2025.csv");
    touch("居民名单.xlsx");
    touch("rates.csv");
    touch(".hidden.csv");
    make_dir("回执");
    make_dir("cfg");
    touch("回执/R-1.txt");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char *cmd = xasprintf("rm -rf '%s'", root);
    int rc = system(cmd);
    free(cmd);
    return rc == 0 ? 0 : -1;
}

static char *tab(const char *typed, struct strlist *out)
{
    return folder_tab(root, typed, out);
}

static void completes_chinese_names(void **state)
{
    (void)state;
    struct strlist l = STRLIST_INIT;
    char *got = tab("居", &l);
    assert_str(got, "居民"); /* 台账… and 名单 share 居民 only */
    assert_int_equal(l.n, 3);
    free(got);
    got = tab("居民台", &l);
    assert_str(got, "居民台账202");
    assert_int_equal(l.n, 2);
    assert_str(l.v[0], "居民台账2025.csv"); /* sorted */
    free(got);
    got = tab("居民台账2026", &l);
    assert_str(got, "居民台账2026.csv");
    assert_int_equal(l.n, 1);
    free(got);
    got = tab("居民名", &l);
    assert_str(got, "居民名单.xlsx");
    free(got);
    got = tab("nothing", &l);
    assert_str(got, "nothing");
    assert_int_equal(l.n, 0);
    free(got);
    strlist_free(&l);
}

static void directories_and_hidden(void **state)
{
    (void)state;
    struct strlist l = STRLIST_INIT;
    char *got = tab("回", &l);
    assert_str(got, "回执/");
    free(got);
    got = tab("回执/", &l);
    assert_str(got, "回执/R-1.txt");
    free(got);
    got = tab("", &l); /* everything but the hidden one */
    assert_int_equal(l.n, 6);
    for (size_t i = 0; i < l.n; i++)
        assert_true(l.v[i][0] != '.');
    free(got);
    got = tab(".h", &l);
    assert_str(got, ".hidden.csv");
    free(got);
    char *abs = xasprintf("%s/c", root);
    got = folder_tab("/nonexistent", abs, &l); /* an absolute path ignores the base */
    char *want = xasprintf("%s/cfg/", root);
    assert_str(got, want);
    free(want);
    free(got);
    free(abs);
    assert_int_equal(folder_complete(root, "nowhere/x", &l), -1);
    strlist_free(&l);
}

static void common_prefix_whole_characters(void **state)
{
    (void)state;
    /* 文 E6 96 87 and 断 E6 96 AD share two bytes but no character. */
    const char *a[] = {"x文", "x断"};
    char *got = folder_common_prefix(a, 2);
    assert_str(got, "x");
    free(got);
    const char *b[] = {"报表一", "报表二", "报表"};
    got = folder_common_prefix(b, 3);
    assert_str(got, "报表");
    free(got);
    got = folder_common_prefix(b, 0);
    assert_str(got, "");
    free(got);
}

/* A name to read: from the working directory when there, else from the export folder. */
static void files_found_in_the_export_folder(void **state)
{
    (void)state;
    char *p = folder_find(root, "居民名单.xlsx"); /* not in the working directory: in root */
    char *want = xasprintf("%s/居民名单.xlsx", root);
    assert_str(p, want);
    free(p);
    free(want);
    p = folder_find(root, "没有这个.csv"); /* nowhere: as typed, to be said not found */
    assert_str(p, "没有这个.csv");
    free(p);
    p = folder_find(root, "回执"); /* a folder is no file to read */
    assert_str(p, "回执");
    free(p);
    p = folder_find(root, ""); /* nothing typed stays nothing */
    assert_str(p, "");
    free(p);
    p = folder_find(root, "/tmp/居民.csv"); /* a path as typed */
    assert_str(p, "/tmp/居民.csv");
    free(p);
    char *cwd = getcwd(NULL, 0);
    assert_int_equal(chdir(root), 0); /* there in the working directory: that one */
    p = folder_find("/srv/导出", "rates.csv");
    assert_str(p, "rates.csv");
    free(p);
    assert_int_equal(chdir(cwd), 0);
    free(cwd);
}

static void places_and_folders(void **state)
{
    (void)state;
    char *p = folder_place("/srv/导出", "居民.csv");
    assert_str(p, "/srv/导出/居民.csv");
    free(p);
    p = folder_place("/srv/导出", "sub/居民.csv");
    assert_str(p, "sub/居民.csv");
    free(p);
    p = folder_place("/srv/导出", "/tmp/居民.csv");
    assert_str(p, "/tmp/居民.csv");
    free(p);
    assert_true(folder_bare("a.csv"));
    assert_false(folder_bare("./a.csv"));
    assert_null(folder_check(""));
    assert_null(folder_check("/srv/导出"));
    assert_null(folder_check("~/导出"));
    assert_non_null(folder_check("导出"));

    setenv("HOME", root, 1);
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("XDG_DOCUMENTS_DIR");
    char *want = xasprintf("%s/Documents/bangban", root);
    p = folder_exports("");
    assert_str(p, want); /* no user-dirs.dirs: ~/Documents */
    free(p);
    free(want);
    setenv("XDG_DOCUMENTS_DIR", "/env/docs", 1);
    p = folder_documents();
    assert_str(p, "/env/docs");
    free(p);
    setenv("XDG_CONFIG_HOME", root, 1);
    write_file("user-dirs.dirs", "# written by xdg-user-dirs-update\n"
                                 "XDG_DESKTOP_DIR=\"$HOME/桌面\"\n"
                                 "XDG_DOCUMENTS_DIR=\"$HOME/文档\"\n");
    want = xasprintf("%s/文档/bangban", root);
    p = folder_exports("");
    assert_str(p, want); /* the file wins over the environment, as in xdg-user-dir */
    free(p);
    free(want);
    write_file("user-dirs.dirs", "XDG_DOCUMENTS_DIR=\"/srv/docs/\"\n");
    p = folder_documents();
    assert_str(p, "/srv/docs");
    free(p);
    want = xasprintf("%s/x/名单.csv", root);
    p = folder_place("/srv/导出", "~/x/名单.csv");
    assert_str(p, want);
    free(p);
    free(want);
    want = xasprintf("%s/导出", root);
    p = folder_exports("~/导出");
    assert_str(p, want);
    free(p);
    free(want);
    p = folder_exports("/srv/导出");
    assert_str(p, "/srv/导出");
    free(p);
}

int main(void)
{
    unit_locale();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(completes_chinese_names),
        cmocka_unit_test(directories_and_hidden),
        cmocka_unit_test(common_prefix_whole_characters),
        cmocka_unit_test(places_and_folders),
        cmocka_unit_test(files_found_in_the_export_folder),
    };
    return cmocka_run_group_tests_name("folder", tests, setup, teardown);
}
