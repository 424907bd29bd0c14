/* new.h - `gwdoc new bulletin|division [--template T] [-o FILE]`: a
 * ready-to-fill source. */
#ifndef GW_NEW_H
#define GW_NEW_H
/* Returns the exit code (0 ok, 1 cannot write, 2 bad usage). */
int gw_new_main(int argc, char **argv);
#endif
