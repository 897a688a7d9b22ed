/**
 * What every endpoint shares: RFC 9457 problem responses for every error, the request-size limit,
 * request logging context, the caller's language, and the OpenAPI description.
 */
package io.encours.service.web;
