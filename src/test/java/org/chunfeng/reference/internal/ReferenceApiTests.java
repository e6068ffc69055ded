package org.chunfeng.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.chunfeng.identity.Accounts;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReferenceApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	ApiClient api;

	@BeforeEach
	void client() {
		TestAccounts.ensure(accounts);
		api = ApiClient.withToken(port, TestAccounts.ADMIN);
	}

	@Test
	void findsACountyByChineseNameWithItsParent() {
		Response response = api.get("/api/v1/regions?q=" + ApiClient.encode("虎丘"));
		assertThat(response.status()).isEqualTo(200);
		JsonNode items = response.json().get("items");
		assertThat(items).hasSize(1);
		assertThat(items.get(0).get("code").asString()).isEqualTo("320505");
		assertThat(items.get(0).get("level").asString()).isEqualTo("COUNTY");
		assertThat(items.get(0).get("parent").asString()).isEqualTo("320500");
	}

	@Test
	void pagesAreDeterministicAndComplete() {
		JsonNode first = api.get("/api/v1/regions?level=PROVINCE&size=20&page=0").json();
		JsonNode second = api.get("/api/v1/regions?level=PROVINCE&size=20&page=1").json();
		assertThat(first.get("totalElements").asLong()).isEqualTo(31);
		assertThat(first.get("totalPages").asInt()).isEqualTo(2);
		assertThat(first.get("items")).hasSize(20);
		assertThat(second.get("items")).hasSize(11);
		assertThat(first.get("items").get(0).get("code").asString()).isEqualTo("110000");
		assertThat(second.get("items").get(10).get("code").asString()).isEqualTo("650000");
	}

	@Test
	void searchesInsideARegion() {
		JsonNode page = api.get("/api/v1/regions?within=320500&level=COUNTY&size=200").json();
		assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(9);
		page.get("items").forEach(item -> assertThat(item.get("code").asString()).startsWith("3205"));
	}

	@Test
	void regionDetailCarriesItsPath() {
		JsonNode detail = api.get("/api/v1/regions/320507").json();
		assertThat(detail.get("region").get("name").asString()).isEqualTo("相城区");
		assertThat(detail.get("path").valueStream().map(node -> node.get("name").asString()))
			.containsExactly("江苏省", "苏州市", "相城区");
		JsonNode children = api.get("/api/v1/regions/320500/children").json();
		assertThat(children.valueStream().map(node -> node.get("code").asString())).contains("320505", "320583");
	}

	@Test
	void industriesAndOccupationsAreSearchableByNameAndCode() {
		JsonNode manufacturing = api.get("/api/v1/industries?q=" + ApiClient.encode("汽车制造")).json();
		assertThat(manufacturing.get("items").valueStream().map(node -> node.get("code").asString())).contains("36");
		JsonNode section = api.get("/api/v1/industries/36").json();
		assertThat(section.get("path").valueStream().map(node -> node.get("code").asString()))
			.containsExactly("C", "36");
		assertThat(section.get("edition").asString()).isEqualTo("GB/T 4754-2017");

		JsonNode couriers = api.get("/api/v1/occupations?q=" + ApiClient.encode("快递")).json();
		assertThat(couriers.get("totalElements").asLong()).isPositive();
		JsonNode byCode = api.get("/api/v1/occupations?q=6-&level=MIDDLE&size=50").json();
		byCode.get("items").forEach(item -> assertThat(item.get("code").asString()).matches("6-[0-9]{2}"));
		JsonNode english = api.get("/api/v1/occupations?q=" + ApiClient.encode("courier")).json();
		assertThat(english.get("totalElements").asLong()).isPositive();
	}

	@Test
	void likeWildcardsInSearchTextMatchLiterally() {
		assertThat(api.get("/api/v1/regions?q=%25").json().get("totalElements").asLong()).isZero();
		assertThat(api.get("/api/v1/occupations?q=_").json().get("totalElements").asLong()).isZero();
	}
}
