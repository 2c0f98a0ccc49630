/*
 * Check, assign and show hooks of extension settings, written in Java (the check, assign and show
 * attributes of @BoolSetting and friends). The server's hooks do not say which setting they are
 * called for, so each hooked setting takes a slot, and each slot has its own C functions, which
 * hand the call to Java with the setting's hooks. A manifest's setting line names them after the
 * description: <extension> <class> <check method> <assign method> <show method> (empty: none).
 *
 * Java runs them in backends only, where it runs already or can start (in a transaction that has
 * not failed); elsewhere (the postmaster, a parallel worker, while pgj.so defines the settings, a
 * reload outside a transaction before Java started) a check accepts, an assign does nothing, and a
 * show displays the value as the server would. A check's refusal is the server's own 22023, with
 * the reason as DETAIL; a cancel inside a check or show is raised as the cancel.
 */
#include "pgj.h"

#include "access/parallel.h"
#include "access/xact.h"
#include "miscadmin.h"
#include "utils/guc.h"

#define PGJ_MAX_HOOKED_SETTINGS 32

typedef struct HookedSetting
{
	PgjSetting *setting;
	char		extension[NAMEDATALEN];
	char	   *class_name;
	char	   *methods[3];		/* by PGJ_SETTING_CHECK, _ASSIGN, _SHOW; NULL for none */
} HookedSetting;

static HookedSetting hooked[PGJ_MAX_HOOKED_SETTINGS];
static int	hooked_count = 0;
/* While manifest.c defines settings (in _PG_init), where Java must not start. */
static bool defining = false;

static bool
java_may_run(void)
{
	if (defining || !IsUnderPostmaster || IsParallelWorker())
		return false;
	if (pgj_jvm_ready())
		return true;
	return IsTransactionState() && !IsAbortedTransactionBlockState() && pgj_jvm_available();
}

/* Runs hook `hook` of slot `slot` for the value in `call`; PGJ_SETTING_ACCEPTED when there is none or Java cannot run. */
static int32
run(int slot, int32 hook, PgjSettingHookCall *call)
{
	HookedSetting *h = &hooked[slot];
	int32		outcome;

	if (h->methods[hook] == NULL || !java_may_run())
		return PGJ_SETTING_ACCEPTED;
	call->extension = h->extension;
	call->class_name = h->class_name;
	call->method = h->methods[hook];
	call->setting = h->setting->name;
	call->kind = h->setting->kind;
	call->hook = hook;
	call->text[0] = '\0';
	outcome = pgj_run_setting_hook(call);
	if (outcome == PGJ_SETTING_FAILED && hook != PGJ_SETTING_ASSIGN)
		pgj_raise_pending();
	return outcome;
}

static bool
check(int slot, PgjSettingHookCall *call)
{
	if (run(slot, PGJ_SETTING_CHECK, call) != PGJ_SETTING_REFUSED)
		return true;
	GUC_check_errdetail("%s", call->text);
	return false;
}

/* The display form: Java's, or the value as the server shows a setting without a show hook. */
static const char *
show(int slot)
{
	static char shown[PGJ_SETTING_TEXT_SIZE];
	PgjSetting *s = hooked[slot].setting;
	PgjSettingHookCall call = {.bool_value = s->bool_value, .int_value = s->int_value,
	.real_value = s->real_value, .string_value = s->string_value};

	if (run(slot, PGJ_SETTING_SHOW, &call) == PGJ_SETTING_SHOWN)
		strlcpy(shown, call.text, sizeof(shown));
	else if (s->kind == 'b')
		strlcpy(shown, s->bool_value ? "on" : "off", sizeof(shown));
	else if (s->kind == 'i')
		snprintf(shown, sizeof(shown), "%d", s->int_value);
	else if (s->kind == 'r')
		snprintf(shown, sizeof(shown), "%g", s->real_value);
	else if (s->kind == 'e')
		strlcpy(shown, GetConfigOption(s->name, true, false) ? GetConfigOption(s->name, true, false) : "",
				sizeof(shown));
	else
		strlcpy(shown, s->string_value ? s->string_value : "", sizeof(shown));
	return shown;
}

/* The server's hooks of each slot, which only say which slot they are. */
#define SLOT_HOOKS(i) \
static bool check_bool_##i(bool *v, void **extra, GucSource source) \
{ PgjSettingHookCall c = {.bool_value = *v}; return check(i, &c); } \
static bool check_int_##i(int *v, void **extra, GucSource source) \
{ PgjSettingHookCall c = {.int_value = *v}; return check(i, &c); } \
static bool check_real_##i(double *v, void **extra, GucSource source) \
{ PgjSettingHookCall c = {.real_value = *v}; return check(i, &c); } \
static bool check_string_##i(char **v, void **extra, GucSource source) \
{ PgjSettingHookCall c = {.string_value = *v}; return check(i, &c); } \
static void assign_bool_##i(bool v, void *extra) \
{ PgjSettingHookCall c = {.bool_value = v}; (void) run(i, PGJ_SETTING_ASSIGN, &c); } \
static void assign_int_##i(int v, void *extra) \
{ PgjSettingHookCall c = {.int_value = v}; (void) run(i, PGJ_SETTING_ASSIGN, &c); } \
static void assign_real_##i(double v, void *extra) \
{ PgjSettingHookCall c = {.real_value = v}; (void) run(i, PGJ_SETTING_ASSIGN, &c); } \
static void assign_string_##i(const char *v, void *extra) \
{ PgjSettingHookCall c = {.string_value = v}; (void) run(i, PGJ_SETTING_ASSIGN, &c); } \
static const char *show_##i(void) \
{ return show(i); }

#define SLOTS(X) \
	X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15) \
	X(16) X(17) X(18) X(19) X(20) X(21) X(22) X(23) X(24) X(25) X(26) X(27) X(28) X(29) X(30) X(31)

SLOTS(SLOT_HOOKS)

typedef struct SlotHooks
{
	GucBoolCheckHook check_bool;
	GucIntCheckHook check_int;
	GucRealCheckHook check_real;
	GucStringCheckHook check_string;
	GucBoolAssignHook assign_bool;
	GucIntAssignHook assign_int;
	GucRealAssignHook assign_real;
	GucStringAssignHook assign_string;
	GucShowHook show;
} SlotHooks;

#define SLOT_ENTRY(i) {check_bool_##i, check_int_##i, check_real_##i, check_string_##i, \
	assign_bool_##i, assign_int_##i, assign_real_##i, assign_string_##i, show_##i},

static const SlotHooks slots[PGJ_MAX_HOOKED_SETTINGS] = {SLOTS(SLOT_ENTRY)};

static char *
method_or_null(const char *name)
{
	return name[0] == '\0' ? NULL : MemoryContextStrdup(TopMemoryContext, name);
}

/*
 * manifest.c, defining `setting` from its line: false when the line names no hooks; else the
 * server's hook functions for its kind (enums use the int ones), NULL for a hook not declared.
 * Marks the definition that follows as one where Java must not start (pgj_setting_hooks_defined).
 */
bool
pgj_setting_hooks(char **f, int n, PgjSetting *setting, void **check_hook, void **assign_hook, void **show_hook)
{
	HookedSetting *h;
	const SlotHooks *s;
	bool		any;

	*check_hook = *assign_hook = *show_hook = NULL;
	if (n < 14)
		return false;
	any = f[11][0] != '\0' || f[12][0] != '\0' || f[13][0] != '\0';
	if (!any)
		return false;
	if (hooked_count == PGJ_MAX_HOOKED_SETTINGS || strlen(f[9]) >= NAMEDATALEN)
	{
		ereport(WARNING,
				(errmsg("pgj: the hooks of setting \"%s\" are left out", setting->name),
				 errdetail("A server runs the hooks of at most %d settings.", PGJ_MAX_HOOKED_SETTINGS)));
		return false;
	}
	h = &hooked[hooked_count];
	s = &slots[hooked_count];
	hooked_count++;
	h->setting = setting;
	strlcpy(h->extension, f[9], NAMEDATALEN);
	h->class_name = MemoryContextStrdup(TopMemoryContext, f[10]);
	h->methods[PGJ_SETTING_CHECK] = method_or_null(f[11]);
	h->methods[PGJ_SETTING_ASSIGN] = method_or_null(f[12]);
	h->methods[PGJ_SETTING_SHOW] = method_or_null(f[13]);
	switch (setting->kind)
	{
		case 'b':
			*check_hook = (void *) s->check_bool;
			*assign_hook = (void *) s->assign_bool;
			break;
		case 'i':
		case 'e':
			*check_hook = (void *) s->check_int;
			*assign_hook = (void *) s->assign_int;
			break;
		case 'r':
			*check_hook = (void *) s->check_real;
			*assign_hook = (void *) s->assign_real;
			break;
		default:
			*check_hook = (void *) s->check_string;
			*assign_hook = (void *) s->assign_string;
			break;
	}
	if (h->methods[PGJ_SETTING_CHECK] == NULL)
		*check_hook = NULL;
	if (h->methods[PGJ_SETTING_ASSIGN] == NULL)
		*assign_hook = NULL;
	*show_hook = h->methods[PGJ_SETTING_SHOW] == NULL ? NULL : (void *) s->show;
	return true;
}

/* manifest.c, around the settings' definitions. */
void
pgj_setting_hooks_defining(bool on)
{
	defining = on;
}
