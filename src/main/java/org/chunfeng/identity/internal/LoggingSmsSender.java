package org.chunfeng.identity.internal;

import org.chunfeng.identity.SmsSender;
import org.chunfeng.reference.MobileNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

/**
 * The SMS "gateway" of an installation without one: writes the message to the log, so a developer or a demo can
 * read the code there. The number is masked; the text (with its code) is logged in full on purpose. Any other
 * {@link SmsSender} bean replaces this one ({@link Fallback}, which unlike a missing-bean condition does not depend
 * on the order in which configurations are read).
 */
@Component
@Fallback
class LoggingSmsSender implements SmsSender {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

	@Override
	public void send(MobileNumber to, String text) {
		log.info("SMS not sent (no gateway configured) to {}: {}", to.masked(), text);
	}
}
