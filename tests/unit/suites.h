/* suites.h - every unit-test suite, run by tests/unit/main.c. */
#ifndef GW_TEST_SUITES_H
#define GW_TEST_SUITES_H
#include <check.h>

Suite *zh_suite(void);
Suite *parts_suite(void);
Suite *division_suite(void);
Suite *lint_suite(void);
Suite *deflate_suite(void);
Suite *markdown_suite(void);
Suite *memory_suite(void);

#endif
