package org.chunfeng.subsidies.internal;

/** What a file is, by its first bytes (not its name or the type the browser claims): PDF, JPEG or PNG, else nothing. */
final class EvidenceTypes {

	private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };
	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private EvidenceTypes() {
	}

	static String detect(byte[] head) {
		if (startsWith(head, PDF)) {
			return "application/pdf";
		}
		if (startsWith(head, JPEG)) {
			return "image/jpeg";
		}
		if (startsWith(head, PNG)) {
			return "image/png";
		}
		return null;
	}

	private static boolean startsWith(byte[] head, byte[] magic) {
		if (head.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (head[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}
}
