package org.chunfeng.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RegionCodeProperties {

	static final String[] PROVINCES = { "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35",
			"36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
			"71", "81", "82" };

	/** Any structurally valid code, from every province and every part of the 00-99 ranges. */
	static Arbitrary<String> anyRegion() {
		Arbitrary<Integer> part = Arbitraries.integers().between(0, 99);
		return Combinators.combine(Arbitraries.of(PROVINCES), part, part)
			.as((province, prefecture, county) -> province + twoDigits(prefecture)
					+ twoDigits(prefecture == 0 ? 0 : county));
	}

	/** Codes from a small space, so that pairs often share a province or prefecture. */
	static Arbitrary<RegionCode> nearbyRegion() {
		Arbitrary<Integer> part = Arbitraries.of(0, 0, 1, 2, 5);
		return Combinators.combine(Arbitraries.of("32", "33"), part, part)
			.as((province, prefecture, county) -> new RegionCode(
					province + twoDigits(prefecture) + twoDigits(prefecture == 0 ? 0 : county)));
	}

	@Provide
	Arbitrary<String> regions() {
		return anyRegion();
	}

	@Provide
	Arbitrary<RegionCode> nearby() {
		return nearbyRegion();
	}

	@Property
	void everyStructurallyValidCodeIsAccepted(@ForAll("regions") String code) {
		RegionCode region = RegionCode.of(code);

		assertThat(region.value()).isEqualTo(code);
		assertThat(code).startsWith(region.scopePrefix());
		assertThat(region.contains(region)).isTrue();
	}

	/** contains() against an independent statement of scope: same province, same prefecture, or equal. */
	@Property
	void containsMeansSharingTheScopePrefix(@ForAll("nearby") RegionCode a, @ForAll("nearby") RegionCode b) {
		boolean expected = switch (a.level()) {
			case PROVINCE -> a.value().regionMatches(0, b.value(), 0, 2);
			case PREFECTURE -> a.value().regionMatches(0, b.value(), 0, 4);
			case COUNTY -> a.equals(b);
		};
		assertThat(a.contains(b)).isEqualTo(expected);
		assertThat(a.contains(b)).isEqualTo(b.value().startsWith(a.scopePrefix()));
	}

	@Property
	void containsIsTransitiveAndAntisymmetric(@ForAll("nearby") RegionCode a, @ForAll("nearby") RegionCode b,
			@ForAll("nearby") RegionCode c) {
		if (a.contains(b) && b.contains(c)) {
			assertThat(a.contains(c)).isTrue();
		}
		if (a.contains(b) && b.contains(a)) {
			assertThat(a).isEqualTo(b);
		}
	}

	@Property
	void everyAncestorContainsItsDescendants(@ForAll("regions") String code) {
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
