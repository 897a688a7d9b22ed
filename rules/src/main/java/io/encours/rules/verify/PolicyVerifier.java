package io.encours.rules.verify;

import io.encours.rules.policy.PolicyBundle;
import io.encours.rules.policy.PolicyManifest;
import io.encours.rules.policy.TableSheet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Verifies every decision table of a compiled bundle's manifest. */
public final class PolicyVerifier {
    private PolicyVerifier() {
    }

    public static List<Finding> verify(PolicyBundle bundle, PolicyManifest manifest) {
        List<Finding> findings = new ArrayList<>();
        for (String file : manifest.tables()) {
            if (!bundle.has(file)) {
                continue;
            }
            try {
                for (TableSheet sheet : TableSheet.read(file, bundle.bytes(file))) {
                    for (DecisionTableModel table : DecisionTableModel.parse(sheet)) {
                        findings.addAll(TableVerifier.verify(table, manifest.collectTables().contains(table.name())));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return findings;
    }
}
