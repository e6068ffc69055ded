package org.chunfeng.identity.internal;

import org.chunfeng.identity.RegionScope;
import org.chunfeng.reference.OccupationsImported;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes changes of the reference tables to the audit log. They belong to no region: entered under the
 * importing administrator's region, or as the installation's own when run from the command line.
 */
@Component
class ReferenceDataAudit {

	private final JdbcAudit audit;

	ReferenceDataAudit(JdbcAudit audit) {
		this.audit = audit;
	}

	@EventListener
	void on(OccupationsImported imported) {
		var actor = RegionScope.currentActor();
		audit.record(actor.map(a -> a.username()).orElse("system"), "occupations.imported", "occupation",
				imported.edition(), actor.map(a -> a.region().value()).orElse(JdbcAudit.UNKNOWN_REGION), null,
				java.util.Map.of("edition", imported.edition(), "rows", imported.rowsWritten()), null);
	}
}
