package io.encours.service.storage;

import com.mongodb.client.MongoCursor;
import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * A trail that retention archives and prunes by month, offered by the store of the feature that owns it
 * (which knows its collection, its time field and which records must be kept whatever their age).
 */
public interface ArchivableRecords {

    /** The stored records of [start, end) on the trail's time field, {@code batch} at a time, as stored. */
    MongoCursor<Document> recordedIn(Instant start, Instant end, int batch);

    /**
     * Deletes the records of these ids that may go, {@code chunk} ids per command (each delete bounded and
     * answered from the {@code _id} index); how many were deleted.
     */
    long deleteArchived(List<String> ids, int chunk);
}
