package org.chunfeng.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link RegionCode}, each checked on {@value #TRIES} inputs generated from a fixed seed, so that
 * every run sees the same cases and a failing one is named in the test report.
 */
class RegionCodeProperties {

	static final int TRIES = 1000;

	static final String[] PROVINCES = { "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35",
			"36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
			"71", "81", "82" };

	private static final int[] NEARBY_PARTS = { 0, 0, 1, 2, 5 };

	/**
	 * Any structurally valid code, from every province and every part of the 00-99 ranges; the part 00 (province
	 * and prefecture level codes) is drawn more often than its uniform share.
	 */
	static String anyRegion(RandomGenerator random) {
		int prefecture = part(random);
		int county = part(random);
		return PROVINCES[random.nextInt(PROVINCES.length)] + twoDigits(prefecture)
				+ twoDigits(prefecture == 0 ? 0 : county);
	}

	private static int part(RandomGenerator random) {
		return random.nextInt(10) == 0 ? 0 : random.nextInt(0, 100);
	}

	/** Codes from a small space, so that pairs often share a province or prefecture. */
	static RegionCode nearbyRegion(RandomGenerator random) {
		String province = random.nextBoolean() ? "32" : "33";
		int prefecture = NEARBY_PARTS[random.nextInt(NEARBY_PARTS.length)];
		int county = NEARBY_PARTS[random.nextInt(NEARBY_PARTS.length)];
		return new RegionCode(province + twoDigits(prefecture) + twoDigits(prefecture == 0 ? 0 : county));
	}

	static Stream<String> regions() {
		Random random = new Random(0x5245_4731L);
		return IntStream.range(0, TRIES).mapToObj(i -> anyRegion(random));
	}

	static Stream<Arguments> nearbyPairs() {
		Random random = new Random(0x5245_4732L);
		return IntStream.range(0, TRIES).mapToObj(i -> Arguments.of(nearbyRegion(random), nearbyRegion(random)));
	}

	static Stream<Arguments> nearbyTriples() {
		Random random = new Random(0x5245_4733L);
		return IntStream.range(0, TRIES)
			.mapToObj(i -> Arguments.of(nearbyRegion(random), nearbyRegion(random), nearbyRegion(random)));
	}

	@ParameterizedTest
	@MethodSource("regions")
	void everyStructurallyValidCodeIsAccepted(String code) {
		RegionCode region = RegionCode.of(code);

		assertThat(region.value()).isEqualTo(code);
		assertThat(code).startsWith(region.scopePrefix());
		assertThat(region.contains(region)).isTrue();
	}

	/** contains() against an independent statement of scope: same province, same prefecture, or equal. */
	@ParameterizedTest
	@MethodSource("nearbyPairs")
	void containsMeansSharingTheScopePrefix(RegionCode a, RegionCode b) {
		boolean expected = switch (a.level()) {
			case PROVINCE -> a.value().regionMatches(0, b.value(), 0, 2);
			case PREFECTURE -> a.value().regionMatches(0, b.value(), 0, 4);
			case COUNTY -> a.equals(b);
		};
		assertThat(a.contains(b)).isEqualTo(expected);
		assertThat(a.contains(b)).isEqualTo(b.value().startsWith(a.scopePrefix()));
	}

	@ParameterizedTest
	@MethodSource("nearbyTriples")
	void containsIsTransitiveAndAntisymmetric(RegionCode a, RegionCode b, RegionCode c) {
		if (a.contains(b) && b.contains(c)) {
			assertThat(a.contains(c)).isTrue();
		}
		if (a.contains(b) && b.contains(a)) {
			assertThat(a).isEqualTo(b);
		}
	}

	@ParameterizedTest
	@MethodSource("regions")
	void everyAncestorContainsItsDescendants(String code) {
		RegionCode region = RegionCode.of(code);
		int depth = 0;
		for (Optional<RegionCode> up = region.parent(); up.isPresent(); up = up.get().parent()) {
			assertThat(up.get().contains(region)).isTrue();
			assertThat(region.contains(up.get())).isFalse();
			assertThat(up.get().level().ordinal()).isLessThan(region.level().ordinal());
			depth++;
		}
		assertThat(depth).isEqualTo(region.level().ordinal());
		assertThat(region.province().contains(region)).isTrue();
	}

	static String twoDigits(int n) {
		return n < 10 ? "0" + n : Integer.toString(n);
	}

}
