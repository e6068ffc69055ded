package org.chunfeng.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Loads the personal-data keys once, at start-up, so that a missing or broken key stops the application early. */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

	@Bean
	KeyRing personalDataKeys(Environment environment) {
		KeyRing keys = PersonalDataKeys.load(environment);
		log.info("Personal-data keys from {}: sealing with {}, {} key(s) configured", keys.source(),
				keys.currentKeyId(), keys.sealingKeys().size());
		return keys;
	}
}
