package org.chunfeng.matching.internal.engine;

/**
 * The points of each part of a match score (匹配分值), all configuration ({@code chunfeng.matching.weights.*}); the
 * defaults are documented in {@code docs/matching.md}. A score is a whole number so that the engine and the SQL
 * baseline agree exactly.
 *
 * @param occupationExact      the posting's occupation is one of the worker's (same 4-level code)
 * @param occupationMinor      same minor group (小类, e.g. 6-29-02)
 * @param occupationMiddle     same middle group (中类, e.g. 6-29)
 * @param placeCounty          the workplace is in the worker's county (residence, or home when going home)
 * @param placePreferred       the workplace is within one of the worker's preferred regions (意向工作地)
 * @param placePrefecture      same prefecture (地级市)
 * @param placeProvince        same province
 * @param skillEach            per skill the worker has and the posting asks for
 * @param skillCap             at most this much for skills
 * @param wageFull             the posting's top wage reaches the worker's expectation (or none was given)
 * @param wageNear             it reaches 90% of it
 * @param industry             the enterprise is in one of the worker's preferred industries
 * @param keyGroup             a key-group worker and a posting reserved for key groups (重点群体优先)
 * @param festival             fits the festival plan: stays put and the job runs through the festival, or goes home
 *                             and the job starts on or after the return date
 */
public record Weights(int occupationExact, int occupationMinor, int occupationMiddle, int placeCounty,
		int placePreferred, int placePrefecture, int placeProvince, int skillEach, int skillCap, int wageFull,
		int wageNear, int industry, int keyGroup, int festival) {

	public static final Weights DEFAULTS = new Weights(40, 28, 16, 30, 25, 20, 10, 4, 12, 10, 5, 6, 8, 8);

	public Weights {
		int[] all = { occupationExact, occupationMinor, occupationMiddle, placeCounty, placePreferred, placePrefecture,
				placeProvince, skillEach, skillCap, wageFull, wageNear, industry, keyGroup, festival };
		for (int weight : all) {
			if (weight < 0 || weight > 1000) {
				throw new IllegalArgumentException("match weights are whole numbers from 0 to 1000");
			}
		}
	}
}
