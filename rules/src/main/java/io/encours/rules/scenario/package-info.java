/**
 * Policy scenarios: test cases as data ({@code scenarios.csv}) that a credit team reads and writes,
 * kept with the policy and run by the build, the policy tool and the editor.
 */
package io.encours.rules.scenario;
