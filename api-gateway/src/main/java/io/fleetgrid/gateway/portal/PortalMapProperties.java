package io.fleetgrid.gateway.portal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's map ({@code fleetgrid.gateway.portal.map.*}). Without a tile URL the
 * portal draws a plain background (no internet needed); with one, add the tile server's
 * origin to the Content-Security-Policy's {@code img-src}
 * ({@code FLEETGRID_MAP_TILE_ORIGIN}).
 *
 * @param tileUrl a Leaflet tile URL template such as
 * {@code https://tile.example.org/{z}/{x}/{y}.png}; empty for none (env
 * {@code FLEETGRID_MAP_TILE_URL})
 * @param tileAttribution the attribution the tile provider asks for
 * @param center where the map starts before devices are known, {@code [lat, lon]}
 * @param zoom the start zoom level
 */
@ConfigurationProperties("fleetgrid.gateway.portal.map")
public record PortalMapProperties(@DefaultValue("") String tileUrl, @DefaultValue("") String tileAttribution,
		@DefaultValue( {
				"52.52", "13.405" }) List<Double> center,
		@DefaultValue("11") int zoom){

}
