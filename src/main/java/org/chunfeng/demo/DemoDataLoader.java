package org.chunfeng.demo;

import java.time.LocalDate;
import java.util.List;

import org.chunfeng.campaigns.Campaigns;
import org.chunfeng.campaigns.NewCampaign;
import org.chunfeng.demo.DemoPopulation.GeneratedWorker;
import org.chunfeng.demo.DemoPopulation.Population;
import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.workers.NewWorker;
import org.chunfeng.workers.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo campaign and its population on first start. Each part has its own marker row, claimed in the
 * transaction that loads the part: the primary key makes it happen once per database, whatever restarts or
 * instances, and a database that already has the campaign still gets the population once.
 */
@Component
@ConditionalOnProperty(name = "chunfeng.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	static final String MARKER = "demo-campaign-2027";
	static final String POPULATION_MARKER = "demo-population-2027";

	/** Counties that send many workers to southern Jiangsu, in eight provinces. */
	static final List<String> SENDING_COUNTIES = List.of("341221", "341222", "341226", "341322", "321322", "411525",
			"411623", "411625", "511324", "511722", "520526", "530627", "621121", "500242", "431321", "360732");

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Campaigns campaigns;
	private final Enterprises enterprises;
	private final Workers workers;

	DemoDataLoader(JdbcClient jdbc, TransactionTemplate transactions, Campaigns campaigns, Enterprises enterprises,
			Workers workers) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.campaigns = campaigns;
		this.enterprises = enterprises;
		this.workers = workers;
	}

	@Override
	public void run(ApplicationArguments args) {
		transactions.executeWithoutResult(status -> loadCampaign());
		transactions.executeWithoutResult(status -> loadPopulation());
	}

	/** Claims a marker; a concurrent instance waits on the row until the claimant commits, then skips. */
	private boolean claim(String marker) {
		return jdbc.sql("insert into demo_load (name) values (?) on conflict do nothing").param(marker).update() == 1;
	}

	private void loadCampaign() {
		if (!claim(MARKER)) {
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

	private void loadPopulation() {
		if (!claim(POPULATION_MARKER)) {
			log.info("Demo population already loaded");
			return;
		}
		long started = System.nanoTime();
		Population population = DemoPopulation.generate();
		List<Long> ids = enterprises.registerAll(population.enterprises()).stream().map(Enterprise::id).toList();
		List<NewWorker> registrations = population.workers().stream()
			.map((GeneratedWorker w) -> w.employer() < 0 ? w.worker() : w.worker().withEmployer(ids.get(w.employer())))
			.toList();
		int registered = workers.registerAll(registrations);
		log.info("Demo population loaded: {} enterprises, {} workers in {} ms", ids.size(), registered,
				(System.nanoTime() - started) / 1_000_000);
	}
}
