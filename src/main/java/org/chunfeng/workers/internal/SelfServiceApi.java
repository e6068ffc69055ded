package org.chunfeng.workers.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

import org.chunfeng.workers.PlanVersion;
import org.chunfeng.workers.Worker;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A worker's self-service through the API: register with an SMS code, then keep the own record and plan. */
@RestController
@Tag(name = "Worker self-service")
class SelfServiceApi {

	private final SelfService self;

	SelfServiceApi(SelfService self) {
		this.self = self;
	}

	record CodeRequest(String mobile) {
	}

	@Operation(summary = "Send a registration code by SMS (at most one a minute and ten a day per number)")
	@PostMapping("/api/v1/registrations/sms-codes")
	ResponseEntity<Void> sendCode(@RequestBody CodeRequest request) {
		self.sendCode(request.mobile(), LocaleContextHolder.getLocale());
		return ResponseEntity.accepted().build();
	}

	@Operation(summary = "Register as a worker with the SMS code; then sign in with the mobile number and password")
	@PostMapping("/api/v1/registrations")
	ResponseEntity<SelfService.Registered> register(@RequestBody SelfService.Registration registration) {
		SelfService.Registered registered = self.register(registration);
		return ResponseEntity.created(URI.create("/api/v1/me/worker")).body(registered);
	}

	@Operation(summary = "The signed-in worker's own record")
	@GetMapping("/api/v1/me/worker")
	Worker mine() {
		return self.mine();
	}

	@Operation(summary = "Change the own record and festival plan (send the version you read; 409 if it changed)")
	@PutMapping("/api/v1/me/worker")
	Worker update(@RequestBody WorkerDraft draft) {
		return self.update(draft);
	}

	@Operation(summary = "The own festival plans, newest first")
	@GetMapping("/api/v1/me/worker/plans")
	List<PlanVersion> plans() {
		return self.myPlans();
	}
}
