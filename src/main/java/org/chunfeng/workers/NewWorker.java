package org.chunfeng.workers;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.ResidentIdNumber;

/**
 * A worker to register. Birth date, sex and hukou region (户籍地) are read from the ID number, never typed twice.
 *
 * @param name           姓名, 1 to 50 characters
 * @param idNumber       公民身份号码: one worker per number
 * @param mobile         手机号码, optional
 * @param residence      where the worker lives now (现居住地), a current county-level division
 * @param employerId     the registered enterprise employing the worker; only when {@code EMPLOYED}, and optional
 *                       then (the employer may not be registered)
 * @param status         就业状态
 * @param occupationCode 职业 code, optional, e.g. {@code 6-25-04-07}
 * @param keyGroups      重点群体, possibly empty
 * @param plan           春节去留意向
 * @param source         登记来源
 */
public record NewWorker(String name, ResidentIdNumber idNumber, MobileNumber mobile, RegionCode residence,
		Long employerId, EmploymentStatus status, String occupationCode, Set<KeyGroup> keyGroups, FestivalPlan plan,
		RegistrationSource source) {

	public static final int MAX_NAME = 50;

	public NewWorker {
		name = name == null ? "" : name.strip();
		if (name.isEmpty()) {
			throw new InvalidRequestException("name", "problem.field.required");
		}
		if (name.codePointCount(0, name.length()) > MAX_NAME) {
			throw new InvalidRequestException("name", "worker.name.length", MAX_NAME);
		}
		required("idNumber", idNumber);
		required("residence", residence);
		required("status", status);
		required("plan", plan);
		required("source", source);
		if (employerId != null && status != EmploymentStatus.EMPLOYED) {
			throw new InvalidRequestException("employerId", "worker.employer.notEmployed");
		}
		occupationCode = occupationCode == null || occupationCode.isBlank() ? null : occupationCode.strip();
		keyGroups = keyGroups(keyGroups);
	}

	private static void required(String field, Object value) {
		if (value == null) {
			throw new InvalidRequestException(field, "problem.field.required");
		}
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

	/** The same worker with another employer (and status {@code EMPLOYED}). */
	public NewWorker withEmployer(long employer) {
		return new NewWorker(name, idNumber, mobile, residence, employer, EmploymentStatus.EMPLOYED, occupationCode,
				keyGroups, plan, source);
	}
}
