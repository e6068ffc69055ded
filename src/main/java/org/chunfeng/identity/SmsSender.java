package org.chunfeng.identity;

import org.chunfeng.reference.MobileNumber;

/**
 * Sends a text message (短信) to a mobile phone: verification codes for now.
 *
 * <p>Without a gateway the installation only logs the message (number masked, text in full), which is enough for a
 * demo or a developer. A bureau plugs in its SMS gateway (运营商或云短信平台) by providing a Spring bean of this type;
 * it then replaces the logging default, wherever it is declared.
 */
public interface SmsSender {

	/**
	 * Sends one message; returns once the gateway has accepted it.
	 *
	 * @param text the whole message, signature (签名) included
	 * @throws RuntimeException when the gateway refuses or cannot be reached; the caller then does not count the
	 *         message as sent
	 */
	void send(MobileNumber to, String text);
}
