/* main.c - runs every unit-test suite; Check prints the counts. */
#include "suites.h"
#include <stdlib.h>

int main(void) {
  SRunner *sr = srunner_create(zh_suite());
  srunner_add_suite(sr, parts_suite());
  srunner_add_suite(sr, division_suite());
  srunner_add_suite(sr, lint_suite());
  srunner_add_suite(sr, deflate_suite());
  srunner_add_suite(sr, markdown_suite());
  srunner_add_suite(sr, memory_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
