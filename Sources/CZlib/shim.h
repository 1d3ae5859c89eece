#ifndef RELAXATIONS_CZLIB_SHIM_H
#define RELAXATIONS_CZLIB_SHIM_H
#include <zlib.h>
#endif
