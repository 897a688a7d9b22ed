package io.encours.rules.model;

/** State of the customer's credit account. */
public enum AccountStatus { ACTIVE, BLOCKED, LITIGATION }
