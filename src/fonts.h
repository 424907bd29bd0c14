/* fonts.h - `gwdoc fonts [SOURCE]`. */
#ifndef GW_FONTS_H
#define GW_FONTS_H
/* Returns the exit code (0 ok, 1 bad source, 2 bad usage). */
int gw_fonts_main(int argc, char **argv);
#endif
