package org.chunfeng.fairs;

/**
 * What a fair (or a series) achieved (招聘会成效).
 *
 * @param fairs         fairs counted (1 for a fair; the series' fairs that were not cancelled)
 * @param registrations workers registered
 * @param attendance    tickets checked in at the door
 * @param booths        confirmed booths
 * @param postings      postings shown at confirmed booths
 * @param intentions    intentions recorded at the booths
 * @param hires         intentions that ended in a hire
 */
public record FairFigures(long fairs, long registrations, long attendance, long booths, long postings,
		long intentions, long hires) {

	public static final FairFigures NONE = new FairFigures(0, 0, 0, 0, 0, 0, 0);
}
