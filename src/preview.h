/* preview.h - PDF and PNG previews through LibreOffice and poppler, with
 * the fonts/ aliases so a machine without the official fonts still
 * previews plausibly. */
#ifndef GW_PREVIEW_H
#define GW_PREVIEW_H

/* Seconds LibreOffice may take before it is killed. */
#define GW_PREVIEW_TIMEOUT 120

/* The fontconfig aliases file (fonts/65-gbt9704-cjk-aliases.conf beside
 * the templates), or NULL. malloc'ed. */
char *gw_preview_aliases(void);

/* docx -> pdf with `soffice --headless` in a private profile. Prints
 * "PATH: error: …" and returns -1 on failure. */
int gw_preview_pdf(const char *docx_path, const char *pdf_path);

/* pdf -> DIR/BASE-N.png (pdftoppm, 100 dpi). Returns 0 or -1. */
int gw_preview_png(const char *pdf_path, const char *dir, const char *base);

/* Run argv with environment additions (NULL-ended NAME=VALUE list, or NULL),
 * killed after `timeout` seconds; stdout to /dev/null unless `keep_stdout`.
 * Returns the exit status, or -1 when it could not run or timed out. */
int gw_spawn(char *const argv[], char *const env_add[], int timeout, int keep_stdout);

/* Is `name` an executable on PATH? */
int gw_have_program(const char *name);

#endif
