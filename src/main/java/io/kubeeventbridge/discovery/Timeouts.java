package io.kubeeventbridge.discovery;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Durations in messages, as they are written in application.yaml: {@code 30s}, {@code 0.5s}, {@code 1m}. */
public final class Timeouts {

    private Timeouts() {}

    public static String describe(Duration duration) {
        return duration.truncatedTo(ChronoUnit.MILLIS).toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
