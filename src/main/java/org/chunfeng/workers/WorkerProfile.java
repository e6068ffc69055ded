package org.chunfeng.workers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.RegionCode;

/**
 * What a worker, a caseworker or an import may set on a worker's record, apart from the ID number (fixed), the
 * personal numbers (written separately, read only masked) and the festival plan.
 *
 * @param name                姓名, 1 to 50 characters
 * @param residence           现居住地: a current county-level division; the region-scope key
 * @param address             现居住地址, up to 200 characters
 * @param employerId          the registered enterprise employing the worker; only when {@code EMPLOYED}
 * @param status              就业状态
 * @param occupations         职业 codes, most relevant first, at most 5
 * @param skills              技能 words, at most 20 of up to 30 characters
 * @param education           文化程度, optional
 * @param expectedWage        期望月薪 in yuan, optional
 * @param preferredIndustries GB/T 4754 codes, at most 10
 * @param preferredRegions    意向工作地, at most 10 region codes
 * @param keyGroups           重点群体
 * @param consent             the worker agrees to the use of the data for employment services (数据使用授权)
 */
public record WorkerProfile(String name, RegionCode residence, String address, Long employerId,
		EmploymentStatus status, List<String> occupations, List<String> skills, Education education,
		Integer expectedWage, List<String> preferredIndustries, List<RegionCode> preferredRegions,
		Set<KeyGroup> keyGroups, boolean consent) {

	public static final int MAX_NAME = 50;
	public static final int MAX_ADDRESS = 200;
	public static final int MAX_OCCUPATIONS = 5;
	public static final int MAX_SKILLS = 20;
	public static final int MAX_SKILL = 30;
	public static final int MAX_PREFERENCES = 10;
	public static final int MAX_WAGE = 1_000_000;

	public WorkerProfile {
		name = name == null ? "" : name.strip();
		if (name.isEmpty()) {
			throw new InvalidRequestException("name", "problem.field.required");
		}
		if (name.codePointCount(0, name.length()) > MAX_NAME) {
			throw new InvalidRequestException("name", "worker.name.length", MAX_NAME);
		}
		if (residence == null) {
			throw new InvalidRequestException("residence", "problem.field.required");
		}
		address = address == null || address.isBlank() ? null : address.strip();
		if (address != null && address.length() > MAX_ADDRESS) {
			throw new InvalidRequestException("address", "worker.address.length", MAX_ADDRESS);
		}
		if (status == null) {
			throw new InvalidRequestException("status", "problem.field.required");
		}
		if (employerId != null && status != EmploymentStatus.EMPLOYED) {
			throw new InvalidRequestException("employerId", "worker.employer.notEmployed");
		}
		occupations = distinct("occupations", occupations, MAX_OCCUPATIONS, 12);
		skills = distinct("skills", skills, MAX_SKILLS, MAX_SKILL);
		if (expectedWage != null && (expectedWage < 0 || expectedWage > MAX_WAGE)) {
			throw new InvalidRequestException("expectedWage", "worker.expectedWage.range", MAX_WAGE);
		}
		preferredIndustries = distinct("preferredIndustries", preferredIndustries, MAX_PREFERENCES, 5);
		if (preferredRegions == null) {
			preferredRegions = List.of();
		}
		if (preferredRegions.stream().anyMatch(java.util.Objects::isNull)) {
			throw new InvalidRequestException("preferredRegions", "problem.field.required");
		}
		preferredRegions = List.copyOf(new LinkedHashSet<>(preferredRegions));
		if (preferredRegions.size() > MAX_PREFERENCES) {
			throw new InvalidRequestException("preferredRegions", "worker.list.tooLong", MAX_PREFERENCES);
		}
		keyGroups = keyGroups(keyGroups);
	}

	/** Trimmed, without blanks or repeats, in the order given. */
	private static List<String> distinct(String field, List<String> values, int maxItems, int maxLength) {
		if (values == null) {
			return List.of();
		}
		LinkedHashSet<String> kept = new LinkedHashSet<>();
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				String stripped = value.strip();
				if (stripped.length() > maxLength) {
					throw new InvalidRequestException(field, "worker.item.length", stripped, maxLength);
				}
				kept.add(stripped);
			}
		}
		if (kept.size() > maxItems) {
			throw new InvalidRequestException(field, "worker.list.tooLong", maxItems);
		}
		return List.copyOf(new ArrayList<>(kept));
	}

	private static Set<KeyGroup> keyGroups(Collection<KeyGroup> groups) {
		EnumSet<KeyGroup> copy = EnumSet.noneOf(KeyGroup.class);
		if (groups != null) {
			for (KeyGroup group : groups) {
				if (group == null) {
					throw new InvalidRequestException("keyGroups", "problem.field.required");
				}
				copy.add(group);
			}
		}
		return Collections.unmodifiableSet(copy);
	}

	/** The least a caseworker must know to register somebody. */
	public static WorkerProfile basic(String name, RegionCode residence, EmploymentStatus status) {
		return new WorkerProfile(name, residence, null, null, status, List.of(), List.of(), null, null, List.of(),
				List.of(), Set.of(), false);
	}

	/** The same profile with another employer (and status {@code EMPLOYED}). */
	public WorkerProfile withEmployer(Long employer) {
		return new WorkerProfile(name, residence, address, employer, EmploymentStatus.EMPLOYED, occupations, skills,
				education, expectedWage, preferredIndustries, preferredRegions, keyGroups, consent);
	}

	public WorkerProfile withOccupations(List<String> codes) {
		return new WorkerProfile(name, residence, address, employerId, status, codes, skills, education,
				expectedWage, preferredIndustries, preferredRegions, keyGroups, consent);
	}

	public WorkerProfile withKeyGroups(Set<KeyGroup> groups) {
		return new WorkerProfile(name, residence, address, employerId, status, occupations, skills, education,
				expectedWage, preferredIndustries, preferredRegions, groups, consent);
	}

	public WorkerProfile withConsent(boolean given) {
		return new WorkerProfile(name, residence, address, employerId, status, occupations, skills, education,
				expectedWage, preferredIndustries, preferredRegions, keyGroups, given);
	}

	public WorkerProfile withResidence(RegionCode region) {
		return new WorkerProfile(name, region, address, employerId, status, occupations, skills, education,
				expectedWage, preferredIndustries, preferredRegions, keyGroups, consent);
	}
}
