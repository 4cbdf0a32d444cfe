/**
 * {@code X-Request-Id}: taken from the caller when well-formed, else generated; forwarded
 * to the service and returned on the response.
 */
package io.fleetgrid.gateway.requestid;
