package io.fleetgrid.notification.email;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The acknowledge link of an e-mail (public: the signed token is the credential).
 * {@code GET} only shows a confirmation form (mail scanners follow links); {@code POST}
 * acknowledges, once.
 */
@RestController
@RequestMapping("/api/v1/notifications/ack/{token}")
class AckController {

	private final AckService service;

	AckController(AckService service) {
		this.service = service;
	}

	@GetMapping(produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> confirm(@PathVariable String token) {
		try {
			AckTokens.Claims claims = this.service.peek(token);
			return page(HttpStatus.OK, "Acknowledge alert " + claims.alertId() + "?",
					"<form method=\"post\"><button type=\"submit\">Acknowledge</button></form>");
		}
		catch (AckTokens.InvalidTokenException ex) {
			return page(HttpStatus.GONE, "This link does not work", ex.getMessage());
		}
	}

	@PostMapping(produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> acknowledge(@PathVariable String token) {
		try {
			return switch (this.service.acknowledge(token)) {
				case DONE -> page(HttpStatus.OK, "Acknowledged", "The alert is acknowledged.");
				case QUEUED ->
					page(HttpStatus.ACCEPTED, "Acknowledgement received", "The alert will be acknowledged shortly.");
				case ALREADY_USED -> page(HttpStatus.GONE, "This link was already used", "Nothing to do.");
			};
		}
		catch (AckTokens.InvalidTokenException ex) {
			return page(HttpStatus.GONE, "This link does not work", ex.getMessage());
		}
	}

	private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
		String html = "<!DOCTYPE html><html><body><h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>"
				+ (body.startsWith("<form") ? body : HtmlUtils.htmlEscape(body)) + "</p></body></html>";
		return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
	}

}
