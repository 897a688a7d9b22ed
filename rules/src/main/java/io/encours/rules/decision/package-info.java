/** What a policy decides: results, reasons and the trace of the rules that fired. */
package io.encours.rules.decision;
