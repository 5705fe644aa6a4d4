package io.kubeeventbridge.query;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code kubectl explain} reads the OpenAPI documents; the bridge serves none (the schemas are the cluster's), and
 * says so, where a plain 404 would leave kubectl to report a missing resource type.
 */
@RestController
@RequestMapping(QueryPaths.PREFIX)
final class OpenApiController {

    @GetMapping({QueryPaths.OPENAPI, QueryPaths.OPENAPI + "/**"})
    ResponseEntity<Object> openApi() {
        return StatusResponses.noOpenApi();
    }
}
