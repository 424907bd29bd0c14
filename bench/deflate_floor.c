/* deflate_floor: how long zlib alone takes to deflate the parts of a .docx.
 *
 * usage: deflate_floor [-l LEVEL] [-n RUNS] [-a] [-v] FILE.docx
 *
 * Reads every entry of FILE.docx uncompressed into memory (libzip), then RUNS times
 * deflates all of them, one raw-deflate stream per entry as a zip writer does
 * (deflateInit2 with windowBits -15, memLevel 8, default strategy, Z_FINISH into a
 * deflateBound buffer, deflateEnd), and prints the median wall time of one pass in
 * milliseconds on stdout.  By default only the XML parts (names ending in .xml or
 * .rels) are counted, since those are what gwdoc writes; -a takes every entry.
 * -v prints entries, bytes in/out and min/median/max on stderr.
 *
 * Build: cc -O2 -o deflate_floor deflate_floor.c $(pkg-config --cflags --libs libzip zlib)
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>
#include <zlib.h>

struct part {
    char *name;
    unsigned char *data;
    size_t len;
};

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void usage(void)
{
    fprintf(stderr, "usage: deflate_floor [-l LEVEL] [-n RUNS] [-a] [-v] FILE.docx\n");
    exit(2);
}

int main(int argc, char **argv)
{
    int level = 6, runs = 21, all = 0, verbose = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-l") == 0 && i + 1 < argc)
            level = atoi(argv[++i]);
        else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "-a") == 0)
            all = 1;
        else if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else if (argv[i][0] == '-' || path)
            usage();
        else
            path = argv[i];
    }
    if (!path || runs < 1 || level < 0 || level > 9)
        usage();

    int err = 0;
    zip_t *za = zip_open(path, ZIP_RDONLY, &err);
    if (!za) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, err);
        fprintf(stderr, "deflate_floor: %s: %s\n", path, zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return 1;
    }
    zip_int64_t n = zip_get_num_entries(za, 0);
    struct part *parts = calloc((size_t)(n > 0 ? n : 1), sizeof *parts);
    size_t np = 0, total_in = 0, max_len = 0;
    for (zip_int64_t i = 0; i < n; i++) {
        zip_stat_t st;
        const char *name = zip_get_name(za, (zip_uint64_t)i, 0);
        if (!name || ends_with(name, "/"))
            continue;
        if (!all && !ends_with(name, ".xml") && !ends_with(name, ".rels"))
            continue;
        if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
            fprintf(stderr, "deflate_floor: %s: cannot stat %s\n", path, name);
            return 1;
        }
        zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)i, 0);
        if (!zf) {
            fprintf(stderr, "deflate_floor: %s: cannot open %s: %s\n", path, name, zip_strerror(za));
            return 1;
        }
        unsigned char *buf = malloc(st.size ? st.size : 1);
        zip_int64_t got = zip_fread(zf, buf, st.size);
        zip_fclose(zf);
        if (got < 0 || (zip_uint64_t)got != st.size) {
            fprintf(stderr, "deflate_floor: %s: short read on %s\n", path, name);
            return 1;
        }
        parts[np].name = strdup(name);
        parts[np].data = buf;
        parts[np].len = (size_t)st.size;
        total_in += parts[np].len;
        if (parts[np].len > max_len)
            max_len = parts[np].len;
        np++;
    }
    zip_close(za);

    unsigned char *out = malloc(compressBound((uLong)max_len) + 64);
    double *times = malloc((size_t)runs * sizeof *times);
    size_t total_out = 0;
    for (int r = 0; r < runs; r++) {
        size_t sum = 0;
        double t0 = now_ms();
        for (size_t k = 0; k < np; k++) {
            z_stream zs;
            memset(&zs, 0, sizeof zs);
            if (deflateInit2(&zs, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
                fprintf(stderr, "deflate_floor: deflateInit2 failed\n");
                return 1;
            }
            uLong bound = deflateBound(&zs, (uLong)parts[k].len);
            zs.next_in = parts[k].data;
            zs.avail_in = (uInt)parts[k].len;
            zs.next_out = out;
            zs.avail_out = (uInt)bound;
            if (deflate(&zs, Z_FINISH) != Z_STREAM_END) {
                fprintf(stderr, "deflate_floor: deflate did not finish on %s\n", parts[k].name);
                return 1;
            }
            sum += zs.total_out;
            deflateEnd(&zs);
        }
        times[r] = now_ms() - t0;
        total_out = sum;
    }
    qsort(times, (size_t)runs, sizeof *times, cmp_double);
    double median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
    printf("%.3f\n", median);
    if (verbose)
        fprintf(stderr, "%s: %zu parts, %zu bytes in, %zu bytes out at level %d; "
                "%d runs: min %.3f ms, median %.3f ms, max %.3f ms\n",
                path, np, total_in, total_out, level, runs, times[0], median, times[runs - 1]);
    for (size_t k = 0; k < np; k++) {
        free(parts[k].name);
        free(parts[k].data);
    }
    free(parts);
    free(out);
    free(times);
    return 0;
}
