package io.kubeeventbridge.config;

import io.kubeeventbridge.event.ResourceType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Expands {@code bridge.kafka.topic-template} for a resource type, and knows what Kafka accepts as a topic. */
public final class TopicTemplate {

    static final String DEFAULT = "k8s.{group}.{kind}";
    static final String LEGAL_TOPIC = "[a-zA-Z0-9._-]+";
    static final int MAX_TOPIC_LENGTH = 249;
    static final String LEGAL_TOPIC_RULE =
            "must be a Kafka topic name: 1 to 249 characters from a-z, A-Z, 0-9, '.', '_' and '-'";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Set<String> PLACEHOLDERS = Set.of("group", "version", "kind", "resource");
    // A long real-world group and kind: if the template yields a legal topic for them, it does for any type.
    private static final ResourceType LONGEST_LIKELY_TYPE = new ResourceType(
            "networking.internal.knative.dev", "v1alpha1", "serverlessservices", "ServerlessService", true);

    private TopicTemplate() {}

    /** The topic of {@code type}'s events under {@code template}. */
    public static String expand(String template, ResourceType type) {
        Map<String, String> values = Map.of(
                "group", type.groupName(),
                "version", type.version(),
                "kind", type.lowerCaseKind(),
                "resource", type.plural());
        return PLACEHOLDER.matcher(template).replaceAll(match -> Matcher.quoteReplacement(values.get(match.group(1))));
    }

    /** Why {@code template} cannot name Kafka topics, if it cannot. */
    static Optional<String> problem(String template) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        while (placeholders.find()) {
            if (!PLACEHOLDERS.contains(placeholders.group(1))) {
                return Optional.of("has the unknown placeholder " + placeholders.group()
                        + "; use {group}, {version}, {kind} or {resource}");
            }
        }
        String example = expand(template, LONGEST_LIKELY_TYPE);
        return isLegalTopic(example)
                ? Optional.empty()
                : Optional.of("yields the topic \"" + example + "\" for " + LONGEST_LIKELY_TYPE + ", which "
                        + LEGAL_TOPIC_RULE);
    }

    static boolean isLegalTopic(String topic) {
        return topic.length() <= MAX_TOPIC_LENGTH
                && topic.matches(LEGAL_TOPIC)
                && !topic.equals(".")
                && !topic.equals("..");
    }
}
