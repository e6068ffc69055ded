package org.chunfeng.subsidies;

import java.util.Optional;

import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.subsidies.rules.ProgramKind;

/**
 * Subsidy programs inside the current region scope: the shipped templates and every program of the caller's region,
 * of the regions inside it and of the regions around it (a county's staff work under the city's programs) are
 * readable; only programs of the caller's region and inside it are changed, and templates never. Whether the caller
 * is an administrator is the caller's business; what a state allows is checked here and again by the database.
 */
public interface SubsidyPrograms {

	/**
	 * Sets up a draft program of {@code region} (the caller's own if null).
	 *
	 * @throws org.chunfeng.platform.InvalidFieldsException naming every field that breaks a rule
	 */
	SubsidyProgram create(RegionCode region, ProgramKind kind, ProgramDetails details);

	/**
	 * A draft of {@code region} (the caller's own if null) copied from any readable program or template for
	 * {@code policyYear}: dates move by the years between, the name's year too unless {@code name} is given.
	 */
	SubsidyProgram copy(long programId, RegionCode region, int policyYear, String name);

	/**
	 * Changes a program: anything of a draft; of an open one only the name, budget, closing date and basis.
	 *
	 * @throws ConflictException if saved since {@code version}
	 * @throws RefusedException  if closed, a template, or an open program's rules would change
	 */
	SubsidyProgram revise(long programId, int version, ProgramDetails details);

	/**
	 * Changes a program and its review steps (a draft's only; {@code null} keeps them). An open program's budget change
	 * is allotted to the payments module in the same transaction.
	 *
	 * @throws org.chunfeng.platform.InvalidRequestException naming {@code reviewSteps} unless one to three distinct
	 *         levels, lower first
	 */
	SubsidyProgram revise(long programId, int version, ProgramDetails details, java.util.List<ReviewLevel> reviewSteps);

	/**
	 * Opens a draft: it needs a budget, complete parameters and a closing date not past.
	 *
	 * @throws RefusedException if it cannot open now, saying why
	 */
	SubsidyProgram open(long programId, int version);

	/** Closes an open program: it takes no more cases. */
	SubsidyProgram close(long programId, int version);

	Optional<SubsidyProgram> find(long programId);

	/** Templates and programs readable by the caller: open first, then the latest policy year, then by name. */
	Paged<SubsidyProgram> search(ProgramQuery query, PageQuery page);
}
