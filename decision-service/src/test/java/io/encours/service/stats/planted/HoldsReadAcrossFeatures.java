package io.encours.service.stats.planted;

import io.encours.service.hold.HoldTrailStore;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A planted violation, never run: the stats feature using the hold feature, which
 * ArchitectureTest.ALLOWED_FEATURE_DEPENDENCIES does not list for it (through a store, but stats may not use
 * hold at all). ArchitectureRuleTest shows that ArchitectureTest refuses it.
 */
public final class HoldsReadAcrossFeatures {
    private final HoldTrailStore holds;

    public HoldsReadAcrossFeatures(HoldTrailStore holds) {
        this.holds = holds;
    }

    public List<Document> holds(Bson query, Bson sort) {
        return holds.holds(query, sort, 10);
    }
}
