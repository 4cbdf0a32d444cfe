/**
 * Deployment tooling: renders Kubernetes resources that derive from the contracts module
 * (Strimzi {@code KafkaTopic}s from the topic catalogue).
 */
package io.fleetgrid.deployment;
