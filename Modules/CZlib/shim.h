// zlib's init functions are macros (deflateInit2, inflateInit2) that Swift cannot import;
// these wrappers expose them as typed functions.
#ifndef LR_CZLIB_SHIM_H
#define LR_CZLIB_SHIM_H

#include <zlib.h>

static inline int lr_inflate_init2(z_streamp stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}

static inline int lr_deflate_init2(z_streamp stream, int level, int method, int window_bits, int mem_level, int strategy) {
    return deflateInit2(stream, level, method, window_bits, mem_level, strategy);
}

#endif
