package org.chunfeng.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.chunfeng.platform.NotFoundException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Unknown API paths answer 404 as Problem Details, like every other API failure. */
@RestController
class ApiFallbackController {

	@RequestMapping("/api/**")
	void unknown(HttpServletRequest request) {
		throw new NotFoundException("kind.resource", request.getRequestURI());
	}
}
