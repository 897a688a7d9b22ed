/**
 * Who may call what: roles, people (HTTP Basic against bcrypt hashes in MongoDB, or JWT bearer tokens from
 * an OIDC issuer), machine clients (named, revocable API keys stored as SHA-256 hashes), the URL-to-role
 * map and the administration API for users and keys.
 */
package io.encours.service.security;
