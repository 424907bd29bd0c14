/* settings.c - word/settings.xml. */
#include "parts.h"

void gw_settings_write(gw_xml *x, const gw_doc *doc) {
  gw_xml_start(x, "w:settings");
  gw_xml_attr(x, "xmlns:w", GW_NS_W);
  gw_xml_empty(x, "w:zoom", "w:percent", "100", NULL);
  /* Tab stops every two body characters, as 公文 templates set them. */
  gw_xml_val_int(x, "w:defaultTabStop", 2 * doc->layout.char_twips);
  /* Odd pages carry the number on the right, even pages on the left. */
  gw_xml_empty(x, "w:evenAndOddHeaders", NULL);
  /* No punctuation squeezing: 28 characters a line, every line. */
  gw_xml_val(x, "w:characterSpacingControl", "doNotCompress");
  gw_xml_start(x, "w:compat");
  /* A line ended by a line break in a justified paragraph keeps its
   * spacing, not stretched across the width. */
  gw_xml_empty(x, "w:doNotExpandShiftReturn", NULL);
  gw_xml_empty(x, "w:compatSetting", "w:name", "compatibilityMode", "w:uri",
               "http://schemas.microsoft.com/office/word", "w:val", "15", NULL);
  gw_xml_end(x);
  gw_xml_empty(x, "w:themeFontLang", "w:val", "en-US", "w:eastAsia", "zh-CN", NULL);
  gw_xml_val(x, "w:decimalSymbol", ".");
  gw_xml_val(x, "w:listSeparator", ",");
  gw_xml_end(x);
}
