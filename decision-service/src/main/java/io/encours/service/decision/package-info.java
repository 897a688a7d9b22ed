/**
 * The four credit decisions over HTTP: request bodies mapped to the rules module's requests, evaluation
 * under the policy in force, the audit record written before the answer, and the answer in the caller's
 * language. Also a customer's decision history.
 */
package io.encours.service.decision;
