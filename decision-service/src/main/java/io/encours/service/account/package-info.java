/**
 * Credit accounts: what Encours knows of each customer between two order checks. One account per customer
 * holds its identity and master data, standard terms and currency, its status (ACTIVE, BLOCKED, LITIGATION,
 * CLOSED) with who set it and why, the internal limit and the credit insurer's cover with their validity,
 * the last score and risk class with the decision that set them, the next review date and an optional
 * group. Every change is written with who, when, before and after and a reason, readable as the account's
 * history; a change made from a stale copy is refused. A limit or cover past its validity counts as none
 * ({@link io.encours.service.account.AccountFacts}), never as still valid. The ERP feeds the accounts at
 * go-live from a CSV export.
 */
package io.encours.service.account;
