/* test_lint.c - unit tests for lint (filled in by its issue). */
#include "suites.h"

Suite *lint_suite(void) { return suite_create("lint"); }
