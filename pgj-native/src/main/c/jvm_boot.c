/*
 * Lazy JVM boot: one JVM per backend, created on the backend's own thread the first time
 * Java is needed, never in the postmaster (a process that forks after creating a JVM hangs).
 *
 * A JVM can be created once per process, so a failed start is remembered and every later
 * attempt gets the same clear ERROR. The JNI exit hook turns a VM that gives up during
 * initialisation into that ERROR instead of a process exit (which the postmaster would
 * treat as a crash).
 */
#include "pgj.h"

#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <time.h>

#include <jni.h>
#include <jvmti.h>

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/timestamp.h"
#include "postmaster/syslogger.h"
#include "storage/ipc.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "common/hashfn.h"

typedef jint (JNICALL *CreateJavaVM) (JavaVM **, void **, void *);

/* The server's own AOT cache, in the data directory (aot_cache_path). */
#define PGJ_OWN_CACHE_DIR "pgj_aot"
#define PGJ_OWN_CACHE_RETRY_SECONDS 600

/* Boot's JNI entry points (boot, resolve, invoke, ...) are static methods of this class. */
#define BOOT_CLASS "org/pgj/internal/boot/Boot"
#define JAVA_HOME_HINT "Set pgj.java_home to a JDK 25 (superuser only), e.g. ALTER SYSTEM SET pgj.java_home = '/usr/lib/jvm/temurin-25-jdk-amd64', then reload."

/*
 * Boot runs in two stages with an interrupt check between them: creating the JVM blocks every
 * signal, so a cancel or timeout that came meanwhile stops the statement as soon as the JVM
 * exists (JVM_CREATED), and the next call starts pgj's runtime in it.
 */
typedef enum
{
	JVM_NONE,
	JVM_STARTING,
	JVM_CREATED,
	JVM_READY,
	JVM_FAILED
} JvmState;

static JvmState state = JVM_NONE;
static char failure[2048];
static char failure_hint[512];
static JavaVM *the_vm = NULL;
static JNIEnv *the_env = NULL;
static jclass resolver_class = NULL;
static jmethodID resolve_method = NULL;
static jmethodID invoke_method = NULL;
static jmethodID run_worker_method = NULL;
static jmethodID close_set_method = NULL;
static jmethodID transaction_event_method = NULL;
static jmethodID release_agg_state_method = NULL;
static jmethodID hook_method = NULL;
static jmethodID setting_hook_method = NULL;
static jmethodID log_hook_method = NULL;
static jmethodID transaction_ended_method = NULL;
static jmethodID log_thresholds_method = NULL;
static jmethodID build_replaced_method = NULL;
static jmethodID fdw_method = NULL;
static jmethodID fdw_next_method = NULL;
static jmethodID fdw_abandon_method = NULL;
static void check_java_exception(const char *what);
static bool exception_dropped(void);
static pthread_t backend_thread;
static sigjmp_buf boot_exit_jump;

/* The last lines the VM printed, to explain a failed start. */
static char vm_output[2048];
static pthread_mutex_t vm_output_lock = PTHREAD_MUTEX_INITIALIZER;

char		pgj_sharedir[MAXPGPATH];
char		pgj_runtime_dir[MAXPGPATH];

bool
pgj_on_backend_thread(void)
{
	return (state == JVM_READY || state == JVM_STARTING || state == JVM_CREATED)
		&& pthread_equal(pthread_self(), backend_thread);
}

/* Runs on any VM thread: it must not call into PostgreSQL. */
static jint JNICALL pg_attribute_printf(2, 0)
vm_vfprintf(FILE *stream, const char *format, va_list args)
{
	char		line[1024];
	int			n;
	va_list		copy;

	/* A log file of -Xlog:...:file=: the hook gets every stream the VM writes to. */
	if (stream != NULL && stream != stdout && stream != stderr)
		return vfprintf(stream, format, args);
	va_copy(copy, args);
	n = vsnprintf(line, sizeof(line), format, copy);
	va_end(copy);
	pthread_mutex_lock(&vm_output_lock);
	if (strlen(vm_output) + strlen(line) >= sizeof(vm_output))
		vm_output[0] = '\0';
	strcat(vm_output, line);
	pthread_mutex_unlock(&vm_output_lock);
	if (state != JVM_STARTING)
		fputs(line, stderr);
	return n;
}

/* Where the JVM writes its report of a fatal error: the server's log directory (see boot). */
static char error_file[MAXPGPATH];
static bool destroying = false;

/*
 * A JVM that dies after it has started is a crash of the backend, as a segfault in C is: the
 * postmaster must see the process killed by a signal, log it, and reinitialise shared memory
 * that a wild write may have corrupted. Ending with exit(1) instead would make it trust that
 * memory. Runs on the thread that failed, possibly inside a signal handler: only write(2).
 */
static void
die_as_crash(const char *what)
{
	char		line[MAXPGPATH + 256];
	int			n;

	n = snprintf(line, sizeof(line),
				 "pgj: the JVM of backend %d %s; its report is in %s; the backend aborts so that the postmaster restarts the cluster as after any crash\n",
				 (int) getpid(), what, error_file);
	/* Nothing can be done if even this fails. */
	if (n > 0 && write(STDERR_FILENO, line, Min(n, (int) sizeof(line) - 1)) < 0)
		n = 0;
	abort();
}

static void JNICALL
vm_exit(jint code)
{
	if (state == JVM_STARTING && pthread_equal(pthread_self(), backend_thread))
		siglongjmp(boot_exit_jump, 1);
	if (destroying)
		return;
	/* Every Java route to exit is refused (jvmti.c, ExitGuard); only the VM itself gets here. */
	die_as_crash("exited");
}

/*
 * HotSpot aborts, rather than exits, when it fails late in its initialisation (an impossible
 * heap layout such as -Xmn above -Xmx): that is the start failing, an ERROR. After the start, it
 * aborts on a fatal error (SIGSEGV in JVM, Unsafe, FFM or JNI code, an internal error), after
 * writing its report: a crash.
 */
static void JNICALL
vm_abort(void)
{
	if (state == JVM_STARTING && pthread_equal(pthread_self(), backend_thread))
		siglongjmp(boot_exit_jump, 1);
	die_as_crash("hit a fatal error");
}

static void pg_attribute_printf(2, 3)
fail(const char *hint, const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	vsnprintf(failure, sizeof(failure), fmt, args);
	va_end(args);
	strlcpy(failure_hint, hint, sizeof(failure_hint));
	state = JVM_FAILED;
}

/*
 * Whether every Java thread but this one is a daemon. DestroyJavaVM waits for the others: one
 * that extension code started (an executor's worker) would hold the backend's exit for ever.
 */
static bool
only_daemon_threads_left(void)
{
	jvmtiEnv   *jvmti = pgj_jvmti();
	jthread    *threads = NULL;
	jthread		self = NULL;
	jint		count = 0;
	bool		only = true;

	if (jvmti == NULL || (*jvmti)->GetCurrentThread(jvmti, &self) != JVMTI_ERROR_NONE
		|| (*jvmti)->GetAllThreads(jvmti, &count, &threads) != JVMTI_ERROR_NONE)
		return false;
	for (int i = 0; i < count; i++)
	{
		jvmtiThreadInfo info;

		if ((*jvmti)->GetThreadInfo(jvmti, threads[i], &info) != JVMTI_ERROR_NONE)
			only = false;
		else
		{
			if (!info.is_daemon && !(*the_env)->IsSameObject(the_env, threads[i], self))
				only = false;
			(*jvmti)->Deallocate(jvmti, (unsigned char *) info.name);
			(*the_env)->DeleteLocalRef(the_env, info.thread_group);
			(*the_env)->DeleteLocalRef(the_env, info.context_class_loader);
		}
		(*the_env)->DeleteLocalRef(the_env, threads[i]);
	}
	(*jvmti)->Deallocate(jvmti, (unsigned char *) threads);
	(*the_env)->DeleteLocalRef(the_env, self);
	return only;
}

/*
 * Training runs, and the backend that records the server's own cache, write the AOT cache when
 * the VM is destroyed; normal backends just exit. A VM that Java threads of the extension still
 * run in is not destroyed (its exit would wait for them): no cache this time, and another
 * backend records one after PGJ_OWN_CACHE_RETRY_SECONDS.
 */
static void
destroy_vm_at_exit(int code, Datum arg)
{
	if (state != JVM_READY || the_vm == NULL)
		return;
	if (!only_daemon_threads_left())
	{
		elog(LOG, "pgj: the JVM's AOT cache is not written: Java threads that are not daemons still run in this backend");
		return;
	}
	destroying = true;
	(*the_vm)->DestroyJavaVM(the_vm);
}

/*
 * A cache older than pgj-api.jar is stale. The VM's own check does not catch every change,
 * and a stale cache would run the old jar's classes. One the JVM is still writing (its
 * assembly leaves <cache>.config until it is done) is not used yet.
 */
static bool
fresh_cache(const char *cache)
{
	char		jar[MAXPGPATH];
	char		config[MAXPGPATH];
	struct stat cache_stat;
	struct stat jar_stat;

	snprintf(jar, sizeof(jar), "%s/pgj-api.jar", pgj_runtime_dir);
	snprintf(config, sizeof(config), "%s.config", cache);
	return stat(cache, &cache_stat) == 0 && stat(jar, &jar_stat) == 0
		&& access(cache, R_OK) == 0 && cache_stat.st_mtime >= jar_stat.st_mtime
		&& cache_stat.st_size > 0 && access(config, F_OK) != 0;
}

/* The server's own caches of this runtime are pgj-<version>.<key>.aot: another version's are not ours to remove. */
#define OWN_CACHE_PREFIX "pgj-" PGJ_VERSION "."

/*
 * The server's own cache, for installs that carry none (a package, a plain copy): in the data
 * directory, named after what it depends on (pgj-api.jar and the JDK's libjvm.so, by size and
 * time), so that a new jar or JDK gets a new one. The JVM checks the rest (flags, paths).
 */
static void
own_cache_path(char *buffer, size_t size)
{
	char		jar[MAXPGPATH];
	char		libjvm[MAXPGPATH];
	struct stat jar_stat;
	struct stat jvm_stat;
	uint64		key = 0;

	snprintf(jar, sizeof(jar), "%s/pgj-api.jar", pgj_runtime_dir);
	snprintf(libjvm, sizeof(libjvm), "%s/lib/server/libjvm.so", pgj_java_home);
	if (stat(jar, &jar_stat) == 0 && stat(libjvm, &jvm_stat) == 0)
	{
		uint64		parts[] = {(uint64) jar_stat.st_size, (uint64) jar_stat.st_mtime,
		(uint64) jvm_stat.st_size, (uint64) jvm_stat.st_mtime, (uint64) jvm_stat.st_ino};

		key = hash_bytes_extended((const unsigned char *) parts, sizeof(parts), 0);
		key ^= hash_bytes_extended((const unsigned char *) pgj_java_home, strlen(pgj_java_home), 1);
	}
	snprintf(buffer, size, "%s/%s/" OWN_CACHE_PREFIX "%016llx.aot", DataDir, PGJ_OWN_CACHE_DIR, (unsigned long long) key);
}

/*
 * Removes the server's own caches of earlier jars or JDKs (and their locks and configurations):
 * each new pgj-api.jar would otherwise leave one more in the data directory.
 */
static void
forget_other_caches(const char *dir, const char *cache)
{
	const char *own = strrchr(cache, '/') + 1;
	size_t		key_length = strlen(own);	/* "pgj-<version>.<key>.aot" */
	DIR		   *folder = opendir(dir);
	struct dirent *entry;

	if (folder == NULL)
		return;
	while ((entry = readdir(folder)) != NULL)
	{
		char		path[MAXPGPATH];

		if (strncmp(entry->d_name, OWN_CACHE_PREFIX, strlen(OWN_CACHE_PREFIX)) != 0
			|| strncmp(entry->d_name, own, key_length) == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, entry->d_name);
		unlink(path);
	}
	closedir(folder);
}

/*
 * Whether this backend records the server's own cache: none is there yet, and no other backend
 * records it now (a lock file, which a recording that never finished leaves; after
 * PGJ_OWN_CACHE_RETRY_SECONDS another backend tries again). Only client backends record: a
 * worker's JVM may not run long enough to see a typical call.
 */
static bool
claim_own_cache(const char *cache)
{
	char		lock[MAXPGPATH];
	char		dir[MAXPGPATH];
	struct stat st;
	int			fd;

	if (MyBackendType != B_BACKEND || pgj_worker_launch != NULL)
		return false;
	snprintf(dir, sizeof(dir), "%s/%s", DataDir, PGJ_OWN_CACHE_DIR);
	if (mkdir(dir, S_IRWXU) != 0 && errno != EEXIST)
		return false;
	snprintf(lock, sizeof(lock), "%s.lock", cache);
	if (stat(lock, &st) == 0 && time(NULL) - st.st_mtime > PGJ_OWN_CACHE_RETRY_SECONDS)
		unlink(lock);
	fd = open(lock, O_CREAT | O_EXCL | O_WRONLY, S_IRUSR | S_IWUSR);
	if (fd < 0)
		return false;
	close(fd);
	forget_other_caches(dir, cache);
	return true;
}

/* Where this backend's JVM records the server's own AOT cache, when it does (see aot_cache_path). */
static char recording_path[MAXPGPATH];

/* The AOT cache this backend's JVM started with, for the DEBUG1 line at the end of the boot. */
static char cache_in_use[MAXPGPATH];

/*
 * The AOT cache (JDK 25) halves JVM start-up. pgj.aot_cache names it; empty means
 * $sharedir/pgj/lib/pgj.aot (which pgj's tools train) when it is there and fresh, else the
 * server's own in the data directory, which the first client backend that finds none records
 * while it runs and writes as it exits (an install from a package carries no cache: its first
 * calls took ~0.9 s instead of ~0.3 s under load). A cache that does not match the jars or the
 * JDK is ignored by the VM (AOTMode=auto), so a stale one costs speed, never correctness.
 */
static const char *
aot_cache_path(char *buffer, size_t size)
{
	if (pgj_aot_cache != NULL && strcmp(pgj_aot_cache, "off") == 0)
		return NULL;
	if (pgj_aot_cache != NULL && pgj_aot_cache[0] != '\0')
	{
		strlcpy(buffer, pgj_aot_cache, size);
		return fresh_cache(buffer) ? buffer : NULL;
	}
	snprintf(buffer, size, "%s/pgj.aot", pgj_runtime_dir);
	if (fresh_cache(buffer))
		return buffer;
	own_cache_path(buffer, size);
	if (fresh_cache(buffer))
		return buffer;
	if (claim_own_cache(buffer))
		strlcpy(recording_path, buffer, sizeof(recording_path));
	return NULL;
}

/*
 * Boot.boot(names, values, encoding, encoding name) with the facts table and the database
 * encoding as Java objects: the first call then reads no native memory until a background
 * thread has warmed up Java's memory access, and makes no downcall (see Boot).
 */
static jlong
boot_java(JNIEnv *env, jclass cls, jmethodID boot_method)
{
	const PgjFactTable *table = pgj_facts();
	jstring		names = (*env)->NewStringUTF(env, table->names);
	jlongArray	values = (*env)->NewLongArray(env, (jsize) table->count);
	jstring		encoding_name = (*env)->NewStringUTF(env, GetDatabaseEncodingName());
	jlong		ok = 0;

	if (names != NULL && values != NULL && encoding_name != NULL)
	{
		(*env)->SetLongArrayRegion(env, values, 0, (jsize) table->count, (const jlong *) table->values);
		ok = (*env)->CallStaticLongMethod(env, cls, boot_method, names, values,
										  (jint) GetDatabaseEncoding(), encoding_name);
	}
	(*env)->DeleteLocalRef(env, names);
	(*env)->DeleteLocalRef(env, values);
	(*env)->DeleteLocalRef(env, encoding_name);
	return ok;
}

/*
 * pgj_hs_err_pid<pid>.log in the server's log directory (log_directory, relative to the data
 * directory), or the data directory when that does not exist (logging_collector off).
 */
static void
error_report_path(char *path, size_t size)
{
	char		directory[MAXPGPATH];
	struct stat st;

	if (is_absolute_path(Log_directory))
		strlcpy(directory, Log_directory, sizeof(directory));
	else
		snprintf(directory, sizeof(directory), "%s/%s", DataDir, Log_directory);
	if (stat(directory, &st) != 0 || !S_ISDIR(st.st_mode))
		strlcpy(directory, DataDir, sizeof(directory));
	snprintf(path, size, "%s/pgj_hs_err_pid%d.log", directory, (int) getpid());
}

/* A libjvm.so that the process has loaded, and whether a JVM of it exists (dl_iterate_phdr). */
static int
find_running_jvm(struct dl_phdr_info *info, size_t size, void *data)
{
	char	   *found = (char *) data;
	void	   *library;
	jint		(*created) (JavaVM **, jsize, jsize *);
	JavaVM	   *vm;
	jsize		count = 0;

	if (info->dlpi_name == NULL || strstr(info->dlpi_name, "/libjvm.so") == NULL)
		return 0;
	library = dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD);
	if (library == NULL)
		return 0;
	created = (jint (*) (JavaVM **, jsize, jsize *)) dlsym(library, "JNI_GetCreatedJavaVMs");
	if (created != NULL && created(&vm, 1, &count) == JNI_OK && count > 0)
		strlcpy(found, info->dlpi_name, MAXPGPATH);
	dlclose(library);
	return found[0] != '\0';
}

/*
 * A process can hold one JVM, and a second JNI_CreateJavaVM makes HotSpot end the process. One
 * that something else created in this backend (PL/Java, another extension) is found first.
 */
static bool
another_jvm_running(char *library, size_t size)
{
	char		found[MAXPGPATH] = "";

	dl_iterate_phdr(find_running_jvm, found);
	strlcpy(library, found, size);
	return found[0] != '\0';
}

/*
 * The JVM flags every pgj backend starts with, each for a reason the backend depends on. They
 * are one table rather than a file in the sharedir: none of them may be dropped without breaking
 * an invariant, and pgj.jvm_options, which comes after them (a later flag wins), is the place for
 * a user's own. The settings' sizes, the paths and the AOT cache are added next to them by
 * jvm_options().
 */
static const char *const fixed_jvm_flags[] = {
	/* Without -Xrs HotSpot owns SIGINT/SIGTERM/SIGHUP/SIGQUIT and a cancel kills the backend. */
	"-Xrs",
	/* Larger than max_stack_depth, so PostgreSQL's own stack check fires first. */
	"-Xss8m",
	/* One collector thread per backend, and the collector that gives memory back at once (HeapTrim). */
	"-XX:+UseSerialGC",
	/* A small start heap: most backends hold little, and pgj.heap_max caps the growth. */
	"-Xms8m",
	/* A young generation that starts at 1 MB, not a third of that: 1 MB less per backend (internals.md). */
	"-XX:NewSize=1m",
	/* No hsperfdata file mapped per backend. */
	"-XX:-UsePerfData",
	/*
	 * With -Xrs HotSpot starts its attach listener with every JVM (a thread, and a socket in /tmp
	 * through which any process of the server's user could load an agent into the backend): no
	 * tool of pgj attaches, the debugger listens on a port of its own (internals.md).
	 */
	"-XX:+DisableAttachMechanism",
	/* A collection that finds the heap mostly free shrinks it all at once (HeapTrim). */
	"-XX:-ShrinkHeapInSteps",
	"-XX:MaxHeapFreeRatio=40",
	"-XX:MinHeapFreeRatio=20",
	/*
	 * C2 only: without C1's start-up compilations a backend holds 7.5 MB less private memory
	 * after its first call; the same steady state, a longer warm-up (docs/internals.md, "The
	 * cost of a connection").
	 */
	"-XX:-TieredCompilation",
	/*
	 * Thread state changes without a fence: each SQL → Java call (FFM upcall) and Java → C call
	 * paid a locked instruction, most of the upcall's own cost (docs/internals.md, "Call path");
	 * safepoints, rare in a backend, issue a membarrier() system call instead.
	 */
	"-XX:+UseSystemMemoryBarrier",
	/* Gives the C heap the JIT's compilations freed back to the system: glibc keeps it otherwise. */
	"-XX:TrimNativeHeapInterval=1000",
	/* Safepoint polls in counted loops too, so the interrupt watcher can stop any loop (interrupts.c). */
	"-XX:+UseCountedLoopSafepoints",
	"-XX:LoopStripMiningIter=1000",
	/*
	 * pgj-api.jar is the named module org.pgj: extensions (unnamed modules) see only its
	 * exported API packages. Only the runtime calls native code.
	 */
	"--add-modules=org.pgj",
	"--enable-native-access=org.pgj",
	/*
	 * exits.c re-registers java.lang.Shutdown's natives on purpose; HotSpot would log two
	 * warnings about it into the server log at every JVM start.
	 */
	"-Xlog:jni+resolve=off",
	/* The server log gets UTF-8 whatever the server's locale. */
	"-Dstdout.encoding=UTF-8",
	"-Dstderr.encoding=UTF-8",
};

#define MAX_JVM_OPTIONS 64

/* The options of JNI_CreateJavaVM; every string lives as long as the VM. */
typedef struct JvmOptions
{
	JavaVMOption options[MAX_JVM_OPTIONS];
	int			count;
} JvmOptions;

static bool
add_option(JvmOptions *o, const char *text)
{
	if (o->count >= MAX_JVM_OPTIONS)
		return false;
	o->options[o->count].optionString = (char *) text;
	o->options[o->count++].extraInfo = NULL;
	return true;
}

static void pg_attribute_printf(2, 3)
add_formatted(JvmOptions *o, const char *fmt,...)
{
	char		text[MAXPGPATH + 64];
	va_list		args;

	va_start(args, fmt);
	vsnprintf(text, sizeof(text), fmt, args);
	va_end(args);
	add_option(o, MemoryContextStrdup(TopMemoryContext, text));
}

/* The JVM's hooks: its messages, and an exit or abort during start-up, come back to us. */
static void
add_vm_hooks(JvmOptions *o)
{
	add_option(o, "vfprintf");
	o->options[o->count - 1].extraInfo = (void *) vm_vfprintf;
	add_option(o, "exit");
	o->options[o->count - 1].extraInfo = (void *) vm_exit;
	add_option(o, "abort");
	o->options[o->count - 1].extraInfo = (void *) vm_abort;
}

/*
 * Bounded memory: the heap, metaspace and code cache have caps (pgj.heap_max and friends); the
 * heap shrinks when HeapTrim asks at the end of a transaction that grew it (fixed_jvm_flags).
 */
static void
add_memory_caps(JvmOptions *o)
{
	add_formatted(o, "-Xmx%dm", pgj_heap_max_mb);
	add_formatted(o, "-XX:MaxMetaspaceSize=%dm", pgj_metaspace_max_mb);
	add_formatted(o, "-XX:ReservedCodeCacheSize=%dm", pgj_code_cache_max_mb);
}

/* The runtime's module, and no class path: extensions have class loaders of their own. */
static void
add_module_path(JvmOptions *o)
{
	add_option(o, "-Djava.class.path=");
	add_formatted(o, "--module-path=%s/pgj-api.jar", pgj_runtime_dir);
	add_formatted(o, "-Dpgj.sharedir=%s", pgj_sharedir);
}

static void
add_error_file(JvmOptions *o)
{
	error_report_path(error_file, sizeof(error_file));
	add_formatted(o, "-XX:ErrorFile=%s", error_file);
}

/*
 * The AOT cache, unless this backend is the training run that writes it; or, when there is
 * none, the recording of the server's own (aot_cache_path).
 */
static void
add_aot_cache(JvmOptions *o, bool training)
{
	char		aot_path[MAXPGPATH];

	if (training)
		return;
	if (aot_cache_path(aot_path, sizeof(aot_path)) == NULL)
	{
		if (recording_path[0] != '\0')
			add_formatted(o, "-XX:AOTCacheOutput=%s", recording_path);
		return;
	}
	add_formatted(o, "-XX:AOTCache=%s", aot_path);
	strlcpy(cache_in_use, aot_path, sizeof(cache_in_use));
	/* Map the cache at its recorded address: relocation makes ~9 MB of it private. */
	add_option(o, "-XX:+UnlockDiagnosticVMOptions");
	add_option(o, "-XX:ArchiveRelocationMode=0");

	/*
	 * Replaying the training run's profiles starts JIT compilations during the first call,
	 * which on two cores delayed it by ~50 ms (A/B, alternating sessions: median 295 vs 244 ms
	 * under load, ~175 vs ~150 ms idle).
	 */
	add_option(o, "-XX:-AOTReplayTraining");
}

/* pgj.jvm_options, split on whitespace, last so that they win; false (failed) when too many. */
static bool
add_user_options(JvmOptions *o)
{
	char	   *user_options = MemoryContextStrdup(TopMemoryContext, pgj_jvm_options ? pgj_jvm_options : "");

	for (char *tok = strtok(user_options, " \t\n"); tok != NULL; tok = strtok(NULL, " \t\n"))
	{
		if (!add_option(o, tok))
		{
			fail("Shorten pgj.jvm_options.", "too many options in pgj.jvm_options");
			return false;
		}
	}
	return true;
}

/* All of JNI_CreateJavaVM's options, in order; false (failed) when they do not fit. */
static bool
jvm_options(JvmOptions *o, bool training)
{
	o->count = 0;
	add_module_path(o);
	for (int i = 0; i < (int) lengthof(fixed_jvm_flags); i++)
		add_option(o, fixed_jvm_flags[i]);
	add_memory_caps(o);
	add_error_file(o);
	add_aot_cache(o, training);
	add_vm_hooks(o);
	if (pgj_debug_port != 0 && pgj_debug_allowed)
	{
		if (!pgj_debug_port_free())
		{
			fail("Choose a free port for pgj.debug_port, or end the session that holds it.",
				 "pgj.debug_port %d is in use on localhost, so this session's JVM cannot listen there for a debugger",
				 pgj_debug_port);
			return false;
		}
		add_option(o, pgj_debug_agent_option());
	}
	/* pgj.profile: the runtime records with JFR (internal.profiling), whose module only this session loads. */
	if (pgj_profile_file != NULL && pgj_profile_file[0] != '\0')
		add_option(o, "--add-modules=jdk.jfr");
	return add_user_options(o);
}

/* JNI_CreateJavaVM of pgj.java_home's libjvm.so, or NULL (failed). */
static CreateJavaVM
load_jvm(void)
{
	char		libjvm[MAXPGPATH];
	void	   *handle;
	CreateJavaVM create;

	if (another_jvm_running(libjvm, sizeof(libjvm)))
	{
		fail("Call pgj functions from connections that do not use the other JVM (such as PL/Java's), e.g. a pool of their own.",
			 "a JVM that pgj did not start already runs in this backend (from %s): a process can hold only one JVM, so pgj cannot start its own",
			 libjvm);
		return NULL;
	}
	snprintf(libjvm, sizeof(libjvm), "%s/lib/server/libjvm.so", pgj_java_home);
	handle = dlopen(libjvm, RTLD_NOW | RTLD_LOCAL);
	if (handle == NULL)
	{
		fail(JAVA_HOME_HINT, "could not load the JVM from pgj.java_home = \"%s\": %s",
			 pgj_java_home, dlerror());
		return NULL;
	}
	create = (CreateJavaVM) dlsym(handle, "JNI_CreateJavaVM");
	if (create == NULL)
		fail(JAVA_HOME_HINT, "\"%s\" is not a JVM library (no JNI_CreateJavaVM)", libjvm);
	return create;
}

/*
 * The JAVA_VERSION of pgj.java_home's release file ("17.0.15"), or "" when unknown. A JDK older
 * than 25 rejects pgj's options with a bare JNI error and prints nothing, so a failed start
 * names the version instead.
 */
static void
java_home_version(char *version, size_t size)
{
	char		path[MAXPGPATH];
	char		line[256];
	FILE	   *release;

	version[0] = '\0';
	snprintf(path, sizeof(path), "%s/release", pgj_java_home);
	release = fopen(path, "r");
	if (release == NULL)
		return;
	while (fgets(line, sizeof(line), release) != NULL)
	{
		if (strncmp(line, "JAVA_VERSION=\"", 14) == 0)
		{
			strlcpy(version, line + 14, size);
			version[strcspn(version, "\"\n")] = '\0';
			break;
		}
	}
	fclose(release);
}

/*
 * fail() for a JVM that did not start: too old a JDK is named as such, else the VM's own words.
 * rc is JNI_CreateJavaVM's error, or JNI_OK when the VM exited instead of returning one.
 */
static void
fail_start(const char *what, jint rc)
{
	char		version[64];

	java_home_version(version, sizeof(version));
	/* "1.8.0_392" and older start with 1; 25 and newer are two digits of 25 or more. */
	if (version[0] != '\0' && atoi(version) < 25)
		fail(JAVA_HOME_HINT,
			 "pgj.java_home = \"%s\" is Java %s, too old for pgj: it needs JDK 25", pgj_java_home, version);
	else if (rc == JNI_OK)
		fail("Check pgj.jvm_options and pgj.java_home.", "%s: %s", what, vm_output);
	else
		fail("Check pgj.jvm_options and pgj.java_home.", "%s (JNI error %d): %s", what, rc, vm_output);
}

/* Creates the JVM with every signal blocked; NULL (failed) when it does not start. */
static JNIEnv *
create_jvm(CreateJavaVM create, JvmOptions *o)
{
	JavaVMInitArgs args;
	JavaVM	   *vm;
	JNIEnv	   *env;
	sigset_t	all,
				saved;
	jint		rc;

	args.version = JNI_VERSION_10;
	args.nOptions = o->count;
	args.options = o->options;
	args.ignoreUnrecognized = JNI_FALSE;

	backend_thread = pthread_self();
	vm_output[0] = '\0';
	/* VM threads inherit this mask: none of them may run PostgreSQL's signal handlers. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &saved);
	state = JVM_STARTING;
	if (sigsetjmp(boot_exit_jump, 0) != 0)
	{
		pthread_sigmask(SIG_SETMASK, &saved, NULL);
		fail_start("the JVM exited during start-up", JNI_OK);
		return NULL;
	}
	rc = create(&vm, (void **) &env, &args);
	pthread_sigmask(SIG_SETMASK, &saved, NULL);
	if (rc != JNI_OK)
	{
		fail_start("could not create the JVM", rc);
		return NULL;
	}
	the_vm = vm;
	return env;
}

/* Binds Boot's JNI entry points and calls Boot.boot(facts); false (failed) when Java fails. */
static bool
start_java(JNIEnv *env)
{
	jclass		cls = (*env)->FindClass(env, BOOT_CLASS);
	jmethodID	mid;
	jlong		ok = 0;

	if (cls != NULL
		&& (mid = (*env)->GetStaticMethodID(env, cls, "boot", "(Ljava/lang/String;[JILjava/lang/String;)J")) != NULL
		&& (resolve_method = (*env)->GetStaticMethodID(env, cls, "resolve",
														"(JLjava/lang/String;Ljava/lang/String;[IIIJI)J")) != NULL
		&& (invoke_method = (*env)->GetStaticMethodID(env, cls, "invoke", "(JJ)J")) != NULL
		&& (run_worker_method = (*env)->GetStaticMethodID(env, cls, "runWorker", "(JIIZ)V")) != NULL
		&& (close_set_method = (*env)->GetStaticMethodID(env, cls, "closeSet", "(JZ)Z")) != NULL
		&& (transaction_event_method = (*env)->GetStaticMethodID(env, cls, "transactionEvent", "(IIIZ)Z")) != NULL
		&& (release_agg_state_method = (*env)->GetStaticMethodID(env, cls, "releaseAggregateState", "(J)V")) != NULL
		&& (hook_method = (*env)->GetStaticMethodID(env, cls, "hook", "(J)V")) != NULL
		&& (setting_hook_method = (*env)->GetStaticMethodID(env, cls, "settingHook", "(J)I")) != NULL
		&& (log_hook_method = (*env)->GetStaticMethodID(env, cls, "logHook", "(JJ)V")) != NULL
		&& (transaction_ended_method = (*env)->GetStaticMethodID(env, cls, "transactionEnded", "()V")) != NULL
		&& (log_thresholds_method = (*env)->GetStaticMethodID(env, cls, "logThresholdsChanged", "()V")) != NULL
		&& (build_replaced_method = (*env)->GetStaticMethodID(env, cls, "buildReplaced",
															   "(Ljava/lang/String;)Z")) != NULL
		&& (fdw_method = (*env)->GetStaticMethodID(env, cls, "fdw", "(IJII)[B")) != NULL
		&& (fdw_next_method = (*env)->GetStaticMethodID(env, cls, "fdwNext", "(J)J")) != NULL
		&& (fdw_abandon_method = (*env)->GetStaticMethodID(env, cls, "fdwAbandon", "(J)V")) != NULL)
		ok = boot_java(env, cls, mid);
	if ((*env)->ExceptionCheck(env) || ok == 0)
	{
		(*env)->ExceptionDescribe(env);
		(*env)->ExceptionClear(env);
		fail("Reinstall the extension so that pgj-api.jar matches pgj-" PGJ_VERSION ".so.",
			 "the pgj " PGJ_VERSION " Java runtime failed to start from %s/pgj-api.jar: %s", pgj_runtime_dir, vm_output);
		return false;
	}
	resolver_class = (*env)->NewGlobalRef(env, cls);
	(*env)->DeleteLocalRef(env, cls);
	return true;
}

/* The server's sharedir, and this runtime's folder in it ($sharedir/pgj/lib/<PGJ_VERSION>). */
void
pgj_locate_runtime(void)
{
	get_share_path(my_exec_path, pgj_sharedir);
	snprintf(pgj_runtime_dir, MAXPGPATH, "%s/pgj/lib/%s", pgj_sharedir, PGJ_VERSION);
}

/* How long the JVM took to create, for the DEBUG1 line at the end of the boot. */
static long create_ms;

/* Boot's first stage: creates the JVM (JVM_CREATED); on failure sets `failure`. */
static void
create_stage(void)
{
	JvmOptions *options = MemoryContextAllocZero(TopMemoryContext, sizeof(JvmOptions));
	bool		training = pgj_jvm_options != NULL && strstr(pgj_jvm_options, "-XX:AOTCacheOutput=") != NULL;
	CreateJavaVM create;
	TimestampTz start;

	pgj_locate_runtime();
	if ((create = load_jvm()) == NULL || !jvm_options(options, training))
		return;
	start = GetCurrentTimestamp();
	the_env = create_jvm(create, options);
	create_ms = (long) ((GetCurrentTimestamp() - start) / 1000);
	if (the_env == NULL)
		return;
	if (!pgj_jvmti_init(the_vm))
	{
		the_env = NULL;
		fail("Set pgj.java_home to a HotSpot JDK 25 (Temurin, OpenJDK).",
			 "the JVM in pgj.java_home = \"%s\" offers no JVMTI with the capabilities pgj needs to stop Java code", pgj_java_home);
		return;
	}
	if (training || recording_path[0] != '\0')
		on_proc_exit(destroy_vm_at_exit, 0);
	state = JVM_CREATED;
	/* After the state: a LOG checks for interrupts, and a cancel must find the JVM created. */
	if (recording_path[0] != '\0')
		ereport(LOG,
				(errmsg("pgj: this backend records the JVM's AOT cache %s for the next backends; it is written when the backend exits", recording_path)));
}

/* Boot's second stage: starts pgj's Java runtime in the JVM (JVM_READY); on failure sets `failure`. */
static void
runtime_stage(void)
{
	JNIEnv	   *env = the_env;
	TimestampTz start,
				booted,
				guarded;
	struct timespec cpu;

	start = GetCurrentTimestamp();
	if (!start_java(env))
		return;
	booted = GetCurrentTimestamp();
	/* Before any extension code runs: afterwards nothing Java does can exit the backend. */
	if (!pgj_guard_exits(env))
	{
		fail("Set pgj.java_home to a HotSpot JDK 25 (Temurin, OpenJDK); the server log has the JVM's reason.",
			 "pgj could not guard the JVM against exiting the backend: %s", vm_output);
		return;
	}
	guarded = GetCurrentTimestamp();
	pgj_watch_interrupts(the_vm, env);
	pgj_watch_transaction_ends();
	state = JVM_READY;
	pgj_report_debug_agent();
	/* All threads' CPU since the fork: what a start costs a loaded machine (parallel workers pay it per query). */
	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu) != 0)
		cpu.tv_sec = cpu.tv_nsec = 0;
	elog(DEBUG1, "pgj: JVM created in %ld ms, Java runtime booted in %ld ms, exits guarded in %ld ms, process CPU so far %ld ms; AOT cache: %s",
		 create_ms, (long) ((booted - start) / 1000), (long) ((guarded - booted) / 1000),
		 (long) cpu.tv_sec * 1000 + cpu.tv_nsec / 1000000,
		 cache_in_use[0] != '\0' ? cache_in_use : recording_path[0] != '\0' ? "none, recording" : "none");
}

void
pgj_ensure_jvm(void)
{
	if (likely(state == JVM_READY))
		return;
	if (unlikely(pgj_other_runtime != NULL))
		pgj_refuse_other_runtime();
	if (state == JVM_NONE)
	{
		if (!IsUnderPostmaster && IsPostmasterEnvironment)
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("pgj cannot start a JVM in the postmaster")));
		create_stage();
	}
	if (state == JVM_CREATED)
	{
		/* A cancel or timeout that came while the JVM was created (its signals were blocked). */
		CHECK_FOR_INTERRUPTS();
		runtime_stage();
	}
	if (state != JVM_READY)
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_INVOCATION_EXCEPTION),
				 errmsg("%s", failure),
				 errhint("%s", failure_hint)));
	/* A cancel or timeout that came while the runtime started stops here. */
	CHECK_FOR_INTERRUPTS();
}

/*
 * After Java returned: the interrupt watcher's StopThread also set the thread's Java interrupt
 * status, which would make the next Thread.sleep of any later statement fail at once.
 */
void
pgj_clear_java_interrupt(void)
{
	static jclass thread_class = NULL;
	static jmethodID interrupted = NULL;

	pgj_java_interrupted = 0;
	if (thread_class == NULL)
	{
		jclass		local = (*the_env)->FindClass(the_env, "java/lang/Thread");

		thread_class = (*the_env)->NewGlobalRef(the_env, local);
		(*the_env)->DeleteLocalRef(the_env, local);
		interrupted = (*the_env)->GetStaticMethodID(the_env, thread_class, "interrupted", "()Z");
	}
	(void) (*the_env)->CallStaticBooleanMethod(the_env, thread_class, interrupted);
	exception_dropped();
}

/*
 * For callers that go on without Java when it cannot start (hooks, the validator): boots Java
 * if need be; false when it cannot, with the ERROR's message and hint pgj_ensure_jvm would give.
 */
bool
pgj_try_jvm(const char **reason, const char **hint)
{
	if (likely(state == JVM_READY))
		return true;
	if (pgj_other_runtime != NULL)
	{
		static char other[128];

		snprintf(other, sizeof(other), "this session runs pgj %s, not pgj %s", pgj_other_runtime, PGJ_VERSION);
		*reason = other;
		*hint = "Use extensions built with different pgj versions in separate sessions (connections).";
		return false;
	}
	if (state == JVM_NONE && IsUnderPostmaster)
		create_stage();
	if (state == JVM_CREATED)
		runtime_stage();
	if (state == JVM_READY)
		return true;
	*reason = state == JVM_FAILED ? failure : "pgj starts Java only in the backends of a running server";
	*hint = state == JVM_FAILED ? failure_hint : NULL;
	return false;
}

/*
 * For hooks, which must not make every query fail when Java cannot start: boots Java if need
 * be, and returns false (with one WARNING per process) when it cannot.
 */
bool
pgj_jvm_available(void)
{
	static bool warned = false;
	const char *reason;
	const char *hint;

	if (likely(pgj_try_jvm(&reason, &hint)))
		return true;
	if (state == JVM_FAILED && !warned)
	{
		warned = true;
		ereport(WARNING,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_INVOCATION_EXCEPTION),
				 errmsg("pgj hooks are off in this process: %s", reason),
				 errhint("%s", hint)));
	}
	return false;
}

/*
 * Whether the jars of extension folder `name` changed since its class loader was made; if so
 * Java has dropped that loader (builds.c). Java catches everything.
 */
bool
pgj_build_replaced(const char *name)
{
	jstring		folder = (*the_env)->NewStringUTF(the_env, name);
	jboolean	replaced = folder != NULL
		&& (*the_env)->CallStaticBooleanMethod(the_env, resolver_class, build_replaced_method, folder);

	(*the_env)->DeleteLocalRef(the_env, folder);
	check_java_exception("checking an extension's jars");
	return replaced;
}

/* Whether Java runs in this process already (setting_hooks.c never starts it outside a transaction). */
bool
pgj_jvm_ready(void)
{
	return state == JVM_READY;
}

/*
 * Runs a setting's hook in Java (setting_hooks.c); PGJ_SETTING_FAILED leaves the error recorded.
 * Never raises: a check runs where the server only logs its refusal (a reload).
 */
int32
pgj_run_setting_hook(PgjSettingHookCall *call)
{
	jint		outcome = (*the_env)->CallStaticIntMethod(the_env, resolver_class, setting_hook_method, (jlong) call);

	return exception_dropped() ? PGJ_SETTING_ACCEPTED : (int32) outcome;
}

/* Hands a log entry to Java's emit_log hooks (hooks.c); nothing is raised, whatever happens. */
void
pgj_run_log_hook(int64 edata, int64 active)
{
	(*the_env)->CallStaticVoidMethod(the_env, resolver_class, log_hook_method, (jlong) edata, (jlong) active);
	exception_dropped();
}

/* Calls a hook object's method in Java (hooks.c); errors are left recorded for the caller. */
void
pgj_run_hook(int64 call)
{
	(*the_env)->CallStaticVoidMethod(the_env, resolver_class, hook_method, (jlong) call);
	check_java_exception("running a hook");
}

/*
 * Asks a foreign data wrapper's Java side (fdw.c): the request and the answer are strings in the
 * database encoding, each ending in NUL. NULL when Java recorded an error for the caller.
 */
char *
pgj_fdw_call(int32 op, const char *request, int length, int *answer_length)
{
	JNIEnv	   *env = the_env;
	jbyteArray	out = (*env)->CallStaticObjectMethod(env, resolver_class, fdw_method, (jint) op, (jlong) request,
													 (jint) length, (jint) GetDatabaseEncoding());
	char	   *answer = NULL;

	if (out != NULL && !(*env)->ExceptionCheck(env))
	{
		*answer_length = (*env)->GetArrayLength(env, out);
		answer = palloc(*answer_length + 1);
		(*env)->GetByteArrayRegion(env, out, 0, *answer_length, (jbyte *) answer);
		answer[*answer_length] = '\0';
	}
	(*env)->DeleteLocalRef(env, out);
	check_java_exception("running a foreign data wrapper");
	return answer;
}

/* A scan's next row (fdw.c): its address, 0 at the end, -1 with an error recorded. */
int64
pgj_fdw_next(int64 scan)
{
	jlong		row = (*the_env)->CallStaticLongMethod(the_env, resolver_class, fdw_next_method, (jlong) scan);

	check_java_exception("reading a foreign table");
	return row;
}

/* A scan the executor dropped in an error: Java closes it and only logs what fails. */
void
pgj_fdw_abandon(int64 scan)
{
	(*the_env)->CallStaticVoidMethod(the_env, resolver_class, fdw_abandon_method, (jlong) scan);
	exception_dropped();
}

/*
 * After a JNI call: a Java exception, a VM-level failure since Java catches everything, goes to
 * the log and is cleared; true if there was one. Callers that must not raise stop there.
 */
static bool
exception_dropped(void)
{
	if (!(*the_env)->ExceptionCheck(the_env))
		return false;
	(*the_env)->ExceptionDescribe(the_env);
	(*the_env)->ExceptionClear(the_env);
	return true;
}

static void
check_java_exception(const char *what)
{
	/* Java catches everything itself; this is a VM-level failure (e.g. a linkage error). */
	if (exception_dropped())
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_INVOCATION_EXCEPTION),
				 errmsg("the pgj Java runtime failed while %s; see the server log", what)));
}

/*
 * Asks Java to prepare a function; returns its handle, or 0 with an error recorded. Java
 * writes the function's FFM upcall stub into *stub_slot as soon as the FFM linker is ready,
 * which a background thread prepares after the first call: until then calls go through JNI
 * (pgj_invoke_slowly), so a backend's first call does not wait for the linker.
 */
int64
pgj_resolve(Oid fn_oid, const char *prosrc, const char *classpath_dir, const Oid *arg_types,
			int nargs, Oid ret_type, int32 flags, void *stub_slot)
{
	JNIEnv	   *env = the_env;
	jstring		source = (*env)->NewStringUTF(env, prosrc);
	jstring		dir = (*env)->NewStringUTF(env, classpath_dir);
	jintArray	types = (*env)->NewIntArray(env, nargs);
	jlong		function = 0;

	/*
	 * The folder is watched for a reinstall before Java lists its jars (builds.c). From C rather
	 * than from Java: a downcall would link an FFM shape during the backend's first call, which
	 * measured 20-50 ms of the first resolution (docs/internals.md, "The cost of a connection").
	 */
	pgj_build_watch(classpath_dir);
	/* Java objects, not addresses: see boot_java. Local references are freed here, since this
	 * thread never returns to Java to free them. */
	if (source != NULL && dir != NULL && types != NULL)
	{
		(*env)->SetIntArrayRegion(env, types, 0, nargs, (const jint *) arg_types);
		function = (*env)->CallStaticLongMethod(env, resolver_class, resolve_method,
												(jlong) fn_oid, source, dir, types,
												(jint) ret_type, (jint) flags, (jlong) stub_slot,
												(jint) GetDatabaseEncoding());
	}
	(*env)->DeleteLocalRef(env, source);
	(*env)->DeleteLocalRef(env, dir);
	(*env)->DeleteLocalRef(env, types);
	check_java_exception("resolving a function");
	return function;
}

/* A call through JNI, for a function whose FFM stub is not ready yet. */
Datum
pgj_invoke_slowly(int64 function, FunctionCallInfo fcinfo)
{
	jlong		result = (*the_env)->CallStaticLongMethod(the_env, resolver_class, invoke_method,
														  (jlong) function, (jlong) fcinfo);

	check_java_exception("calling a function");
	return (Datum) result;
}

/*
 * Runs a background worker's Java entry point, or only its shared-memory start-up callback;
 * an exception is left pending for the caller.
 */
void
pgj_run_worker(int32 argument, bool startup_only)
{
	(*the_env)->CallStaticVoidMethod(the_env, resolver_class, run_worker_method,
									 (jlong) pgj_worker_launch, (jint) argument,
									 (jint) GetDatabaseEncoding(), (jboolean) startup_only);
	check_java_exception("running a background worker");
}


/*
 * Closes a set the executor let go of (sets.c); true when Java recorded an error for
 * pgj_raise_pending (only when report is set). Through JNI: it is rare, and needs no stub.
 */
int32
pgj_close_set(int64 set, bool report)
{
	jboolean	failed = (*the_env)->CallStaticBooleanMethod(the_env, resolver_class, close_set_method,
															  (jlong) set, (jboolean) report);

	return exception_dropped() || !failed ? 0 : 1;
}

/*
 * Tells Java of a transaction event (sub = 0) or subtransaction event (sub = its id); true
 * when a callback failed and, `report` being set, Java recorded the error (xact.c).
 */
int32
pgj_transaction_event(int32 event, int32 sub, int32 parent, bool report)
{
	jboolean	failed = (*the_env)->CallStaticBooleanMethod(the_env, resolver_class, transaction_event_method,
															  (jint) event, (jint) sub, (jint) parent, (jboolean) report);

	return exception_dropped() || !failed ? 0 : 1;
}

/* At the end of each transaction (xact.c): nothing is raised, even during an abort. */
void
pgj_transaction_ended(void)
{
	if (state != JVM_READY)
		return;
	(*the_env)->CallStaticVoidMethod(the_env, resolver_class, transaction_ended_method);
	exception_dropped();
	/* Code that no call reached (a hook, a worker) set a threshold: JUL follows before the next transaction. */
	if (log_min_messages != pgj_java_log_min_messages || client_min_messages != pgj_java_client_min_messages)
		pgj_follow_log_thresholds();
}

/* The thresholds java.util.logging's levels were last set from (pgj_follow_log_thresholds). */
int			pgj_java_log_min_messages = -1;
int			pgj_java_client_min_messages = -1;

/*
 * log_min_messages or client_min_messages changed since Java last set java.util.logging's levels
 * from them (call_handler.c checks at every call): JUL's own Logger.isLoggable reads only its
 * loggers' levels, so Java sets them again. Nothing is raised.
 */
void
pgj_follow_log_thresholds(void)
{
	if (state != JVM_READY)
		return;
	pgj_java_log_min_messages = log_min_messages;
	pgj_java_client_min_messages = client_min_messages;
	(*the_env)->CallStaticVoidMethod(the_env, resolver_class, log_thresholds_method);
	exception_dropped();
}

/*
 * Lets go of a Java object that was an aggregate's state (aggregates.c), from a memory context
 * reset callback, possibly during an abort: Java catches everything, and nothing is raised here.
 */
void
pgj_release_agg_state(int64 handle)
{
	(*the_env)->CallStaticVoidMethod(the_env, resolver_class, release_agg_state_method, (jlong) handle);
	exception_dropped();
}
