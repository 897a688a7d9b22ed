package io.encours.service.audit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Says in the build output when a Testcontainers class is about to be skipped for want of Docker, so a
 * green build does not hide that the real-database tests did not run. Registered before
 * {@code @Testcontainers(disabledWithoutDocker = true)}, which does the skipping.
 */
public class ReportSkipWithoutDocker implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty() && !DockerClientFactory.instance().isDockerAvailable()) {
            System.out.println("SKIPPED " + context.getDisplayName()
                    + ": no Docker engine here, so these tests did not run against a real MongoDB");
        }
        return ConditionEvaluationResult.enabled("only reports");
    }
}
