/*
 * No Java code ends the backend by exiting the JVM. Exiting would skip PostgreSQL's cleanup,
 * and the postmaster would restart every session.
 *
 * Every route to JVM exit (System.exit, Runtime.exit and Runtime.halt, called directly, by
 * reflection, through a method handle or method reference, on any thread, from a dependency)
 * passes through java.lang.Shutdown's native methods: exit calls beforeHalt() before it runs the
 * shutdown hooks, halt calls it before halt0(int). pgj registers its own implementations of both
 * natives, which throw ExitGuard.SystemExitError in the calling thread instead: on the backend's
 * thread the statement fails, on another thread that thread gets the error. The shutdown hooks
 * never run, so the JVM stays usable. A JVM destroyed on purpose (an AOT training run) goes
 * through Shutdown.shutdown(), which calls neither.
 */
#include "pgj.h"

static jclass guard_class = NULL;
static jmethodID refusal_method = NULL;

static void JNICALL
refuse_exit(JNIEnv *env, jclass shutdown)
{
	jobject		error = (*env)->CallStaticObjectMethod(env, guard_class, refusal_method);

	if (error != NULL && !(*env)->ExceptionCheck(env))
		(*env)->Throw(env, (jthrowable) error);
}

static void JNICALL
refuse_halt(JNIEnv *env, jclass shutdown, jint status)
{
	refuse_exit(env, shutdown);
}

/* On the backend's thread, before any extension code runs. */
bool
pgj_guard_exits(JNIEnv *env)
{
	JNINativeMethod natives[] = {
		{"beforeHalt", "()V", (void *) refuse_exit},
		{"halt0", "(I)V", (void *) refuse_halt},
	};
	jclass		shutdown = (*env)->FindClass(env, "java/lang/Shutdown");
	jclass		guard = (*env)->FindClass(env, "org/pgj/internal/classloading/ExitGuard");
	bool		ok = false;

	if (shutdown != NULL && guard != NULL)
	{
		guard_class = (*env)->NewGlobalRef(env, guard);
		refusal_method = (*env)->GetStaticMethodID(env, guard, "refusal", "()Ljava/lang/Throwable;");
		ok = refusal_method != NULL
			&& (*env)->RegisterNatives(env, shutdown, natives, lengthof(natives)) == JNI_OK;
	}
	if ((*env)->ExceptionCheck(env))
	{
		(*env)->ExceptionDescribe(env);
		(*env)->ExceptionClear(env);
		ok = false;
	}
	if (shutdown != NULL)
		(*env)->DeleteLocalRef(env, shutdown);
	if (guard != NULL)
		(*env)->DeleteLocalRef(env, guard);
	return ok;
}
