package io.encours.service.storage;

import com.mongodb.client.model.Filters;
import java.util.List;
import org.bson.conversions.Bson;

/** What the criteria records of the trails share: a criterion on a field applies only when it is given. */
public final class TrailCriteria {
    private TrailCriteria() {
    }

    /** Adds {@code field = value} to {@code criteria} unless {@code value} is null or blank. */
    public static void eq(List<Bson> criteria, String field, String value) {
        if (value != null && !value.isBlank()) {
            criteria.add(Filters.eq(field, value));
        }
    }
}
