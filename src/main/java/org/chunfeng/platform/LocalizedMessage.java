package org.chunfeng.platform;

/**
 * Something that explains itself to the user through a message key of {@code messages_*.properties}, so the
 * web layer can say it in the user's language.
 */
public interface LocalizedMessage {

	String messageCode();

	Object[] messageArgs();
}
