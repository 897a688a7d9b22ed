package io.encours.service.stats.planted;

import io.encours.service.hold.HoldCriteria;
import io.encours.service.hold.HoldTrailStore;
import io.encours.service.storage.TimeOrder;
import io.encours.service.storage.TrailPage;

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

    public TrailPage holds(HoldCriteria criteria) {
        return holds.searchHolds(criteria, TimeOrder.NEWEST_FIRST, null, 10);
    }
}
