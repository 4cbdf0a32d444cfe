/**
 * Rule settings: detector thresholds per group, with tenant defaults and the platform
 * defaults behind them, published on {@code fleetgrid.rules.v1}.
 */
package io.fleetgrid.device.rules;
