package org.chunfeng.enterprises.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.platform.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An enterprise's record for the bureau's staff; the database shows only enterprises inside the caller's region. */
@RestController
@Tag(name = "Enterprises")
class EnterpriseApi {

	private final Enterprises enterprises;

	EnterpriseApi(Enterprises enterprises) {
		this.enterprises = enterprises;
	}

	@Operation(summary = "One enterprise")
	@GetMapping("/api/v1/enterprises/{enterpriseId}")
	Enterprise enterprise(@PathVariable long enterpriseId) {
		return enterprises.find(enterpriseId)
			.orElseThrow(() -> new NotFoundException("kind.enterprise", String.valueOf(enterpriseId)));
	}
}
