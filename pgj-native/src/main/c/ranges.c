/*
 * Range functions whose prototype differs between the supported majors, with one prototype
 * Java can declare (see pgj-api's RangeCodec).
 */
#include "pgj.h"

#include "utils/rangetypes.h"

/* 16 added an error context; NULL makes it throw, as 15 does. */
RangeType *
pgj_make_range(TypeCacheEntry *typcache, RangeBound *lower, RangeBound *upper, bool empty)
{
#if PG_VERSION_NUM >= 160000
	return make_range(typcache, lower, upper, empty, NULL);
#else
	return make_range(typcache, lower, upper, empty);
#endif
}
