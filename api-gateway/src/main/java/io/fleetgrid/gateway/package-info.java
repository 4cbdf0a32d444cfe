/**
 * Single entry point: routes /api/v1/** to the owning service through Eureka.
 */
package io.fleetgrid.gateway;
