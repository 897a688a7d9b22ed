package io.encours.service.collections;

/** Where a worklist line stands: to do, done (its step written into the ledger), skipped or failed (with why). */
public enum LineState {
    TO_DO, DONE, SKIPPED, FAILED;

    /** DONE and SKIPPED are final; a line to do or failed may be worked (again). */
    boolean mayBecome(LineState next) {
        return (this == TO_DO || this == FAILED) && next != TO_DO;
    }
}
