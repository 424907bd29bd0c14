/* source.c - read, check and split a source. */
#include "source.h"
#include "zh.h"

#include <unicode/utf8.h>

#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static gw_pos file_pos(const char *path) {
  gw_pos pos = {path, 0, 0};
  return pos;
}

/* Line/column of a byte offset in raw (unnormalised) bytes, for the UTF-8
 * error, which is found before line ends are normalised: LF, CR LF and a
 * lone CR each end a line, as they do after normalisation. */
static gw_pos raw_pos(const char *path, const char *data, size_t offset) {
  gw_pos pos = {path, 1, 1};
  size_t line_start = 0;
  for (size_t i = 0; i < offset; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n'))) {
      pos.line++;
      line_start = i + 1;
    }
  pos.col = (unsigned)gw_zh_count_chars(data + line_start, offset - line_start) + 1;
  return pos;
}

/* The code point at p (valid UTF-8, as the validator said), for the
 * message about a character XML forbids. */
static unsigned forbidden_char(const char *p, size_t len) {
  UChar32 c = 0;
  int32_t i = 0;
  U8_NEXT(p, i, (int32_t)(len < 4 ? len : 4), c);
  return c < 0 ? 0xFFFD : (unsigned)c;
}

/* Does the line holding text[at] start a pipe-table row? */
static bool in_table_row(const char *text, size_t at) {
  size_t start = at;
  while (start > 0 && text[start - 1] != '\n')
    start--;
  while (start < at && (text[start] == ' ' || text[start] == '\t'))
    start++;
  return text[start] == '|';
}

/* Word's manual line break (Shift+Enter) and page break paste as U+000B
 * and U+000C, which XML forbids: each ends its line, as it did in Word;
 * inside a table row, where a line end would cut the row, it is a space.
 * (Later lines are then one further on than an editor counts them.) */
static void word_breaks_to_line_ends(char *text, size_t len) {
  static const char breaks[] = {'\v', '\f'};
  for (size_t k = 0; k < sizeof breaks; k++)
    for (char *p = memchr(text, breaks[k], len); p; p = memchr(p, breaks[k], len - (size_t)(p - text)))
      *p = in_table_row(text, (size_t)(p - text)) ? ' ' : '\n';
}

/* CR LF and lone CR turned into LF, in place (the text only shrinks). */
static size_t normalise_line_ends(char *text, size_t len) {
  char *cr = memchr(text, '\r', len);
  if (!cr) /* the common case: nothing to change */
    return len;
  size_t n = (size_t)(cr - text);
  for (size_t i = n; i < len; i++) {
    if (text[i] == '\r') {
      text[n++] = '\n';
      if (i + 1 < len && text[i + 1] == '\n')
        i++;
    } else {
      text[n++] = text[i];
    }
  }
  text[n] = '\0';
  return n;
}

/* The next line end at or after `from`, or NULL (memchr: a byte loop
 * here was a tenth of reading a big source). */
static const char *next_newline(const gw_source *src, size_t from) {
  return from < src->len ? memchr(src->text + from, '\n', src->len - from) : NULL;
}

static void index_lines(gw_arena *arena, gw_source *src) {
  size_t count = 1;
  for (const char *nl = next_newline(src, 0); nl; nl = next_newline(src, (size_t)(nl - src->text) + 1))
    count++;
  src->line_starts = gw_arena_alloc(arena, count * sizeof(size_t));
  src->line_starts[0] = 0;
  size_t k = 1;
  for (const char *nl = next_newline(src, 0); nl; nl = next_newline(src, (size_t)(nl - src->text) + 1))
    src->line_starts[k++] = (size_t)(nl - src->text) + 1;
  src->line_count = count;
}

static int is_fence(const char *line, size_t len, const char *mark) {
  size_t m = strlen(mark);
  if (len < m || memcmp(line, mark, m) != 0)
    return 0;
  for (size_t i = m; i < len; i++)
    if (line[i] != ' ' && line[i] != '\t')
      return 0;
  return 1;
}

/* Does line [a, z) read as a YAML key (copies: 100)? */
static bool is_key_line(const char *a, const char *z) {
  const char *p = a;
  while (p < z && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' ||
                   (p > a && ((*p >= '0' && *p <= '9') || *p == '-'))))
    p++;
  while (p < z && *p == ' ')
    p++;
  if (p == a || p >= z)
    return false;
  if (*p == ':') /* copies: 100, not https://… */
    return p + 1 == z || p[1] == ' ';
  return z - p >= 3 && memcmp(p, "：", 3) == 0;
}

/* A second block of keys between --- lines right under the first (a
 * field added in a hurry): Markdown would print it as a heading. The
 * line its --- opens on, or 0. */
static size_t second_front_matter(const gw_source *src) {
  size_t k = src->body_line - 1, keys = 0;
  while (k < src->line_count && src->line_starts[k] < src->len &&
         src->text[src->line_starts[k]] == '\n')
    k++; /* blank lines */
  for (size_t open = k; k < src->line_count; k++) {
    const char *a = src->text + src->line_starts[k];
    const char *z = k + 1 < src->line_count ? src->text + src->line_starts[k + 1] - 1
                                             : src->text + src->len;
    if (is_fence(a, (size_t)(z - a), "---")) {
      if (k == open)
        continue;
      return keys ? open + 1 : 0;
    }
    if (k == open || z == a || (!is_key_line(a, z) && *a != '#'))
      return 0; /* a blank line: Markdown, not a block of keys */
    keys++;
  }
  return 0;
}

/* Split "---\n<yaml>\n---\n<body>"; a source without front matter is all
 * body (the caller reports the missing keys). */
static int split_front_matter(gw_diags *diags, gw_source *src) {
  src->body = src->text;
  src->body_len = src->len;
  src->body_line = 1;
  if (src->line_count < 1)
    return 0;
  size_t first_end = src->line_count > 1 ? src->line_starts[1] - 1 : src->len;
  if (!is_fence(src->text, first_end, "---"))
    return 0;
  for (size_t k = 1; k < src->line_count; k++) {
    size_t start = src->line_starts[k];
    size_t end = k + 1 < src->line_count ? src->line_starts[k + 1] - 1 : src->len;
    if (is_fence(src->text + start, end - start, "---") ||
        is_fence(src->text + start, end - start, "...")) {
      src->front = src->text + src->line_starts[1];
      src->front_len = start - src->line_starts[1];
      src->front_line = 2;
      src->body = src->text + (end < src->len ? end + 1 : end);
      src->body_len = src->len - (size_t)(src->body - src->text);
      src->body_line = (unsigned)k + 2;
      size_t second = second_front_matter(src);
      if (second) {
        gw_pos pos = {src->path, (unsigned)second, 1};
        gw_error(diags, pos, "这里又有一块 --- 之间的前置元数据：一个文件只能有一块；请把其中的键移到"
                             "开头的两行 --- 之间，再删去这两行 ---");
        return -1;
      }
      return 0;
    }
  }
  gw_pos pos = {src->path, 1, 1};
  gw_error(diags, pos, "前置元数据（front matter）没有结束：请在 YAML 之后加一行 ---");
  return -1;
}

/* Check and split `text`, which the source takes: len bytes and a NUL
 * in memory of the arena, changed in place. */
static int source_from_text(gw_arena *arena, gw_diags *diags, const char *path, char *data,
                            size_t len, gw_source *src) {
  memset(src, 0, sizeof *src);
  src->path = path;
  const char *slash = strrchr(path, '/');
  src->dir = slash ? gw_arena_strndup(arena, path, (size_t)(slash - path) + (slash == path))
                   : ".";
  if (len > GW_SOURCE_MAX_BYTES) {
    gw_error(diags, file_pos(path), "文件过大（%zu 字节，上限 %u 字节）：请拆分文档",
             len, GW_SOURCE_MAX_BYTES);
    return -1;
  }
  size_t bom = 0;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
    bom = 3;
    data += 3;
    len -= 3;
  }
  word_breaks_to_line_ends(data, len);
  size_t bad = 0;
  bool bad_xml = false;
  if (!gw_zh_validate_utf8(data, len, &bad, &bad_xml)) {
    /* Columns count from after the BOM (editors hide it); the byte
     * offset counts it, as a hex viewer of the file shows. */
    gw_pos pos = raw_pos(path, data, bad);
    if (bad_xml)
      gw_error(diags, pos, "第 %zu 字节处有 XML 不允许的字符（U+%04X）：请删除它",
               bad + bom, forbidden_char(data + bad, len - bad));
    else
      gw_error(diags, pos, "第 %zu 字节处不是有效的 UTF-8 编码：请把文件另存为 UTF-8",
               bad + bom);
    return -1;
  }
  src->text = data;
  src->len = normalise_line_ends(data, len);
  index_lines(arena, src);
  return split_front_matter(diags, src);
}

int gw_source_from_memory(gw_arena *arena, gw_diags *diags, const char *path,
                          const char *data, size_t len, gw_source *src) {
  return source_from_text(arena, diags, path, gw_arena_strndup(arena, data, len), len, src);
}

/* A regular file of `size` bytes straight into the arena block that
 * becomes its text: no growing buffer and no copy (for a big source
 * they were a fifth of the memory first touched). NULL when the file
 * turns out longer than its size said: it is read the general way. */
static char *read_known_size(gw_arena *arena, FILE *f, size_t size, size_t *len) {
  char *text = gw_arena_alloc(arena, size + 2);
  size_t got = fread(text, 1, size + 1, f);
  if (got > size || ferror(f))
    return NULL;
  text[got] = '\0';
  *len = got;
  return text;
}

int gw_source_read(gw_arena *arena, gw_diags *diags, const char *path,
                   gw_source *src) {
  int is_stdin = strcmp(path, "-") == 0;
  const char *shown = is_stdin ? "<stdin>" : path;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    gw_error(diags, file_pos(shown), "无法打开源文件：%s", gw_errno_text(errno));
    return -1;
  }
  /* A folder, or a regular file that is too big, is refused before
   * reading a byte. */
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
    gw_error(diags, file_pos(shown), "这是一个文件夹，不是源文件：请给出 .md 文件");
    if (!is_stdin)
      fclose(f);
    return -1;
  }
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
      (uintmax_t)st.st_size > GW_SOURCE_MAX_BYTES) {
    gw_error(diags, file_pos(shown), "文件过大（%ju 字节，上限 %u 字节）：请拆分文档",
             (uintmax_t)st.st_size, GW_SOURCE_MAX_BYTES);
    if (!is_stdin)
      fclose(f);
    return -1;
  }
  bool regular = !is_stdin && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
  if (regular) {
    size_t len;
    char *text = read_known_size(arena, f, (size_t)st.st_size, &len);
    if (text) {
      fclose(f);
      return source_from_text(arena, diags, shown, text, len, src);
    }
    clearerr(f);
    if (fseek(f, 0, SEEK_SET) != 0) {
      gw_error(diags, file_pos(shown), "读取源文件失败：%s", gw_errno_text(errno));
      fclose(f);
      return -1;
    }
  }
  gw_buf buf = {0};
  char chunk[65536];
  size_t n;
  int rc = 0;
  bool too_big = false;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    gw_buf_append(&buf, chunk, n);
    if (buf.len > GW_SOURCE_MAX_BYTES) {
      too_big = true; /* a pipe, device or growing file: stop reading */
      break;
    }
  }
  if (too_big) {
    gw_error(diags, file_pos(shown), "输入过大（超过上限 %u 字节）：请拆分文档",
             GW_SOURCE_MAX_BYTES);
    rc = -1;
  } else if (ferror(f)) {
    gw_error(diags, file_pos(shown), "读取源文件失败：%s", gw_errno_text(errno));
    rc = -1;
  }
  if (!is_stdin)
    fclose(f);
  if (rc == 0)
    rc = gw_source_from_memory(arena, diags, shown, buf.data ? buf.data : "",
                               buf.len, src);
  gw_buf_free(&buf);
  if (rc == 0 && is_stdin)
    src->dir = ".";
  return rc;
}

unsigned gw_source_line_of(const gw_source *src, size_t offset) {
  size_t lo = 0, hi = src->line_count;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (src->line_starts[mid] <= offset)
      lo = mid;
    else
      hi = mid;
  }
  return (unsigned)lo + 1;
}

gw_pos gw_source_pos_at(const gw_source *src, size_t offset) {
  size_t lo = gw_source_line_of(src, offset) - 1;
  gw_pos pos = {src->path, (unsigned)lo + 1, 1};
  size_t from = src->line_starts[lo];
  unsigned col = 1;
  if (src->pos_line == lo + 1 && src->pos_offset >= from && src->pos_offset <= offset) {
    from = src->pos_offset;
    col = src->pos_col;
  }
  col += (unsigned)gw_zh_count_chars(src->text + from, offset - from);
  /* The cache is not part of the source's value: update it through a
   * non-const pointer (every gw_source is a modifiable object). */
  gw_source *cache = (gw_source *)src;
  cache->pos_line = lo + 1;
  cache->pos_offset = offset;
  cache->pos_col = col;
  pos.col = col;
  return pos;
}

gw_pos gw_source_pos_byte_col(const gw_source *src, unsigned line,
                              unsigned byte_col) {
  if (line == 0 || line > src->line_count) {
    gw_pos pos = {src->path, line, 1};
    return pos;
  }
  size_t start = src->line_starts[line - 1];
  size_t end = line < src->line_count ? src->line_starts[line] : src->len;
  size_t off = start + (byte_col ? byte_col - 1 : 0);
  if (off > end)
    off = end;
  return gw_source_pos_at(src, off);
}
