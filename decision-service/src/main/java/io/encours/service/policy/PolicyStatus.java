package io.encours.service.policy;

/**
 * Where a policy version stands in its life: written (DRAFT), sent for review (SUBMITTED), approved by
 * enough committee members (APPROVED), serving decisions (ACTIVE), replaced (RETIRED), or turned down
 * (REJECTED).
 */
public enum PolicyStatus { DRAFT, SUBMITTED, APPROVED, ACTIVE, RETIRED, REJECTED }
