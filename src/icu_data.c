/* icu_data.c - where ICU finds its data.
 *
 * The release binary links ICU's code statically (no start-up relocation
 * of libicuuc/libicui18n/libstdc++: about half of a run's time went to
 * the dynamic loader), but not ICU's 31 MB of data: that stays in the
 * system's libicudata.so, opened here and handed to ICU with
 * udata_setCommonData() before any ICU call. Built with
 * GWDOC_ICU_DATA_DLOPEN only for that link; every other build (tests,
 * sanitizers, fuzzer) links libicudata.so normally and this is a no-op. */
#include "zh.h"

#ifdef GWDOC_ICU_DATA_DLOPEN

#include <assert.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <unicode/udata.h>
#include <unicode/utypes.h>

/* The symbol ICU's static code refers to. It must exist for the link but
 * is never read once udata_setCommonData() has run: an empty common-data
 * archive (the header of ICU's stubdata, with no entries), so a stray use
 * fails cleanly with a missing-resource error instead of reading garbage. */
static_assert(sizeof(UDataInfo) == 20, "UDataInfo layout");
const struct {
  uint16_t header_size;
  uint8_t magic1, magic2;
  UDataInfo info;
  char padding[8];
  uint32_t count, reserved;
  uint32_t toc[4];
} U_ICUDATA_ENTRY_POINT = {
    32, 0xda, 0x27,
    {sizeof(UDataInfo), 0, U_IS_BIG_ENDIAN, U_CHARSET_FAMILY, sizeof(UChar), 0,
     {0x43, 0x6d, 0x6e, 0x44}, /* "CmnD" */
     {1, 0, 0, 0}, {0, 0, 0, 0}},
    {0}, 0, 0, {0}};

#define STR2(x) #x
#define STR(x) STR2(x)
#define ICU_DATA_LIBRARY "libicudata.so." STR(U_ICU_VERSION_MAJOR_NUM)
#define ICU_DATA_SYMBOL STR(U_ICUDATA_ENTRY_POINT)

static int icu_data_loaded; /* 1 loaded, -1 failed */

static void load_icu_data(void) {
  icu_data_loaded = -1;
  /* The handle is kept for the life of the process: ICU reads the data in
   * place until exit. */
  void *lib = dlopen(ICU_DATA_LIBRARY, RTLD_NOW | RTLD_LOCAL);
  const void *data = lib ? dlsym(lib, ICU_DATA_SYMBOL) : NULL;
  UErrorCode err = U_ZERO_ERROR;
  if (data)
    udata_setCommonData(data, &err);
  if (!data || U_FAILURE(err)) {
    fprintf(stderr, "gwdoc: error: 无法载入 ICU 数据（%s）：请安装 libicu%d（apt-get install libicu%d）\n",
            ICU_DATA_LIBRARY, U_ICU_VERSION_MAJOR_NUM, U_ICU_VERSION_MAJOR_NUM);
    return;
  }
  icu_data_loaded = 1;
}

int gw_icu_data_load(void) {
  /* Once, at the first need: opening the 31 MB library was a tenth of
   * rendering the seed issue, which never needs it. The first need may
   * come on two threads at once (a big bulletin is built in halves). */
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, load_icu_data);
  return icu_data_loaded > 0 ? 0 : -1;
}

#else

int gw_icu_data_load(void) { return 0; }

#endif
