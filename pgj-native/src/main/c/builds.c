/*
 * One build of each extension per session. Java keeps one class loader per extension folder
 * ($sharedir/pgj/<ext>), whose jars it holds open, so a reinstall (which renames new jars over
 * the old ones) changes nothing for a session by itself. The session switches at a transaction
 * boundary: at the first pgj call or hook of each transaction, one fstat per folder in use
 * tells whether anything was renamed into or out of it (a system call, against tens of
 * microseconds for the lightest transaction). If so, Java compares the jars themselves; when
 * they changed it drops the folder's class loader and hook objects, and every function of the
 * folder is resolved again at its next call, with the new jars. So every function of an
 * extension runs one build within a transaction, and static state starts afresh after a switch.
 *
 * No switch happens while Java code runs below the call (a Java procedure that commits, a
 * ProcessUtility hook around VACUUM or CALL): the running code and what it calls keep their
 * build until the next transaction. Background workers never switch.
 */
#include "pgj.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "access/xact.h"
#include "storage/fd.h"

/* Extension folders a backend uses; more are loaded once and never switched. */
#define PGJ_MAX_BUILD_FOLDERS 64

typedef struct BuildFolder
{
	char		name[NAMEDATALEN];
	int			fd;				/* the folder, held open: fstat needs no path lookup */
	struct timespec mtime;		/* the folder's, when last looked at */
	time_t		verified;		/* when Java last compared the jars */
} BuildFolder;

static BuildFolder folders[PGJ_MAX_BUILD_FOLDERS];
static int	folder_count = 0;

/* False from the end of each transaction to the first pgj call or hook of the next one. */
bool		pgj_builds_checked = true;

/* Hooks running Java now (hooks.c). */
int			pgj_hooks_running = 0;

static void
transaction_ended(XactEvent event, void *arg)
{
	if (event != XACT_EVENT_PRE_COMMIT && event != XACT_EVENT_PARALLEL_PRE_COMMIT
		&& event != XACT_EVENT_PRE_PREPARE)
		pgj_builds_checked = false;
}

static int
open_folder(const char *name)
{
	char		path[MAXPGPATH];

	snprintf(path, sizeof(path), "%s/pgj/%s", pgj_sharedir, name);
	return open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

/* The folder's index, or -1 when it is not watched. */
int
pgj_build_folder(const char *name)
{
	for (int i = 0; i < folder_count; i++)
		if (strcmp(folders[i].name, name) == 0)
			return i;
	return -1;
}

/*
 * Java (guarded), before its first class loader of folder `name` reads the jars, so that a
 * replacement from then on is noticed. A worker keeps its build: nothing to watch there.
 */
int64
pgj_build_watch(int64 name, int64 a1, int64 a2, int64 a3, int64 a4, int64 a5)
{
	BuildFolder *f;
	struct stat st;
	int			fd;

	if (pgj_worker_launch != NULL || pgj_build_folder((const char *) name) >= 0
		|| folder_count == PGJ_MAX_BUILD_FOLDERS || strlen((const char *) name) >= NAMEDATALEN)
		return 0;
	fd = open_folder((const char *) name);
	if (fd < 0)
		return 0;				/* Java reports the missing folder */
	if (fstat(fd, &st) != 0)
	{
		close(fd);
		return 0;
	}
	ReserveExternalFD();
	if (folder_count == 0)
		RegisterXactCallback(transaction_ended, NULL);
	f = &folders[folder_count++];
	strlcpy(f->name, (const char *) name, NAMEDATALEN);
	f->fd = fd;
	f->mtime = st.st_mtim;
	f->verified = time(NULL);
	return 0;
}

/*
 * Whether Java must compare the folder's jars: something was renamed into or out of it (its
 * mtime moved), it was removed, or the last comparison was so soon after its mtime that a
 * change within the same clock tick would not have moved it.
 */
static bool
maybe_replaced(BuildFolder *f)
{
	struct stat st;

	if (fstat(f->fd, &st) != 0 || st.st_nlink == 0)
	{
		/* Removed (and perhaps made again): watch the folder now at that path. */
		int			fd = open_folder(f->name);

		if (fd >= 0)
		{
			close(f->fd);
			f->fd = fd;
			if (fstat(fd, &st) == 0)
				f->mtime = st.st_mtim;
		}
		f->verified = time(NULL);
		return true;
	}
	if (st.st_mtim.tv_sec == f->mtime.tv_sec && st.st_mtim.tv_nsec == f->mtime.tv_nsec
		&& f->verified > st.st_mtim.tv_sec + 1)
		return false;
	f->mtime = st.st_mtim;
	f->verified = time(NULL);
	return true;
}

/* The first pgj call or hook of a transaction (see the top of this file). */
void
pgj_check_builds(void)
{
	pgj_builds_checked = true;
	if (pgj_spi_depth > 0 || pgj_hooks_running > 0)
		return;
	for (int i = 0; i < folder_count; i++)
		if (maybe_replaced(&folders[i]) && pgj_build_replaced(folders[i].name))
			pgj_forget_functions(i);
}
