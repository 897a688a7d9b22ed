/**
 * The facts the policy's rules and decision tables match. They are derived from the caller's
 * {@link io.encours.rules.model} records (ratios, ages, flags computed once) so that tables read in
 * business words. JavaBean getters, because Drools' MVEL dialect reads properties through them.
 */
package io.encours.rules.facts;
