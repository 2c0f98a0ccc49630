package org.pgj.examples.bgworker;

import java.time.Duration;
import org.pgj.Pg;
import org.pgj.bgworker.BackgroundWorker;
import org.pgj.bgworker.BackgroundWorkerBuilder;
import org.pgj.bgworker.SignalWakeFlags;
import org.pgj.bgworker.StaticBackgroundWorker;
import org.pgj.bgworker.StaticWorkerRegistration;
import org.pgj.guc.Gucs;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.spi.SpiRow;

/** pgx's bgworker example in Java: a static worker that queries through SPI every naptime. */
public final class HelloWorker {
    private HelloWorker() {
    }

    /** Runs once per server start, before either instance of {@link #counted}. */
    public static void initShared() {
        Pg.log("bgworker: shared-memory start-up ran in " + BackgroundWorker.getName());
    }

    /** Two instances that share a start-up callback: only one of them runs it. */
    @StaticBackgroundWorker(name = "pgj counted worker %d", type = "pgj counted worker", instances = 2,
            shmemStartup = "initShared")
    public static void counted(int argument) {
        Pg.log("bgworker: " + BackgroundWorker.getName() + " runs after the start-up");
        while (BackgroundWorker.waitLatch(null)) {
            // waits for the shutdown
        }
    }

    /** The same worker once more, declared with the builder as in pgx's _PG_init. */
    @StaticWorkerRegistration
    public static void registerWorkers() {
        new BackgroundWorkerBuilder("Background Worker Example (builder)")
                .type("pgj builder example")
                .entryPoint(HelloWorker::main)
                .enableSpiAccess()
                .argument(7)
                .extra("Hello from load()")
                .load();
    }

    @StaticBackgroundWorker(name = "Background Worker Example", argument = 42, spiAccess = true,
            extra = "Hello from the manifest")
    public static void main(int argument) {
        BgworkerSettings settings = Gucs.of(BgworkerSettings.class);
        BackgroundWorker.attachSignalHandlers(SignalWakeFlags.SIGHUP, SignalWakeFlags.SIGTERM);
        BackgroundWorker.connectWorkerToSpi(settings.database(), null);
        Pg.log("Hello from inside the " + BackgroundWorker.getName() + " BGWorker!  Argument value=" + argument
                + ", extra=" + BackgroundWorker.getExtra());
        while (BackgroundWorker.waitLatch(Duration.ofSeconds(settings.naptime()))) {
            if (BackgroundWorker.sighupReceived()) {
                Pg.log("bgworker: configuration reloaded, naptime is " + settings.naptime() + " s");
            }
            BackgroundWorker.transaction(() -> {
                try (SpiConnection spi = Spi.connect()) {
                    for (SpiRow row : spi.select("SELECT 'Hi', id, ''||a FROM (SELECT id, 42 FROM generate_series(1,10) id) a")) {
                        Pg.log("from bgworker: (" + row.getString(1) + ", " + row.getInt(2) + ", " + row.getString(3) + ")");
                    }
                }
            });
        }
        Pg.log("Goodbye from inside the " + BackgroundWorker.getName() + " BGWorker!");
    }
}
