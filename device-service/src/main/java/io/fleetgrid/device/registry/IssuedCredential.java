package io.fleetgrid.device.registry;

/**
 * A device together with its newly issued token. The token is shown this once; only its
 * hash is stored.
 *
 * @param device the device
 * @param token the device token (use it with the device id at ingest)
 */
public record IssuedCredential(DeviceView device, String token) {

}
