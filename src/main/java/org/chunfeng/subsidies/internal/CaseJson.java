package org.chunfeng.subsidies.internal;

import java.util.List;

import org.chunfeng.subsidies.CaseFacts;
import org.chunfeng.subsidies.ReviewLevel;
import org.chunfeng.subsidies.rules.Assessment;
import org.chunfeng.subsidies.rules.AssessmentCase;
import org.chunfeng.subsidies.rules.LivingSubsidyCase;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.RefundCase;
import org.chunfeng.subsidies.rules.StayPutCase;
import org.chunfeng.subsidies.rules.TrainingSubsidyCase;
import org.chunfeng.subsidies.rules.WorkForTrainingCase;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cases, facts and assessments as stored with an application (JSONB): the records by their components, amounts in
 * fen, dates as {@code yyyy-MM-dd}. A mapper of its own, so the stored form does not follow the web layer's settings.
 */
final class CaseJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CaseJson() {
	}

	static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

	static Class<? extends AssessmentCase> caseType(ProgramKind kind) {
		return switch (kind) {
			case JOB_STABILIZING_REFUND -> RefundCase.class;
			case WORK_FOR_TRAINING -> WorkForTrainingCase.class;
			case TRAINING_SUBSIDY -> TrainingSubsidyCase.class;
			case STAY_PUT_SUBSIDY -> StayPutCase.class;
			case TEMPORARY_LIVING_SUBSIDY, UNEMPLOYMENT_SUBSIDY -> LivingSubsidyCase.class;
		};
	}

	static AssessmentCase readCase(ProgramKind kind, String json) {
		return JSON.readValue(json, caseType(kind));
	}

	static Assessment readAssessment(String json) {
		return json == null ? null : JSON.readValue(json, Assessment.class);
	}

	static CaseFacts readFacts(String json) {
		return JSON.readValue(json, CaseFacts.class);
	}

	static List<ReviewLevel> readSteps(String json) {
		return JSON.readValue(json, new TypeReference<List<ReviewLevel>>() {
		});
	}
}
