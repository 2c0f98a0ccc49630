/*
 * Transaction and subtransaction callbacks for Java (org.pgj.hooks.Transactions). They are
 * registered with the server once, when Java first asks, and call Java (through JNI: a few
 * calls per transaction) only while Java has callbacks waiting, which it says in
 * pgj_transaction_callbacks. Apart from them, the end of each transaction is one JNI call
 * (transaction_end).
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

/*
 * Every transaction's end, once the JVM runs: Java gives back the heap a statement grew
 * (org.pgj.internal.transactions.HeapTrim), so a backend's memory returns to its size when idle.
 */
static void
transaction_end(XactEvent event, void *arg)
{
	if (event == XACT_EVENT_COMMIT || event == XACT_EVENT_ABORT || event == XACT_EVENT_PREPARE
		|| event == XACT_EVENT_PARALLEL_COMMIT || event == XACT_EVENT_PARALLEL_ABORT)
		pgj_transaction_ended();
}

void
pgj_watch_transaction_ends(void)
{
	RegisterXactCallback(transaction_end, NULL);
}

/* Java, at its first callback. */
void
pgj_watch_transactions(void)
{
	static bool watching = false;

	if (!watching)
	{
		RegisterXactCallback(xact_event, NULL);
		RegisterSubXactCallback(subxact_event, NULL);
		watching = true;
	}
}
