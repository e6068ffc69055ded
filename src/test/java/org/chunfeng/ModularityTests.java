package org.chunfeng;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The modules keep to their APIs: no cycles, no reaching into another module's {@code internal} package. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ChunfengApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}
}
