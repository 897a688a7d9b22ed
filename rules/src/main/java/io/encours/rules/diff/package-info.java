/** Differences between two versions of a policy, as a credit committee reviews them. */
package io.encours.rules.diff;
