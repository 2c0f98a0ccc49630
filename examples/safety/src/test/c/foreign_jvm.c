/*
 * A stand-in for PL/Java in tests: start_foreign_jvm(libjvm text) creates a JVM in the calling
 * backend the way another extension would, before pgj starts its own. Returns JNI's result code.
 */
#include "postgres.h"

#include <dlfcn.h>
#include <signal.h>

#include <jni.h>

#include "fmgr.h"
#include "utils/builtins.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(start_foreign_jvm);

Datum
start_foreign_jvm(PG_FUNCTION_ARGS)
{
	char	   *path = text_to_cstring(PG_GETARG_TEXT_PP(0));
	void	   *library = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
	jint		(*create) (JavaVM **, void **, void *);
	JavaVMOption options[1];
	JavaVMInitArgs args;
	JavaVM	   *vm;
	JNIEnv	   *env;
	sigset_t	all,
				saved;
	jint		rc;

	if (library == NULL)
		elog(ERROR, "cannot load %s: %s", path, dlerror());
	create = (jint (*) (JavaVM **, void **, void *)) dlsym(library, "JNI_CreateJavaVM");
	if (create == NULL)
		elog(ERROR, "%s has no JNI_CreateJavaVM", path);
	/* Polite, as PL/Java is: the server keeps its signals. */
	options[0].optionString = "-Xrs";
	args.version = JNI_VERSION_10;
	args.nOptions = 1;
	args.options = options;
	args.ignoreUnrecognized = JNI_FALSE;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &saved);
	rc = create(&vm, (void **) &env, &args);
	pthread_sigmask(SIG_SETMASK, &saved, NULL);
	PG_RETURN_INT32(rc);
}
