/*
 * Background workers whose entry point is Java: the process side (signals, the JVM, the
 * launch description) and the few helpers Java needs that are macros or sequences of calls
 * in C. Everything else (the builder, the handle's waits) calls the server's own functions
 * from Java through guarded calls.
 *
 * Signals, as pgx and worker_spi.c have them: what SIGTERM means is the worker's choice, and a
 * SIGTERM that comes before the worker has chosen (typically while its JVM starts) is held
 * until then. After attachSignalHandlers(SIGTERM) it only sets a flag and the latch, so the
 * worker finishes on its own terms (pgx's contract). A worker that makes its first latch wait,
 * connection, transaction or interrupt check without having attached gets PostgreSQL's default
 * instead: die(), that is FATAL at the next interrupt check. Never the FATAL that PostgreSQL's
 * own bgworker_die raises inside the handler, which could unwind over Java frames. SIGHUP is
 * recorded from the start, whatever the worker attaches, and reloads the configuration at the
 * next waitLatch or workerContinue.
 */
#include "pgj.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>

#include "access/xact.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/interrupt.h"
#include "storage/dsm.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/pmsignal.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "port/atomics.h"
#include "tcop/tcopprot.h"
#include "utils/snapmgr.h"

PGJ_EXPORT void pgj_static_worker_main(Datum main_arg);
PGJ_EXPORT void pgj_dynamic_worker_main(Datum main_arg);

PgjWorkerLaunch *pgj_worker_launch = NULL;

static volatile sig_atomic_t got_sighup = false;
static volatile sig_atomic_t got_sigterm = false;	/* test-and-clear, for Java */
static volatile sig_atomic_t sigterm_seen = false;	/* sticky */
static volatile sig_atomic_t sigterm_held = false;	/* arrived before the worker chose */
static bool sigterm_settled = false;	/* attached, or PostgreSQL's default */
static bool postmaster_died = false;

/* Static workers, registered by the postmaster; forked workers inherit the array. */
static PgjWorkerLaunch *static_launches = NULL;
static int	static_count = 0;
static int	static_capacity = 0;

/*
 * Shared-memory start-up callbacks: one flag per declaration that has one, in a little shared
 * memory of pgj's own (so only with shared_preload_libraries, as static workers are). 0: not
 * run; 1: running; 2: done. A fresh segment after a crash restart runs them again.
 */
#define STARTUP_NOT_RUN 0
#define STARTUP_RUNNING 1
#define STARTUP_DONE 2

int			pgj_startup_slots = 0;
static pg_atomic_uint32 *startup_flags = NULL;
static shmem_startup_hook_type previous_shmem_startup = NULL;

static void
init_startup_flags(void)
{
	bool		found;

	if (previous_shmem_startup)
		previous_shmem_startup();
	LWLockAcquire(AddinShmemInitLock, LW_EXCLUSIVE);
	startup_flags = ShmemInitStruct("pgj static worker start-up", sizeof(pg_atomic_uint32) * pgj_startup_slots,
									&found);
	if (!found)
		for (int i = 0; i < pgj_startup_slots; i++)
			pg_atomic_init_u32(&startup_flags[i], STARTUP_NOT_RUN);
	LWLockRelease(AddinShmemInitLock);
}

/* In the postmaster, once the manifests are read (from shmem_request_hook on PostgreSQL 15+). */
void
pgj_request_startup_flags(void)
{
	if (pgj_startup_slots == 0)
		return;
	RequestAddinShmemSpace(sizeof(pg_atomic_uint32) * pgj_startup_slots);
	previous_shmem_startup = shmem_startup_hook;
	shmem_startup_hook = init_startup_flags;
}

/*
 * Runs the declaration's start-up callback if no worker did since the server started; other
 * workers of the declaration wait for it. A callback that fails is left for the next worker.
 */
static void
run_startup_callback(const PgjWorkerLaunch *launch)
{
	pg_atomic_uint32 *flag = &startup_flags[launch->startup_slot];
	uint32		expected = STARTUP_NOT_RUN;

	if (pg_atomic_compare_exchange_u32(flag, &expected, STARTUP_RUNNING))
	{
		pgj_run_worker(0, true);
		pg_atomic_write_u32(flag, pgj_error_pending() ? STARTUP_NOT_RUN : STARTUP_DONE);
		if (pgj_error_pending())
			pgj_raise_pending();
		return;
	}
	while (pg_atomic_read_u32(flag) != STARTUP_DONE)
	{
		if (pg_atomic_read_u32(flag) == STARTUP_NOT_RUN)
		{
			run_startup_callback(launch);
			return;
		}
		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, 10L, PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
		CHECK_FOR_INTERRUPTS();
	}
}

/*
 * How long the worker's Java entry point may run without attaching before a SIGTERM it holds
 * means PostgreSQL's default after all: the worker that never attaches, and never waits or
 * checks, still dies (a fast shutdown waits for every worker). pgx's and worker_spi's workers
 * attach on their first line, but reaching it (loading the entry point's classes) can take
 * seconds of wall time on a loaded machine: so the grace is one second of the worker's own CPU
 * time, or ten seconds of wall time for a worker that waits without ever attaching.
 */
#define HOLD_GRACE_CPU_NS (1000 * 1000 * 1000L)
#define HOLD_GRACE_WALL_NS (10 * 1000 * 1000 * 1000L)

static volatile int64 sigterm_held_at = 0;	/* CLOCK_MONOTONIC, ns */
static volatile int64 sigterm_held_cpu = 0;	/* the worker thread's CPU time, ns */
static volatile int64 entry_started_at = 0;
static volatile int64 entry_started_cpu = 0;
static pthread_t worker_thread;

static int64
monotonic_ns(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64) now.tv_sec * 1000 * 1000 * 1000 + now.tv_nsec;
}

/* The CPU time the worker's own thread has used, read from any thread (0 if it cannot be). */
static int64
worker_cpu_ns(void)
{
	clockid_t	clock;
	struct timespec used;

	if (pthread_getcpuclockid(worker_thread, &clock) != 0 || clock_gettime(clock, &used) != 0)
		return 0;
	return (int64) used.tv_sec * 1000 * 1000 * 1000 + used.tv_nsec;
}

/* Until the worker chooses: remember, and wake a latch wait and Pg.checkForInterrupts(). */
static void
hold_sigterm(SIGNAL_ARGS)
{
	int			save_errno = errno;

	if (!sigterm_held)
	{
		struct timespec used;

		/* On the worker's thread (every other thread blocks signals); async-signal-safe. */
		clock_gettime(CLOCK_THREAD_CPUTIME_ID, &used);
		sigterm_held_cpu = (int64) used.tv_sec * 1000 * 1000 * 1000 + used.tv_nsec;
		sigterm_held_at = monotonic_ns();
	}
	sigterm_held = true;
	InterruptPending = true;
	SetLatch(MyLatch);
	errno = save_errno;
}

/* attachSignalHandlers(SIGTERM): the worker asks for a flag, and stops when it sees it. */
static void
flag_sigterm(SIGNAL_ARGS)
{
	int			save_errno = errno;

	got_sigterm = true;
	sigterm_seen = true;
	SetLatch(MyLatch);
	errno = save_errno;
}

static void
worker_sighup(SIGNAL_ARGS)
{
	got_sighup = true;
	SignalHandlerForConfigReload(postgres_signal_arg);
}

/* Installs the chosen SIGTERM handler and hands it a SIGTERM that was held. */
static void
settle_sigterm(pqsigfunc handler)
{
	pqsignal(SIGTERM, handler);
	/* The interrupt watcher stays behind whatever handles SIGTERM now (interrupts.c). */
	pgj_wrap_signals();
	sigterm_settled = true;
	if (sigterm_held)
	{
		sigterm_held = false;
		handler(SIGTERM);
	}
}

/* Java: attachSignalHandlers. PGJ_SIGTERM_RECEIVED in flags: SIGTERM sets the flag; else die(). */
void
pgj_bgw_attach_signals(int32 flags)
{
	settle_sigterm((flags & PGJ_SIGTERM_RECEIVED) != 0 ? flag_sigterm : die);
}

/*
 * Java: the worker waits, connects, begins a transaction or checks for interrupts; if it has
 * not attached by then, SIGTERM keeps PostgreSQL's meaning (die). Nothing outside a worker.
 */
void
pgj_bgw_default_signals(void)
{
	if (pgj_worker_launch != NULL && !sigterm_settled)
		settle_sigterm(die);
}

/*
 * The interrupt watcher, on its own thread: a SIGTERM held beyond the grace into the entry point
 * of a worker that has not attached gets PostgreSQL's default, die(), which only sets flags and
 * the latch (so it is safe from another thread); the watcher then stops the Java code.
 */
bool
pgj_bgw_sigterm_overdue(void)
{
	int64		cpu_used;
	int64		wall;

	if (!sigterm_held || sigterm_settled || entry_started_at == 0)
		return false;
	cpu_used = worker_cpu_ns() - Max(sigterm_held_cpu, entry_started_cpu);
	wall = monotonic_ns() - Max(sigterm_held_at, entry_started_at);
	if (cpu_used < HOLD_GRACE_CPU_NS && wall < HOLD_GRACE_WALL_NS)
		return false;
	settle_sigterm(die);
	return true;
}

static uint32
launch_key(Datum main_arg)
{
	return (uint32) (DatumGetUInt64(main_arg) >> 32);
}

static Datum
with_launch_key(Datum main_arg, uint32 key)
{
	return UInt64GetDatum(((uint64) key << 32) | (uint32) DatumGetUInt64(main_arg));
}

pg_noreturn static void run(const PgjWorkerLaunch *launch, Datum main_arg);

static void
run(const PgjWorkerLaunch *launch, Datum main_arg)
{
	worker_thread = pthread_self();
	pgj_worker_launch = MemoryContextAlloc(TopMemoryContext, sizeof(PgjWorkerLaunch));
	memcpy(pgj_worker_launch, launch, sizeof(PgjWorkerLaunch));
	pqsignal(SIGTERM, hold_sigterm);
	pqsignal(SIGHUP, worker_sighup);
	/* The JVM first: its threads inherit the still blocked signal mask. */
	pgj_ensure_jvm();
	/* What pgj does before the entry point (connect, start-up callback) holds SIGTERM too. */
	BackgroundWorkerUnblockSignals();
	if (launch->database[0] != '\0')
		BackgroundWorkerInitializeConnection(launch->database,
											 launch->user[0] != '\0' ? launch->user : NULL, 0);
	if (launch->startup_slot >= 0 && startup_flags != NULL)
		run_startup_callback(launch);
	entry_started_cpu = worker_cpu_ns();
	entry_started_at = monotonic_ns();
	pgj_run_worker((int32) DatumGetUInt64(main_arg), false);
	/* A Java exception from the entry point: ERROR, which a worker turns into FATAL (exit 1). */
	if (pgj_error_pending())
		pgj_raise_pending();
	proc_exit(0);
}

void
pgj_static_worker_main(Datum main_arg)
{
	uint32		index = launch_key(main_arg);

	if (index >= (uint32) static_count)
		elog(FATAL, "pgj: background worker \"%s\" has no launch description %u",
			 MyBgworkerEntry->bgw_name, index);
	run(&static_launches[index], main_arg);
}

void
pgj_dynamic_worker_main(Datum main_arg)
{
	dsm_handle	handle = launch_key(main_arg);
	dsm_segment *segment = dsm_attach(handle);
	PgjWorkerLaunch launch;

	if (segment == NULL)
	{
		/* Pinned segments do not survive a crash restart of the cluster. */
		ereport(LOG,
				(errmsg("pgj: background worker \"%s\" lost its launch description and stops",
						MyBgworkerEntry->bgw_name),
				 errhint("Start it again with loadDynamic().")));
		proc_exit(0);
	}
	memcpy(&launch, dsm_segment_address(segment), sizeof(launch));
	/* A worker that is never restarted reads it once; others keep it for their restarts. */
	if (MyBgworkerEntry->bgw_restart_time == BGW_NEVER_RESTART)
		dsm_unpin_segment(handle);
	dsm_detach(segment);
	run(&launch, main_arg);
}

/* In the postmaster, from the manifests (manifest.c). */
void
pgj_register_static_worker(const BackgroundWorker *worker, const PgjWorkerLaunch *launch)
{
	BackgroundWorker copy;

	if (static_count == static_capacity)
	{
		static_capacity = static_capacity == 0 ? 8 : static_capacity * 2;
		static_launches = static_launches == NULL
			? MemoryContextAlloc(TopMemoryContext, sizeof(PgjWorkerLaunch) * static_capacity)
			: repalloc(static_launches, sizeof(PgjWorkerLaunch) * static_capacity);
	}
	memcpy(&static_launches[static_count], launch, sizeof(PgjWorkerLaunch));
	memcpy(&copy, worker, sizeof(copy));
	strlcpy(copy.bgw_library_name, "pgj", sizeof(copy.bgw_library_name));
	strlcpy(copy.bgw_function_name, "pgj_static_worker_main", sizeof(copy.bgw_function_name));
	copy.bgw_main_arg = with_launch_key(worker->bgw_main_arg, static_count);
	static_count++;
	RegisterBackgroundWorker(&copy);
}

/*
 * Java: registers a dynamic worker that Java filled in; its launch description goes into a
 * pinned DSM segment. Returns the handle (in TopMemoryContext, so it outlives the
 * transaction), or 0 when no worker slot is free.
 */
BackgroundWorkerHandle *
pgj_bgw_register(BackgroundWorker *worker, const PgjWorkerLaunch *launch)
{
	dsm_segment *segment = dsm_create(sizeof(PgjWorkerLaunch), 0);
	dsm_handle	handle = dsm_segment_handle(segment);
	BackgroundWorkerHandle *worker_handle = NULL;
	MemoryContext old;
	bool		registered;

	memcpy(dsm_segment_address(segment), launch, sizeof(PgjWorkerLaunch));
	/* Start-up callbacks belong to static workers. */
	((PgjWorkerLaunch *) dsm_segment_address(segment))->startup_slot = -1;
	dsm_pin_segment(segment);
	strlcpy(worker->bgw_library_name, "pgj", sizeof(worker->bgw_library_name));
	strlcpy(worker->bgw_function_name, "pgj_dynamic_worker_main", sizeof(worker->bgw_function_name));
	worker->bgw_main_arg = with_launch_key(worker->bgw_main_arg, handle);
	old = MemoryContextSwitchTo(TopMemoryContext);
	registered = RegisterDynamicBackgroundWorker(worker, &worker_handle);
	MemoryContextSwitchTo(old);
	if (!registered)
		dsm_unpin_segment(handle);
	dsm_detach(segment);
	return registered ? worker_handle : NULL;
}

/* SIGHUP: read the configuration again, here in normal code rather than in the handler. */
static void
reload_if_asked(void)
{
	if (ConfigReloadPending)
	{
		ConfigReloadPending = false;
		ProcessConfigFile(PGC_SIGHUP);
	}
}

/*
 * Java: waits on the latch; false on SIGTERM or postmaster death. A worker that keeps
 * waiting after being told the postmaster died exits here, so it cannot spin.
 */
bool
pgj_bgw_wait_latch(int64 timeout_ms)
{
	int			events = WL_LATCH_SET | WL_POSTMASTER_DEATH | (timeout_ms >= 0 ? WL_TIMEOUT : 0);
	int			rc;

	if (postmaster_died)
		proc_exit(1);
	if (!sigterm_seen)
	{
		rc = WaitLatch(MyLatch, events, timeout_ms >= 0 ? (long) timeout_ms : -1L, PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
		if (rc & WL_POSTMASTER_DEATH)
			postmaster_died = true;
	}
	reload_if_asked();
	if (sigterm_seen || postmaster_died)
		return false;
	CHECK_FOR_INTERRUPTS();
	return true;
}

/* Java: the signal flags (PGJ_*), clearing the test-and-clear ones named in `clear`. */
int32
pgj_bgw_signals(int32 clear)
{
	int32		flags = (got_sighup ? PGJ_SIGHUP_RECEIVED : 0)
		| (got_sigterm ? PGJ_SIGTERM_RECEIVED : 0)
		| (sigterm_seen ? PGJ_SIGTERM_SEEN : 0)
		| (postmaster_died ? PGJ_POSTMASTER_DIED : 0);

	if (clear & PGJ_SIGHUP_RECEIVED)
		got_sighup = false;
	if (clear & PGJ_SIGTERM_RECEIVED)
		got_sigterm = false;
	return flags;
}

/* Java: whether the worker should go on: no SIGTERM, and the postmaster alive. */
bool
pgj_bgw_worker_continue(void)
{
	if (!postmaster_died && !PostmasterIsAlive())
		postmaster_died = true;
	reload_if_asked();
	if (sigterm_seen || postmaster_died)
		return false;
	CHECK_FOR_INTERRUPTS();
	return true;
}

/* Java: a transaction with a snapshot, as worker_spi runs one. */
void
pgj_bgw_begin(void)
{
	SetCurrentStatementStartTimestamp();
	StartTransactionCommand();
	PushActiveSnapshot(GetTransactionSnapshot());
	pgstat_report_activity(STATE_RUNNING, MyBgworkerEntry->bgw_name);
}

void
pgj_bgw_commit(void)
{
	if (ActiveSnapshotSet())
		PopActiveSnapshot();
	CommitTransactionCommand();
	pgstat_report_stat(true);
	pgstat_report_activity(STATE_IDLE, NULL);
}

/*
 * Java: rolls back the worker's transaction after the body failed. Not through
 * pgj_guard_call, because the error that failed it is still unhandled: the abort handles
 * it. A FATAL (a termination) is left pending, so the worker exits.
 */
int32
pgj_bgw_abort(void)
{
	volatile int32 rc = PGJ_OK;

	if (!pgj_on_backend_thread())
		return PGJ_WRONG_THREAD;
	if (pgj_error_elevel() >= FATAL)
		return PGJ_POISONED;
	pgj_discard_errors_from_level(0);
	PG_TRY();
	{
		AbortCurrentTransaction();
		pgstat_report_activity(STATE_IDLE, NULL);
	}
	PG_CATCH();
	{
		pgj_remember_pg_error();
		rc = PGJ_PG_ERROR;
	}
	PG_END_TRY();
	return rc;
}
