package io.kubeeventbridge.query;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.QuerySettings;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one security filter chain, for every request on every port (the management port's child context uses it too),
 * chosen from the bound {@link QuerySettings#auth()}: {@code none} lets every request through; {@code kubernetes}
 * applies {@link AccessReviewAuthorizationManager}. In both modes Spring Security's {@code StrictHttpFirewall} first
 * rejects ambiguous paths (encoded slashes and dots, {@code ;} parameters, {@code ..} segments) with a 400. Only in a
 * servlet application: without a web server (the end-to-end benchmark runs the bridge so) there is nothing to filter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class QuerySecurityConfiguration {

    @Bean
    SecurityStatusResponder securityStatusResponder(ObjectProvider<MeterRegistry> meters) {
        return new SecurityStatusResponder(meters.getObject());
    }

    @Bean
    SecurityFilterChain querySecurity(
            HttpSecurity http,
            BridgeProperties properties,
            AccessReviewer reviewer,
            SecurityStatusResponder responder,
            ObjectProvider<WebEndpointProperties> endpoints) {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(responder).accessDeniedHandler(responder));
        QuerySettings settings = properties.query();
        if (settings.auth() == QuerySettings.Auth.NONE) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .build();
        }
        CachingAccessReviewer decisions = new CachingAccessReviewer(
                reviewer, settings.decisionCacheTtl(), settings.decisionCacheSize(), Clock.systemUTC());
        ReviewRateLimiter limiter = new ReviewRateLimiter(settings.reviewRateLimit(), Clock.systemUTC());
        ProviderManager authentication = new ProviderManager(new TokenReviewAuthenticationProvider(decisions, limiter));
        String actuator = endpoints.getIfAvailable(WebEndpointProperties::new).getBasePath();
        return http.addFilterBefore(
                        new BearerTokenFilter(authentication, responder), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // Error pages and async dispatches belong to a request that was already checked.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                        .permitAll()
                        .anyRequest()
                        .access(new AccessReviewAuthorizationManager(decisions, probes(actuator))))
                .build();
    }

    private static List<PathPattern> probes(String actuatorBasePath) {
        return Stream.of("/health/liveness", "/health/readiness")
                .map(probe -> PathPatternParser.defaultInstance.parse(actuatorBasePath + probe))
                .toList();
    }
}
