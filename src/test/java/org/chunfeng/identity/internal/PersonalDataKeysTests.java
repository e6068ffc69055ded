package org.chunfeng.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.chunfeng.identity.PersonalData;
import org.chunfeng.identity.Sealed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** Where the keys come from: configuration, environment variables, the embedded database's key file, or nowhere. */
class PersonalDataKeysTests {

	private final String k1 = base64(PersonalDataTests.key());
	private final String k2 = base64(PersonalDataTests.key());
	private final String index = base64(PersonalDataTests.key());

	@TempDir
	Path dataDir;

	@Test
	void configuredKeysAreUsed() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("chunfeng.personal-data.keys.k2026", k1)
			.withProperty("chunfeng.personal-data.keys.k2027", k2)
			.withProperty("chunfeng.personal-data.current-key", "k2027")
			.withProperty("chunfeng.personal-data.index-key", index);
		KeyRing keys = PersonalDataKeys.load(environment);
		assertThat(keys.sealingKeys()).containsOnlyKeys("k2026", "k2027");
		assertThat(keys.currentKeyId()).isEqualTo("k2027");
		assertThat(keys.currentKey().getEncoded()).isEqualTo(Base64.getDecoder().decode(k2));
		assertThat(keys.indexKey().getEncoded()).isEqualTo(Base64.getDecoder().decode(index));
		assertThat(keys.toString()).doesNotContain(k1, k2, index);
	}

	@Test
	void environmentVariablesAreRead() {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> variables = new HashMap<>();
		variables.put("CHUNFENG_PERSONAL_DATA_KEYS_K1", k1);
		variables.put("CHUNFENG_PERSONAL_DATA_KEYS_K2", k2);
		variables.put("CHUNFENG_PERSONAL_DATA_CURRENT_KEY", "K2");
		variables.put("CHUNFENG_PERSONAL_DATA_INDEX_KEY", index);
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		KeyRing keys = PersonalDataKeys.load(environment);
		assertThat(keys.sealingKeys()).containsOnlyKeys("k1", "k2");
		assertThat(keys.currentKeyId()).isEqualTo("k2");
	}

	@Test
	void aKeyGivenAsPropertyAndAsVariableCountsOnce() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("chunfeng.personal-data.keys.k1", k1)
			.withProperty("chunfeng.personal-data.current-key", "k1")
			.withProperty("chunfeng.personal-data.index-key", index);
		environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("variables",
				Map.of("CHUNFENG_PERSONAL_DATA_KEYS_K1", k1, "CHUNFENG_PERSONAL_DATA_KEYS_K0", k2)));
		assertThat(PersonalDataKeys.load(environment).sealingKeys()).containsOnlyKeys("k0", "k1");
	}

	@Test
	void aPartialOrBrokenConfigurationStopsStartUp() {
		assertThatThrownBy(() -> PersonalDataKeys.load(new MockEnvironment()
			.withProperty("chunfeng.personal-data.keys.k1", k1)
			.withProperty("chunfeng.personal-data.current-key", "k1")
			.withProperty("chunfeng.embedded-db.active", "true")))
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("chunfeng.personal-data.index-key");
		assertThatThrownBy(() -> PersonalDataKeys.load(new MockEnvironment()
			.withProperty("chunfeng.personal-data.keys.k1", k1)
			.withProperty("chunfeng.personal-data.current-key", "k9")
			.withProperty("chunfeng.personal-data.index-key", index)))
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("current-key");
		assertThatThrownBy(() -> PersonalDataKeys.load(new MockEnvironment()
			.withProperty("chunfeng.personal-data.keys.k1", base64(new byte[16]))
			.withProperty("chunfeng.personal-data.current-key", "k1")
			.withProperty("chunfeng.personal-data.index-key", index)))
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.satisfies(ex -> assertThat(((InvalidConfigurationPropertyValueException) ex).getReason())
				.contains("32 bytes"));
		assertThatThrownBy(() -> PersonalDataKeys.load(new MockEnvironment()
			.withProperty("chunfeng.personal-data.keys.k1", "not base64!")
			.withProperty("chunfeng.personal-data.current-key", "k1")
			.withProperty("chunfeng.personal-data.index-key", index)))
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageNotContaining("not base64!");
		assertThatThrownBy(() -> PersonalDataKeys.load(new MockEnvironment()
			.withProperty("chunfeng.personal-data.keys.k1", k1)
			.withProperty("chunfeng.personal-data.current-key", "k1")
			.withProperty("chunfeng.personal-data.index-key", k1)))
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("index-key");
	}

	@Test
	void anExternalDatabaseWithoutKeysIsRefusedWithOneLine() {
		MockEnvironment environment = new MockEnvironment().withProperty("chunfeng.data-dir", dataDir.toString());
		assertThatThrownBy(() -> PersonalDataKeys.load(environment))
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.satisfies(ex -> assertThat(((InvalidConfigurationPropertyValueException) ex).getReason())
				.contains("CHUNFENG_PERSONAL_DATA_INDEX_KEY")
				.doesNotContain("\n"));
		assertThat(dataDir.resolve(PersonalDataKeys.FILE_NAME)).doesNotExist();
	}

	@Test
	void theEmbeddedDatabaseKeepsGeneratedKeysInAnOwnerOnlyFile() throws Exception {
		MockEnvironment environment = new MockEnvironment().withProperty("chunfeng.embedded-db.active", "true")
			.withProperty("chunfeng.data-dir", dataDir.resolve("data").toString());
		KeyRing first = PersonalDataKeys.load(environment);
		Path file = dataDir.resolve("data").resolve(PersonalDataKeys.FILE_NAME);
		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (var files = Files.list(file.getParent())) {
			assertThat(files).as("no temporary file left behind").containsExactly(file);
		}

		// a restart reads the same keys: what was sealed before opens after
		Sealed sealed = new AesGcmPersonalData(first).seal("341221199001011234");
		KeyRing second = PersonalDataKeys.load(environment);
		AesGcmPersonalData restarted = new AesGcmPersonalData(second);
		assertThat(restarted.open(sealed)).isEqualTo("341221199001011234");
		assertThat(restarted.blindIndex(PersonalData.MOBILE_NUMBER, "13800138000"))
			.isEqualTo(new AesGcmPersonalData(first).blindIndex(PersonalData.MOBILE_NUMBER, "13800138000"));
	}

	@Test
	void aDamagedKeyFileIsReportedNotReplaced() throws Exception {
		Path file = dataDir.resolve(PersonalDataKeys.FILE_NAME);
		Files.writeString(file, "current-key=local1\nindex-key=" + index + "\n");
		MockEnvironment environment = new MockEnvironment().withProperty("chunfeng.embedded-db.active", "true")
			.withProperty("chunfeng.data-dir", dataDir.toString());
		assertThatThrownBy(() -> PersonalDataKeys.load(environment))
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.satisfies(ex -> assertThat(((InvalidConfigurationPropertyValueException) ex).getReason())
				.contains(file.toString()));
		assertThat(Files.readString(file)).isEqualTo("current-key=local1\nindex-key=" + index + "\n");
	}

	@Test
	void configuredKeysWinOverTheKeyFile() {
		MockEnvironment environment = new MockEnvironment().withProperty("chunfeng.embedded-db.active", "true")
			.withProperty("chunfeng.data-dir", dataDir.toString())
			.withProperty("chunfeng.personal-data.keys.prod", k1)
			.withProperty("chunfeng.personal-data.current-key", "prod")
			.withProperty("chunfeng.personal-data.index-key", index);
		assertThat(PersonalDataKeys.load(environment).currentKeyId()).isEqualTo("prod");
		assertThat(dataDir.resolve(PersonalDataKeys.FILE_NAME)).doesNotExist();
	}

	@Test
	void testRunsShareOneSetOfInMemoryKeys() {
		MockEnvironment environment = new MockEnvironment().withProperty("chunfeng.embedded-db.throwaway", "true")
			.withProperty("chunfeng.embedded-db.active", "true")
			.withProperty("chunfeng.data-dir", dataDir.toString());
		assertThat(PersonalDataKeys.load(environment)).isSameAs(PersonalDataKeys.load(environment));
		assertThat(dataDir.resolve(PersonalDataKeys.FILE_NAME)).doesNotExist();
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}
}
