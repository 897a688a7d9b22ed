package io.encours.service.hold;

/** What happened to a hold, as recorded in {@code hold_actions}. */
public enum HoldAction {
    /** The hold was released by a person with the authority for its amount. */
    RELEASE,
    /** The hold was rejected: the order stays blocked. */
    REJECT,
    /** Someone tried to release a hold beyond their delegated authority and was refused. */
    REFUSED_ATTEMPT,
    /** One call of the order-entry system's callback URL, with its HTTP status or error. */
    CALLBACK_ATTEMPT
}
