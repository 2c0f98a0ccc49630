/*
 * Runtime manifests: what an extension declares for the server to set up without Java,
 * written by the annotation processor as $sharedir/extension/<ext>.pgj. Each line is a
 * record of tab-separated fields:
 *
 *   setting <kind b|i|r|s|e> <name> <context> <default> <min> <max> <options a,b,c> <description>
 *           [<ext> <class> <check method> <assign method> <show method>]   (setting_hooks.c)
 *   worker <ext> <name> <type> <class> <method> <start> <restart s> <spi or empty> <database> <user>
 *          <argument> <instances: a number or an int setting's name> <extra>
 *          <shared-memory start-up callback: Class#method, or empty>
 *   shared <ext> <name> <kind atomic|locked> <bytes>       (shmem.c)
 *   hooks <ext> <class implementing org.pgj.hooks.QueryHooks>      (hooks.c)
 *   runtime <pgj version>     first: a manifest of another version's extension is that runtime's to read
 *
 * Settings and hooks are set up in every process that loads pgj.so; static workers and shared
 * memory only while the postmaster preloads it (shared_preload_libraries = 'pgj').
 */
#include "pgj.h"

#include <dirent.h>
#include <stdio.h>

#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/guc.h"
#include "utils/hsearch.h"

#define MAX_FIELDS 16

static HTAB *settings = NULL;

typedef struct SettingEntry
{
	char		key[NAMEDATALEN * 2];	/* hash key: the setting's name */
	PgjSetting	setting;
} SettingEntry;

static int
split(char *line, char **fields)
{
	int			n = 0;

	fields[n++] = line;
	for (char *p = line; *p != '\0' && n < MAX_FIELDS; p++)
	{
		if (*p == '\t')
		{
			*p = '\0';
			fields[n++] = p + 1;
		}
	}
	return n;
}

static GucContext
context_of(const char *name)
{
	if (strcmp(name, "postmaster") == 0)
		return PGC_POSTMASTER;
	if (strcmp(name, "sighup") == 0)
		return PGC_SIGHUP;
	if (strcmp(name, "superuser") == 0)
		return PGC_SUSET;
	return PGC_USERSET;
}

static struct config_enum_entry *
enum_options(const char *list)
{
	char	   *copy = MemoryContextStrdup(TopMemoryContext, list);
	int			n = 1;
	struct config_enum_entry *options;
	int			i = 0;

	for (const char *p = list; *p; p++)
		n += (*p == ',');
	options = MemoryContextAllocZero(TopMemoryContext, sizeof(*options) * (n + 1));
	for (char *tok = strtok(copy, ","); tok != NULL; tok = strtok(NULL, ","))
	{
		options[i].name = tok;
		options[i].val = i;
		i++;
	}
	return options;
}

static int
enum_index(const struct config_enum_entry *options, const char *value)
{
	for (int i = 0; options[i].name != NULL; i++)
		if (pg_strcasecmp(options[i].name, value) == 0)
			return i;
	return -1;
}

static void
define_setting(char **f, int n, bool preloading)
{
	SettingEntry *entry;
	PgjSetting *s;
	bool		found;
	char		kind = f[1][0];
	GucContext context = context_of(f[3]);
	struct config_enum_entry *options = kind == 'e' ? enum_options(f[7]) : NULL;
	void	   *check = NULL;
	void	   *assign = NULL;
	void	   *show = NULL;

	if (n < 9 || strlen(f[2]) >= NAMEDATALEN * 2)
		return;
	entry = hash_search(settings, f[2], HASH_ENTER, &found);
	if (found)
		return;					/* two extensions cannot own one name; the first wins */
	s = &entry->setting;
	s->name = MemoryContextStrdup(TopMemoryContext, f[2]);
	s->kind = kind;
	s->string_value = NULL;

	/*
	 * The server refuses postmaster settings defined after start (FATAL). Without preloading,
	 * a backend still shows the configured value and refuses SET, as for a sighup setting.
	 */
	if (context == PGC_POSTMASTER && !preloading)
		context = PGC_SIGHUP;
	(void) pgj_setting_hooks(f, n, s, &check, &assign, &show);
	switch (kind)
	{
		case 'b':
			DefineCustomBoolVariable(s->name, MemoryContextStrdup(TopMemoryContext, f[8]), NULL,
									 &s->bool_value, strcmp(f[4], "true") == 0, context, 0,
									 (GucBoolCheckHook) check, (GucBoolAssignHook) assign, (GucShowHook) show);
			break;
		case 'i':
			DefineCustomIntVariable(s->name, MemoryContextStrdup(TopMemoryContext, f[8]), NULL,
									&s->int_value, atoi(f[4]), atoi(f[5]), atoi(f[6]), context, 0,
									(GucIntCheckHook) check, (GucIntAssignHook) assign, (GucShowHook) show);
			break;
		case 'r':
			DefineCustomRealVariable(s->name, MemoryContextStrdup(TopMemoryContext, f[8]), NULL,
									 &s->real_value, strtod(f[4], NULL), strtod(f[5], NULL),
									 strtod(f[6], NULL), context, 0, (GucRealCheckHook) check,
									 (GucRealAssignHook) assign, (GucShowHook) show);
			break;
		case 's':
			DefineCustomStringVariable(s->name, MemoryContextStrdup(TopMemoryContext, f[8]), NULL,
									   &s->string_value, MemoryContextStrdup(TopMemoryContext, f[4]),
									   context, 0, (GucStringCheckHook) check, (GucStringAssignHook) assign,
									   (GucShowHook) show);
			break;
		case 'e':
			DefineCustomEnumVariable(s->name, MemoryContextStrdup(TopMemoryContext, f[8]), NULL,
									 &s->int_value, Max(enum_index(options, f[4]), 0), options,
									 context, 0, (GucEnumCheckHook) check, (GucEnumAssignHook) assign,
									 (GucShowHook) show);
			break;
	}
}

static BgWorkerStartTime
start_time_of(const char *name)
{
	if (strcmp(name, "postmaster") == 0)
		return BgWorkerStart_PostmasterStart;
	if (strcmp(name, "consistent") == 0)
		return BgWorkerStart_ConsistentState;
	return BgWorkerStart_RecoveryFinished;
}

/* Instances: a number, or the name of an int setting (read now, in the postmaster). */
static int
instances_of(const char *value)
{
	SettingEntry *entry;

	if (value[0] >= '0' && value[0] <= '9')
		return atoi(value);
	entry = hash_search(settings, value, HASH_FIND, NULL);
	return entry != NULL ? entry->setting.int_value : 1;
}

/* `pattern` with each "%d" replaced by `number`; nothing else in it is a format. */
static void
number_name(char *out, size_t size, const char *pattern, int number)
{
	char		digits[16];
	size_t		len = 0;

	snprintf(digits, sizeof(digits), "%d", number);
	for (const char *p = pattern; *p != '\0' && len + 1 < size; p++)
	{
		if (p[0] == '%' && p[1] == 'd')
		{
			len += strlcpy(out + len, digits, size - len);
			len = Min(len, size - 1);
			p++;
		}
		else
			out[len++] = *p;
	}
	out[len] = '\0';
}

static void
register_workers(char **f, int n)
{
	BackgroundWorker worker;
	PgjWorkerLaunch launch;
	int			instances;

	if (n < 14)
		return;
	memset(&launch, 0, sizeof(launch));
	strlcpy(launch.extension, f[1], sizeof(launch.extension));
	strlcpy(launch.class_name, f[4], sizeof(launch.class_name));
	strlcpy(launch.method, f[5], sizeof(launch.method));
	strlcpy(launch.database, f[9], sizeof(launch.database));
	strlcpy(launch.user, f[10], sizeof(launch.user));
	launch.startup_slot = -1;
	if (n > 14 && f[14][0] != '\0')
	{
		strlcpy(launch.shmem_startup, f[14], sizeof(launch.shmem_startup));
		launch.startup_slot = pgj_startup_slots++;
	}
	instances = instances_of(f[12]);
	for (int i = 0; i < instances; i++)
	{
		memset(&worker, 0, sizeof(worker));
		/* "%d" in the name or type is the instance's number, from 1. */
		number_name(worker.bgw_name, sizeof(worker.bgw_name), f[2], i + 1);
		number_name(worker.bgw_type, sizeof(worker.bgw_type), f[3], i + 1);
		worker.bgw_flags = BGWORKER_SHMEM_ACCESS
			| (strcmp(f[8], "spi") == 0 ? BGWORKER_BACKEND_DATABASE_CONNECTION : 0);
		worker.bgw_start_time = start_time_of(f[6]);
		worker.bgw_restart_time = atoi(f[7]);
		worker.bgw_main_arg = Int32GetDatum(atoi(f[11]) + i);
		strncpy(worker.bgw_extra, f[13], sizeof(worker.bgw_extra));
		worker.bgw_notify_pid = 0;
		pgj_register_static_worker(&worker, &launch);
	}
}

static void
read_manifest(const char *path, bool preloading, bool workers)
{
	FILE	   *file = AllocateFile(path, "r");
	char		line[4096];

	if (file == NULL)
		return;
	while (fgets(line, sizeof(line), file) != NULL)
	{
		char	   *fields[MAX_FIELDS];
		int			n;

		line[strcspn(line, "\r\n")] = '\0';
		n = split(line, fields);
		if (strcmp(fields[0], "runtime") == 0 && (n < 2 || strcmp(fields[1], PGJ_VERSION) != 0))
			break;
		if (!workers && strcmp(fields[0], "setting") == 0)
			define_setting(fields, n, preloading);
		else if (!workers && strcmp(fields[0], "hooks") == 0)
			pgj_declare_hooks(fields, n);
		else if (workers && strcmp(fields[0], "worker") == 0)
			register_workers(fields, n);
		else if (workers && strcmp(fields[0], "shared") == 0)
			pgj_declare_shared(fields, n);
	}
	FreeFile(file);
}

static void
read_all(const char *dir, bool preloading, bool workers)
{
	DIR		   *d = AllocateDir(dir);
	struct dirent *de;

	while ((de = ReadDir(d, dir)) != NULL)
	{
		size_t		len = strlen(de->d_name);
		char		path[MAXPGPATH];

		if (len <= 4 || strcmp(de->d_name + len - 4, ".pgj") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		read_manifest(path, preloading, workers);
	}
	FreeDir(d);
}

/* _PG_init: settings first, since a worker's instance count may name one. */
void
pgj_read_manifests(bool preloading)
{
	char		dir[MAXPGPATH];
	HASHCTL		ctl;

	ctl.keysize = NAMEDATALEN * 2;
	ctl.entrysize = sizeof(SettingEntry);
	ctl.hcxt = TopMemoryContext;
#ifdef HASH_STRINGS
	settings = hash_create("pgj settings", 32, &ctl, HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
#else
	settings = hash_create("pgj settings", 32, &ctl, HASH_ELEM | HASH_CONTEXT);
#endif
	snprintf(dir, sizeof(dir), "%s/extension", pgj_sharedir);
	pgj_setting_hooks_defining(true);
	read_all(dir, preloading, false);
	pgj_setting_hooks_defining(false);
	if (preloading)
		read_all(dir, preloading, true);
}

/* Java: the setting named `name`, or NULL if no installed extension declares it. */
PgjSetting *
pgj_setting(const char *name)
{
	char		key[NAMEDATALEN * 2];
	SettingEntry *entry;

	if (settings == NULL || strlen(name) >= sizeof(key))
		return NULL;
	/* The hash compares whole keys: pad the name as the entries are. */
	memset(key, 0, sizeof(key));
	strlcpy(key, name, sizeof(key));
	entry = hash_search(settings, key, HASH_FIND, NULL);
	return entry == NULL ? NULL : &entry->setting;
}
