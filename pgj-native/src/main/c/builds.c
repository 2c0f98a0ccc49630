/*
 * One build of each extension per session. Java keeps one class loader per extension folder
 * ($sharedir/pgj/<ext>), whose jars it holds open, so a reinstall (which renames new jars over
 * the old ones) changes nothing for a session by itself. The session switches at a transaction
 * boundary: at the first pgj call or hook of each transaction, if the kernel has signalled an
 * inotify event in a folder in use since the last look (one load of a flag), one fstat per
 * folder tells whether anything was renamed into or out of it. If so,
 * Java compares the jars themselves; when
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
#include <signal.h>
#include <sys/inotify.h>
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

/*
 * The folders' inotify watches. The descriptor is O_ASYNC: the kernel raises SIGIO the moment it
 * queues an event, inside the installer's rename or unlink, and the handler sets folder_events.
 * Only the backend's thread takes SIGIO (pgj's and the JVM's threads block every signal), and a
 * backend waiting for its next query runs the handler before it can read that query: so the
 * first transaction that starts after an install has ended sees it, whatever the machine's load.
 * The backend clears the flag before it looks, so an event during the look is seen at the next
 * transaction. Without inotify, a watch on every folder, or SIGIO to itself (another library
 * handles it), every transaction looks.
 */
static int	inotify_fd = -1;
static bool every_folder_watched = false;
static volatile sig_atomic_t folder_events = 1;

#define FOLDER_EVENTS (IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_CLOSE_WRITE | IN_ATTRIB \
					   | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

static void
folder_event_signalled(SIGNAL_ARGS)
{
	folder_events = 1;
}

/* Asks the kernel for SIGIO on each event of `fd`; false when SIGIO is not pgj's to take. */
static bool
signal_folder_events(int fd)
{
	struct sigaction current;
	struct sigaction handler;
	int			flags;

	if (sigaction(SIGIO, NULL, &current) != 0 || (current.sa_flags & SA_SIGINFO) != 0
		|| (current.sa_handler != SIG_DFL && current.sa_handler != SIG_IGN))
		return false;
	memset(&handler, 0, sizeof(handler));
	handler.sa_handler = folder_event_signalled;
	sigemptyset(&handler.sa_mask);
	handler.sa_flags = SA_RESTART;
	flags = fcntl(fd, F_GETFL);
	return sigaction(SIGIO, &handler, NULL) == 0 && flags >= 0
		&& fcntl(fd, F_SETOWN, getpid()) == 0 && fcntl(fd, F_SETFL, flags | O_ASYNC) == 0;
}

/* Empties the event queue, so it never overflows; what the events were, fstat tells. */
static void
drain_folder_events(void)
{
	char		events[4096] __attribute__((aligned(__alignof__(struct inotify_event))));

	if (inotify_fd >= 0)
		while (read(inotify_fd, events, sizeof(events)) > 0)
			;
}

static void
watch_path(const char *name)
{
	char		path[MAXPGPATH];

	if (inotify_fd < 0)
		return;
	snprintf(path, sizeof(path), "%s/pgj/%s", pgj_sharedir, name);
	/* Too many watches, say: look at every transaction instead. */
	if (inotify_add_watch(inotify_fd, path, FOLDER_EVENTS) < 0)
		every_folder_watched = false;
}

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
void
pgj_build_watch(const char *name)
{
	BuildFolder *f;
	struct stat st;
	int			fd;

	if (pgj_worker_launch != NULL || pgj_build_folder(name) >= 0
		|| folder_count == PGJ_MAX_BUILD_FOLDERS || strlen(name) >= NAMEDATALEN)
		return;
	fd = open_folder(name);
	if (fd < 0)
		return;					/* Java reports the missing folder */
	if (fstat(fd, &st) != 0)
	{
		close(fd);
		return;
	}
	ReserveExternalFD();
	if (folder_count == 0)
	{
		RegisterXactCallback(transaction_ended, NULL);
		inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
		if (inotify_fd >= 0)
		{
			ReserveExternalFD();
			every_folder_watched = signal_folder_events(inotify_fd);
		}
	}
	watch_path(name);
	f = &folders[folder_count++];
	strlcpy(f->name, name, NAMEDATALEN);
	f->fd = fd;
	f->mtime = st.st_mtim;
	f->verified = time(NULL);
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
			watch_path(f->name);
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
	if (every_folder_watched && !folder_events)
		return;
	folder_events = 0;
	drain_folder_events();
	for (int i = 0; i < folder_count; i++)
		if (maybe_replaced(&folders[i]) && pgj_build_replaced(folders[i].name))
			pgj_forget_functions(i);
}
