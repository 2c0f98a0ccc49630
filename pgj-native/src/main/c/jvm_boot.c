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
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <jni.h>
#include <jvmti.h>

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/timestamp.h"
#include "storage/ipc.h"
#include "utils/memutils.h"

typedef jint (JNICALL *CreateJavaVM) (JavaVM **, void **, void *);

typedef enum
{
	JVM_NONE,
	JVM_STARTING,
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
static void check_java_exception(const char *what);
static pthread_t backend_thread;
static sigjmp_buf boot_exit_jump;

/* The last lines the VM printed, to explain a failed start. */
static char vm_output[2048];
static pthread_mutex_t vm_output_lock = PTHREAD_MUTEX_INITIALIZER;

char		pgj_sharedir[MAXPGPATH];

bool
pgj_on_backend_thread(void)
{
	return (state == JVM_READY || state == JVM_STARTING) && pthread_equal(pthread_self(), backend_thread);
}

/* Runs on any VM thread: it must not call into PostgreSQL. */
static jint JNICALL pg_attribute_printf(2, 0)
vm_vfprintf(FILE *stream, const char *format, va_list args)
{
	char		line[1024];
	int			n;
	va_list		copy;

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

static void JNICALL
vm_exit(jint code)
{
	if (state == JVM_STARTING && pthread_equal(pthread_self(), backend_thread))
		siglongjmp(boot_exit_jump, 1);
	/* Java code cannot reach System.exit (the class loader rewrites it); this is a backstop. */
	if (pthread_equal(pthread_self(), backend_thread))
		proc_exit(1);
	_exit(1);
}

/*
 * HotSpot aborts, rather than exits, when it fails late in its initialisation (an impossible
 * heap layout such as -Xmn above -Xmx): without this hook it would call exit(1) in the backend,
 * which the postmaster treats as a crash.
 */
static void JNICALL
vm_abort(void)
{
	vm_exit(1);
}

/*
 * New VM threads must not run PostgreSQL's signal handlers. The synchronous fault signals
 * stay open: HotSpot raises them on purpose (implicit null checks, safepoint polls), and a
 * blocked one kills the process outright, without even an hs_err file.
 */
static void JNICALL
block_signals_in_new_thread(jvmtiEnv *jvmti, JNIEnv *jni, jthread thread)
{
	sigset_t	all;

	sigfillset(&all);
	sigdelset(&all, SIGSEGV);
	sigdelset(&all, SIGBUS);
	sigdelset(&all, SIGFPE);
	sigdelset(&all, SIGILL);
	sigdelset(&all, SIGTRAP);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
}

static void
install_thread_start_hook(JavaVM *vm)
{
	jvmtiEnv   *jvmti;
	jvmtiEventCallbacks callbacks;

	if ((*vm)->GetEnv(vm, (void **) &jvmti, JVMTI_VERSION_1_2) != JNI_OK)
		return;
	memset(&callbacks, 0, sizeof(callbacks));
	callbacks.ThreadStart = block_signals_in_new_thread;
	(*jvmti)->SetEventCallbacks(jvmti, &callbacks, sizeof(callbacks));
	(*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_THREAD_START, NULL);
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

static void
add_option(JavaVMOption *options, int *n, int max, const char *text)
{
	if (*n < max)
		options[(*n)++].optionString = (char *) text;
}

/* Training runs write the AOT cache when the VM is destroyed; normal backends just exit. */
static void
destroy_vm_at_exit(int code, Datum arg)
{
	if (state == JVM_READY && the_vm != NULL)
		(*the_vm)->DestroyJavaVM(the_vm);
}

/*
 * A cache older than pgj-api.jar is stale. The VM's own check does not catch every change,
 * and a stale cache would run the old jar's classes.
 */
static bool
fresh_cache(const char *cache)
{
	char		jar[MAXPGPATH];
	struct stat cache_stat;
	struct stat jar_stat;

	snprintf(jar, sizeof(jar), "%s/pgj/lib/pgj-api.jar", pgj_sharedir);
	return stat(cache, &cache_stat) == 0 && stat(jar, &jar_stat) == 0
		&& access(cache, R_OK) == 0 && cache_stat.st_mtime >= jar_stat.st_mtime;
}

/*
 * The AOT cache (JDK 25) halves JVM start-up. pgj.aot_cache names it; empty means
 * $sharedir/pgj/lib/pgj.aot when that file exists. A cache that does not match the jars or
 * the JDK is ignored by the VM (AOTMode=auto), so a stale one costs speed, never correctness.
 */
static const char *
aot_cache_path(char *buffer, size_t size)
{
	if (pgj_aot_cache != NULL && strcmp(pgj_aot_cache, "off") == 0)
		return NULL;
	if (pgj_aot_cache != NULL && pgj_aot_cache[0] != '\0')
		strlcpy(buffer, pgj_aot_cache, size);
	else
		snprintf(buffer, size, "%s/pgj/lib/pgj.aot", pgj_sharedir);
	return fresh_cache(buffer) ? buffer : NULL;
}

/*
 * Boot.boot(names, values) with the facts table as Java objects: the first call then reads
 * no native memory until a background thread has warmed up Java's memory access (see Boot).
 */
static jlong
boot_java(JNIEnv *env, jclass cls, jmethodID boot_method)
{
	const PgjFactTable *table = pgj_facts();
	jstring		names = (*env)->NewStringUTF(env, table->names);
	jlongArray	values = (*env)->NewLongArray(env, (jsize) table->count);
	jlong		ok = 0;

	if (names != NULL && values != NULL)
	{
		(*env)->SetLongArrayRegion(env, values, 0, (jsize) table->count, (const jlong *) table->values);
		ok = (*env)->CallStaticLongMethod(env, cls, boot_method, names, values);
	}
	(*env)->DeleteLocalRef(env, names);
	(*env)->DeleteLocalRef(env, values);
	return ok;
}

/* Creates the JVM and calls org.pgj.internal.Boot.boot(facts); on failure sets `failure`. */
static void
boot(void)
{
	char		libjvm[MAXPGPATH];
	char		classpath[MAXPGPATH + 32];
	char		sharedir_prop[MAXPGPATH + 32];
	char		aot_path[MAXPGPATH];
	char		aot_option[MAXPGPATH + 32];
	bool		training;
	char	   *user_options;
	JavaVMOption options[64];
	JavaVMInitArgs args;
	JavaVM	   *vm;
	JNIEnv	   *env;
	void	   *handle;
	CreateJavaVM create;
	sigset_t	all,
				saved;
	jint		rc;
	int			n = 0;
	TimestampTz start,
				created;
	const char *java_home_hint = "Set pgj.java_home to a JDK 22 or newer (superuser only), e.g. ALTER SYSTEM SET pgj.java_home = '/usr/lib/jvm/temurin-25-jdk-amd64', then reload.";

	get_share_path(my_exec_path, pgj_sharedir);
	snprintf(libjvm, sizeof(libjvm), "%s/lib/server/libjvm.so", pgj_java_home);
	handle = dlopen(libjvm, RTLD_NOW | RTLD_LOCAL);
	if (handle == NULL)
	{
		fail(java_home_hint, "could not load the JVM from pgj.java_home = \"%s\": %s",
			 pgj_java_home, dlerror());
		return;
	}
	create = (CreateJavaVM) dlsym(handle, "JNI_CreateJavaVM");
	if (create == NULL)
	{
		fail(java_home_hint, "\"%s\" is not a JVM library (no JNI_CreateJavaVM)", libjvm);
		return;
	}

	snprintf(classpath, sizeof(classpath), "-Djava.class.path=%s/pgj/lib/pgj-api.jar",
			 pgj_sharedir);
	snprintf(sharedir_prop, sizeof(sharedir_prop), "-Dpgj.sharedir=%s", pgj_sharedir);
	add_option(options, &n, 64, classpath);
	add_option(options, &n, 64, sharedir_prop);
	/* Without -Xrs HotSpot owns SIGINT/SIGTERM/SIGHUP/SIGQUIT and a cancel kills the backend. */
	add_option(options, &n, 64, "-Xrs");
	/* Larger than max_stack_depth, so PostgreSQL's own stack check fires first. */
	add_option(options, &n, 64, "-Xss8m");
	add_option(options, &n, 64, "-XX:+UseSerialGC");
	add_option(options, &n, 64, "-Xms8m");
	add_option(options, &n, 64, "-XX:-UsePerfData");
	add_option(options, &n, 64, "-XX:ErrorFile=/tmp/pgj_hs_err_pid%p.log");
	add_option(options, &n, 64, "--enable-native-access=ALL-UNNAMED");
	add_option(options, &n, 64, "-Dstdout.encoding=UTF-8");
	add_option(options, &n, 64, "-Dstderr.encoding=UTF-8");
	training = pgj_jvm_options != NULL && strstr(pgj_jvm_options, "-XX:AOTCacheOutput=") != NULL;
	if (!training && aot_cache_path(aot_path, sizeof(aot_path)) != NULL)
	{
		snprintf(aot_option, sizeof(aot_option), "-XX:AOTCache=%s", aot_path);
		add_option(options, &n, 64, aot_option);
		/* Map the cache at its recorded address: relocation makes ~9 MB of it private. */
		add_option(options, &n, 64, "-XX:+UnlockDiagnosticVMOptions");
		add_option(options, &n, 64, "-XX:ArchiveRelocationMode=0");

		/*
		 * Replaying the training run's profiles starts JIT compilations during the first
		 * call, which on two cores delayed it by ~50 ms (A/B, alternating sessions: median
		 * 295 vs 244 ms under load, ~175 vs ~150 ms idle).
		 */
		add_option(options, &n, 64, "-XX:-AOTReplayTraining");
	}
	options[n].optionString = "vfprintf";
	options[n++].extraInfo = (void *) vm_vfprintf;
	options[n].optionString = "exit";
	options[n++].extraInfo = (void *) vm_exit;
	options[n].optionString = "abort";
	options[n++].extraInfo = (void *) vm_abort;

	/* Split pgj.jvm_options on whitespace; the copy lives as long as the VM. */
	user_options = MemoryContextStrdup(TopMemoryContext, pgj_jvm_options ? pgj_jvm_options : "");
	for (char *tok = strtok(user_options, " \t\n"); tok != NULL; tok = strtok(NULL, " \t\n"))
	{
		if (n >= 60)
		{
			fail("Shorten pgj.jvm_options.", "too many options in pgj.jvm_options");
			return;
		}
		options[n++].optionString = tok;
	}

	args.version = JNI_VERSION_10;
	args.nOptions = n;
	args.options = options;
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
		fail("Check pgj.jvm_options and pgj.java_home.",
			 "the JVM exited during start-up: %s", vm_output);
		return;
	}
	start = GetCurrentTimestamp();
	rc = create(&vm, (void **) &env, &args);
	created = GetCurrentTimestamp();
	pthread_sigmask(SIG_SETMASK, &saved, NULL);
	if (rc != JNI_OK)
	{
		fail("Check pgj.jvm_options and pgj.java_home.",
			 "could not create the JVM (JNI error %d): %s", rc, vm_output);
		return;
	}
	install_thread_start_hook(vm);
	the_vm = vm;
	if (training)
		on_proc_exit(destroy_vm_at_exit, 0);

	{
		jclass		cls = (*env)->FindClass(env, "org/pgj/internal/Boot");
		jmethodID	mid;
		jlong		ok = 0;

		if (cls != NULL
			&& (mid = (*env)->GetStaticMethodID(env, cls, "boot", "(Ljava/lang/String;[J)J")) != NULL
			&& (resolve_method = (*env)->GetStaticMethodID(env, cls, "resolve",
															"(JLjava/lang/String;Ljava/lang/String;[IIIJI)J")) != NULL
			&& (invoke_method = (*env)->GetStaticMethodID(env, cls, "invoke", "(JJ)J")) != NULL
			&& (run_worker_method = (*env)->GetStaticMethodID(env, cls, "runWorker", "(JIIZ)V")) != NULL
			&& (close_set_method = (*env)->GetStaticMethodID(env, cls, "closeSet", "(JZ)Z")) != NULL
			&& (transaction_event_method = (*env)->GetStaticMethodID(env, cls, "transactionEvent", "(IIIZ)Z")) != NULL
			&& (release_agg_state_method = (*env)->GetStaticMethodID(env, cls, "releaseAggregateState", "(J)V")) != NULL
			&& (hook_method = (*env)->GetStaticMethodID(env, cls, "hook", "(J)V")) != NULL)
			ok = boot_java(env, cls, mid);
		if ((*env)->ExceptionCheck(env) || ok == 0)
		{
			(*env)->ExceptionDescribe(env);
			(*env)->ExceptionClear(env);
			fail("Reinstall the extension so that pgj-api.jar matches pgj.so.",
				 "the pgj Java runtime failed to start from %s: %s", classpath + 20, vm_output);
			return;
		}
		resolver_class = (*env)->NewGlobalRef(env, cls);
		(*env)->DeleteLocalRef(env, cls);
		the_env = env;
	}
	state = JVM_READY;
	elog(DEBUG1, "pgj: JVM created in %ld ms, Java runtime booted in %ld ms",
		 (long) ((created - start) / 1000), (long) ((GetCurrentTimestamp() - created) / 1000));
}

void
pgj_ensure_jvm(void)
{
	if (likely(state == JVM_READY))
		return;
	if (state == JVM_NONE)
	{
		if (!IsUnderPostmaster && IsPostmasterEnvironment)
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("pgj cannot start a JVM in the postmaster")));
		boot();
	}
	if (state != JVM_READY)
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_INVOCATION_EXCEPTION),
				 errmsg("%s", failure),
				 errhint("%s", failure_hint)));
}

/*
 * For hooks, which must not make every query fail when Java cannot start: boots Java if need
 * be, and returns false (with one WARNING per process) when it cannot.
 */
bool
pgj_jvm_available(void)
{
	static bool warned = false;

	if (likely(state == JVM_READY))
		return true;
	if (state == JVM_NONE && IsUnderPostmaster)
		boot();
	if (state == JVM_READY)
		return true;
	if (state == JVM_FAILED && !warned)
	{
		warned = true;
		ereport(WARNING,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_INVOCATION_EXCEPTION),
				 errmsg("pgj hooks are off in this process: %s", failure),
				 errhint("%s", failure_hint)));
	}
	return false;
}

/* Calls a hook object's method in Java (hooks.c); errors are left recorded for the caller. */
void
pgj_run_hook(int64 call)
{
	(*the_env)->CallStaticVoidMethod(the_env, resolver_class, hook_method, (jlong) call);
	check_java_exception("running a hook");
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
