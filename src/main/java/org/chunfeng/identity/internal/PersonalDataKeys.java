package org.chunfeng.identity.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.chunfeng.identity.Sealed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.StringUtils;

/**
 * Where the personal-data keys come from, in this order:
 * <ol>
 *   <li>configuration: {@code chunfeng.personal-data.keys.<id>}, {@code chunfeng.personal-data.current-key} and
 *       {@code chunfeng.personal-data.index-key} (environment {@code CHUNFENG_PERSONAL_DATA_KEYS_<ID>},
 *       {@code CHUNFENG_PERSONAL_DATA_CURRENT_KEY}, {@code CHUNFENG_PERSONAL_DATA_INDEX_KEY}); each key is the
 *       base64 of 32 random bytes, e.g. from {@code openssl rand -base64 32};</li>
 *   <li>a test database ({@code chunfeng.embedded-db.throwaway}): keys generated once per JVM and kept in memory,
 *       so every application context of the test run reads what another sealed;</li>
 *   <li>the embedded database ({@code chunfeng.embedded-db.active}): keys generated on first start and kept in
 *       {@code ${chunfeng.data-dir}/personal-data.keys} (owner read/write only), beside the data they protect;</li>
 *   <li>otherwise start-up stops: an external database must never get keys that live only on one server's disk.</li>
 * </ol>
 * A partial configuration (say, keys but no index key) always stops start-up, whatever the database.
 */
final class PersonalDataKeys {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);

	static final String PREFIX = "chunfeng.personal-data";
	static final String KEYS = PREFIX + ".keys";
	static final String CURRENT_KEY = PREFIX + ".current-key";
	static final String INDEX_KEY = PREFIX + ".index-key";
	static final String KEYS_VARIABLE = "CHUNFENG_PERSONAL_DATA_KEYS_";
	static final String FILE_NAME = "personal-data.keys";

	static final int KEY_BYTES = 32;

	private static final String HIDDEN = "(hidden)";
	private static final String GENERATED_KEY_ID = "local1";
	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
	private static final SecureRandom RANDOM = new SecureRandom();

	/** Test keys: one set per JVM, shared by all its application contexts like the throwaway database is. */
	private static volatile KeyRing throwawayKeys;

	private PersonalDataKeys() {
	}

	static KeyRing load(Environment environment) {
		String current = environment.getProperty(CURRENT_KEY);
		String index = environment.getProperty(INDEX_KEY);
		Map<String, String> keys = new HashMap<>(Binder.get(environment)
			.bind(KEYS, Bindable.mapOf(String.class, String.class))
			.orElse(Map.of()));
		// the same variable may also have reached the map through relaxed binding: ids compare in lowercase
		keysFromEnvironmentVariables(environment).forEach((id, key) -> {
			if (keys.keySet().stream().noneMatch(known -> known.equalsIgnoreCase(id))) {
				keys.put(id, key);
			}
		});
		boolean anyConfigured = StringUtils.hasText(current) || StringUtils.hasText(index) || !keys.isEmpty();
		if (anyConfigured) {
			return parse(keys, current, index, "configuration");
		}
		if (environment.getProperty("chunfeng.embedded-db.throwaway", Boolean.class, false)) {
			return throwawayKeys();
		}
		if (environment.getProperty("chunfeng.embedded-db.active", Boolean.class, false)) {
			return fromFile(Path.of(environment.getProperty("chunfeng.data-dir", "./data")).resolve(FILE_NAME));
		}
		throw new InvalidConfigurationPropertyValueException(CURRENT_KEY, "",
				"Personal-data keys are not configured: with an external database set CHUNFENG_PERSONAL_DATA_KEYS_<ID>,"
						+ " CHUNFENG_PERSONAL_DATA_CURRENT_KEY=<ID> and CHUNFENG_PERSONAL_DATA_INDEX_KEY"
						+ " (each key the base64 of 32 random bytes: openssl rand -base64 32)");
	}

	/**
	 * {@code CHUNFENG_PERSONAL_DATA_KEYS_<ID>}: relaxed binding maps that name to {@code personal.data.keys}, not to
	 * {@code personal-data.keys}, so the map entries are read here (the single values bind as they are).
	 */
	private static Map<String, String> keysFromEnvironmentVariables(Environment environment) {
		Map<String, String> keys = new HashMap<>();
		if (environment instanceof ConfigurableEnvironment configurable) {
			for (PropertySource<?> source : configurable.getPropertySources()) {
				if (source instanceof SystemEnvironmentPropertySource variables) {
					for (String name : variables.getPropertyNames()) {
						if (name.startsWith(KEYS_VARIABLE) && name.length() > KEYS_VARIABLE.length()) {
							keys.putIfAbsent(name.substring(KEYS_VARIABLE.length()),
									String.valueOf(variables.getProperty(name)));
						}
					}
				}
			}
		}
		return keys;
	}

	/**
	 * Checks a configured set of keys; every complaint names the property, never a key's value.
	 *
	 * @param keys key id → base64 key; ids are compared in lowercase, as relaxed binding of environment variables
	 *             delivers them
	 */
	static KeyRing parse(Map<String, String> keys, String current, String index, String source) {
		if (keys.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(KEYS, "",
					"At least one sealing key is needed: " + KEYS + ".<id>=<base64 of 32 bytes>");
		}
		Map<String, SecretKey> sealingKeys = new TreeMap<>();
		for (Map.Entry<String, String> entry : keys.entrySet()) {
			String id = entry.getKey().strip().toLowerCase(Locale.ROOT);
			if (!Sealed.KEY_ID.matcher(id).matches()) {
				throw new InvalidConfigurationPropertyValueException(KEYS + "." + entry.getKey(), HIDDEN,
						"A key id must be 1 to 32 letters and digits");
			}
			if (sealingKeys.put(id, key(KEYS + "." + id, entry.getValue(), "AES")) != null) {
				throw new InvalidConfigurationPropertyValueException(KEYS + "." + id, HIDDEN,
						"Key id " + id + " is configured twice");
			}
		}
		if (!StringUtils.hasText(current)) {
			throw new InvalidConfigurationPropertyValueException(CURRENT_KEY, "",
					"Name the key that seals new values, one of " + sealingKeys.keySet());
		}
		String currentId = current.strip().toLowerCase(Locale.ROOT);
		if (!sealingKeys.containsKey(currentId)) {
			throw new InvalidConfigurationPropertyValueException(CURRENT_KEY, current,
					"The current key must be one of the configured keys " + sealingKeys.keySet());
		}
		if (!StringUtils.hasText(index)) {
			throw new InvalidConfigurationPropertyValueException(INDEX_KEY, "",
					"The blind-index key is required (base64 of 32 bytes, different from the sealing keys)");
		}
		SecretKey indexKey = key(INDEX_KEY, index, "HmacSHA256");
		for (SecretKey sealingKey : sealingKeys.values()) {
			// one key for two algorithms would tie the index to the ciphertexts' key material
			if (java.security.MessageDigest.isEqual(sealingKey.getEncoded(), indexKey.getEncoded())) {
				throw new InvalidConfigurationPropertyValueException(INDEX_KEY, HIDDEN,
						"The blind-index key must differ from every sealing key");
			}
		}
		return new KeyRing(sealingKeys, currentId, indexKey, source);
	}

	private static SecretKey key(String property, String base64, String algorithm) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, HIDDEN, "The key is not valid base64");
		}
		if (bytes.length != KEY_BYTES) {
			throw new InvalidConfigurationPropertyValueException(property, HIDDEN,
					"The key must be " + KEY_BYTES + " bytes (44 base64 characters), but is " + bytes.length);
		}
		return new SecretKeySpec(bytes, algorithm);
	}

	static synchronized KeyRing throwawayKeys() {
		if (throwawayKeys == null) {
			throwawayKeys = new KeyRing(Map.of("test", new SecretKeySpec(randomBytes(), "AES")), "test",
					new SecretKeySpec(randomBytes(), "HmacSHA256"), "generated for this test run");
		}
		return throwawayKeys;
	}

	/** Reads the keys file of the embedded database, creating it with new keys on first start. */
	static KeyRing fromFile(Path file) {
		try {
			if (Files.notExists(file)) {
				generate(file);
			}
			warnIfReadableByOthers(file);
			Properties properties = new Properties();
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				properties.load(in);
			}
			Map<String, String> keys = new HashMap<>();
			for (String name : properties.stringPropertyNames()) {
				if (name.startsWith("keys.")) {
					keys.put(name.substring("keys.".length()), properties.getProperty(name));
				}
			}
			try {
				return parse(keys, properties.getProperty("current-key"), properties.getProperty("index-key"),
						file.toString());
			}
			catch (InvalidConfigurationPropertyValueException ex) {
				throw new InvalidConfigurationPropertyValueException(ex.getName(), HIDDEN,
						file + " is damaged: " + ex.getReason());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the personal-data keys file " + file, ex);
		}
	}

	private static void generate(Path file) throws IOException {
		Path dir = file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path temporary = dir.resolve(FILE_NAME + ".new-" + Long.toUnsignedString(RANDOM.nextLong(), 36));
		boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
		if (posix) {
			Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		else {
			Files.createFile(temporary);
		}
		Base64.Encoder base64 = Base64.getEncoder();
		try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
			out.write("""
					# Chunfeng personal-data keys of the embedded database, generated on its first start.
					# Without this file the sealed ID and mobile numbers in the database cannot be read: back it up
					# together with the database, and keep it secret. When moving to an external database, pass these
					# values as CHUNFENG_PERSONAL_DATA_KEYS_%1$s, CHUNFENG_PERSONAL_DATA_CURRENT_KEY and
					# CHUNFENG_PERSONAL_DATA_INDEX_KEY.
					current-key=%2$s
					keys.%2$s=%3$s
					index-key=%4$s
					""".formatted(GENERATED_KEY_ID.toUpperCase(Locale.ROOT), GENERATED_KEY_ID,
					base64.encodeToString(randomBytes()), base64.encodeToString(randomBytes())));
		}
		try {
			// a rename: the file appears complete or not at all
			Files.move(temporary, file);
			log.warn("Generated new personal-data keys in {}: back this file up with the database", file);
		}
		catch (FileAlreadyExistsException ex) {
			// another start got there first; its keys are the ones to use
			Files.deleteIfExists(temporary);
		}
	}

	private static void warnIfReadableByOthers(Path file) throws IOException {
		PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
		if (view != null && !OWNER_ONLY.containsAll(view.readAttributes().permissions())) {
			log.warn("{} can be read by other users; restrict it with chmod 600", file);
		}
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[KEY_BYTES];
		RANDOM.nextBytes(bytes);
		return bytes;
	}
}
