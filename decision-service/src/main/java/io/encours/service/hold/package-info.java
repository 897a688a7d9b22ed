/**
 * Credit holds: every order check answered REVIEW or BLOCK holds the order until a credit analyst,
 * manager or committee member with the authority for its amount releases or rejects it. Every action on a
 * hold, and every refused attempt, is a durable record linked to the original decision; the order-entry
 * system reads a hold by its order id or is called back when it is settled.
 */
package io.encours.service.hold;
