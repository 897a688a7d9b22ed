package io.encours.service.audit;

/** A decision record as read back, with what its own hashes say of it. */
public record CheckedRecord(AuditRecord record, Integrity integrity) {

    public boolean altered() {
        return integrity == Integrity.ALTERED;
    }
}
