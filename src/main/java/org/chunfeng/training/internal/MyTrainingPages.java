package org.chunfeng.training.internal;

import java.util.List;

import org.chunfeng.training.ReferralStatus;
import org.chunfeng.training.TrainingReferral;
import org.chunfeng.training.Trainings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A worker's own training referrals on the phone (我的培训): where and when, accept (enrol) or decline. */
@Controller
class MyTrainingPages {

	private final Trainings trainings;
	private final TrainingAccess access;
	private final TrainingTexts texts;

	MyTrainingPages(Trainings trainings, TrainingAccess access, TrainingTexts texts) {
		this.trainings = trainings;
		this.access = access;
		this.texts = texts;
	}

	@GetMapping("/me/training")
	String mine(Model model) {
		Long worker = TrainingAccess.actor().worker();
		model.addAttribute("navSection", "myTraining");
		model.addAttribute("referrals", worker == null ? List.of() : trainings.referralsOf(worker));
		return "training/my-list";
	}

	@PostMapping("/me/training/{referralId}/enrol")
	String enrol(@PathVariable long referralId, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		return answer(referralId, version, ReferralStatus.ENROLLED, null, "training.my.enrolledNotice", redirect);
	}

	@PostMapping("/me/training/{referralId}/decline")
	String decline(@PathVariable long referralId, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return answer(referralId, version, ReferralStatus.DECLINED, note, "training.my.declinedNotice", redirect);
	}

	private String answer(long referralId, Integer version, ReferralStatus to, String note, String notice,
			RedirectAttributes redirect) {
		TrainingReferral referral = access.own(referralId);
		TrainingSteps.run(texts, () -> TrainingMoves.move(trainings, referral.id(),
				version == null ? referral.version() : version, to, note, null), notice)
			.forEach(redirect::addFlashAttribute);
		return "redirect:/me/training";
	}
}
