/* test_division.c - unit tests for division (filled in by its issue). */
#include "suites.h"

Suite *division_suite(void) { return suite_create("division"); }
