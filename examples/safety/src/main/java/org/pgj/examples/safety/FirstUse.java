package org.pgj.examples.safety;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HexFormat;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pgj.functions.PgFunction;

/**
 * Work that a new session does for the first time: most of its time goes into the class
 * initializers of the JDK (locale data, time zones, security providers, logging, BigInteger's
 * recursive algorithms). A cancel that lands in one of them would leave that JDK class broken for
 * the rest of the session, so the same call made again must still give the same answer.
 */
public final class FirstUse {
    private FirstUse() {
    }

    @PgFunction
    public static String firstUseOfTheJdk() throws NoSuchAlgorithmException {
        String date = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL)
                .withLocale(Locale.FRANCE)
                .format(ZonedDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneId.of("Europe/Paris")));
        String number = String.format(Locale.GERMANY, "%,.2f", 1234567.891);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(date.getBytes()));
        boolean fine = Logger.getLogger("org.pgj.examples.safety").isLoggable(Level.FINE);
        int bits = BigInteger.valueOf(7).pow(20_000).toString().length();
        return String.join("|", date, number, digest.substring(0, 16), String.valueOf(fine), String.valueOf(bits));
    }
}
