/**
 * HTTP error handling shared by the controllers: RFC 9457 problems naming the field.
 */
package io.fleetgrid.notification.api;
