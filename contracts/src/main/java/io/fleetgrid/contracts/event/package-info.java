/**
 * Event records carried on the FleetGrid topics: plain, immutable Java records (lists and
 * maps are copied into unmodifiable collections; required fields are checked in the
 * compact constructors, so an invalid event can neither be produced nor be read).
 * <p>
 * Evolution rules, checked by review: within a schema major version only add optional
 * fields (reference types, null when absent); readers ignore properties they do not know.
 * Removing or renaming a field, changing its type or meaning, or adding an enum constant
 * (which older readers cannot read) is a major version change; see
 * {@code io.fleetgrid.contracts.serde} for how versions travel.
 * {@link io.fleetgrid.contracts.event.AlertType} is an open set on purpose, so new alert
 * types need no version change.
 */
package io.fleetgrid.contracts.event;
