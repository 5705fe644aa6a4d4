package io.kubeeventbridge.query;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Makes {@link JsonErrorReportValve} the host's only error report valve. Ordered last: Spring Boot's own customizer
 * adds Tomcat's HTML valve from a context customizer, which must run before this one's to be replaced.
 */
final class JsonErrorReportValveCustomizer
        implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(JsonErrorReportValveCustomizer::replaceErrorReportValve);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static void replaceErrorReportValve(Context context) {
        Container host = context.getParent();
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new JsonErrorReportValve());
        if (host instanceof StandardHost standardHost) {
            // Else Tomcat adds its HTML valve when the host starts, finding no valve of this class name.
            standardHost.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        }
    }
}
