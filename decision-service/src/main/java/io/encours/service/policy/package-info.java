/**
 * The credit policy in force and its life cycle: numbered versions stored in MongoDB, drafts checked
 * (compile, verify, scenarios), approved by four eyes, activated hot (at once or on schedule) and rolled
 * back, with every instance following the shared active version and every action in the policy's own
 * audit trail. See docs/policy-lifecycle.md.
 */
package io.encours.service.policy;
