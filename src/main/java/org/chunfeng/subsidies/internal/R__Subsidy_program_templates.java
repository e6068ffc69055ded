package org.chunfeng.subsidies.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.zip.CRC32;

import org.chunfeng.subsidies.rules.ProgramTemplate;
import org.chunfeng.subsidies.rules.Templates;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Loads the shipped subsidy program templates ({@link Templates}) into {@code subsidy_program}, so they exist in every
 * installation. Repeatable: Flyway runs it again whenever a template changes (the checksum covers them all), and it
 * adds or updates templates by their key, never removes one. Templates are nobody's to write under row-level
 * security, so the owner lifts the forced policy for this transaction only.
 */
@Component
class R__Subsidy_program_templates extends BaseJavaMigration {

	@Override
	public Integer getChecksum() {
		CRC32 crc = new CRC32();
		for (ProgramTemplate t : Templates.ALL) {
			crc.update(row(t).getBytes(StandardCharsets.UTF_8));
		}
		return (int) crc.getValue();
	}

	private static String row(ProgramTemplate t) {
		return String.join("|", t.key(), t.kind().name(), t.beneficiary().name(), t.name(),
				String.valueOf(t.policyYear()), t.openDate().toString(), t.closeDate().toString(), t.basis(),
				ParametersJson.write(t.parameters())) + "\n";
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("alter table subsidy_program no force row level security");
		}
		try (PreparedStatement upsert = connection.prepareStatement("""
				insert into subsidy_program (template_key, kind, beneficiary, name, policy_year, budget_fen, open_date,
				    close_date, basis, parameters, is_template, created_by)
				values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?::jsonb, true, 'system')
				on conflict (template_key) do update set beneficiary = excluded.beneficiary, name = excluded.name,
				    policy_year = excluded.policy_year, open_date = excluded.open_date,
				    close_date = excluded.close_date, basis = excluded.basis, parameters = excluded.parameters,
				    updated_at = now(), version = subsidy_program.version + 1
				where (subsidy_program.beneficiary, subsidy_program.name, subsidy_program.policy_year,
				       subsidy_program.open_date, subsidy_program.close_date, subsidy_program.basis,
				       subsidy_program.parameters)
				      is distinct from (excluded.beneficiary, excluded.name, excluded.policy_year, excluded.open_date,
				       excluded.close_date, excluded.basis, excluded.parameters)""")) {
			for (ProgramTemplate t : Templates.ALL) {
				upsert.setString(1, t.key());
				upsert.setString(2, t.kind().name());
				upsert.setString(3, t.beneficiary().name());
				upsert.setString(4, t.name());
				upsert.setInt(5, t.policyYear());
				upsert.setDate(6, Date.valueOf(t.openDate()));
				upsert.setDate(7, Date.valueOf(t.closeDate()));
				upsert.setString(8, t.basis());
				upsert.setString(9, ParametersJson.write(t.parameters()));
				upsert.addBatch();
			}
			upsert.executeBatch();
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("alter table subsidy_program force row level security");
		}
	}
}
