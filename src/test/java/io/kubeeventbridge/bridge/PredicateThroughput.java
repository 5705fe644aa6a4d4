package io.kubeeventbridge.bridge;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.bench.ProcessCpu;
import io.kubeeventbridge.bench.Rounds;
import io.kubeeventbridge.bench.Workload;
import io.kubeeventbridge.event.EventNormaliser;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.metrics.EventMetrics;
import io.kubeeventbridge.predicate.ChangePredicate;
import io.kubeeventbridge.predicate.PointerPattern;
import io.kubeeventbridge.publish.BridgePath;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cost of change predicates: the same {@link ChangeHandler} and publishing path with {@code ignore-changes:
 * [/status]} and {@code changed-paths: true}, and without them, on updates that change the spec and the status of
 * each pod in turn. With the predicates, half the updates are compared and filtered and the other half compared,
 * published with their changed paths; without, every update is published. Both in the same JVM, on the same broker,
 * with the same states; updates handled per second, until Kafka acknowledged every event. Each turn (one update of
 * every pod) is acknowledged before the next begins, as updates of one object come spaced out: so no update merges
 * with the next in the queue, and each bridge sends what it decided to.
 */
public final class PredicateThroughput {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);
    private static final ChangePredicate PREDICATES =
            new ChangePredicate(EnumSet.allOf(Operation.class), List.of(PointerPattern.parse("/status")), true);
    private static final JsonMapper JSON = JsonMapper.shared();

    /** Medians over the measured rounds, in updates per second. */
    public record Result(double withPredicates, double without, int updates) {}

    /** One update as the informer hands it over: the new state, decoded and encoded, and the state before. */
    private record Update(GenericKubernetesResource object, byte[] json, byte[] previous) {}

    private PredicateThroughput() {}

    public static Result measure(String bootstrapServers, int pods, int updatesPerPod, int warmUps, int rounds)
            throws InterruptedException {
        List<List<Update>> turns = turns(pods, updatesPerPod);
        EventMetrics metrics = new EventMetrics(new SimpleMeterRegistry());
        try (BridgePath path = BridgePath.plain(bootstrapServers)) {
            ChangeHandler plain = handler(ChangePredicate.EVERYTHING, path, metrics);
            ChangeHandler filtering = handler(PREDICATES, path, metrics);
            Rounds.Medians medians = Rounds.alternate(
                    "predicates",
                    "updates/s",
                    warmUps,
                    rounds,
                    new Rounds.Contender("with", () -> round("with", filtering, path, turns)),
                    new Rounds.Contender("without", () -> round("without", plain, path, turns)));
            return new Result(medians.value(), medians.baseline(), pods * updatesPerPod);
        }
    }

    private static ChangeHandler handler(ChangePredicate predicate, BridgePath path, EventMetrics metrics) {
        ChangeHandler handler = new ChangeHandler(
                PODS,
                "k8s.core.pod",
                List::of,
                predicate,
                new EventNormaliser("bench"),
                path.publisher(),
                metrics,
                Clock.systemUTC());
        handler.startTerm(Map.of());
        return handler;
    }

    /**
     * Updates/s: hand each turn's updates to the handler on one thread, as an informer does, and wait for Kafka. Prints
     * the JVM's CPU time per update too, which the machine's other load moves less than the wall time.
     */
    private static double round(String name, ChangeHandler handler, BridgePath path, List<List<Update>> turns)
            throws InterruptedException {
        int updates = 0;
        long cpuStart = ProcessCpu.nanos();
        long start = System.nanoTime();
        for (List<Update> turn : turns) {
            for (Update update : turn) {
                handler.onUpdate(update.object(), update.json(), update::previous);
            }
            path.drain();
            updates += turn.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "predicates round, %s: %.1f µs of CPU per update in the JVM (broker included)%n",
                name, (ProcessCpu.nanos() - cpuStart) / 1e3 / updates);
        return updates / seconds;
    }

    /** One update of every pod per turn: odd turns change the spec, even ones the status. */
    private static List<List<Update>> turns(int pods, int updatesPerPod) {
        Workload workload = new Workload(7);
        List<ObjectNode> states = new ArrayList<>(pods);
        List<byte[]> previous = new ArrayList<>(pods);
        for (int index = 0; index < pods; index++) {
            byte[] json = workload.nextJson(index, 100, false);
            states.add((ObjectNode) JSON.readTree(json));
            previous.add(json);
        }
        List<List<Update>> turns = new ArrayList<>(updatesPerPod);
        int resourceVersion = 1_000_000;
        for (int turn = 1; turn <= updatesPerPod; turn++) {
            List<Update> updates = new ArrayList<>(pods);
            for (int index = 0; index < pods; index++) {
                ObjectNode state = states.get(index);
                if (turn % 2 == 1) {
                    ObjectNode container =
                            (ObjectNode) state.get("spec").get("containers").get(0);
                    container.put("image", "registry.example.com/pod:2." + turn);
                } else {
                    ((ObjectNode) state.get("status")).put("podIP", "10.245." + (turn % 256) + "." + (index % 256));
                }
                ((ObjectNode) state.get("metadata")).put("resourceVersion", Integer.toString(resourceVersion++));
                byte[] json = JSON.writeValueAsBytes(state);
                updates.add(new Update(Workload.decode(json), json, previous.get(index)));
                previous.set(index, json);
            }
            turns.add(updates);
        }
        return turns;
    }
}
