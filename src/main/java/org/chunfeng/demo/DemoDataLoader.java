package org.chunfeng.demo;

import java.time.LocalDate;
import java.util.List;

import org.chunfeng.campaigns.Campaigns;
import org.chunfeng.campaigns.NewCampaign;
import org.chunfeng.reference.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the demo campaign on first start; the marker row's primary key makes it happen once per database. */
@Component
@ConditionalOnProperty(name = "chunfeng.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	static final String MARKER = "demo-campaign-2027";

	/** Counties that send many workers to southern Jiangsu, in eight provinces. */
	static final List<String> SENDING_COUNTIES = List.of("341221", "341222", "341226", "341322", "321322", "411525",
			"411623", "411625", "511324", "511722", "520526", "530627", "621121", "500242", "431321", "360732");

	private final JdbcClient jdbc;
	private final Campaigns campaigns;

	DemoDataLoader(JdbcClient jdbc, Campaigns campaigns) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		// a concurrent instance waits on this row until we commit, then skips
		int claimed = jdbc.sql("insert into demo_load (name) values (?) on conflict do nothing").param(MARKER).update();
		if (claimed == 0) {
			log.info("Demo campaign already loaded");
			return;
		}
		campaigns.create(new NewCampaign("SZ-2027", "苏州市2027年春节“留岗稳岗·春风行动”专项行动",
				"Suzhou 2027 Spring Festival job retention and Spring Breeze campaign", 2027, RegionCode.of("320500"),
				LocalDate.of(2027, 1, 13), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 2, 6),
				List.of("HRSS", "MIIT", "CIVIL_AFFAIRS", "TRANSPORT", "RURAL_REVITALIZATION", "TRADE_UNION",
						"WOMENS_FEDERATION"),
				SENDING_COUNTIES.stream().map(RegionCode::of).toList()));
		log.info("Demo campaign loaded: Suzhou 2027, {} sending counties", SENDING_COUNTIES.size());
	}
}
