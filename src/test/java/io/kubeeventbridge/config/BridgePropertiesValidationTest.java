package io.kubeeventbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/** Each configuration mistake stops startup with one message naming the property and the fix. */
class BridgePropertiesValidationTest {

    private static final String VALID_ENTRY = "bridge.resources[0].api-version=v1";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BridgeProperties.class)
    @Import(ConfigurationValidation.class)
    static class PropertiesOnly {}

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(
                        new String[] {"bridge.resources[0].api-version=apps", "bridge.resources[0].resource=pods"},
                        "bridge.resources[0].api-version",
                        "is not an API version; use \"v1\" for the core group, \"group/version\" such as"),
                Arguments.of(
                        new String[] {"bridge.resources[0].api-version=apps/v1"},
                        "bridge.resources[0]",
                        "names nothing to watch; set resource (the plural, such as \"pods\") or kind"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY,
                            "bridge.resources[0].resource=pods",
                            "bridge.resources[0].label-selector=app in (web"
                        },
                        "bridge.resources[0].label-selector",
                        "Reason: unexpected end of input at position 11 in \"app in (web\"; expected \",\" or \")\""),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY,
                            "bridge.resources[0].resource=pods",
                            "bridge.resources[0].field-selector=status.phase"
                        },
                        "bridge.resources[0].field-selector",
                        "Reason: term \"status.phase\" at position 0 in \"status.phase\" has no operator"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY,
                            "bridge.resources[0].resource=pods",
                            "bridge.resources[0].namespaces=shop,web,shop"
                        },
                        "bridge.resources[0].namespaces",
                        "Reason: lists namespace \"shop\" twice; list each namespace once"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY,
                            "bridge.resources[0].resource=pods",
                            "bridge.informer.discovery-retry-interval=0s"
                        },
                        "bridge.informer.discovery-retry-interval",
                        "Reason: must be positive, such as 5s"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY, "bridge.resources[0].resource=pods", "bridge.informer.discovery-timeout=0s"
                        },
                        "bridge.informer.discovery-timeout",
                        "Reason: must be positive, such as 30s"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY, "bridge.resources[0].resource=pods", "bridge.informer.list-page-size=-1"
                        },
                        "bridge.informer.list-page-size",
                        "Reason: must be a number of objects per list request, such as 1000, or 0 to list in one"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY,
                            "bridge.resources[0].resource=pods",
                            "bridge.resources[1].api-version=v1",
                            "bridge.resources[1].resource=pods"
                        },
                        "bridge.resources[1]",
                        "watches v1/pods again (already resources[0]); merge the two entries"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY,
                            "bridge.resources[0].resource=pods",
                            "bridge.kafka.topic-template=k8s/{group}/{kind}"
                        },
                        "bridge.kafka.topic-template",
                        "yields the topic \"k8s/networking.internal.knative.dev/serverlessservice\""),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY,
                            "bridge.resources[0].resource=pods",
                            "bridge.kafka.topic-template=k8s.{namespace}"
                        },
                        "bridge.kafka.topic-template",
                        "has the unknown placeholder {namespace}; use {group}, {version}, {kind} or {resource}"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY, "bridge.resources[0].resource=pods", "bridge.resources[0].topic=pods and more"
                        },
                        "bridge.resources[0].topic",
                        "must be a Kafka topic name"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY, "bridge.resources[0].resource=pods", "bridge.payload.drop-paths=status"
                        },
                        "bridge.payload.drop-paths[0]",
                        "Reason: is not a JSON pointer; start it with '/'"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY,
                            "bridge.resources[0].resource=pods",
                            "bridge.resources[0].drop-paths=/metadata/uid"
                        },
                        "bridge.resources[0].drop-paths[0]",
                        "Reason: would drop /metadata/uid, which identifies the object"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY,
                            "bridge.resources[0].resource=pods",
                            "bridge.resources[0].ignore-changes=/status,status.phase"
                        },
                        "bridge.resources[0].ignore-changes[1]",
                        "Reason: is not a JSON pointer; start it with '/', such as /status"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY, "bridge.resources[0].resource=pods", "bridge.resources[0].ignore-changes=/a/~2"
                        },
                        "bridge.resources[0].ignore-changes[0]",
                        "Reason: has '~' not followed by 0 or 1 in \"/a/~2\"; write ~0 for '~' and ~1 for '/'"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY,
                            "bridge.resources[0].resource=pods",
                            "bridge.resources[0].operations=created,changed"
                        },
                        "bridge.resources[0].operations[1]",
                        "Reason: is not an operation; use snapshot, created, updated or deleted"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY, "bridge.resources[0].resource=pods", "bridge.resources[0].operations="
                        },
                        "bridge.resources[0].operations",
                        "Reason: is empty, so nothing would be published; list some of snapshot, created, updated"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY, "bridge.resources[0].resource=pods", "bridge.payload.secret-values=hash"
                        },
                        "bridge.payload.secret-hash-key-file",
                        "Reason: is required when secret-values is hash"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY,
                            "bridge.resources[0].resource=pods",
                            "bridge.payload.secret-values=hash",
                            "bridge.payload.secret-hash-key-file=/nonexistent/hash-key"
                        },
                        "bridge.payload.secret-hash-key-file",
                        "Reason: cannot be read (NoSuchFileException); mount the key file there"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY, "bridge.resources[0].resource=pods", "bridge.payload.redact-kinds=Secret"
                        },
                        "bridge.payload.redact-kinds[0]",
                        "must be group/version/Kind, such as \"evil.example.com/v1/Secret\""),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY,
                            "bridge.resources[0].resource=pods",
                            "bridge.leader-election.lease-duration=10s"
                        },
                        "bridge.leader-election.lease-duration",
                        "must be longer than renew-deadline (PT10S)"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY, "bridge.resources[0].resource=pods", "bridge.leader-election.retry-period=5s"
                        },
                        "bridge.leader-election.renew-deadline",
                        "must be longer than 2.2 x retry-period (PT11S)"),
                Arguments.of(
                        new String[] {
                            VALID_ENTRY,
                            "bridge.resources[0].resource=pods",
                            "bridge.leader-election.lease-name=Bridge_1"
                        },
                        "bridge.leader-election.lease-name",
                        "must be a Kubernetes object name"),
                Arguments.of(new String[] {"bridge.cluster-name=x"}, "bridge.resources", "lists no resource to watch"),
                Arguments.of(
                        new String[] {"bridge.resources[0].api-version=example.com/*", "bridge.resources[0].kind=Widget"
                        },
                        "bridge.resources[0].kind",
                        "a group entry (api-version \"example.com/*\") watches every resource of its group; leave it "
                                + "out, or give a version instead of \"*\" to watch one resource"),
                Arguments.of(
                        new String[] {
                            "bridge.resources[0].api-version=example.com/*", "bridge.resources[0].resource=widgets"
                        },
                        "bridge.resources[0].resource",
                        "a group entry (api-version \"example.com/*\") watches every resource of its group"),
                Arguments.of(
                        new String[] {"bridge.resources[0].api-version=example.com/*", "bridge.resources[0].topic=all"},
                        "bridge.resources[0].topic",
                        "cannot be set on a group entry: objects of different kinds would share keys in one topic"),
                Arguments.of(
                        new String[] {"bridge.resources[0].api-version=example.com/v1", "bridge.resources[0].resource=*"
                        },
                        "bridge.resources[0].resource",
                        "\"*\" watches every resource of a named group: write api-version as \"group/*\", such as "
                                + "\"example.com/*\""),
                Arguments.of(
                        new String[] {
                            "bridge.resources[0].api-version=example.com/*",
                            "bridge.resources[1].api-version=example.com/*",
                            "bridge.resources[1].resource=*"
                        },
                        "bridge.resources[1]",
                        "watches example.com/* again (already resources[0])"),
                Arguments.of(
                        new String[] {"bridge.resources[0].api-version=*", "bridge.resources[0].resource=pods"},
                        "bridge.resources[0].api-version",
                        "or \"group/*\" for every resource of a group"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mistakes")
    void mistakeStopsStartupNamingPropertyAndFix(String[] properties, String property, String message) {
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            String description = analyse(context.getStartupFailure()).getDescription();
            assertThat(description).contains("Property: " + property).contains(message);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bridge.query.auht=kubernetes,                 bridge.query.auht,                 did you mean bridge.query.auth?",
        "bridge.resources[0].label-selektor=app=web,   bridge.resources[0].label-selektor, did you mean bridge.resources[0].label-selector?",
        "bridge.kafka.changed-path=true,               bridge.kafka.changed-path,          did you mean bridge.kafka.changed-paths?",
        "bridge.resources[0].ignore-change=/status,    bridge.resources[0].ignore-change,  did you mean bridge.resources[0].ignore-changes?",
    })
    void unknownKeyStopsStartupNamingTheKeyMeant(String setting, String property, String hint) {
        runner.withPropertyValues(VALID_ENTRY, "bridge.resources[0].resource=pods", setting)
                .run(context -> {
                    assertThat(context).hasFailed();
                    String description = analyse(context.getStartupFailure()).getDescription();
                    assertThat(description).contains("Property: " + property).contains(hint);
                });
    }

    @Test
    void keysOutsideTheBridgePrefixKeepSpringsLeniency() {
        runner.withPropertyValues(VALID_ENTRY, "bridge.resources[0].resource=pods", "bridgex.anything=1")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @ParameterizedTest
    @CsvSource({
        "bridge.query.decision-cache-ttl=-1s",
        "bridge.query.decision-cache-ttl=0s",
        "bridge.query.watch-window.age=0s",
        "bridge.query.watch-bookmark-interval=0s",
        "bridge.query.watch-timeout=-1m"
    })
    void queryDurationsMustBePositive(String setting) {
        runner.withPropertyValues(VALID_ENTRY, "bridge.resources[0].resource=pods", setting)
                .run(context -> assertThat(analyse(context.getStartupFailure()).getDescription())
                        .contains("Property: " + setting.substring(0, setting.indexOf('=')))
                        .contains("must be positive"));
    }

    @ParameterizedTest
    @CsvSource({
        "bridge.query.decision-cache-size=-5",
        "bridge.query.review-rate-limit=0",
        "bridge.query.watch-window.changes=0",
        "bridge.query.max-watches=0"
    })
    void querySizesMustBePositive(String setting) {
        runner.withPropertyValues(VALID_ENTRY, "bridge.resources[0].resource=pods", setting)
                .run(context -> assertThat(analyse(context.getStartupFailure()).getDescription())
                        .contains("Property: " + setting.substring(0, setting.indexOf('='))));
    }

    @Test
    void validConfigurationBindsWithDefaults() {
        runner.withPropertyValues(VALID_ENTRY, "bridge.resources[0].resource=pods")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    BridgeProperties properties = context.getBean(BridgeProperties.class);
                    assertThat(properties.clusterName()).isEqualTo("default");
                    assertThat(properties.kafka().topicTemplate()).isEqualTo("k8s.{group}.{kind}");
                    assertThat(properties.kafka().contentMode()).isEqualTo(KafkaSettings.ContentMode.BINARY);
                    assertThat(properties.kafka().tombstones()).isTrue();
                    assertThat(properties.informer().missingResource())
                            .isEqualTo(InformerSettings.MissingResourcePolicy.WAIT);
                    assertThat(properties.resources().get(0).namespaces()).isEmpty();
                    assertThat(properties.resources().get(0).dropPaths()).isEmpty();
                    assertThat(properties.resources().get(0).ignoreChanges()).isEmpty();
                    assertThat(properties.resources().get(0).operations())
                            .containsExactly("snapshot", "created", "updated", "deleted");
                    assertThat(properties.kafka().changedPaths()).isFalse();
                    assertThat(properties.payload())
                            .isEqualTo(new PayloadSettings(
                                    true, List.of(), PayloadSettings.SecretValues.REDACT, null, List.of()));
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"bridge.resources[0].namespaces=shop", "bridge.resources[0].resource=*"})
    void aGroupEntryNamesNoResourceOrStar(String setting) {
        runner.withPropertyValues("bridge.resources[0].api-version=example.com/*", setting)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ResourceProperties entry =
                            context.getBean(BridgeProperties.class).resources().get(0);
                    assertThat(entry.isGroupEntry()).isTrue();
                    assertThat(entry.group()).isEqualTo("example.com");
                    assertThat(entry.displayName()).isEqualTo("example.com/*");
                });
    }

    /** What Spring Boot prints instead of a stack trace. */
    private static FailureAnalysis analyse(Throwable failure) {
        // Analyzers that need constructor arguments are skipped: the binding analyzers need none.
        return SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, null, FailureHandler.handleMessage((message, error) -> {}))
                .stream()
                .map(analyzer -> analyzer.analyze(failure))
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no failure analysis for " + failure));
    }
}
