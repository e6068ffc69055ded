package org.chunfeng.reference;

import java.util.HashMap;
import java.util.Map;

/**
 * GB 32100 and GB 11714 check characters implemented independently of the production code:
 * character values from a map built by enumerating digits and letters, weights 3^i mod 31
 * computed on the fly.
 */
final class CreditCodes {

	static final Map<Character, Integer> VALUES = new HashMap<>();

	static final char[] ALPHABET;

	static {
		StringBuilder alphabet = new StringBuilder();
		for (char c = '0'; c <= '9'; c++) {
			alphabet.append(c);
		}
		for (char c = 'A'; c <= 'Z'; c++) {
			if ("IOSVZ".indexOf(c) < 0) {
				alphabet.append(c);
			}
		}
		ALPHABET = alphabet.toString().toCharArray();
		for (int i = 0; i < ALPHABET.length; i++) {
			VALUES.put(ALPHABET[i], i);
		}
	}

	private CreditCodes() {
	}

	static char checkChar(String first17) {
		int sum = 0;
		int weight = 1;
		for (int i = 0; i < 17; i++) {
			sum += VALUES.get(first17.charAt(i)) * weight;
			weight = weight * 3 % 31;
		}
		int check = sum % 31 == 0 ? 0 : 31 - sum % 31;
		return ALPHABET[check];
	}

	/** GB 11714: digits 0-9, letters A=10 ... Z=35 in the full Latin alphabet. */
	static char organisationCheckChar(String first8) {
		int[] weights = { 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			char c = first8.charAt(i);
			int value = c <= '9' ? c - '0' : c - 'A' + 10;
			sum += value * weights[i];
		}
		int check = 11 - sum % 11;
		return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
	}

	static String complete(String authorityAndType, String region, String organisationBody) {
		String first17 = authorityAndType + region + organisationBody + organisationCheckChar(organisationBody);
		return first17 + checkChar(first17);
	}

}
