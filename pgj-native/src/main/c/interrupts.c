/*
 * Cancel, timeouts, terminate, fast shutdown and postmaster death reach Java code wherever it
 * runs, without the code having to check.
 *
 * PostgreSQL's signal handlers only set flags (QueryCancelPending, ProcDiePending, ...) that its
 * own code checks; Java code would never look at them. pgj wraps those handlers: after the
 * server's handler has run, a write to an eventfd wakes the watcher, a thread of its own. When an
 * interrupt is pending and may be processed (no holdoff, no critical section), the watcher
 * suspends the backend's thread and reads its Java stack:
 *  - if the topmost frame that is not the JDK's is extension code (its class loader is an
 *    extension's), it throws a PgInterrupt there (JVMTI StopThread), which user code sees as an
 *    Error thrown at the point where it was; a thread blocked in a system call (a socket read)
 *    also gets a signal without SA_RESTART, so the call returns and the error is thrown;
 *  - if it is pgj's own runtime (converting values, inside a server call) or the thread runs no
 *    Java at all, the watcher leaves it alone: the runtime and the server check for interrupts
 *    themselves, and no asynchronous error may land in the middle of their bookkeeping;
 *  - where the JVM links code (a JDK class initializer, a class loader, an invokedynamic
 *    bootstrap), or may be about to (the top frame's instruction links: may_be_linking), or in
 *    JDK code that caches what it loads (locale data, services, security providers), a cancel
 *    waits: an error there is remembered for the backend's life (see links_code). So does
 *    an extension class's initializer (a library's first use), but only for
 *    INITIALIZER_GRACE_MS, so that an endless one is still stopped. A termination does not wait:
 *    the backend takes what it broke with it.
 * It tries again every few milliseconds while the interrupt stays pending, so code that catches
 * the error and carries on is stopped again. Once Java has returned, the call handler lets the
 * server raise the real error (errors.c); the thread's Java interrupt status, which StopThread
 * sets, is cleared then.
 *
 * HotSpot stops a thread only at a safepoint poll. With SerialGC, C2 takes them out of counted
 * loops unless UseCountedLoopSafepoints is on (jvm_boot.c): then a loop polls every
 * LoopStripMiningIter iterations, which costs almost nothing.
 */
#include "pgj.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "miscadmin.h"
#include "postmaster/postmaster.h"
#include "storage/pmsignal.h"

/* A signal PostgreSQL and HotSpot leave alone: it only makes a blocking system call return. */
#define PGJ_WAKE_SIGNAL (SIGRTMIN + 7)

/* While an interrupt is pending the watcher tries again this often; otherwise it ticks slowly. */
#define RETRY_MS 10
#define IDLE_TICK_MS 1000

/*
 * How long a cancel waits for an extension class's initializer to end. A class whose
 * initializer an error interrupts is unusable for the backend's life (NoClassDefFoundError at
 * every later use), so a cancel or statement_timeout during the first use of a library (a JDBC
 * driver's classes) or of the extension's own class would break it for the session. Ordinary
 * initializers end well within this; an endless one is still stopped, after it.
 */
#define INITIALIZER_GRACE_MS 1000

static const int watched_signals[] = {SIGINT, SIGTERM, SIGALRM, SIGUSR1,
#ifdef SIGPWR
	SIGPWR,						/* postmaster death on Linux (PR_SET_PDEATHSIG) */
#endif
};

static struct sigaction previous[NSIG];
static int	wake_fd = -1;
static pthread_t backend;
static JavaVM *vm;
static jvmtiEnv *jvmti;
static jthread backend_thread;
static jobject runtime_loader;
static jclass extension_loader_class;
static jclass boot_class;
static jmethodID async_interrupt_method;
static volatile sig_atomic_t wake_delivered = 0;

/* Set when the watcher threw into Java; the backend clears the thread's interrupt status. */
volatile sig_atomic_t pgj_java_interrupted = 0;

volatile sig_atomic_t pgj_sticky_interrupt = PGJ_INTERRUPT_NONE;

static void
watched_signal(int signo, siginfo_t *info, void *context)
{
	int			save_errno = errno;
	struct sigaction *server = &previous[signo];
	uint64_t	one = 1;

	if (server->sa_flags & SA_SIGINFO)
		server->sa_sigaction(signo, info, context);
	else
		server->sa_handler(signo);
	/* A breakpoint holds every Java thread, the watcher too, until its debugger lets go. */
	if (signo == SIGTERM)
		pgj_release_debugger();
	/* A full eventfd already wakes the watcher: nothing is lost if this fails. */
	if (wake_fd >= 0 && write(wake_fd, &one, sizeof(one)) < 0)
		one = 0;
	errno = save_errno;
}

static void
wake_signal(int signo)
{
	wake_delivered = 1;
}

/*
 * Puts the watcher behind the server's handler for each watched signal, unless it is already.
 * Whoever installs a handler for one of them after the JVM started (a background worker that
 * attaches its own) calls this again; the watcher's tick also does, within a second.
 */
void
pgj_wrap_signals(void)
{
	for (int i = 0; i < lengthof(watched_signals); i++)
	{
		int			signo = watched_signals[i];
		struct sigaction current;
		struct sigaction wrapped;

		if (sigaction(signo, NULL, &current) != 0 || current.sa_sigaction == watched_signal
			|| (!(current.sa_flags & SA_SIGINFO)
				&& (current.sa_handler == SIG_DFL || current.sa_handler == SIG_IGN)))
			continue;
		previous[signo] = current;
		wrapped = current;
		wrapped.sa_sigaction = watched_signal;
		wrapped.sa_flags |= SA_SIGINFO;
		sigaction(signo, &wrapped, NULL);
	}
}


bool
pgj_postmaster_gone(void)
{
#ifdef USE_POSTMASTER_DEATH_SIGNAL
	if (!postmaster_possibly_dead)
		return false;
#endif
	return IsUnderPostmaster && getppid() != PostmasterPid;
}

/*
 * What the server would do at its next CHECK_FOR_INTERRUPTS, plus what Java must not run past
 * (see pgj_sticky_interrupt); read from any thread. Java's Pg.checkForInterrupts asks it too.
 */
int32
pgj_interrupt_wanted(void)
{
	if (pgj_sticky_interrupt == PGJ_INTERRUPT_NONE && pgj_postmaster_gone())
		pgj_sticky_interrupt = PGJ_INTERRUPT_POSTMASTER_DIED;
	if (pgj_sticky_interrupt != PGJ_INTERRUPT_NONE)
		return pgj_sticky_interrupt;
	if (pgj_worker_launch != NULL && pgj_bgw_sigterm_overdue())
		return PGJ_INTERRUPT_TERMINATE;
	if (!InterruptPending || InterruptHoldoffCount != 0 || CritSectionCount != 0)
		return PGJ_INTERRUPT_NONE;
	if (ProcDiePending)
		return PGJ_INTERRUPT_TERMINATE;
	if (QueryCancelPending && QueryCancelHoldoffCount == 0)
		return PGJ_INTERRUPT_CANCEL;
	return PGJ_INTERRUPT_NONE;
}

typedef enum
{
	FRAME_JDK,
	FRAME_JDK_LINKAGE,			/* an error there would stay for the backend's life */
	FRAME_RUNTIME,
	FRAME_EXTENSION,
	FRAME_EXTENSION_INIT		/* an extension class's initializer (its own or a library's) */
} FrameKind;

/* Frame kinds by method; jmethodIDs of HotSpot are never reused for another method. */
#define KIND_CACHE_SIZE 4096
static struct
{
	jmethodID	method;
	FrameKind	kind;
}			kind_cache[KIND_CACHE_SIZE];

static jclass class_loader_class;

/*
 * JDK code that remembers a failure, by class name prefix: what loads and caches locale data,
 * resource bundles, services, security providers, loggers, time zones and charsets falls back
 * for good when an error interrupts it (a cancel during the first French date format left the
 * session formatting dates with the root locale's pattern), so a cancel waits until it is done.
 */
static const char *const remembers_failures[] = {
	"Ljava/util/ResourceBundle", "Lsun/util/resources/", "Lsun/util/locale/", "Lsun/util/cldr/",
	"Lsun/text/resources/", "Ljava/util/ServiceLoader", "Ljdk/internal/loader/",
	"Ljava/security/", "Lsun/security/", "Ljavax/crypto/", "Ljava/util/logging/",
	"Lsun/util/logging/", "Ljdk/internal/logger/", "Ljava/lang/System$LoggerFinder",
	"Ljava/time/zone/", "Lsun/util/calendar/", "Ljava/nio/charset/", "Lsun/nio/cs/",
	"Ljava/lang/invoke/MethodHandleNatives;", "Ljava/lang/invoke/BootstrapMethodInvoker;",
};

/*
 * Where the JVM links code, an error is remembered for good: a class whose initializer fails is
 * unusable, a constant pool entry whose class failed to load fails the same way at every later
 * use, and an invokedynamic call site whose bootstrap method failed stays broken. So class
 * initializers of the JDK, class loaders (a class loading in the middle of any code shows them),
 * the linking of call sites and the JDK code that caches its failures are never interrupted by a
 * cancel.
 */
static bool
links_code(JNIEnv *env, jclass declaring, const char *method_name)
{
	char	   *class_name = NULL;
	bool		linking = strcmp(method_name, "<clinit>") == 0
		|| (*env)->IsAssignableFrom(env, declaring, class_loader_class);

	if (!linking && (*jvmti)->GetClassSignature(jvmti, declaring, &class_name, NULL) == JVMTI_ERROR_NONE)
	{
		for (int i = 0; i < lengthof(remembers_failures) && !linking; i++)
			linking = strncmp(class_name, remembers_failures[i], strlen(remembers_failures[i])) == 0;
		(*jvmti)->Deallocate(jvmti, (unsigned char *) class_name);
	}
	return linking;
}

static FrameKind
frame_kind(JNIEnv *env, jmethodID method)
{
	uint32		slot = (uint32) (((uintptr_t) method >> 3) % KIND_CACHE_SIZE);
	jclass		declaring = NULL;
	jobject		loader = NULL;
	char	   *name = NULL;
	FrameKind	kind = FRAME_RUNTIME;

	if (kind_cache[slot].method == method)
		return kind_cache[slot].kind;
	if ((*jvmti)->GetMethodDeclaringClass(jvmti, method, &declaring) != JVMTI_ERROR_NONE
		|| (*jvmti)->GetClassLoader(jvmti, declaring, &loader) != JVMTI_ERROR_NONE
		|| (*jvmti)->GetMethodName(jvmti, method, &name, NULL, NULL) != JVMTI_ERROR_NONE)
		kind = FRAME_RUNTIME;	/* unknown: never throw there */
	else if (loader != NULL && (*env)->IsInstanceOf(env, loader, extension_loader_class))
		kind = strcmp(name, "<clinit>") == 0 ? FRAME_EXTENSION_INIT : FRAME_EXTENSION;
	else if (loader != NULL && (*env)->IsSameObject(env, loader, runtime_loader))
		kind = FRAME_RUNTIME;
	else
		kind = links_code(env, declaring, name) ? FRAME_JDK_LINKAGE : FRAME_JDK;
	if (name != NULL)
		(*jvmti)->Deallocate(jvmti, (unsigned char *) name);
	if (loader != NULL)
		(*env)->DeleteLocalRef(env, loader);
	if (declaring != NULL)
		(*env)->DeleteLocalRef(env, declaring);
	kind_cache[slot].method = method;
	kind_cache[slot].kind = kind;
	return kind;
}

/*
 * The JDK's native methods that initialize or define classes inside the JVM: Class.forName0,
 * Unsafe.allocateInstance and ensureClassInitialized0, reflection's native accessors, class
 * definition. Others (Thread.yield, System.arraycopy, ...) are soon back in Java, where the error
 * may land; waiting for a poll of Java code instead could take seconds in a loop around them.
 */
static bool
initializes_classes(jmethodID method)
{
	static const char *const names[] = {"forName0", "allocateInstance", "ensureClassInitialized0",
	"newInstance0", "invoke0", "defineClass0", "defineClass1", "defineClass2", "findBootstrapClass"};
	char	   *name = NULL;
	bool		initializes = false;

	if ((*jvmti)->GetMethodName(jvmti, method, &name, NULL, NULL) != JVMTI_ERROR_NONE)
		return true;			/* unknown: wait */
	for (int i = 0; i < lengthof(names) && !initializes; i++)
		initializes = strcmp(name, names[i]) == 0;
	(*jvmti)->Deallocate(jvmti, (unsigned char *) name);
	return initializes;
}

/*
 * Whether the suspended thread may be inside the JVM on behalf of its top frame, linking code:
 * resolving a constant, loading or initializing a class, running an invokedynamic bootstrap.
 * The stack does not show that yet (the class initializer's frame comes later), but an error
 * thrown now would be delivered at the JVM's next step into Java, inside that initializer. A
 * thread stopped at a poll of its own code gets the error at that poll, before its next
 * instruction, so only the top frame's instruction matters: the bytecodes that link, and a native
 * method that initializes classes while it is neither running native code nor waiting (it is
 * inside the JVM, about to run an initializer).
 */
static bool
may_be_linking(jvmtiFrameInfo *top, jint state)
{
	jint		length = 0;
	unsigned char *bytecodes = NULL;
	bool		linking = true;	/* unknown: wait */

	if (top->location < 0)
		return !(state & (JVMTI_THREAD_STATE_IN_NATIVE | JVMTI_THREAD_STATE_WAITING
						  | JVMTI_THREAD_STATE_BLOCKED_ON_MONITOR_ENTER))
			&& initializes_classes(top->method);
	if ((*jvmti)->GetBytecodes(jvmti, top->method, &length, &bytecodes) != JVMTI_ERROR_NONE)
		return true;
	if (top->location < length)
	{
		switch (bytecodes[top->location])
		{
			case 0x12:			/* ldc */
			case 0x13:			/* ldc_w */
			case 0x14:			/* ldc2_w */
			case 0xb2:			/* getstatic */
			case 0xb3:			/* putstatic */
			case 0xb4:			/* getfield */
			case 0xb5:			/* putfield */
			case 0xb6:			/* invokevirtual */
			case 0xb7:			/* invokespecial */
			case 0xb8:			/* invokestatic */
			case 0xb9:			/* invokeinterface */
			case 0xba:			/* invokedynamic */
			case 0xbb:			/* new */
			case 0xbd:			/* anewarray */
			case 0xc0:			/* checkcast */
			case 0xc1:			/* instanceof */
			case 0xc5:			/* multianewarray */
				break;
			default:
				linking = false;
		}
	}
	(*jvmti)->Deallocate(jvmti, bytecodes);
	return linking;
}

/*
 * Whether an error thrown where the suspended backend thread stands lands in extension code.
 * A cancel pending for less than INITIALIZER_GRACE_MS also waits while any extension class's
 * initializer is on the stack, even below the frame the error would land in.
 */
static bool
lands_in_extension_code(JNIEnv *env, int interrupt, jint state, bool initializers_may_end)
{
	jint		count = 0;
	jvmtiFrameInfo *frames;
	bool		safe = false;
	bool		cancel = interrupt == PGJ_INTERRUPT_CANCEL;

	if ((*jvmti)->GetFrameCount(jvmti, backend_thread, &count) != JVMTI_ERROR_NONE || count == 0)
		return false;
	frames = malloc(sizeof(jvmtiFrameInfo) * count);
	if (frames == NULL)
		return false;
	if ((*jvmti)->GetStackTrace(jvmti, backend_thread, 0, count, frames, &count) == JVMTI_ERROR_NONE
		&& (!cancel || !may_be_linking(&frames[0], state)))
	{
		int			i;

		for (i = 0; i < count; i++)
		{
			FrameKind	kind = frame_kind(env, frames[i].method);

			if (kind == FRAME_EXTENSION || kind == FRAME_EXTENSION_INIT)
			{
				safe = true;
				break;
			}
			/* A backend that terminates takes what it broke with it. */
			if (kind == FRAME_RUNTIME || (kind == FRAME_JDK_LINKAGE && cancel))
				break;
		}
		for (; safe && cancel && initializers_may_end && i < count; i++)
		{
			FrameKind	kind = frame_kind(env, frames[i].method);

			if (kind == FRAME_EXTENSION_INIT)
				safe = false;
			else if (kind == FRAME_RUNTIME)
				break;			/* the call into the extension: nothing of it below */
		}
	}
	free(frames);
	return safe;
}

/* Throws the interrupt into the backend's Java code if it stands in extension code. */
static void
stop_java(JNIEnv *env, int interrupt, bool initializers_may_end)
{
	jobject		error;
	jint		state = 0;

	if ((*env)->PushLocalFrame(env, 16) != JNI_OK)
		return;
	/* Made before the suspension: allocating may need a garbage collection. */
	error = (*env)->CallStaticObjectMethod(env, boot_class, async_interrupt_method, (jint) interrupt);
	if ((*env)->ExceptionCheck(env) || error == NULL)
	{
		(*env)->ExceptionClear(env);
		(*env)->PopLocalFrame(env, NULL);
		return;
	}
	if ((*jvmti)->SuspendThread(jvmti, backend_thread) == JVMTI_ERROR_NONE)
	{
		if ((*jvmti)->GetThreadState(jvmti, backend_thread, &state) == JVMTI_ERROR_NONE
			&& lands_in_extension_code(env, interrupt, state, initializers_may_end)
			&& (*jvmti)->StopThread(jvmti, backend_thread, error) == JVMTI_ERROR_NONE)
		{
			pgj_java_interrupted = 1;
			if (state & JVMTI_THREAD_STATE_IN_NATIVE)
			{
				/*
				 * Blocked in a system call of the JDK: interrupt it. Wait until the signal is
				 * delivered, while the thread cannot yet have reached the server's code, whose
				 * system calls do not expect EINTR.
				 */
				wake_delivered = 0;
				pthread_kill(backend, PGJ_WAKE_SIGNAL);
				for (int i = 0; i < 100 && !wake_delivered; i++)
					usleep(500);
			}
		}
		(*jvmti)->ResumeThread(jvmti, backend_thread);
	}
	(*env)->PopLocalFrame(env, NULL);
}

static int64_t
monotonic_ms(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64_t) now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

static void *
watch(void *unused)
{
	JNIEnv	   *env;
	JavaVMAttachArgs args = {JNI_VERSION_10, "pgj-interrupt-watcher", NULL};

	int64_t		pending_since_ms = -1;

	if ((*vm)->AttachCurrentThreadAsDaemon(vm, (void **) &env, &args) != JNI_OK)
		return NULL;
	for (;;)
	{
		struct pollfd ready = {wake_fd, POLLIN, 0};
		int			interrupt = pgj_interrupt_wanted();
		uint64_t	count;
		int			n;

		if (interrupt == PGJ_INTERRUPT_NONE)
			pending_since_ms = -1;
		else
		{
			int64_t		now = monotonic_ms();

			if (pending_since_ms < 0)
				pending_since_ms = now;
			stop_java(env, interrupt, now - pending_since_ms < INITIALIZER_GRACE_MS);
		}
		n = poll(&ready, 1, interrupt != PGJ_INTERRUPT_NONE ? RETRY_MS : IDLE_TICK_MS);
		if (n > 0 && (ready.revents & POLLIN))
		{
			/* Resets the eventfd; a failure only means another wake-up comes at once. */
			if (read(wake_fd, &count, sizeof(count)) < 0)
				count = 0;
		}
		else if (n == 0 && interrupt == PGJ_INTERRUPT_NONE)
			pgj_wrap_signals();		/* something may have put its own handler in place */
	}
	return NULL;
}

/*
 * Starts watching, right after the JVM has booted, on the backend's thread. Without the watcher
 * (no eventfd, no thread) Java code still stops at pgj's own checks; it is logged, not fatal.
 */
void
pgj_watch_interrupts(JavaVM *the_vm, JNIEnv *env)
{
	struct sigaction wake;
	jclass		thread_class;
	jmethodID	current_thread;
	jclass		loaders;
	jmethodID	runtime_loader_method;
	jclass		extension_loader;
	pthread_t	watcher;
	sigset_t	all;
	sigset_t	saved;
	int			rc;

	vm = the_vm;
	jvmti = pgj_jvmti();
	backend = pthread_self();
	thread_class = (*env)->FindClass(env, "java/lang/Thread");
	current_thread = thread_class ? (*env)->GetStaticMethodID(env, thread_class, "currentThread", "()Ljava/lang/Thread;") : NULL;
	boot_class = (*env)->FindClass(env, "org/pgj/internal/boot/Boot");
	async_interrupt_method = boot_class ? (*env)->GetStaticMethodID(env, boot_class, "asyncInterrupt", "(I)Ljava/lang/Throwable;") : NULL;
	loaders = (*env)->FindClass(env, "java/lang/ClassLoader");
	runtime_loader_method = loaders ? (*env)->GetStaticMethodID(env, loaders, "getSystemClassLoader", "()Ljava/lang/ClassLoader;") : NULL;
	extension_loader = (*env)->FindClass(env, "org/pgj/internal/classloading/ExtensionClassLoader");
	class_loader_class = loaders ? (*env)->NewGlobalRef(env, loaders) : NULL;
	if (jvmti == NULL || current_thread == NULL || async_interrupt_method == NULL || runtime_loader_method == NULL
		|| extension_loader == NULL)
	{
		(*env)->ExceptionClear(env);
		elog(WARNING, "pgj: Java code will not be interrupted where it does not check for interrupts (no JVMTI or runtime classes)");
		return;
	}
	backend_thread = (*env)->NewGlobalRef(env, (*env)->CallStaticObjectMethod(env, thread_class, current_thread));
	runtime_loader = (*env)->NewGlobalRef(env, (*env)->CallStaticObjectMethod(env, loaders, runtime_loader_method));
	extension_loader_class = (*env)->NewGlobalRef(env, extension_loader);
	boot_class = (*env)->NewGlobalRef(env, boot_class);

	memset(&wake, 0, sizeof(wake));
	wake.sa_handler = wake_signal;
	sigemptyset(&wake.sa_mask);
	wake.sa_flags = 0;			/* no SA_RESTART: the blocked call must return */
	sigaction(PGJ_WAKE_SIGNAL, &wake, NULL);

	wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (wake_fd < 0)
	{
		elog(WARNING, "pgj: Java code will not be interrupted where it does not check for interrupts: eventfd: %m");
		return;
	}
	pgj_wrap_signals();
	/* A backend starts with postmaster_possibly_dead set until it first asks: ask now, once. */
	(void) PostmasterIsAlive();
	/* The watcher runs no server code and must receive none of the server's signals. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &saved);
	rc = pthread_create(&watcher, NULL, watch, NULL);
	pthread_sigmask(SIG_SETMASK, &saved, NULL);
	if (rc != 0)
		elog(WARNING, "pgj: Java code will not be interrupted where it does not check for interrupts: could not start a thread (%d)", rc);
	else
		pthread_detach(watcher);
}
