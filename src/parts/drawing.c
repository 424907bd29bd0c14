/* drawing.c - a picture as a centred inline w:drawing (DrawingML), and
 * the VML text box the 报尾 and a landscape page's number sit in. */
#include "parts.h"

#include <stdio.h>

#define NS_WP "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"

/* <wp:extent> and <a:ext> carry the same size. */
static void write_size(gw_xml *x, const char *name, const gw_image *img) {
  gw_xml_start(x, name);
  gw_xml_attr_int(x, "cx", img->cx_emu);
  gw_xml_attr_int(x, "cy", img->cy_emu);
  gw_xml_end(x);
}

/* <pic:pic> */
static void write_pic(gw_xml *x, const gw_image *img, const char *rid, const char *name) {
  gw_xml_start(x, "pic:pic");
  gw_xml_attr(x, "xmlns:pic", NS_PIC);
  gw_xml_start(x, "pic:nvPicPr");
  gw_xml_start(x, "pic:cNvPr");
  gw_xml_attr_int(x, "id", img->number);
  gw_xml_attr(x, "name", name);
  gw_xml_end(x);
  gw_xml_empty(x, "pic:cNvPicPr", NULL);
  gw_xml_end(x);
  gw_xml_start(x, "pic:blipFill");
  gw_xml_empty(x, "a:blip", "r:embed", rid, NULL);
  gw_xml_start(x, "a:stretch");
  gw_xml_empty(x, "a:fillRect", NULL);
  gw_xml_end(x);
  gw_xml_end(x);
  gw_xml_start(x, "pic:spPr");
  gw_xml_start(x, "a:xfrm");
  gw_xml_empty(x, "a:off", "x", "0", "y", "0", NULL);
  write_size(x, "a:ext", img);
  gw_xml_end(x);
  gw_xml_start(x, "a:prstGeom");
  gw_xml_attr(x, "prst", "rect");
  gw_xml_empty(x, "a:avLst", NULL);
  gw_xml_end(x);
  gw_xml_end(x);
  gw_xml_end(x);
}

void gw_drawing_write(gw_xml *x, const gw_doc *doc, const gw_block *b) {
  const gw_image *img = b->image;
  char rid[32], name[32];
  snprintf(rid, sizeof rid, "rIdImage%d", img->number);
  snprintf(name, sizeof name, "图片 %d", img->number);
  gw_xml_start(x, "w:p");
  gw_xml_start(x, "w:pPr");
  gw_xml_val(x, "w:pStyle", gw_style_id(GW_ROLE_CAPTION));
  gw_xml_empty(x, "w:keepNext", NULL);
  /* a picture line is as high as the picture, not the grid pitch */
  gw_xml_empty(x, "w:spacing", "w:line", "240", "w:lineRule", "auto", NULL);
  gw_xml_val(x, "w:jc", "center");
  gw_xml_end(x);
  gw_xml_start(x, "w:r");
  gw_xml_start(x, "w:drawing");
  gw_xml_start(x, "wp:inline");
  gw_xml_attr(x, "xmlns:wp", NS_WP);
  gw_xml_attr(x, "distT", "0");
  gw_xml_attr(x, "distB", "0");
  gw_xml_attr(x, "distL", "0");
  gw_xml_attr(x, "distR", "0");
  write_size(x, "wp:extent", img);
  gw_xml_start(x, "wp:docPr");
  gw_xml_attr_int(x, "id", img->number);
  gw_xml_attr(x, "name", name);
  if (img->descr)
    gw_xml_attr(x, "descr", img->descr);
  gw_xml_end(x);
  gw_xml_start(x, "wp:cNvGraphicFramePr");
  gw_xml_empty(x, "a:graphicFrameLocks", "xmlns:a", NS_A, "noChangeAspect", "1", NULL);
  gw_xml_end(x);
  gw_xml_start(x, "a:graphic");
  gw_xml_attr(x, "xmlns:a", NS_A);
  gw_xml_start(x, "a:graphicData");
  gw_xml_attr(x, "uri", NS_PIC);
  write_pic(x, img, rid, name);
  gw_xml_end(x);
  gw_xml_end(x);
  gw_xml_end(x);
  gw_xml_end(x);
  gw_xml_end(x);
  gw_xml_end(x);
  (void)doc;
}

void gw_vml_box_start(gw_xml *x, const char *id, const char *style, const char *flow) {
  gw_xml_start(x, "w:r");
  gw_xml_start(x, "w:pict");
  gw_xml_start(x, "v:rect");
  gw_xml_attr(x, "id", id);
  gw_xml_attr(x, "style", style);
  gw_xml_attr(x, "filled", "f");
  gw_xml_attr(x, "stroked", "f");
  gw_xml_start(x, "v:textbox");
  if (flow)
    gw_xml_attr(x, "style", flow);
  gw_xml_attr(x, "inset", "0,0,0,0");
  gw_xml_start(x, "w:txbxContent");
}

void gw_vml_box_end(gw_xml *x, bool wrap) {
  gw_xml_end(x); /* w:txbxContent */
  gw_xml_end(x); /* v:textbox */
  if (wrap)
    gw_xml_empty(x, "w10:wrap", "type", "topAndBottom", NULL);
  gw_xml_end(x); /* v:rect */
  gw_xml_end(x); /* w:pict */
  gw_xml_end(x); /* w:r */
}
