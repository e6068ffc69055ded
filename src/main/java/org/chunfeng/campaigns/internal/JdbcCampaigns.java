package org.chunfeng.campaigns.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chunfeng.campaigns.Campaign;
import org.chunfeng.campaigns.Campaigns;
import org.chunfeng.campaigns.NewCampaign;
import org.chunfeng.identity.Audit;
import org.chunfeng.campaigns.PartnerAgency;
import org.chunfeng.reference.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcCampaigns implements Campaigns {

	private static final String COLUMNS = "id, code, name_zh, name_en, policy_year, region_code, starts_on, ends_on, festival_on";

	private final JdbcClient jdbc;
	private final Audit audit;

	JdbcCampaigns(JdbcClient jdbc, Audit audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public Optional<Campaign> current(LocalDate day) {
		return jdbc.sql("select " + COLUMNS + """
				 from campaign
				order by case when :day between starts_on and ends_on then 0 when starts_on > :day then 1 else 2 end,
				         case when starts_on > :day then starts_on end asc,
				         ends_on desc, id desc
				limit 1""").param("day", day).query(this::map).optional();
	}

	@Override
	public List<Campaign> all() {
		return jdbc.sql("select " + COLUMNS + " from campaign order by starts_on desc, id desc").query(this::map).list();
	}

	@Override
	public List<PartnerAgency> agencies(long campaignId) {
		return jdbc.sql("""
				select a.code, a.name_zh, a.name_en from partner_agency a
				join campaign_agency ca on ca.agency_code = a.code
				where ca.campaign_id = ? order by a.sort_order""").param(campaignId)
			.query((rs, n) -> new PartnerAgency(rs.getString(1), rs.getString(2), rs.getString(3))).list();
	}

	@Override
	public List<RegionCode> sendingRegions(long campaignId) {
		return jdbc.sql("select region_code from campaign_sending_region where campaign_id = ? order by region_code")
			.param(campaignId).query((rs, n) -> RegionCode.of(rs.getString(1))).list();
	}

	@Override
	@Transactional
	public Campaign create(NewCampaign c) {
		long id = jdbc.sql("""
				insert into campaign (code, name_zh, name_en, policy_year, region_code, starts_on, ends_on, festival_on)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(c.code(), c.nameZh(), c.nameEn(), c.policyYear(), c.region().value(), c.startsOn(), c.endsOn(),
					c.festivalOn())
			.query(Long.class).single();
		for (String agency : c.agencyCodes()) {
			jdbc.sql("insert into campaign_agency (campaign_id, agency_code) values (?, ?)").params(id, agency).update();
		}
		for (RegionCode region : c.sendingRegions()) {
			jdbc.sql("insert into campaign_sending_region (campaign_id, region_code) values (?, ?)")
				.params(id, region.value()).update();
		}
		Campaign created = new Campaign(id, c.code(), c.nameZh(), c.nameEn(), c.policyYear(), c.region(), c.startsOn(),
				c.endsOn(), c.festivalOn());
		audit.record("campaign.created", "campaign", String.valueOf(id), c.region(), null, c);
		return created;
	}

	private Campaign map(ResultSet rs, int row) throws SQLException {
		return new Campaign(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
				rs.getInt("policy_year"), RegionCode.of(rs.getString("region_code")),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getObject("festival_on", LocalDate.class));
	}
}
