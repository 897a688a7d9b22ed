package io.encours.service.ledger;

import java.util.List;

/**
 * The wire form of one event, read: either an event, or the problems that refuse it (never both).
 *
 * @param eventId the event's id as sent, when it could be read (so the answer can name the event); else null
 * @param event   the event, or null when there are problems
 */
public record ParsedEvent(String eventId, LedgerEvent event, List<LedgerProblem> problems) {
    public ParsedEvent {
        problems = List.copyOf(problems);
        if ((event == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("an event or problems, not both");
        }
    }

    public boolean isValid() {
        return event != null;
    }
}
