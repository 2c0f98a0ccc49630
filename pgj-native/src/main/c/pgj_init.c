/*
 * Module initialisation: the settings pgj reads before the JVM exists.
 *
 * Nothing here may start Java: _PG_init also runs in the postmaster under
 * shared_preload_libraries, and a process that forks after creating a JVM hangs. That is why
 * extensions declare their settings and static workers in manifests that C reads.
 */
#include "pgj.h"

#include "miscadmin.h"
#include "utils/guc.h"

PG_MODULE_MAGIC;

char	   *pgj_java_home = NULL;
char	   *pgj_jvm_options = NULL;
char	   *pgj_aot_cache = NULL;
int			pgj_heap_max_mb = 256;
int			pgj_metaspace_max_mb = 128;
int			pgj_code_cache_max_mb = 64;
bool		pgj_error_java_stack = false;
int			pgj_debug_port = 0;
char	   *pgj_profile_file = NULL;
bool		pgj_debug_allowed = false;

PGJ_EXPORT void _PG_init(void);

/*
 * pgj runtimes of two versions (pgj-0.1.so, pgj-0.2.so) may be installed side by side, but one
 * process runs one JVM: the first runtime loaded takes the process, and a later one defines
 * nothing and refuses every call (pgj_refuse_other_runtime). The rendezvous variable is how
 * two runtimes, which share no symbols (-Bsymbolic), see each other.
 */
#define RUNTIME_RENDEZVOUS "pgj runtime version"
const char *pgj_other_runtime = NULL;

void
pgj_refuse_other_runtime(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("this session runs pgj %s, so it cannot run an extension built with pgj %s",
					pgj_other_runtime, PGJ_VERSION),
			 errdetail("A session runs one JVM, and that JVM runs one pgj version's runtime: the first one the session loaded."),
			 errhint("Use extensions built with different pgj versions in separate sessions (connections), or rebuild them with one pgj version.")));
}

static shmem_request_hook_type previous_shmem_request = NULL;

/* Shared-memory requests are taken only in this hook. */
static void
request_shmem(void)
{
	if (previous_shmem_request)
		previous_shmem_request();
	pgj_request_startup_flags();
	pgj_request_shared();
}

void
_PG_init(void)
{
	void	  **first = find_rendezvous_variable(RUNTIME_RENDEZVOUS);

	if (*first != NULL)
	{
		/* Another version's runtime owns the pgj.* settings and hooks of this process. */
		pgj_other_runtime = (const char *) *first;
		return;
	}
	*first = (void *) PGJ_VERSION;
	DefineCustomStringVariable("pgj.java_home",
							   "JDK (25) whose libjvm pgj loads in each backend.",
							   "Defaults to the JDK that built the extension.",
							   &pgj_java_home,
							   PGJ_DEFAULT_JAVA_HOME,
							   PGC_SUSET,
							   0,
							   NULL, NULL, NULL);
	DefineCustomStringVariable("pgj.jvm_options",
							   "Extra JVM options, separated by spaces, for JVMs started after the change.",
							   NULL,
							   &pgj_jvm_options,
							   "",
							   PGC_SUSET,
							   0,
							   NULL, NULL, NULL);
	DefineCustomStringVariable("pgj.aot_cache",
							   "JDK AOT cache for faster JVM start; empty uses $sharedir/pgj/lib/<pgj version>/pgj.aot if present, 'off' disables.",
							   NULL,
							   &pgj_aot_cache,
							   "",
							   PGC_SUSET,
							   0,
							   NULL, NULL, NULL);
	DefineCustomIntVariable("pgj.heap_max",
							"Largest Java heap of a backend, for JVMs started after the change.",
							"Beyond it, an allocation fails with ERROR 53200. Every backend that runs Java may reach it: size it so that max_connections times this fits in memory beside shared_buffers.",
							&pgj_heap_max_mb,
							256, 16, 1024 * 1024,
							PGC_SUSET,
							GUC_UNIT_MB,
							NULL, NULL, NULL);
	DefineCustomIntVariable("pgj.metaspace_max",
							"Largest space for the loaded Java classes of a backend (metaspace), for JVMs started after the change.",
							NULL,
							&pgj_metaspace_max_mb,
							128, 16, 64 * 1024,
							PGC_SUSET,
							GUC_UNIT_MB,
							NULL, NULL, NULL);
	DefineCustomIntVariable("pgj.code_cache_max",
							"Largest space for the JIT-compiled code of a backend, for JVMs started after the change.",
							NULL,
							&pgj_code_cache_max_mb,
							64, 8, 2048,
							PGC_SUSET,
							GUC_UNIT_MB,
							NULL, NULL, NULL);
	DefineCustomBoolVariable("pgj.error_java_stack",
							 "Shows clients the Java stack of an error raised from Java, as its CONTEXT.",
							 "Off, a client sees the error as a C extension would raise it; the server log has the Java stack either way.",
							 &pgj_error_java_stack,
							 false,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
	/* Before pgj.debug_port, whose check reads it. */
	DefineCustomBoolVariable("pgj.debug_allowed",
							 "Whether sessions may open a Java debugger port (pgj.debug_port).",
							 "Off by default: whoever reaches the port can run any code as the server. pgj's dev servers turn it on.",
							 &pgj_debug_allowed,
							 false,
							 PGC_SIGHUP,
							 0,
							 NULL, NULL, NULL);
	DefineCustomIntVariable("pgj.debug_port",
							"Port on localhost where this session's JVM listens for a Java debugger (JDWP); 0 is off.",
							"Read when the session's JVM starts, at its first Java call. Needs pgj.debug_allowed.",
							&pgj_debug_port,
							0, 0, 65535,
							PGC_SUSET,
							0,
							pgj_check_debug_port, NULL, NULL);
	DefineCustomStringVariable("pgj.profile",
							   "File where this session's JVM writes a Java Flight Recorder profile; empty is off.",
							   "Read when the session's JVM starts, at its first Java call; the file is rewritten at the end of every transaction. pgj profile sets it and renders a flame graph.",
							   &pgj_profile_file,
							   "",
							   PGC_SUSET,
							   0,
							   NULL, NULL, NULL);
	MarkGUCPrefixReserved("pgj");

	/* The extensions' own settings, and their static workers when preloaded. */
	pgj_locate_runtime();
	pgj_read_manifests(process_shared_preload_libraries_in_progress);
	if (process_shared_preload_libraries_in_progress)
	{
		previous_shmem_request = shmem_request_hook;
		shmem_request_hook = request_shmem;
	}
}
