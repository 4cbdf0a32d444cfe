package io.fleetgrid.gateway.portal;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's gateway endpoints besides the session.
 * <ul>
 * <li>{@code GET /api/v1/portal/config}: settings the portal reads at start (the map's
 * tile URL, start position and zoom).</li>
 * <li>{@code GET /alerts/{id}}: the link in alert e-mails (notification-service's
 * {@code portal-url}{@code /alerts/{id}}) answers with a redirect to the portal's alert
 * page {@code /#/alerts/{id}}; an unauthenticated browser logs in first and comes back
 * here.</li>
 * </ul>
 */
@RestController
@EnableConfigurationProperties(PortalMapProperties.class)
public class PortalController {

	/** Alert ids are opaque but never contain characters that need escaping. */
	private static final Pattern ALERT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

	private final PortalMapProperties map;

	/**
	 * Creates the controller.
	 * @param map the map settings
	 */
	public PortalController(PortalMapProperties map) {
		this.map = map;
	}

	/**
	 * The portal's settings.
	 * @return the settings
	 */
	@GetMapping("/api/v1/portal/config")
	public Mono<PortalConfig> config() {
		List<Double> center = (this.map.center().size() == 2) ? this.map.center() : List.of(52.52, 13.405);
		return Mono.just(new PortalConfig(this.map.tileUrl(), this.map.tileAttribution(), center, this.map.zoom()));
	}

	/**
	 * Redirects an e-mail's alert link to the portal's alert page.
	 * @param id the alert id
	 * @return 302 to {@code /#/alerts/{id}}, or 404 for an impossible id
	 */
	@GetMapping("/alerts/{id}")
	public Mono<ResponseEntity<Void>> alertLink(@PathVariable String id) {
		if (!ALERT_ID.matcher(id).matches()) {
			return Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND).build());
		}
		return Mono.just(ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/#/alerts/" + id)).build());
	}

	/**
	 * What the portal reads at start.
	 *
	 * @param mapTileUrl tile URL template, empty for none
	 * @param mapTileAttribution attribution of the tiles
	 * @param mapCenter start position {@code [lat, lon]}
	 * @param mapZoom start zoom
	 */
	public record PortalConfig(String mapTileUrl, String mapTileAttribution, List<Double> mapCenter, int mapZoom) {

	}

}
