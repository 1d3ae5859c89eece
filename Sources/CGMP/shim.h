#ifndef RELAXATIONS_CGMP_SHIM_H
#define RELAXATIONS_CGMP_SHIM_H
#include <gmp.h>
#endif
