/**
 * Servlet pieces of the resource server: token to authorities conversion, problem+json
 * 401/403 responses, the {@code Caller} controller argument and the tenant in the MDC.
 */
@NullMarked
package io.fleetgrid.security.web;

import org.jspecify.annotations.NullMarked;
