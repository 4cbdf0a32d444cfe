/**
 * The detectors: one class per alert family, each a pure function of the event, the
 * device's remembered state and the effective rules.
 */
package io.fleetgrid.stream.detect;
