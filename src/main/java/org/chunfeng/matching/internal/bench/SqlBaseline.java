package org.chunfeng.matching.internal.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.chunfeng.matching.internal.engine.PostingFacts;
import org.chunfeng.matching.internal.engine.Scoring;
import org.chunfeng.matching.internal.engine.SeekerFacts;
import org.chunfeng.matching.internal.engine.Weights;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * What a bureau system without an engine does: the postings and the seekers in PostgreSQL, and for each seeker one
 * query that computes the same score as {@link Scoring} in SQL over the open postings and keeps
 * {@code ORDER BY score DESC, id LIMIT 3}. Runs in temporary tables of one connection (nothing stays behind).
 */
final class SqlBaseline {

	record Result(double loadSeconds, double querySeconds, List<List<Long>> top3) {
	}

	private final DataSource dataSource;
	private final Weights w;

	SqlBaseline(DataSource dataSource, Weights weights) {
		this.dataSource = dataSource;
		this.w = weights;
	}

	Result run(List<PostingFacts> postings, List<SeekerFacts> seekers) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			long started = System.nanoTime();
			try (Statement statement = connection.createStatement()) {
				statement.execute("""
						create temporary table bench_posting (
						    id bigint primary key, occupation text not null, skills text[] not null,
						    workplace char(6) not null, wage_max int not null, industry_path text[] not null,
						    reserved boolean not null, through_festival boolean not null, start_date date not null)""");
				statement.execute("""
						create temporary table bench_seeker (
						    id bigint primary key, occupations text[] not null, skills text[] not null,
						    residence char(6) not null, preferred_regions text[] not null, expected_wage int,
						    preferred_industries text[] not null, key_group boolean not null, plan text not null,
						    home_region char(6), return_date date)""");
			}
			copyPostings(connection, postings);
			copySeekers(connection, seekers);
			try (Statement statement = connection.createStatement()) {
				statement.execute("create index bench_posting_occupation on bench_posting (occupation)");
				statement.execute("create index bench_posting_workplace on bench_posting (workplace)");
				statement.execute("analyze bench_posting");
				statement.execute("analyze bench_seeker");
			}
			double load = (System.nanoTime() - started) / 1e9;
			List<List<Long>> results = new ArrayList<>();
			long querying = System.nanoTime();
			try (PreparedStatement query = connection.prepareStatement(query())) {
				for (SeekerFacts seeker : seekers) {
					query.setLong(1, seeker.id());
					List<Long> top = new ArrayList<>(3);
					try (ResultSet rows = query.executeQuery()) {
						while (rows.next()) {
							top.add(rows.getLong(1));
						}
					}
					results.add(top);
				}
			}
			double queries = (System.nanoTime() - querying) / 1e9;
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop table bench_posting, bench_seeker");
			}
			return new Result(load, queries, results);
		}
	}

	/** The score of {@link Scoring}, part by part, for the seeker given by id. */
	private String query() {
		return String.format(Locale.ROOT, """
				with s as (
				    select s.*,
				           array(select left(o, 7) from unnest(s.occupations) o where length(o) >= 7) as minors,
				           array(select left(o, 4) from unnest(s.occupations) o where length(o) >= 4) as middles,
				           case when s.plan = 'GOING_HOME_NOT_RETURNING' and s.home_region is not null
				                then array[s.home_region::text]
				                when s.plan = 'GOING_HOME_RETURNING' and s.home_region is not null
				                then array[s.residence::text, s.home_region::text]
				                else array[s.residence::text] end as anchors,
				           array(select case when r like '%%0000' then left(r, 2) when r like '%%00' then left(r, 4)
				                             else r end
				                 from unnest(s.preferred_regions) r) as prefixes
				    from bench_seeker s where s.id = ?)
				select p.id,
				       case when p.occupation = any(s.occupations) then %d
				            when length(p.occupation) >= 7 and left(p.occupation, 7) = any(s.minors) then %d
				            when length(p.occupation) >= 4 and left(p.occupation, 4) = any(s.middles) then %d
				            else 0 end
				     + greatest(
				            case when p.workplace = any(s.anchors) then %d
				                 when left(p.workplace, 4) = any(array(select left(a, 4) from unnest(s.anchors) a)) then %d
				                 when left(p.workplace, 2) = any(array(select left(a, 2) from unnest(s.anchors) a)) then %d
				                 else 0 end,
				            case when exists (select 1 from unnest(s.prefixes) x where p.workplace like x || '%%')
				                 then %d else 0 end)
				     + least(%d, %d * cardinality(array(select unnest(p.skills) intersect select unnest(s.skills))))
				     + case when s.expected_wage is null or p.wage_max >= s.expected_wage then %d
				            when p.wage_max::bigint * 10 >= s.expected_wage::bigint * 9 then %d else 0 end
				     + case when p.industry_path && s.preferred_industries then %d else 0 end
				     + case when s.key_group and p.reserved then %d else 0 end
				     + case when s.plan = 'STAYING_PUT' and p.through_festival then %d
				            when s.plan = 'GOING_HOME_RETURNING' and s.return_date is not null
				                 and p.start_date >= s.return_date then %d
				            else 0 end as score
				from bench_posting p, s
				where not p.reserved or s.key_group
				order by score desc, p.id
				limit 3""", w.occupationExact(), w.occupationMinor(), w.occupationMiddle(), w.placeCounty(),
				w.placePrefecture(), w.placeProvince(), w.placePreferred(), w.skillCap(), w.skillEach(), w.wageFull(),
				w.wageNear(), w.industry(), w.keyGroup(), w.festival(), w.festival());
	}

	private static void copyPostings(Connection connection, List<PostingFacts> postings) throws SQLException {
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_posting from stdin");
		StringBuilder rows = new StringBuilder(1 << 20);
		for (PostingFacts p : postings) {
			rows.append(p.id()).append('\t').append(p.occupation()).append('\t').append(array(p.skills())).append('\t')
				.append(p.workplace()).append('\t').append(p.wageMax()).append('\t').append(array(p.industryPath()))
				.append('\t').append(p.reserved()).append('\t').append(p.throughFestival()).append('\t')
				.append(p.startDate()).append('\n');
			if (rows.length() > (1 << 20)) {
				flush(copy, rows);
			}
		}
		flush(copy, rows);
		copy.endCopy();
	}

	private static void copySeekers(Connection connection, List<SeekerFacts> seekers) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into bench_seeker values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
			for (SeekerFacts s : seekers) {
				insert.setLong(1, s.id());
				insert.setArray(2, connection.createArrayOf("text", s.occupations().toArray()));
				insert.setArray(3, connection.createArrayOf("text", s.skills().toArray()));
				insert.setString(4, s.residence());
				insert.setArray(5, connection.createArrayOf("text", s.preferredRegions().toArray()));
				if (s.expectedWage() == null) {
					insert.setNull(6, Types.INTEGER);
				}
				else {
					insert.setInt(6, s.expectedWage());
				}
				insert.setArray(7, connection.createArrayOf("text", s.preferredIndustries().toArray()));
				insert.setBoolean(8, s.keyGroup());
				insert.setString(9, s.plan().name());
				insert.setString(10, s.homeRegion());
				insert.setDate(11, s.returnDate() == null ? null : Date.valueOf(s.returnDate()));
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static void flush(CopyIn copy, StringBuilder rows) throws SQLException {
		byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		rows.setLength(0);
	}

	/** A text-format array literal; elements quoted (COPY text format doubles the backslashes). */
	private static String array(List<String> values) {
		StringBuilder array = new StringBuilder("{");
		for (String value : values) {
			if (array.length() > 1) {
				array.append(',');
			}
			array.append('"').append(value.replace("\\", "\\\\\\\\").replace("\"", "\\\\\"")).append('"');
		}
		return array.append('}').toString();
	}

}
