package io.kubeeventbridge.bench;

/**
 * A case measured against its baseline in alternating rounds in one JVM, after rounds of each to warm up (JIT,
 * metadata, buffers): both see the same machine load, and a disturbance in one round moves one sample of each, not
 * the median. Each round starts after a full collection, so that no round collects the garbage of the one before it
 * (the other side's, or its own).
 */
public final class Rounds {

    /** One round, returning its figure. */
    @FunctionalInterface
    public interface Round {
        double run() throws InterruptedException;
    }

    /** One side of a case: its name in the log, and its round. */
    public record Contender(String name, Round round) {}

    /** The medians over the measured rounds. */
    public record Medians(double value, double baseline) {}

    private Rounds() {}

    /** Runs one round of each to warm up, then {@code rounds} of each: see {@link #alternate(String, String, int, int, Contender, Contender)}. */
    public static Medians alternate(String label, String unit, int rounds, Contender value, Contender baseline)
            throws InterruptedException {
        return alternate(label, unit, 1, rounds, value, baseline);
    }

    /**
     * Runs {@code warmUpRounds} rounds of each, then {@code rounds} rounds of each, the baseline first in each, and
     * prints every measured round's figures.
     */
    public static Medians alternate(
            String label, String unit, int warmUpRounds, int rounds, Contender value, Contender baseline)
            throws InterruptedException {
        for (int round = 0; round < warmUpRounds; round++) {
            run(baseline);
            run(value);
        }
        double[] values = new double[rounds];
        double[] baselines = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            baselines[round] = run(baseline);
            values[round] = run(value);
            System.out.printf(
                    "%s round %d: %s %.0f %s, %s %.0f %s%n",
                    label, round + 1, value.name(), values[round], unit, baseline.name(), baselines[round], unit);
        }
        return new Medians(new Samples(values).median(), new Samples(baselines).median());
    }

    private static double run(Contender contender) throws InterruptedException {
        System.gc();
        return contender.round().run();
    }
}
