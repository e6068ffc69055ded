package org.chunfeng.training.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.Money;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.training.Delivery;
import org.chunfeng.training.ProjectDetails;
import org.chunfeng.training.TrainingProject;
import org.springframework.util.MultiValueMap;

/**
 * The project form as typed: kept as text, so a field that cannot be read is named and everything else stays in the
 * form. The subsidy is typed in yuan (e.g. 1500 or 1,500.00) and kept in fen.
 */
record ProjectForm(Integer version, String provider, String title, String occupationCode, String skills,
		String description, String delivery, String venueRegion, String venue, String startDate, String endDate,
		String places, boolean subsidyEligible, String subsidyYuan) {

	static ProjectForm empty(LocalDate today) {
		return new ProjectForm(null, null, null, null, null, null, Delivery.OFFLINE.name(), null, null,
				today.plusDays(7).toString(), today.plusDays(37).toString(), "30", false, null);
	}

	static ProjectForm of(TrainingProject project) {
		ProjectDetails d = project.details();
		return new ProjectForm(project.version(), d.provider(), d.title(), d.occupationCode(),
				String.join("，", d.skills()), d.description(), d.delivery().name(),
				d.venueRegion() == null ? null : d.venueRegion().value(), d.venue(), d.startDate().toString(),
				d.endDate().toString(), String.valueOf(d.places()), d.subsidyEligible(),
				d.subsidyFen() == null ? null : Money.ofFen(d.subsidyFen()).toYuan().toPlainString());
	}

	static ProjectForm of(MultiValueMap<String, String> params) {
		Integer version = null;
		try {
			String text = params.getFirst("version");
			version = text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			version = null;
		}
		return new ProjectForm(version, params.getFirst("provider"), params.getFirst("title"),
				params.getFirst("occupationCode"), params.getFirst("skills"), params.getFirst("description"),
				params.getFirst("delivery"), params.getFirst("venueRegion"), params.getFirst("venue"),
				params.getFirst("startDate"), params.getFirst("endDate"), params.getFirst("places"),
				params.containsKey("subsidyEligible"), params.getFirst("subsidyYuan"));
	}

	/**
	 * The details, checked.
	 *
	 * @throws InvalidFieldsException naming every field that cannot be read or breaks a rule
	 */
	ProjectDetails details() {
		List<InvalidRequestException> problems = new ArrayList<>();
		RegionCode region = null;
		if (venueRegion != null && !venueRegion.isBlank()) {
			try {
				region = RegionCode.of(venueRegion.strip());
			}
			catch (InvalidValueException ex) {
				problems.add(new InvalidRequestException("venueRegion", ex.messageCode(), ex.messageArgs()));
			}
		}
		Integer count = null;
		if (places != null && !places.isBlank()) {
			try {
				count = Integer.valueOf(places.strip().replace(",", ""));
			}
			catch (NumberFormatException ex) {
				problems.add(new InvalidRequestException("places", "problem.field.number"));
			}
		}
		Long fen = null;
		if (subsidyYuan != null && !subsidyYuan.isBlank()) {
			try {
				fen = Money.parse(subsidyYuan).fen();
			}
			catch (InvalidValueException ex) {
				problems.add(new InvalidRequestException("subsidyFen", ex.messageCode(), ex.messageArgs()));
			}
		}
		LocalDate start = date(problems, "startDate", startDate);
		LocalDate end = date(problems, "endDate", endDate);
		Delivery how = null;
		if (delivery != null && !delivery.isBlank()) {
			try {
				how = Delivery.valueOf(delivery.strip());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new InvalidRequestException("delivery", "problem.field.typeValue", delivery));
			}
		}
		List<String> skillList = skills == null ? List.of() : Arrays.asList(skills.split("[,，、;；\\s]+"));
		ProjectDetails details = new ProjectDetails(provider, title, occupationCode, skillList, description, how,
				region, venue, start, end, count, subsidyEligible, fen);
		try {
			details.check();
		}
		catch (InvalidFieldsException ex) {
			// a field that could not be read is reported once, as unreadable, not also as missing
			ex.problems().stream()
				.filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
				.forEach(problems::add);
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return details;
	}

	private static LocalDate date(List<InvalidRequestException> problems, String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new InvalidRequestException(field, "problem.field.date"));
			return null;
		}
	}

	ProjectForm withVersion(int newVersion) {
		return new ProjectForm(newVersion, provider, title, occupationCode, skills, description, delivery, venueRegion,
				venue, startDate, endDate, places, subsidyEligible, subsidyYuan);
	}
}
