/**
 * The credit policy in force: compiled at start-up from the default policy of the rules module and held
 * so that a later version can replace it atomically while decisions are being made.
 */
package io.encours.service.policy;
