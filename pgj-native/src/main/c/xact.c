/*
 * Transaction and subtransaction callbacks for Java (org.pgj.hooks.Transactions). They are
 * registered with the server once, when Java first asks, and call Java (through JNI: a few
 * calls per transaction) only while Java has callbacks waiting, which it says in
 * pgj_transaction_callbacks.
 */
#include "pgj.h"

#include "access/xact.h"

int32		pgj_transaction_callbacks = 0;

/* An error may be raised only before the commit is final. */
static void
xact_event(XactEvent event, void *arg)
{
	bool		report = event == XACT_EVENT_PRE_COMMIT || event == XACT_EVENT_PARALLEL_PRE_COMMIT
		|| event == XACT_EVENT_PRE_PREPARE;

	if (pgj_transaction_callbacks > 0 && pgj_transaction_event((int32) event, 0, 0, report) && report)
		pgj_raise_pending();
}

static void
subxact_event(SubXactEvent event, SubTransactionId sub, SubTransactionId parent, void *arg)
{
	bool		report = event == SUBXACT_EVENT_PRE_COMMIT_SUB;

	if (pgj_transaction_callbacks > 0 && pgj_transaction_event((int32) event, (int32) sub, (int32) parent, report)
		&& report)
		pgj_raise_pending();
}

/* Java, at its first callback. */
int64
pgj_watch_transactions(int64 a0, int64 a1, int64 a2, int64 a3, int64 a4, int64 a5)
{
	static bool watching = false;

	if (!watching)
	{
		RegisterXactCallback(xact_event, NULL);
		RegisterSubXactCallback(subxact_event, NULL);
		watching = true;
	}
	return 0;
}
