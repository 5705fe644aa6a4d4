package io.kubeeventbridge.config;

import io.kubeeventbridge.config.PayloadSettings.SecretValues;
import io.kubeeventbridge.payload.DropPath;
import io.kubeeventbridge.payload.SecretHashKey;
import io.kubeeventbridge.predicate.PointerPattern;
import io.kubeeventbridge.selector.FieldSelector;
import io.kubeeventbridge.selector.LabelSelector;
import io.kubeeventbridge.selector.SelectorSyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The checks of {@link BridgeProperties} that need more than one field or a parser. Single-field syntax is checked
 * by the jakarta constraints on the records; Spring Boot reports both the same way, naming the property.
 */
final class BridgePropertiesValidator implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return BridgeProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        BridgeProperties properties = (BridgeProperties) target;
        List<ResourceProperties> resources = properties.resources();
        Map<String, Integer> firstIndexByIdentity = new HashMap<>();
        for (int index = 0; index < resources.size(); index++) {
            String path = "resources[" + index + "]";
            ResourceProperties resource = resources.get(index);
            if (resource.isGroupEntry()) {
                checkGroupEntry(resource, path, errors);
            } else if ("*".equals(resource.resource())) {
                errors.rejectValue(
                        path + ".resource",
                        "groupEntry",
                        "\"*\" watches every resource of a named group: write api-version as \"group/*\", such as \""
                                + (resource.group().isEmpty() ? "apps" : resource.group()) + "/*\"");
            } else if (resource.resource() == null && resource.kind() == null) {
                errors.rejectValue(
                        path,
                        "resourceOrKind",
                        "names nothing to watch; set resource (the plural, such as \"pods\") or kind (such as \"Pod\")");
                continue;
            }
            checkSyntax(resource.labelSelector(), LabelSelector::parse, path + ".labelSelector", errors);
            checkNamespacesUnique(resource.namespaces(), path + ".namespaces", errors);
            checkSyntax(resource.fieldSelector(), FieldSelector::parse, path + ".fieldSelector", errors);
            checkPointers(resource.dropPaths(), DropPath::parse, path + ".dropPaths", errors);
            checkPointers(resource.ignoreChanges(), PointerPattern::parse, path + ".ignoreChanges", errors);
            Integer first = firstIndexByIdentity.putIfAbsent(identity(resource), index);
            if (first != null) {
                errors.rejectValue(
                        path,
                        "duplicate",
                        "watches " + resource.displayName() + " again (already resources[" + first + "]); "
                                + "merge the two entries, listing every namespace under namespaces");
            }
        }
        TopicTemplate.problem(properties.kafka().topicTemplate())
                .ifPresent(problem -> errors.rejectValue("kafka.topicTemplate", "topicTemplate", problem));
        requirePositive(
                properties.informer().discoveryRetryInterval(), "informer.discoveryRetryInterval", "5s", errors);
        requirePositive(properties.informer().discoveryTimeout(), "informer.discoveryTimeout", "30s", errors);
        String checkpointTopic = properties.kafka().checkpointTopic().replace("{cluster}", properties.clusterName());
        if (!TopicTemplate.isLegalTopic(checkpointTopic)) {
            errors.rejectValue(
                    "kafka.checkpointTopic",
                    "topic",
                    "yields \"" + checkpointTopic + "\", which " + TopicTemplate.LEGAL_TOPIC_RULE);
        }
        requirePositive(properties.kafka().drainTimeout(), "kafka.drainTimeout", "20s", errors);
        requirePositive(properties.kafka().unhealthyAfter(), "kafka.unhealthyAfter", "1m", errors);
        requirePositive(properties.query().decisionCacheTtl(), "query.decisionCacheTtl", "10s", errors);
        requirePositive(properties.query().watchWindow().age(), "query.watchWindow.age", "5m", errors);
        requirePositive(properties.query().watchBookmarkInterval(), "query.watchBookmarkInterval", "60s", errors);
        requirePositive(properties.query().watchTimeout(), "query.watchTimeout", "30m", errors);
        if (properties.informer().resyncPeriod().isNegative()) {
            errors.rejectValue("informer.resyncPeriod", "notNegative", "must be 0s (no resyncs) or positive");
        }
        checkPointers(properties.payload().dropPaths(), DropPath::parse, "payload.dropPaths", errors);
        checkElectionTiming(properties.leaderElection(), errors);
        requirePositive(properties.kafka().transactionInterval(), "kafka.transactionInterval", "100ms", errors);
        if (properties.leaderElection().enabled()
                && Boolean.FALSE.equals(properties.kafka().transactional())) {
            errors.rejectValue(
                    "kafka.transactional",
                    "fencing",
                    "must be true with leader election: only a transactional producer fences a paused former leader,"
                            + " whose late sends would otherwise reach Kafka");
        }
        checkHashKey(properties.payload(), errors);
    }

    // fabric8's LeaderElector would reject these only when it starts, with an exception of its own.
    private static void checkElectionTiming(LeaderElectionSettings election, Errors errors) {
        requirePositive(election.retryPeriod(), "leaderElection.retryPeriod", "2s", errors);
        if (election.leaseDuration().compareTo(election.renewDeadline()) <= 0) {
            errors.rejectValue(
                    "leaderElection.leaseDuration",
                    "timing",
                    "must be longer than renew-deadline (" + election.renewDeadline() + "), so a leader stops "
                            + "before another may take over; such as 15s with renew-deadline 10s");
        }
        Duration minimumRenew = election.retryPeriod().multipliedBy(22).dividedBy(10);
        if (election.renewDeadline().compareTo(minimumRenew) <= 0) {
            errors.rejectValue(
                    "leaderElection.renewDeadline",
                    "timing",
                    "must be longer than 2.2 x retry-period (" + minimumRenew + "), so a renewal can be retried "
                            + "with jitter before the deadline; such as 10s with retry-period 2s");
        }
    }

    /** Each of {@code pointers} as {@code parser} reads it, rejected with the parser's message where it fails. */
    private static void checkPointers(List<String> pointers, Consumer<String> parser, String path, Errors errors) {
        for (int index = 0; index < pointers.size(); index++) {
            try {
                parser.accept(pointers.get(index));
            } catch (IllegalArgumentException e) {
                errors.rejectValue(path + "[" + index + "]", "pointer", e.getMessage());
            }
        }
    }

    // Read at startup, so a missing or short key stops the bridge before it publishes anything. Never quoted.
    private static void checkHashKey(PayloadSettings payload, Errors errors) {
        if (payload.secretValues() != SecretValues.HASH) {
            return;
        }
        try {
            SecretHashKey.read(payload.secretHashKeyFile());
        } catch (IllegalArgumentException e) {
            errors.rejectValue("payload.secretHashKeyFile", "hashKey", e.getMessage());
        }
    }

    private static void requirePositive(Duration duration, String path, String example, Errors errors) {
        if (duration.isNegative() || duration.isZero()) {
            errors.rejectValue(path, "positive", "must be positive, such as " + example);
        }
    }

    // One informer per namespace: a namespace listed twice would publish every event twice.
    private static void checkNamespacesUnique(List<String> namespaces, String path, Errors errors) {
        Set<String> seen = new HashSet<>();
        namespaces.stream()
                .filter(namespace -> !seen.add(namespace))
                .findFirst()
                .ifPresent(namespace -> errors.rejectValue(
                        path, "unique", "lists namespace \"" + namespace + "\" twice; list each namespace once"));
    }

    private static void checkSyntax(String selector, Consumer<String> parser, String path, Errors errors) {
        if (selector == null) {
            return;
        }
        try {
            parser.accept(selector);
        } catch (SelectorSyntaxException e) {
            errors.rejectValue(path, "selector", e.getMessage());
        }
    }

    private static void checkGroupEntry(ResourceProperties entry, String path, Errors errors) {
        String watchOne = "a group entry (api-version \"" + entry.apiVersion() + "\") watches every resource of its "
                + "group; leave it out, or give a version instead of \"*\" to watch one resource";
        if (entry.resource() != null && !entry.resource().equals("*")) {
            errors.rejectValue(path + ".resource", "groupEntry", watchOne);
        }
        if (entry.kind() != null) {
            errors.rejectValue(path + ".kind", "groupEntry", watchOne);
        }
        if (entry.topic() != null) {
            errors.rejectValue(
                    path + ".topic",
                    "groupEntry",
                    "cannot be set on a group entry: objects of different kinds would share keys in one topic, and "
                            + "compaction would keep only one of them; each resource gets its topic from "
                            + "bridge.kafka.topic-template");
        }
    }

    // Entries naming one by plural and one by kind are caught after discovery, when both resolve to one type.
    private static String identity(ResourceProperties resource) {
        if (resource.isGroupEntry()) {
            return resource.apiVersion();
        }
        String name = resource.resource() != null ? resource.resource() : resource.kind();
        return resource.apiVersion() + "|" + name.toLowerCase(Locale.ROOT);
    }
}
