/*
 * A Java debugger for one session (pgj.debug_port): the JVM of that backend starts with a JDWP
 * agent that listens on localhost, so an IDE or jdb can attach, stop at a breakpoint, inspect
 * and continue.
 *
 * Only a superuser sets the port, and only where the server's configuration allows it
 * (pgj.debug_allowed, on in pgj's dev servers): whoever reaches the port runs any code as the
 * server. The agent does not suspend the JVM's start (suspend=n): the start runs with signals
 * blocked, and a backend waiting there for a debugger could not even be terminated.
 *
 * A breakpoint suspends every Java thread, the interrupt watcher too, so a termination
 * (pg_terminate_backend, a fast shutdown) would wait for the debugger to continue. Its signal
 * handler therefore closes the debugger's connection (shutdown() is async-signal-safe): JDWP
 * then drops its breakpoints and resumes every thread, as when a debugger detaches, and the
 * watcher stops the Java code as it stops any (interrupts.c). A cancel does not disconnect: a
 * statement_timeout must not end a debugging session.
 */
#include "pgj.h"

#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "miscadmin.h"
#include "utils/guc.h"

/* The port the JVM's agent was started with; 0 without one. Read in a signal handler. */
static volatile sig_atomic_t agent_port = 0;

/* Rejects pgj.debug_port where the server's configuration does not allow debugging. */
bool
pgj_check_debug_port(int *newval, void **extra, GucSource source)
{
	if (*newval != 0 && !pgj_debug_allowed)
	{
		GUC_check_errcode(ERRCODE_INSUFFICIENT_PRIVILEGE);
		GUC_check_errmsg("Java debugging is not allowed on this server");
		GUC_check_errdetail("pgj.debug_allowed is off.");
		GUC_check_errhint("A superuser allows it with pgj.debug_allowed = on in the server's configuration (pgj's dev servers have it on); whoever reaches the port can run any code as the server.");
		return false;
	}
	return true;
}

/* The JDWP agent's option for the JVM about to start, or NULL when this session has no debugger. */
const char *
pgj_debug_agent_option(void)
{
	static char option[128];

	if (pgj_debug_port == 0 || !pgj_debug_allowed)
		return NULL;
	snprintf(option, sizeof(option),
			 "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,quiet=y,address=127.0.0.1:%d", pgj_debug_port);
	agent_port = pgj_debug_port;
	return option;
}

/*
 * Whether pgj.debug_port is free on localhost. JDWP exits the process when it cannot listen,
 * which the postmaster takes for a crash, so the start checks first and fails with an ERROR.
 */
bool
pgj_debug_port_free(void)
{
	struct sockaddr_in address;
	int			one = 1;
	int			fd = socket(AF_INET, SOCK_STREAM, 0);
	bool		free;

	if (fd < 0)
		return false;
	memset(&address, 0, sizeof(address));
	address.sin_family = AF_INET;
	address.sin_port = htons((uint16) pgj_debug_port);
	address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	free = bind(fd, (struct sockaddr *) &address, sizeof(address)) == 0;
	close(fd);
	return free;
}

/* Whether the JVM started with the JDWP agent. */
bool
pgj_debugger_agent_loaded(void)
{
	return agent_port != 0;
}

/* After the JVM started: tells the session where its debugger attaches. */
void
pgj_report_debug_agent(void)
{
	if (agent_port != 0)
		ereport(NOTICE,
				(errmsg("this session's JVM (backend %d) listens for a Java debugger on localhost:%d",
						MyProcPid, (int) agent_port),
				 errhint("Attach with jdb -attach localhost:%d, or your IDE's remote JVM debug; set breakpoints, then call the function.",
						 (int) agent_port)));
}

/*
 * From the termination signal's handler: closes the debugger's connection, if one is attached,
 * so that JDWP resumes the threads a breakpoint stopped. Async-signal-safe.
 */
void
pgj_release_debugger(void)
{
	int			save_errno = errno;

	if (agent_port == 0)
		return;
	for (int fd = 0; fd < 4096; fd++)
	{
		struct sockaddr_in local;
		struct sockaddr_in peer;
		socklen_t	length = sizeof(local);
		socklen_t	peer_length = sizeof(peer);

		/* The connection, not the listening socket: JDWP listens again after the reset. */
		if (getsockname(fd, (struct sockaddr *) &local, &length) == 0 && local.sin_family == AF_INET
			&& ntohs(local.sin_port) == agent_port
			&& getpeername(fd, (struct sockaddr *) &peer, &peer_length) == 0)
			shutdown(fd, SHUT_RDWR);
	}
	errno = save_errno;
}
