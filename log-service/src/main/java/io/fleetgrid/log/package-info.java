/**
 * Indexes logs, audit events and alerts in the search server and serves search.
 */
package io.fleetgrid.log;
