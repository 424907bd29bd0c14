/* fonts.c - `gwdoc fonts [SOURCE]`: each font role, the name written into
 * the DOCX, whether this machine has it, and the preview substitute. */
#include "fonts.h"
#include "gwdoc.h"
#include "preview.h"
#include "template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Role names for people. */
static const char *const role_labels[] = {
    "正文", "左上角标注", "报名（报头）", "期号", "编印单位和日期", "专刊栏目行", "本期目录标题",
    "本期目录条目", "编者按标签", "编者按正文", "文章标题", "副标题", "一级标题 一、",
    "二级标题 （一）", "三级标题 1.", "四级标题 （1）", "图片说明", "报尾", "联系方式",
    "表头", "表格", "主送机关、称谓", "发文机关署名、成文日期"};
_Static_assert(sizeof role_labels / sizeof *role_labels == GW_ROLE_COUNT, "a label per role");

/* fc-match's family for `name`, with FONTCONFIG_FILE=conf (or the system
 * configuration). Returns a malloc'ed string or NULL. */
static char *fc_match(const char *name, const char *conf) {
  int fds[2];
  if (!gw_have_program("fc-match") || pipe(fds) < 0)
    return NULL;
  fflush(stdout);
  int saved = dup(STDOUT_FILENO);
  dup2(fds[1], STDOUT_FILENO);
  close(fds[1]);
  char env[4300];
  snprintf(env, sizeof env, "FONTCONFIG_FILE=%s", conf ? conf : "/etc/fonts/fonts.conf");
  char *envs[] = {env, NULL};
  char *argv[] = {"fc-match", "-f", "%{family[0]}", (char *)name, NULL};
  int rc = gw_spawn(argv, envs, 20, 1);
  fflush(stdout);
  dup2(saved, STDOUT_FILENO);
  close(saved);
  char buf[512];
  ssize_t n = read(fds[0], buf, sizeof buf - 1);
  close(fds[0]);
  if (rc != 0 || n <= 0)
    return NULL;
  buf[n] = '\0';
  return strdup(buf);
}

/* A config that includes the system one and our preview aliases. */
static char *write_alias_conf(void) {
  char *aliases = gw_preview_aliases();
  if (!aliases)
    return NULL;
  char path[] = "/tmp/gwdoc-fonts-XXXXXX";
  int fd = mkstemp(path);
  FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!f) {
    free(aliases);
    return NULL;
  }
  fprintf(f, "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n"
             "<fontconfig><include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>"
             "<include ignore_missing=\"yes\">%s</include></fontconfig>\n",
          aliases);
  fclose(f);
  free(aliases);
  return strdup(path);
}

static void report(const char *label, const char *font, const char *conf) {
  char *system = fc_match(font, NULL);
  char *preview = conf ? fc_match(font, conf) : NULL;
  int installed = system && strcmp(system, font) == 0;
  printf("%s\t%s\t%s\t%s\n", label, font, installed ? "已安装" : "未安装",
         installed ? "（用原字体）" : preview ? preview : system ? system : "？");
  free(system);
  free(preview);
}

int gw_fonts_main(int argc, char **argv) {
  if (argc > 1 || (argc == 1 && argv[0][0] == '-' && argv[0][1])) {
    fprintf(stderr, "gwdoc: error: 用法：gwdoc fonts [源文件]\n");
    return 2;
  }
  gw_arena *arena = gw_arena_new();
  gw_diags diags = {0};
  gw_layout L;
  gw_status st;
  if (argc == 1) {
    gw_options opt = {0};
    st = gw_load_layout(argv[0], &opt, &diags, arena, &L);
  } else {
    gw_val empty = {0};
    empty.kind = GW_VAL_MAP;
    gw_pos at = {"gbt9704", 0, 0};
    gw_val *config = gw_template_config(arena, &diags, "gbt9704", at, ".", &empty);
    st = config && gw_layout_read(&diags, config, &L) == 0 ? GW_OK : GW_ERR_INPUT;
  }
  if (st != GW_OK) {
    gw_diags_free(&diags);
    gw_arena_free(arena);
    return 1;
  }
  char *conf = write_alias_conf();
  printf("角色\t字体（写入 DOCX）\t本机\t预览替代\n");
  for (int i = 0; i < GW_ROLE_COUNT; i++)
    report(role_labels[i], L.roles[i].font, conf);
  report("页码", L.page_number.font, conf);
  report("数字和西文", L.latin_font, conf);
  if (!conf) /* a binary run where it was built, or copied alone */
    printf("注：没有找到预览用的字体映射（模板目录旁的 fonts/65-gbt9704-cjk-aliases.conf，"
           "make install 会装好）：预览用本机的默认字体，与印出来的不同\n");
  if (conf) {
    unlink(conf);
    free(conf);
  }
  gw_diags_free(&diags);
  gw_arena_free(arena);
  return 0;
}
