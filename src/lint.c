/* lint.c - placeholder until issue 4's lint lands. */
#include "lint.h"

#include <stdio.h>

int gw_lint_main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fputs("gwdoc: error: lint 尚未实现\n", stderr);
  return 2;
}
