package io.encours.service.account;

/** State of a credit account. CLOSED: the relationship ended; no credit is given on it. */
public enum AccountStatus { ACTIVE, BLOCKED, LITIGATION, CLOSED }
