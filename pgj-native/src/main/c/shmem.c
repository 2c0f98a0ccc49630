/*
 * Shared memory that extensions declare: manifest lines
 *
 *   shared <ext> <name> <kind atomic|locked> <bytes>
 *
 * read while the postmaster preloads pgj. The areas are requested, created and zeroed there,
 * a locked one with an LWLock of pgj's tranche; backends and workers, forked from the
 * postmaster, find each by name in the table built here (Java: org.pgj.shmem).
 */
#include "pgj.h"

#include "storage/ipc.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"

#define PGJ_SHARED_TRANCHE "pgj shared memory"

typedef struct PgjSharedArea
{
	char		name[NAMEDATALEN];
	bool		locked;
	Size		size;
	void	   *address;		/* set at shared-memory start-up */
	LWLock	   *lock;
} PgjSharedArea;

static PgjSharedArea *areas = NULL;
static int	area_count = 0;
static int	lock_count = 0;
static shmem_startup_hook_type previous_shmem_startup = NULL;

/* From manifest.c, in the postmaster. A bad or repeated line is logged and skipped. */
void
pgj_declare_shared(char **f, int n)
{
	PgjSharedArea *area;
	long		size = n >= 5 ? atol(f[4]) : 0;

	if (n < 5 || strlen(f[2]) >= NAMEDATALEN || size <= 0
		|| (strcmp(f[3], "atomic") != 0 && strcmp(f[3], "locked") != 0))
	{
		ereport(LOG, (errmsg("pgj: skipping a malformed shared-memory line of extension \"%s\"", f[1])));
		return;
	}
	for (int i = 0; i < area_count; i++)
		if (strcmp(areas[i].name, f[2]) == 0)
		{
			ereport(LOG, (errmsg("pgj: shared memory \"%s\" of extension \"%s\" is declared already; skipping it",
								 f[2], f[1])));
			return;
		}
	areas = areas == NULL ? MemoryContextAlloc(TopMemoryContext, sizeof(PgjSharedArea))
		: repalloc(areas, sizeof(PgjSharedArea) * (area_count + 1));
	area = &areas[area_count++];
	memset(area, 0, sizeof(PgjSharedArea));
	strlcpy(area->name, f[2], NAMEDATALEN);
	area->locked = strcmp(f[3], "locked") == 0;
	area->size = (Size) size;
	if (area->locked)
		lock_count++;
}

static void
create_areas(void)
{
	LWLockPadded *locks;
	int			next_lock = 0;

	if (previous_shmem_startup)
		previous_shmem_startup();
	LWLockAcquire(AddinShmemInitLock, LW_EXCLUSIVE);
	locks = lock_count > 0 ? GetNamedLWLockTranche(PGJ_SHARED_TRANCHE) : NULL;
	for (int i = 0; i < area_count; i++)
	{
		bool		found;
		char		key[NAMEDATALEN + 8];

		snprintf(key, sizeof(key), "pgj %s", areas[i].name);
		areas[i].address = ShmemInitStruct(key, areas[i].size, &found);
		if (!found)
			memset(areas[i].address, 0, areas[i].size);
		if (areas[i].locked)
			areas[i].lock = &locks[next_lock++].lock;
	}
	LWLockRelease(AddinShmemInitLock);
}

/* In the postmaster, once the manifests are read (from shmem_request_hook on PostgreSQL 15+). */
void
pgj_request_shared(void)
{
	Size		total = 0;

	if (area_count == 0)
		return;
	for (int i = 0; i < area_count; i++)
		total = add_size(total, MAXALIGN(areas[i].size));
	RequestAddinShmemSpace(total);
	if (lock_count > 0)
		RequestNamedLWLockTranche(PGJ_SHARED_TRANCHE, lock_count);
	previous_shmem_startup = shmem_startup_hook;
	shmem_startup_hook = create_areas;
}

/*
 * Java: the address of area `name`, and in *out its size and LWLock (NULL when it has none);
 * 0 when no such area was created (pgj not preloaded, or not declared).
 */
void *
pgj_shared_attach(const char *name, int64 *result)
{
	for (int i = 0; i < area_count; i++)
		if (areas[i].address != NULL && strcmp(areas[i].name, name) == 0)
		{
			result[0] = (int64) areas[i].size;
			result[1] = (int64) areas[i].lock;
			return areas[i].address;
		}
	return NULL;
}
