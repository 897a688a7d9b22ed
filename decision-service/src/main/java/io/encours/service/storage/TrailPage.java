package io.encours.service.storage;

import java.util.List;
import org.bson.Document;

/** A page of a trail's search: the records found as stored, and the cursor of the next page (null at the end). */
public record TrailPage(List<Document> records, String nextCursor) {
}
