/* lint.h - `gwdoc lint SOURCE... [--fix] [--werror]`: report the Chinese
 * text rules at their exact place in the source, and fix the mechanical
 * ones in place. */
#ifndef GW_LINT_H
#define GW_LINT_H

/* Run the lint command on argv (the arguments after "lint"). Returns the
 * exit code: 0 clean, 1 errors found (warnings too with --werror), 2 bad
 * usage. */
int gw_lint_main(int argc, char **argv);

#endif
