package io.kubeeventbridge.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many recent changes of each watched resource the bridge keeps for watches of the query API, whichever bound is
 * reached first. A watch can resume from any resourceVersion inside the window; one from before it is answered 410
 * Expired, and the client lists again. The window holds every state it names, so its memory is about {@code changes}
 * times the average object size for each busy resource.
 *
 * @param changes at most this many changes per resource
 * @param age changes older than this are forgotten
 */
public record WatchWindow(
        @DefaultValue("10000") @Positive int changes,
        @DefaultValue("5m") @NotNull Duration age) {}
