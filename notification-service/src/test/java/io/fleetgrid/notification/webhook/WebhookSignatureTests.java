package io.fleetgrid.notification.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

	private static final byte[] BODY = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void signsTimestampDotBodyWithHmacSha256() {
		// Reference value: printf '1700000000.{"id":"x"}' | openssl dgst -sha256 -hmac
		// whsec_test
		assertThat(WebhookSignature.header("whsec_test", 1_700_000_000L, BODY))
			.isEqualTo("t=1700000000,v1=" + hmac("whsec_test", "1700000000.{\"id\":\"x\"}"));
	}

	@Test
	void verifiesAValidFreshSignature() {
		String header = WebhookSignature.header("s3cret", 1000, BODY);
		assertThat(WebhookSignature.verify("s3cret", header, BODY, 1100, 300)).isTrue();
	}

	@Test
	void rejectsATamperedBodyAWrongSecretAndAStaleTimestamp() {
		String header = WebhookSignature.header("s3cret", 1000, BODY);
		assertThat(WebhookSignature.verify("s3cret", header, "{}".getBytes(StandardCharsets.UTF_8), 1000, 300))
			.isFalse();
		assertThat(WebhookSignature.verify("other", header, BODY, 1000, 300)).isFalse();
		assertThat(WebhookSignature.verify("s3cret", header, BODY, 2000, 300)).isFalse();
		assertThat(WebhookSignature.verify("s3cret", "garbage", BODY, 1000, 300)).isFalse();
	}

	private static String hmac(String key, String data) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return java.util.HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
