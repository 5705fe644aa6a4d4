package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

class SelectorApiTest {

    private final MockMvcTester mvc = new QueryApiFixture().mvc;

    @ParameterizedTest(name = "labelSelector={0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "app=web;              web-1 web-2",
                "app==web;             web-1 web-2",
                "app!=web;             batch-1 pay-1 api-1",
                "app in (web,api);     api-1 web-1 web-2",
                "app notin (web,api);  batch-1 pay-1",
                "canary;               web-2",
                "!canary;              batch-1 pay-1 api-1 web-1",
                "app=web,!canary;      web-1",
                "tier in (front),app=web,canary; web-2",
                "app=nothing;          ''",
            })
    void labelSelectorHasKubernetesSemantics(String selector, String expected) {
        assertThat(mvc.get().uri("/k8s/api/v1/pods").param("labelSelector", selector))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].metadata.name")
                .asArray()
                .containsExactly((Object[]) names(expected));
    }

    @ParameterizedTest(name = "fieldSelector={0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "metadata.name=web-1;                  web-1",
                "metadata.name!=web-1;                 batch-1 pay-1 api-1 web-2",
                "metadata.namespace=payments;          batch-1 pay-1",
                "metadata.namespace==shop,metadata.name!=web-2; api-1 web-1",
                "status.phase=Running;                 api-1 web-1",
                "spec.nodeName!=node-1;                batch-1 pay-1 web-2",
                "spec.priority=7;                      batch-1 pay-1 api-1 web-1 web-2",
                "metadata.uid=web-2-uid;               web-2",
                "status.missing=;                      batch-1 pay-1 api-1 web-1 web-2",
                "status.phase=Running,spec.nodeName=node-1; api-1 web-1",
            })
    void fieldSelectorMatchesMetadataAndDottedPaths(String selector, String expected) {
        assertThat(mvc.get().uri("/k8s/api/v1/pods").param("fieldSelector", selector))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].metadata.name")
                .asArray()
                .containsExactly((Object[]) names(expected));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "labelSelector; app in (web;   unable to parse labelSelector: unexpected end of input at position",
                "labelSelector; app=a b;       unable to parse labelSelector",
                "labelSelector; -bad=x;        unable to parse labelSelector",
                "fieldSelector; status.phase;  unable to parse fieldSelector",
                "fieldSelector; .=x;           unable to parse fieldSelector: field name \".\" at position 0",
                "fieldSelector; ...=x;         unable to parse fieldSelector: field name \"...\" at position 0",
                "limit;         -1;            limit \"-1\" is invalid",
                "limit;         ten;           limit \"ten\" is invalid",
                "continue;      not-a-token;   continue token \"not-a-token\" is malformed",
            })
    void badParametersAreBadRequestStatuses(String parameter, String value, String message) {
        assertThat(mvc.get().uri("/k8s/api/v1/namespaces/shop/pods").param(parameter, value))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.kind").isEqualTo("Status");
                    assertThat(json).extractingPath("$.reason").isEqualTo("BadRequest");
                    assertThat(json).extractingPath("$.code").isEqualTo(400);
                    assertThat(json).extractingPath("$.message").asString().startsWith(message);
                });
    }

    @ParameterizedTest(name = "namespace list with labelSelector={0}")
    @CsvSource(
            delimiter = ';',
            value = {"app=web; web-1 web-2", "app in (pay,api); api-1", "tier; web-1 web-2"})
    void labelSelectorInOneNamespaceStaysInIt(String selector, String expected) {
        assertThat(mvc.get().uri("/k8s/api/v1/namespaces/shop/pods").param("labelSelector", selector))
                .bodyJson()
                .extractingPath("$.items[*].metadata.name")
                .asArray()
                .containsExactly((Object[]) names(expected));
    }

    private static String[] names(String expected) {
        return expected.isBlank() ? new String[0] : expected.trim().split(" ");
    }
}
