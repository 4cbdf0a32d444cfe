/**
 * Shared web pieces: problem+json errors and paging.
 */
package io.fleetgrid.auth.web;
