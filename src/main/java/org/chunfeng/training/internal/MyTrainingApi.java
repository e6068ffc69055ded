package org.chunfeng.training.internal;

import static org.chunfeng.training.internal.TrainingRequests.required;

import java.util.List;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.training.ReferralStatus;
import org.chunfeng.training.TrainingReferral;
import org.chunfeng.training.Trainings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A signed-in worker's own training referrals: follow them, accept (enrol) or decline. */
@RestController
@Tag(name = "Training")
class MyTrainingApi {

	private final Trainings trainings;
	private final TrainingAccess access;

	MyTrainingApi(Trainings trainings, TrainingAccess access) {
		this.trainings = trainings;
		this.access = access;
	}

	record AnswerRequest(Integer version, ReferralStatus status, String note) {
	}

	@Operation(summary = "The signed-in worker's training referrals, the latest first")
	@GetMapping("/api/v1/me/training-referrals")
	List<TrainingReferral> mine() {
		Long worker = TrainingAccess.actor().worker();
		return worker == null ? List.of() : trainings.referralsOf(worker);
	}

	@Operation(summary = "One of the signed-in worker's referrals")
	@GetMapping("/api/v1/me/training-referrals/{referralId}")
	TrainingReferral one(@PathVariable long referralId) {
		return access.own(referralId);
	}

	@Operation(summary = "Answer one's own referral: ENROLLED (take a place; 409 if the project is full or closed) or DECLINED, with a note (send the version read)")
	@PostMapping("/api/v1/me/training-referrals/{referralId}/status")
	TrainingReferral answer(@PathVariable long referralId, @RequestBody AnswerRequest request) {
		TrainingReferral referral = access.own(referralId);
		if (request.status() == null) {
			throw new InvalidRequestException("status", "problem.field.required");
		}
		if (request.status() != ReferralStatus.ENROLLED && request.status() != ReferralStatus.DECLINED) {
			throw new InvalidRequestException("status", "training.referral.status.notForWorker",
					request.status().name());
		}
		return TrainingMoves.move(trainings, referral.id(), required(request.version()), request.status(),
				request.note(), null);
	}
}
