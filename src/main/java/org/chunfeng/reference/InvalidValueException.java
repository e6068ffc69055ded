package org.chunfeng.reference;

import java.text.MessageFormat;
import java.util.Locale;

import org.chunfeng.platform.LocalizedMessage;

/**
 * Thrown when a value type rejects its input (输入值无效).
 *
 * <p>{@link #code()} is a message key such as {@code value.residentId.checkDigit}, and
 * {@link #args()} are its {@link MessageFormat} arguments. The web layer resolves the code for
 * the user's locale (messages_zh_CN / messages_en); {@link #getMessage()} is the English text,
 * meant for logs and for callers without a message source.
 *
 * <p>As a {@link LocalizedMessage}, it is turned into a 400 naming the field by the platform's problem
 * advice, also when it surfaces as the cause of a conversion or JSON binding failure.
 *
 * <p>Messages never contain a full personal number (ID or mobile), so that they are safe to log.
 */
public class InvalidValueException extends IllegalArgumentException implements LocalizedMessage {

	private static final long serialVersionUID = 1L;

	private final String code;
	private final transient Object[] args;

	/**
	 * @param code           message key, resolved by the web layer
	 * @param defaultMessage English {@link MessageFormat} pattern, identical to messages_en
	 * @param args           arguments for {@code {0}}, {@code {1}}, ...
	 */
	public InvalidValueException(String code, String defaultMessage, Object... args) {
		// Formatting eagerly keeps getMessage() cheap and independent of later changes to args.
		super(new MessageFormat(defaultMessage, Locale.ENGLISH).format(args == null ? new Object[0] : args));
		this.code = code;
		this.args = args == null ? new Object[0] : args.clone();
	}

	/** The message key, e.g. {@code value.mobile.format}. */
	public String code() {
		return code;
	}

	/** The message arguments (a copy: the exception stays immutable). */
	public Object[] args() {
		return args == null ? new Object[0] : args.clone();
	}

	@Override
	public String messageCode() {
		return code();
	}

	@Override
	public Object[] messageArgs() {
		return args();
	}
}
