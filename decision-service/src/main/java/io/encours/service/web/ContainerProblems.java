package io.encours.service.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before a request reaches Spring MVC (a malformed request line, a control
 * character in a header such as {@code Idempotency-Key}, an encoded slash {@code %2F} in a path, TRACE):
 * Tomcat's HTML error page is replaced by the same problem+json as every other error. Errors raised inside
 * the application but outside Spring MVC (filters) go through {@link ProblemErrorController} instead.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            // Boot adds its own ErrorReportValve to the host from a context customizer too; whichever ran first,
            // once the host has its valves (it starts them before its contexts) only ours is left.
            context.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && event.getLifecycle() instanceof Context c
                        && c.getParent() instanceof Host host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    boolean present = false;
                    for (Valve valve : host.getPipeline().getValves()) {
                        present |= valve instanceof ProblemReportValve;
                    }
                    if (!present) {
                        host.getPipeline().addValve(new ProblemReportValve());
                    }
                }
            });
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Writes the problem; never Tomcat's page, its version or a stack trace. */
    public static class ProblemReportValve extends ErrorReportValve {
        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(Problems.toJson(Problems.forStatus(status)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client went away or the response cannot take a body: nothing more to say.
            }
        }
    }
}
