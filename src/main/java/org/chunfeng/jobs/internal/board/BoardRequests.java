package org.chunfeng.jobs.internal.board;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.JobSearch;
import org.chunfeng.jobs.PostingDetails;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.Occupations;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.springframework.stereotype.Component;

/**
 * Turns the board's request parameters (API and page alike) into a {@link JobSearch}, naming every parameter that
 * cannot be read: an unknown region or occupation is a mistake to tell the caller about, not a search that finds
 * nothing.
 */
@Component
class BoardRequests {

	static final int MAX_TEXT = 100;

	private static final Pattern OCCUPATION = Pattern.compile("[1-8](?:-\\d{2}){0,3}");

	private final Regions regions;
	private final Occupations occupations;

	BoardRequests(Regions regions, Occupations occupations) {
		this.regions = regions;
		this.occupations = occupations;
	}

	/**
	 * @throws InvalidFieldsException naming each bad parameter
	 */
	JobSearch search(String text, String region, String occupation, Integer wageAtLeast, JobKind kind) {
		return search(text, region, occupation, wageAtLeast, kind, new ArrayList<>());
	}

	/** The same, adding to problems already found (by the page, reading numbers and kinds itself). */
	JobSearch search(String text, String region, String occupation, Integer wageAtLeast, JobKind kind,
			List<InvalidRequestException> problems) {
		String q = blankToNull(text);
		if (q != null && q.length() > MAX_TEXT) {
			problems.add(new InvalidRequestException("q", "board.text.tooLong", MAX_TEXT));
		}
		RegionCode where = region(blankToNull(region), problems);
		String what = occupation(blankToNull(occupation), problems);
		if (wageAtLeast != null && (wageAtLeast < 0 || wageAtLeast > PostingDetails.MAX_WAGE)) {
			problems.add(new InvalidRequestException("wageAtLeast", "board.wage.range", PostingDetails.MAX_WAGE));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return new JobSearch(q, where, what, wageAtLeast, kind);
	}

	private RegionCode region(String text, List<InvalidRequestException> problems) {
		if (text == null) {
			return null;
		}
		try {
			RegionCode code = RegionCode.of(text);
			if (regions.find(code).isEmpty()) {
				problems.add(new InvalidRequestException("region", "board.region.unknown", code.value()));
				return null;
			}
			return code;
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidRequestException("region", ex.code(), ex.args()));
			return null;
		}
	}

	private String occupation(String text, List<InvalidRequestException> problems) {
		if (text == null) {
			return null;
		}
		if (!OCCUPATION.matcher(text).matches() || occupations.find(text).isEmpty()) {
			problems.add(new InvalidRequestException("occupation", "board.occupation.unknown", text));
			return null;
		}
		return text;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
