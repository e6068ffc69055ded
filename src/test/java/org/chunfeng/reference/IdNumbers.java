package org.chunfeng.reference;

/**
 * An implementation of the GB 11643 check character independent of the production code: weights
 * computed as 2^(17-i) mod 11 on the fly, check value (12 - sum mod 11) mod 11, 10 written as X.
 */
final class IdNumbers {

	private IdNumbers() {
	}

	static char checkChar(String first17) {
		int sum = 0;
		int weight = 1; // 2^0, the weight of position 18
		for (int i = 16; i >= 0; i--) {
			weight = weight * 2 % 11;
			sum += Character.digit(first17.charAt(i), 10) * weight;
		}
		int check = (12 - sum % 11) % 11;
		return check == 10 ? 'X' : Character.forDigit(check, 10);
	}

	static String complete(String first17) {
		return first17 + checkChar(first17);
	}

}
