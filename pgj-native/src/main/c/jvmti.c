/*
 * pgj's JVMTI environment: one per backend, made right after the JVM is created. It serves two
 * guarantees PostgreSQL makes:
 *  - every new Java thread blocks PostgreSQL's signals (ThreadStart), so a process-directed
 *    signal never runs a server handler on a JVM thread;
 *  - the interrupt watcher (interrupts.c) suspends the backend's thread, reads its stack and
 *    throws a cancel into Java code that never checks for one.
 * The capabilities used (can_suspend, can_signal_thread, can_get_bytecodes) are available once
 * the JVM runs, and none slows compiled code.
 */
#include "pgj.h"

#include <signal.h>
#include <string.h>

static jvmtiEnv *jvmti = NULL;

jvmtiEnv *
pgj_jvmti(void)
{
	return jvmti;
}

/*
 * New VM threads must not run PostgreSQL's signal handlers. The synchronous fault signals
 * stay open: HotSpot raises them on purpose (implicit null checks, safepoint polls), and a
 * blocked one kills the process outright, without even an hs_err file.
 */
static void JNICALL
block_signals_in_new_thread(jvmtiEnv *env, JNIEnv *jni, jthread thread)
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

/* Returns false when the JVM offers no JVMTI or not the capabilities pgj needs. */
bool
pgj_jvmti_init(JavaVM *vm)
{
	jvmtiCapabilities capabilities;
	jvmtiEventCallbacks callbacks;

	if ((*vm)->GetEnv(vm, (void **) &jvmti, JVMTI_VERSION_1_2) != JNI_OK)
		return false;
	memset(&capabilities, 0, sizeof(capabilities));
	capabilities.can_suspend = 1;
	capabilities.can_signal_thread = 1;
	capabilities.can_get_bytecodes = 1;
	if ((*jvmti)->AddCapabilities(jvmti, &capabilities) != JVMTI_ERROR_NONE)
	{
		/*
		 * A debugger's agent (debugger.c) holds can_suspend, which HotSpot gives one environment
		 * only: the watcher then cannot stop Java code, and interrupts reach it where it checks.
		 */
		if (!pgj_debugger_agent_loaded())
			return false;
		capabilities.can_suspend = 0;
		if ((*jvmti)->AddCapabilities(jvmti, &capabilities) != JVMTI_ERROR_NONE)
			return false;
	}
	memset(&callbacks, 0, sizeof(callbacks));
	callbacks.ThreadStart = block_signals_in_new_thread;
	if ((*jvmti)->SetEventCallbacks(jvmti, &callbacks, sizeof(callbacks)) != JVMTI_ERROR_NONE)
		return false;
	return (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_THREAD_START, NULL) == JVMTI_ERROR_NONE;
}
