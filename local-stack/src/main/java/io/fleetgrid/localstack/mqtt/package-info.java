/**
 * The {@code mqtt} server: an embedded Moquette MQTT 3.1.1 broker with persistent
 * sessions and HTTP hooks for authentication and topic authorisation.
 */
package io.fleetgrid.localstack.mqtt;
