/**
 * Device models: vehicles driving trips on road-like routes and energy sites following
 * the sun, each producing the metrics of the public contract, deterministic for a seed.
 */
package io.fleetgrid.simulator.model;
