package io.fleetgrid.auth.key;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.fleetgrid.auth.audit.AuditPublisher;
import io.fleetgrid.auth.config.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA signing keys, kept in PostgreSQL with the private key encrypted (AES-256-GCM
 * under a key derived from the master secret). The newest key signs; it and the
 * {@code fleetgrid.auth.keys.published - 1} keys before it are published in the JWKS, so
 * tokens stay valid across a restart and a rotation. Every instance reloads the keys
 * every {@code fleetgrid.auth.keys.refresh}.
 */
@Component
public class SigningKeyStore implements JWKSource<SecurityContext> {

	private static final Logger LOGGER = LoggerFactory.getLogger(SigningKeyStore.class);

	private static final int GCM_IV_BYTES = 12;

	private static final int GCM_TAG_BITS = 128;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final SecretKeySpec encryptionKey;

	private final AuthProperties properties;

	private final AuditPublisher audit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private volatile Keys keys;

	SigningKeyStore(JdbcClient jdbc, TransactionTemplate transactions, MasterSecret masterSecret,
			AuthProperties properties, AuditPublisher audit, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.encryptionKey = new SecretKeySpec(masterSecret.derive("signing-key-encryption"), "AES");
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
		this.transactions.executeWithoutResult((status) -> {
			lock();
			Long count = this.jdbc.sql("select count(*) from signing_key").query(Long.class).single();
			if (count == 0) {
				insertNewKey();
			}
		});
		reload();
	}

	/**
	 * The id of the key that signs new tokens.
	 * @return the key id
	 */
	public String activeKeyId() {
		return this.keys.active().getKeyID();
	}

	/**
	 * The ids of the published keys, newest first.
	 * @return the key ids
	 */
	public List<String> publishedKeyIds() {
		return this.keys.set().getKeys().stream().map(JWK::getKeyID).toList();
	}

	/**
	 * Creates a new signing key; it signs from now on, the previous ones stay published.
	 * @param actor who rotates
	 * @return the new key id
	 */
	public String rotate(String actor) {
		String kid = this.transactions.execute((status) -> {
			lock();
			return insertNewKey();
		});
		reload();
		this.audit.success(null, actor, "SIGNING_KEY_ROTATED", kid);
		LOGGER.info("Signing key rotated: {} signs from now on", kid);
		return kid;
	}

	/**
	 * Reloads the keys from the database (periodically; rotations by other instances).
	 */
	@Scheduled(initialDelayString = "${fleetgrid.auth.keys.refresh:PT60S}",
			fixedDelayString = "${fleetgrid.auth.keys.refresh:PT60S}")
	public void reload() {
		List<RSAKey> loaded = this.jdbc
			.sql("select kid, public_key, private_key from signing_key order by created_at desc, kid limit ?")
			.param(this.properties.keys().published())
			.query((rs, row) -> toJwk(rs.getString("kid"), rs.getBytes("public_key"), rs.getBytes("private_key")))
			.list();
		this.keys = new Keys(loaded.get(0), new JWKSet(List.<JWK>copyOf(loaded)));
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		return selector.select(this.keys.set());
	}

	private void lock() {
		// Serialises key creation across instances for the duration of the transaction.
		this.jdbc.sql("select pg_advisory_xact_lock(7317001)").query((rs, row) -> 1).list();
	}

	private String insertNewKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			String kid = UUID.randomUUID().toString();
			this.jdbc.sql("""
					insert into signing_key (kid, algorithm, public_key, private_key, created_at)
					values (?, 'RS256', ?, ?, ?)""")
				.params(kid, pair.getPublic().getEncoded(), encrypt(pair.getPrivate().getEncoded()),
						Timestamp.from(Instant.now(this.clock)))
				.update();
			return kid;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create a signing key", ex);
		}
	}

	private RSAKey toJwk(String kid, byte[] publicKey, byte[] encryptedPrivateKey) {
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPublicKey rsaPublic = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicKey));
			RSAPrivateKey rsaPrivate = (RSAPrivateKey) factory
				.generatePrivate(new PKCS8EncodedKeySpec(decrypt(encryptedPrivateKey)));
			return new RSAKey.Builder(rsaPublic).privateKey(rsaPrivate)
				.keyID(kid)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"Cannot read signing key " + kid + " (was fleetgrid.auth.secret / FLEETGRID_AUTH_SECRET changed?)",
					ex);
		}
	}

	private byte[] encrypt(byte[] plain) throws GeneralSecurityException {
		byte[] iv = new byte[GCM_IV_BYTES];
		this.random.nextBytes(iv);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, this.encryptionKey, new GCMParameterSpec(GCM_TAG_BITS, iv));
		byte[] encrypted = cipher.doFinal(plain);
		return ByteBuffer.allocate(iv.length + encrypted.length).put(iv).put(encrypted).array();
	}

	private byte[] decrypt(byte[] stored) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, this.encryptionKey,
				new GCMParameterSpec(GCM_TAG_BITS, stored, 0, GCM_IV_BYTES));
		return cipher.doFinal(stored, GCM_IV_BYTES, stored.length - GCM_IV_BYTES);
	}

	private record Keys(RSAKey active, JWKSet set) {
	}

}
