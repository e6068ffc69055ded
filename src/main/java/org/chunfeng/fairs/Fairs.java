package org.chunfeng.fairs;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.reference.RegionCode;

/**
 * Planning fairs and series (招聘会计划) for the bureau's staff, inside their region; the public list of upcoming fairs;
 * and what fairs achieved. A published fair is visible to everybody; only the staff of its region change it.
 */
public interface Fairs {

	/**
	 * Plans a fair (not yet public).
	 *
	 * @param region the organising bureau's region, within the caller's; {@code null} for the caller's own
	 * @throws org.chunfeng.platform.InvalidFieldsException naming every bad field (also unknown codes)
	 */
	Fair plan(RegionCode region, FairDetails details);

	/**
	 * Changes a fair that is not cancelled nor over.
	 *
	 * @throws ConflictException if saved since {@code version}
	 * @throws org.chunfeng.platform.InvalidRequestException on a capacity below what is already confirmed or registered
	 */
	Fair revise(long fairId, int version, FairDetails details);

	/** Makes a planned fair public (发布): enterprises may book, workers may register. */
	Fair publish(long fairId);

	/**
	 * Cancels a fair that is not over; its booths and registrations stay, shown as cancelled.
	 *
	 * @throws RefusedException if already cancelled or over
	 */
	Fair cancel(long fairId, String reason);

	/** A fair the caller may see: public, or of its region. */
	Optional<Fair> find(long fairId);

	/**
	 * A fair the caller's bureau runs.
	 *
	 * @throws NotFoundException if none in the caller's region
	 */
	Fair manageable(long fairId);

	/** The fairs of the caller's region, the latest start first. */
	Paged<Fair> search(FairQuery query, PageQuery page);

	/** The fairs of the caller's region on the days from {@code from} to {@code to} (a calendar), by start. */
	List<Fair> calendar(LocalDate from, LocalDate to);

	/** Published fairs that are not over, soonest first, optionally within a region (anybody's list). */
	Paged<Fair> upcoming(RegionCode within, PageQuery page);

	/**
	 * Plans a series and generates its fairs (planned, each a fair of its own).
	 *
	 * @throws org.chunfeng.platform.InvalidFieldsException for a bad series or fair, or more than
	 *         {@link SeriesPlan#MAX_FAIRS} fairs
	 */
	FairSeries planSeries(RegionCode region, SeriesPlan plan);

	Optional<FairSeries> findSeries(long seriesId);

	/** The series of the caller's region, the latest first. */
	Paged<FairSeries> series(PageQuery page);

	/** The fairs of a series, by start. */
	List<Fair> fairsOf(long seriesId);

	/** Publishes the series' planned fairs that are not over; how many. */
	int publishSeries(long seriesId);

	/** Cancels the series' fairs that are neither cancelled nor over; how many. */
	int cancelSeries(long seriesId, String reason);

	/** The partner agencies that may organise a fair, the bureau first: code to name in {@code zh}/{@code en}. */
	List<Organiser> organisers();

	/** What a fair achieved. */
	FairFigures figures(long fairId);

	/** What each fair of a series achieved, by fair id. */
	Map<Long, FairFigures> figuresOfSeries(long seriesId);

	/** What a series achieved: the sum over its fairs that were not cancelled. */
	FairFigures seriesFigures(long seriesId);

	/** An organiser of fairs (主办单位). */
	record Organiser(String code, String nameZh, String nameEn) {

		public String name(java.util.Locale locale) {
			return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
		}
	}
}
