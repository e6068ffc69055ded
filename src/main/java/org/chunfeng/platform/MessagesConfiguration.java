package org.chunfeng.platform;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The texts of {@code messages_zh_CN.properties} and {@code messages_en.properties}. Declared here because there is
 * deliberately no language-less {@code messages.properties}: Chinese is the fallback for every other locale.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	@Bean
	MessageSource messageSource() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		// apply MessageFormat even without arguments, so quoting rules are the same for every text
		messages.setAlwaysUseMessageFormat(true);
		return messages;
	}
}
