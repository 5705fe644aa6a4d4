package io.kubeeventbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of one benchmark run: every case the issue names, each either measured (value, and the baseline
 * measured in the same run) or explicitly not measured. Printed as a table and written to
 * {@code target/bench/summary.json}.
 */
public final class BenchSummary {

    /** Whether a smaller or a larger ratio is better, and the bound the ratio must meet; or no bound at all. */
    public enum Goal {
        AT_LEAST(">="),
        AT_MOST("<="),
        /** Reported for information, such as the distance to a limit: never met or missed. */
        NONE("");

        private final String symbol;

        Goal(String symbol) {
            this.symbol = symbol;
        }
    }

    /**
     * One case; {@code value} and {@code baseline} are null when it was not measured, {@code target} when the goal is
     * {@link Goal#NONE}.
     */
    public record Entry(String name, String unit, Double value, Double baseline, Goal goal, Double target) {

        Double ratio() {
            return value == null || baseline == null ? null : value / baseline;
        }

        Boolean met() {
            Double ratio = ratio();
            if (ratio == null || goal == Goal.NONE) {
                return null;
            }
            return goal == Goal.AT_LEAST ? ratio >= target : ratio <= target;
        }

        /** {@code >= 1.1}, or null without a target. */
        String targetText() {
            return goal == Goal.NONE ? null : goal.symbol + " " + target;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** Declares a case, not measured until {@link #measured} fills it in. */
    public void declare(String name, String unit, Goal goal, double target) {
        entries.put(name, new Entry(name, unit, null, null, goal, target));
    }

    /** Declares a case reported without a target, such as the distance to a limit. */
    public void declareWithoutTarget(String name, String unit) {
        entries.put(name, new Entry(name, unit, null, null, Goal.NONE, null));
    }

    public void measured(String name, double value, double baseline) {
        Entry declared = entries.get(name);
        if (declared == null) {
            throw new IllegalArgumentException("undeclared case " + name);
        }
        entries.put(name, new Entry(name, declared.unit(), value, baseline, declared.goal(), declared.target()));
    }

    public String table() {
        StringBuilder table = new StringBuilder(String.format(
                "%n%-26s %-16s %14s %14s %8s %8s %5s%n",
                "case", "unit", "value", "baseline", "ratio", "target", "met"));
        for (Entry entry : entries.values()) {
            if (entry.ratio() == null) {
                table.append(String.format(
                        "%-26s %-16s %14s %14s %8s %8s %5s%n",
                        entry.name(), entry.unit(), "not measured", "-", "-", orDash(entry.targetText()), "-"));
            } else {
                table.append(String.format(
                        "%-26s %-16s %14.3f %14.3f %8.3f %8s %5s%n",
                        entry.name(),
                        entry.unit(),
                        entry.value(),
                        entry.baseline(),
                        entry.ratio(),
                        orDash(entry.targetText()),
                        entry.met() == null ? "-" : entry.met() ? "yes" : "NO"));
            }
        }
        return table.toString();
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }

    public void write(Path file) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (Entry entry : entries.values()) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("case", entry.name());
            object.put("unit", entry.unit());
            object.put("value", entry.value());
            object.put("baseline", entry.baseline());
            object.put("ratio", entry.ratio());
            object.put("target", entry.targetText());
            object.put("met", entry.met());
            json.add(object);
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    JsonMapper.builder()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .build()
                            .writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
