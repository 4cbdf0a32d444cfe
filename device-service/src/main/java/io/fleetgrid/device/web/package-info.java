/**
 * Web plumbing shared by the features: problem+json errors, field validation, paging.
 */
package io.fleetgrid.device.web;
