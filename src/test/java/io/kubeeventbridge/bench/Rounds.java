package io.kubeeventbridge.bench;

/**
 * A case measured against its baseline in alternating rounds in one JVM, after one round of each to warm up (JIT,
 * metadata, buffers): both see the same machine load, and a disturbance in one round moves one sample of each, not
 * the median.
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

    /** Runs {@code rounds} rounds of each, the baseline first in each, and prints every round's figures. */
    public static Medians alternate(String label, String unit, int rounds, Contender value, Contender baseline)
            throws InterruptedException {
        return alternate(label, unit, 1, rounds, value, baseline);
    }

    /** The same after {@code warmUps} rounds of each: for rounds too short for one to warm up the JIT. */
    public static Medians alternate(
            String label, String unit, int warmUps, int rounds, Contender value, Contender baseline)
            throws InterruptedException {
        for (int round = 0; round < warmUps; round++) {
            baseline.round().run();
            value.round().run();
        }
        double[] values = new double[rounds];
        double[] baselines = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            baselines[round] = baseline.round().run();
            values[round] = value.round().run();
            System.out.printf(
                    "%s round %d: %s %.0f %s, %s %.0f %s%n",
                    label, round + 1, value.name(), values[round], unit, baseline.name(), baselines[round], unit);
        }
        return new Medians(new Samples(values).median(), new Samples(baselines).median());
    }
}
